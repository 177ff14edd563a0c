package io.jvectorize.runtime;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One fused pass, compiled: the steps that compute an elementwise result, or fold a reduction,
 * block by block. Immutable and shared between threads; each run has its own {@link Frame}s.
 *
 * <p>A run allocates the result and, per thread, registers of one block each: nothing else
 * grows with the input (a parallel reduction also keeps one small partial per block).
 */
final class Program {

    /** A subexpression without arrays: computed once per run, as a value of {@code type} in a one-element {@code arrayType}. */
    record Constant(Expr expr, DType type, Class<?> arrayType) {}

    /** A block-sized array of a frame: a temporary, or copies of constant number {@code constant} (else -1). */
    record Register(Class<?> arrayType, int constant) {}

    /** The expression computed: elementwise, or a {@link Reduction}. */
    final Expr root;
    private final List<String> inputs;
    private final List<Constant> constants;
    private final List<Register> registers;
    private final List<Step> steps;
    private final List<Step.CallKernel> calls;
    /** Null for an elementwise pass. */
    private final Reducer reducer;
    /** A reduction's last step, and the steps before it; null for an elementwise pass. */
    private final Step.Fold fold;
    private final List<Step> elementwise;
    /** Whether any bound array takes part; if not, the pass is over one element, as NumPy's 0-d arrays. */
    private final boolean usesArrays;
    /** The scalar subexpressions explain lists, as "c0 = 2 * sigma ** 2". */
    private final List<String> scalars;
    /**
     * The elementwise steps as one generated loop, where the Vector API is present and they can
     * be: null until a run first asks for it, then empty where there is none. An elementwise
     * pass runs it over the whole array; a reduction over each block, into the register that its
     * fold reads.
     */
    private volatile Optional<FusedLoop> loop;

    Program(Expr root, List<String> inputs, List<Constant> constants, List<Register> registers, List<Step> steps,
            List<Step.CallKernel> calls, Reducer reducer, boolean usesArrays, List<String> scalars) {
        this.root = root;
        this.inputs = List.copyOf(inputs);
        this.constants = List.copyOf(constants);
        this.registers = List.copyOf(registers);
        this.steps = List.copyOf(steps);
        this.calls = List.copyOf(calls);
        this.reducer = reducer;
        this.fold = reducer == null ? null : (Step.Fold) this.steps.get(this.steps.size() - 1);
        this.elementwise = reducer == null ? null : this.steps.subList(0, this.steps.size() - 1);
        this.usesArrays = usesArrays;
        this.scalars = List.copyOf(scalars);
    }

    /** The generated loop, compiled on first use; null where there is none. */
    private FusedLoop loop() {
        Optional<FusedLoop> compiled = loop;
        if (compiled == null) {
            // Two threads may both compile: FusedLoop's cache gives them the same loop.
            compiled = Optional.ofNullable(Simd.ENABLED && usesArrays ? compileLoop() : null);
            loop = compiled;
        }
        return compiled.orElse(null);
    }

    private FusedLoop compileLoop() {
        if (reducer == null) {
            return FusedLoop.out(steps.get(steps.size() - 1)).where == Slot.Where.RESULT
                    ? FusedLoop.compile(steps, constants, registers) : null;
        }
        return fold.in().where == Slot.Where.REGISTER && !elementwise.isEmpty()
                ? FusedLoop.compile(elementwise, constants, registers) : null;
    }

