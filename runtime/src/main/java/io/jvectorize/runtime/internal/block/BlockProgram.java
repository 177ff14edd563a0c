package io.jvectorize.runtime.internal.block;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Parallel;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Settings;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The block engine's form of a pass, as numexpr computes: its steps run over one block of
 * elements after another, each block's values in small registers that stay in cache, and a
 * reduction folds each block. Immutable and shared between threads; each run has its own
 * {@link Frame}s. A run allocates the result and, per thread, registers of one block each:
 * nothing else grows with the input (a parallel reduction also keeps one small partial per
 * block).
 *
 * <p>A run may hand the elementwise work to a {@link WholeVectors} (a generated loop): an
 * elementwise pass then runs it over the whole array, and this engine computes only the
 * elements after its last whole vector; a reduction runs it over each block, into the register
 * its fold reads.
 */
public final class BlockProgram {

    /**
     * A block-sized array of a frame: a temporary, or copies of number {@code number} (else -1)
     * as {@code type}; of interleaved (re, im) pairs, twice as long, where {@code pairs}.
     */
    record Register(Class<?> arrayType, int number, DType type, boolean pairs) {}

    private final Pass pass;
    private final List<Register> registers;
    private final List<BlockStep> steps;
    private final List<BlockStep.Call> calls;
    /** A reduction's last step, and the steps before it; null for an elementwise pass. */
    private final BlockStep.Fold fold;
    private final List<BlockStep> elementwise;
    /** Whether a step may throw (an integer division by zero, a call): then a run may not write into the caller's array. */
    private final boolean mayFail;

    BlockProgram(Pass pass, List<Register> registers, List<BlockStep> steps, List<BlockStep.Call> calls) {
        this.pass = pass;
        this.registers = List.copyOf(registers);
        this.steps = List.copyOf(steps);
        this.calls = List.copyOf(calls);
        this.fold = pass.isReduction() ? (BlockStep.Fold) this.steps.get(this.steps.size() - 1) : null;
        this.elementwise = pass.isReduction() ? this.steps.subList(0, this.steps.size() - 1) : this.steps;
        this.mayFail = pass.steps().stream().anyMatch(step -> step instanceof Step.Invoke
                || step instanceof Step.Apply apply && apply.text() != null);
    }

    /** The block program of a pass. */
    public static BlockProgram of(Pass pass) {
        return BlockCompiler.compile(pass);
    }

    /**
     * Whether a {@link WholeVectors} of the pass can take its elementwise work: an elementwise
     * pass's, or a reduction's that folds computed values (a register), not a bound array as it is.
     */
    public boolean takesWholeVectors() {
        return fold == null || fold.in.where == Slot.Where.REGISTER && !elementwise.isEmpty();
    }

    /**
     * Runs the pass over {@code length} elements: the result array, or the reduction's boxed value.
     *
     * @param inputs the pass's bound arrays, by input index
     * @param numbers the pass's numbers for this run, by index
     * @param out an array of the result's type and length to write into, or null. It is used
     *     only where the run cannot fail halfway (with {@code loop}, or with steps that throw
     *     nothing), and only where it is none of the inputs (a later step, or this engine's tail
     *     after the loop, would read what was written); else the result is a new array
     * @param loop what computes whole vectors of the elementwise work, or null: this engine
     *     computes everything
     */
    public Object run(Object[] inputs, Object[] numbers, int length, Settings settings, Object out,
            WholeVectors loop) {
        return run(inputs, numbers, length, settings, out, loop, true);
    }