    private static boolean isOneOf(Object array, Object[] arrays) {
        for (Object candidate : arrays) {
            if (candidate == array) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a run with these options goes through the generated loop: only where it computes
     * at least one whole vector (of the array, or of a reduction's block).
     */
    private boolean usesLoop(Compute.Options options, int length) {
        if (!options.generateLoops() || !Simd.ENABLED || !usesArrays) {
            return false;
        }
        FusedLoop loop = loop();
        int span = reducer == null ? length : Math.min(options.blockSize(), length);
        return loop != null && (options.vectorMath() || !loop.usesVectorMath) && span >= loop.lanes();
    }

    /** The number of elements the pass runs over. */
    private int length(Binding binding) {
        return usesArrays ? binding.length() : 1;
    }

    /**
     * Runs the pass: the result array, or the reduction's boxed value.
     *
     * @param known the values of the reductions nested in it, from earlier passes
     * @param out an array of the result's type and length to write into, or null. It is
     *     used only by the generated loop, which cannot fail halfway (lane functions and the
     *     kernels beside them never throw; see {@link VectorizedFunction.Overload}), and only
     *     where it is none of the inputs (the block engine's tail would read what it wrote);
     *     else the result is a new array.
     */
    Object run(Binding binding, Map<Reduction, Object> known, Compute.Options options, Object out) {
        int length = length(binding);
        if (reducer != null) {
            reducer.checkLength(length);
        }
        Object[] boundInputs = new Object[inputs.size()];
        for (int i = 0; i < boundInputs.length; i++) {
            boundInputs[i] = binding.array(inputs.get(i));
        }
        Object[] constantValues = new Object[constants.size()];
        for (int k = 0; k < constantValues.length; k++) {
            Constant constant = constants.get(k);
            constantValues[k] = Reference.scalar(constant.expr, constant.type, constant.arrayType, binding, known);
        }
        boolean usesLoop = usesLoop(options, length);
        Object result = reducer != null ? null
                : out != null && usesLoop && !isOneOf(out, boundInputs) ? out
                : Conversions.newArray(root.dtype().arrayType(), length);
        int blockSize = options.blockSize();
        int registerLength = Math.max(1, Math.min(blockSize, length));
        boolean vectorMath = Simd.ENABLED && options.vectorMath();
        Reducer.Partial total = reducer == null ? null : reducer.start();
        if (reducer == null && usesLoop) {
            runLoop(boundInputs, constantValues, result, options.parallel(), vectorMath);
        } else if (!options.parallel()) {
            Frame frame = newFrame(boundInputs, constantValues, result, registerLength, vectorMath, usesLoop);
            for (long start = 0; start < length; start += blockSize) {
                runBlock(frame, (int) start, (int) Math.min(blockSize, length - start));
                if (reducer != null) {
                    reducer.combine(total, frame.partial);
                }
            }
        } else {
            int blocks = (int) ((length + (long) blockSize - 1) / blockSize);
            Reducer.Partial[] partials = reducer == null ? null : new Reducer.Partial[blocks];
            Queue<Frame> frames = new ConcurrentLinkedQueue<>();
            // Chunks of elements, each running the blocks that start in it: the blocks, and so
            // the results, are those of the serial pass, whatever the number of threads.
            Parallel.forRange(length, (from, to) -> {
                Frame frame = frames.poll();
                if (frame == null) {
                    frame = newFrame(boundInputs, constantValues, result, registerLength, vectorMath, usesLoop);
                }
                for (long block = (from + (long) blockSize - 1) / blockSize; block * blockSize < to; block++) {
                    long start = block * blockSize;
                    runBlock(frame, (int) start, (int) Math.min(blockSize, length - start));
                    if (partials != null) {
                        partials[(int) block] = frame.partial.copy();
                    }
                }
                frames.add(frame);
            });
            if (partials != null) {
                for (Reducer.Partial partial : partials) {
                    reducer.combine(total, partial);
                }
            }
        }
        return reducer == null ? result : reducer.finish(total);
    }

    /**
     * The generated loop over whole vectors; the elements after the last whole vector (of the
     * array, or of a thread's chunk) through the block engine.
     */
    private void runLoop(Object[] boundInputs, Object[] constantValues, Object result, boolean parallel,
            boolean vectorMath) {
        FusedLoop loop = loop();
        int length = Array.getLength(result);
        Parallel.RangeTask task = (from, to) -> {
            int done = loop.run(boundInputs, constantValues, result, from, to, 0);
            if (done < to) {
                runBlock(newFrame(boundInputs, constantValues, result, to - done, vectorMath, false), done,
                        to - done);
            }
        };
        if (parallel) {
            Parallel.forRange(length, task);
        } else {
            task.run(0, length);
        }
    }

    private void runBlock(Frame frame, int start, int n) {
        if (frame.tail != null) {
            // A reduction's block: the generated loop fills the register its fold reads, and
            // the block engine the few elements after its last whole vector.
            Object folded = fold.in().array(frame);
            int end = start + n;
            int done = loop().run(frame.inputs, frame.constants, folded, start, end, -start);
            if (done < end) {
                for (Step step : elementwise) {
                    step.run(frame.tail, done, end - done);
                }
                System.arraycopy(fold.in().array(frame.tail), 0, folded, done - start, end - done);
            }
            fold.run(frame, start, n);
            return;
        }
        for (Step step : steps) {
            step.run(frame, start, n);
        }
    }

    private Frame newFrame(Object[] boundInputs, Object[] constantValues, Object result, int registerLength,
            boolean vectorMath, boolean runsLoop) {
        Object[] arrays = new Object[registers.size()];
        for (int r = 0; r < arrays.length; r++) {
            Register register = registers.get(r);
            arrays[r] = register.constant >= 0 ? Conversions.fill(constantValues[register.constant], registerLength)
                    : Conversions.newArray(register.arrayType, registerLength);
        }
        Object[][] callArguments = new Object[calls.size()][];
        Frame tail = runsLoop ? newFrame(boundInputs, constantValues, result, loop().lanes(), vectorMath, false) : null;
        Frame frame = new Frame(boundInputs, constantValues, arrays, result, callArguments, vectorMath, tail);
        for (Step.CallKernel call : calls) {
            Object[] arguments = new Object[call.in.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = call.in[i].array(frame);
            }
            callArguments[call.index] = arguments;
        }
        return frame;
    }

    /** The pass as explain shows it: a header line, the constants, then one numbered line per step. */
    String describe(Binding binding, Compute.Options options) {
        int length = length(binding);
        int threads = options.parallel() && length >= Parallel.serialCutoff() ? Parallel.parallelism() : 1;
        boolean usesLoop = usesLoop(options, length);
        String how = !usesLoop ? "in blocks of " + options.blockSize() : reducer == null
                ? "in one generated Vector API loop" : "in blocks of " + options.blockSize() + ", each through one generated Vector API loop";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "fused pass over %,d element%s %s (%d thread%s)\n",
                length, length == 1 ? "" : "s", how, threads, threads == 1 ? "" : "s"));
        if (!scalars.isEmpty()) {
            text.append("  scalars, computed once: ").append(String.join(", ", scalars)).append('\n');
        }
        boolean vectorMath = Simd.ENABLED && options.vectorMath();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            text.append(String.format(Locale.ROOT, "  %d. %s  [%s]\n", i + 1, step.text,
                    usesLoop && !(step instanceof Step.Fold) ? "in the generated loop" : step.how(vectorMath)));
        }
        return text.toString();
    }
}