    /**
     * {@link #run(Object[], Object[], int, Settings, Object, WholeVectors)}, with the operators'
     * Vector API kernels ({@code vectorKernels}) or their scalar ones only: these give the same
     * values for arithmetic, and compile faster in a fresh JVM.
     */
    public Object run(Object[] inputs, Object[] numbers, int length, Settings settings, Object out,
            WholeVectors loop, boolean vectorKernels) {
        Reducer reducer = fold == null ? null : pass.fold().reducer();
        if (reducer != null) {
            reducer.checkLength(length);
        }
        Object result = reducer != null ? null
                : out != null && (loop != null || !mayFail) && !isOneOf(out, inputs)
                        && java.lang.reflect.Array.getLength(out) == resultLength(length) ? out
                : Conversions.newArray(pass.type().arrayType(), resultLength(length));
        int blockSize = settings.blockSize();
        int registerLength = Math.max(1, Math.min(blockSize, length));
        boolean vectorMath = Simd.ENABLED && settings.vectorMath();
        Reducer.Partial total = reducer == null ? null : reducer.start();
        if (reducer == null && loop != null) {
            runLoop(loop, inputs, numbers, result, settings.parallel(), vectorMath, vectorKernels);
        } else if (!settings.parallel()) {
            Frame frame = newFrame(inputs, numbers, result, registerLength, vectorMath, vectorKernels, loop);
            for (long start = 0; start < length; start += blockSize) {
                runBlock(frame, (int) start, (int) Math.min(blockSize, length - start), loop);
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
                    frame = newFrame(inputs, numbers, result, registerLength, vectorMath, vectorKernels, loop);
                }
                for (long block = (from + (long) blockSize - 1) / blockSize; block * blockSize < to; block++) {
                    long start = block * blockSize;
                    runBlock(frame, (int) start, (int) Math.min(blockSize, length - start), loop);
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

    /** The result array's length for {@code length} elements: pairs for a complex type. */
    private int resultLength(int length) {
        return pass.type().isComplex() ? 2 * length : length;
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
     * The loop over whole vectors; the elements after the last whole vector (of the array, or of
     * a thread's chunk) through this engine.
     */
    private void runLoop(WholeVectors loop, Object[] inputs, Object[] numbers, Object result, boolean parallel,
            boolean vectorMath, boolean vectorKernels) {
        int length = java.lang.reflect.Array.getLength(result);
        Parallel.RangeTask task = (from, to) -> {
            int done = loop.run(inputs, numbers, result, from, to, 0);
            if (done < to) {
                Frame tail = newFrame(inputs, numbers, result, to - done, vectorMath, vectorKernels, null);
                for (BlockStep step : steps) {
                    step.run(tail, done, to - done);
                }
            }
        };
        if (parallel) {
            Parallel.forRange(length, task);
        } else {
            task.run(0, length);
        }
    }

    private void runBlock(Frame frame, int start, int n, WholeVectors loop) {
        if (frame.tail != null) {
            // A reduction's block: the loop fills the register its fold reads, and this engine
            // the few elements after its last whole vector.
            Object folded = fold.in.array(frame);
            int end = start + n;
            int done = loop.run(frame.inputs, frame.numbers, folded, start, end, -start);
            if (done < end) {
                for (BlockStep step : elementwise) {
                    step.run(frame.tail, done, end - done);
                }
                System.arraycopy(fold.in.array(frame.tail), 0, folded, done - start, end - done);
            }
            fold.run(frame, start, n);
            return;
        }
        for (BlockStep step : steps) {
            step.run(frame, start, n);
        }
    }

    private Frame newFrame(Object[] inputs, Object[] numbers, Object result, int registerLength, boolean vectorMath,
            boolean vectorKernels, WholeVectors loop) {
        Object[] arrays = new Object[registers.size()];
        for (int r = 0; r < arrays.length; r++) {
            Register register = registers.get(r);
            Object number = register.number() >= 0 ? numbers[register.number()] : null;
            arrays[r] = number != null && register.pairs() ? pairs(number, register.arrayType(), registerLength)
                    : number != null ? Conversions.fill(Conversions.convert(number, register.arrayType(),
                            register.type()), registerLength)
                    : Conversions.newArray(register.arrayType(), register.pairs() ? 2 * registerLength : registerLength);
        }
        Object[][] callArguments = new Object[calls.size()][];
        Frame tail = fold != null && loop != null
                ? newFrame(inputs, numbers, result, loop.lanes(), vectorMath, vectorKernels, null) : null;
        Frame frame = new Frame(inputs, numbers, arrays, result, callArguments, vectorMath, vectorKernels, tail);
        for (BlockStep.Call call : calls) {
            Object[] arguments = new Object[call.in.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = call.in[i].array(frame);
            }
            callArguments[call.index] = arguments;
        }
        return frame;
    }

    /** {@code length} copies of a complex number's pair, in an array of class {@code arrayType}. */
    private static Object pairs(Object number, Class<?> arrayType, int length) {
        double[] pair = (double[]) number;
        if (arrayType == float[].class) {
            float[] copies = new float[2 * length];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = (float) pair[i & 1];
            }
            return copies;
        }
        double[] copies = new double[2 * length];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = pair[i & 1];
        }
        return copies;
    }

    /**
     * The steps as explain lists them, {@code t1 = t0 ** 2}, each with how it runs;
     * {@code inLoop} marks the elementwise ones a generated loop runs.
     */
    public List<String> describeSteps(boolean vectorMath, boolean inLoop) {
        return describeSteps(vectorMath, inLoop, "in the generated loop");
    }

    /** {@link #describeSteps(boolean, boolean)}, saying {@code loop} for the steps in the loop. */
    public List<String> describeSteps(boolean vectorMath, boolean inLoop, String loop) {
        List<String> lines = new ArrayList<>();
        for (BlockStep step : steps) {
            lines.add(step.text + "  [" + (inLoop && step != fold ? loop : step.how(vectorMath)) + "]");
        }
        return lines;
    }

    /** The steps as a run without Vector API kernels takes them: while the pass's generated loop warms. */
    public List<String> describeScalarSteps() {
        List<String> lines = new ArrayList<>();
        for (BlockStep step : steps) {
            lines.add(step.text + "  [" + (step instanceof BlockStep.Apply ? "fused block evaluation" : step.how(false)) + "]");
        }
        return lines;
    }
}
