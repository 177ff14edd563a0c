package io.jvectorize.runtime.internal.exec;

import io.jvectorize.runtime.Parallel;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.SimdWarmup;
import io.jvectorize.runtime.internal.block.BlockProgram;
import io.jvectorize.runtime.internal.block.WholeVectors;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Plan;
import io.jvectorize.runtime.internal.ir.Settings;
import io.jvectorize.runtime.internal.jit.FusedLoop;
import io.jvectorize.runtime.internal.jit.Loops;
import io.jvectorize.runtime.internal.jit.ScalarLoops;
import io.jvectorize.runtime.internal.plan.BoundData;
import io.jvectorize.runtime.internal.plan.Numbers;
import io.jvectorize.runtime.internal.reference.ReferenceEngine;
import io.jvectorize.runtime.internal.warm.Warming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan with what the engines compiled of it, run pass by pass: each pass's numbers computed
 * by the planner's {@link Numbers}, then the pass by the reference engine, or by the block
 * engine with, where it pays and the settings allow, a generated loop for its whole vectors.
 * Passes with complex values run on the block engine too, their complex steps on the reference
 * engine's kernels ({@link io.jvectorize.runtime.internal.op.ComplexKernels}), without a generated loop.
 * Immutable but for what it compiles on first use; shared between threads.
 */
public final class Executable {

    private final Plan plan;
    private final List<CompiledPass> passes = new ArrayList<>();

    Executable(Plan plan) {
        this.plan = plan;
        for (Pass pass : plan.passes()) {
            passes.add(new CompiledPass(pass));
        }
    }

    /**
     * The expression's value on {@code data}: an array of its type, or a reduction's boxed value.
     *
     * @param optimize the block engine and generated loops (true), or the reference (false)
     * @param out an array of the result's type and length to write into where the last pass can
     *     do so safely, or null (see {@link BlockProgram#run})
     */
    public Object compute(BoundData data, Settings settings, boolean optimize, Object out) {
        Object[] values = new Object[passes.size()];
        for (int i = 0; i < values.length; i++) {
            CompiledPass compiled = passes.get(i);
            Pass pass = compiled.pass;
            Object[] numbers = Numbers.evaluate(pass, data, values);
            Object[] inputs = new Object[pass.inputs().size()];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = data.array(pass.inputs().get(k).name());
            }
            int length = pass.usesArrays() ? data.length() : 1;
            values[i] = optimize ? compiled.run(inputs, numbers, length, settings, i == values.length - 1 ? out : null)
                    : ReferenceEngine.run(pass, inputs, numbers, length, settings.blockSize());
        }
        return values[values.length - 1];
    }

    /**
     * This plan's run again on data bound alike (each symbol to data of the same type, numbers of
     * the same values): its numbers computed once, here, and kept; or null where the plan is not
     * one pass of real values over arrays with an elementwise result, which is all that keeps.
     */
    public Rerun rerun(BoundData data, Settings settings) {
        if (passes.size() != 1) {
            return null;
        }
        CompiledPass compiled = passes.get(0);
        Pass pass = compiled.pass;
        if (pass.isReduction() || pass.involvesComplex() || !pass.usesArrays()) {
            return null;
        }
        String[] inputs = new String[pass.inputs().size()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = pass.inputs().get(k).name();
        }
        return new Rerun(compiled, Numbers.evaluate(pass, data, new Object[0]), inputs, settings);
    }

    /** A one-pass plan's run with its numbers kept (see {@link #rerun}); immutable, shared between threads. */
    public static final class Rerun {
        private final CompiledPass pass;
        /** One-element arrays, only ever read. */
        private final Object[] numbers;
        private final String[] inputs;
        private final Settings settings;

        Rerun(CompiledPass pass, Object[] numbers, String[] inputs, Settings settings) {
            this.pass = pass;
            this.numbers = numbers;
            this.inputs = inputs;
            this.settings = settings;
        }

        /** The symbols whose arrays {@link #run} takes, in order. */
        public String input(int k) {
            return inputs[k];
        }

        public int inputs() {
            return inputs.length;
        }

        /**
         * The pass over {@code length} elements of {@code inputs}: {@code out}, where it wrote into
         * it, or a new array (see {@link BlockProgram#run}).
         */
        public Object run(Object[] inputs, int length, Object out) {
            return pass.run(inputs, numbers, length, settings, out);
        }
    }

    /** The plan as explain shows it: for each pass a header line, its numbers, then one numbered line per step. */
    public String explain(BoundData data, Settings settings) {
        StringBuilder text = new StringBuilder();
        for (CompiledPass compiled : passes) {
            Pass pass = compiled.pass;
            if (pass != plan.main()) {
                text.append("pre-pass for ").append(pass.name()).append(" = ").append(pass.text()).append(": ");
            }
            text.append(compiled.describe(pass.usesArrays() ? data.length() : 1, settings));
        }
        return text.toString();
    }

    /**
     * A pass's generated loop, and its block engine without Vector API kernels, on scratch arrays
     * of its inputs' types with the numbers of the run that first asked: what the warming
     * thread makes and times (see {@link Warming}).
     */
    private static final class LoopTrial implements Warming.Job, Warming.Trial {
        private final CompiledPass pass;
        /** The inputs' element types: not the arrays, which the plan cache would keep alive. */
        private final Class<?>[] elementTypes;
        private final Object[] numbers;
        private final Settings settings;
        private BlockProgram blocks;
        private FusedLoop loop;
        /** The path runs take meanwhile: the scalar loop, or where there is none the block engine's scalar kernels. */
        private WholeVectors scalarLoop;
        private Object[] full;
        private Object[] tailOnly;

        LoopTrial(CompiledPass pass, Object[] inputs, Object[] numbers, Settings settings) {
            this.pass = pass;
            this.elementTypes = new Class<?>[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                elementTypes[i] = inputs[i].getClass().getComponentType();
            }
            this.numbers = numbers;
            this.settings = new Settings(settings.blockSize(), false, settings.vectorMath(), true, false);
        }

        @Override
        public Warming.Trial prepare() {
            blocks = pass.blocks();
            scalarLoop = pass.scalarLoop();
            loop = pass.loopFor(settings, SimdWarmup.SCRATCH_LENGTH);
            if (loop == null) {
                throw new IllegalStateException("no generated loop to warm"); // runs take the block engine
            }
            full = scratch(SimdWarmup.SCRATCH_LENGTH);
            tailOnly = scratch(loop.lanes() + 3);
            return this;
        }

        private Object[] scratch(int length) {
            Object[] arrays = new Object[elementTypes.length];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = SimdWarmup.scratchArray(elementTypes[i], length);
            }
            return arrays;
        }

        @Override
        public void scalar() {
            blocks.run(full, numbers, SimdWarmup.SCRATCH_LENGTH, settings, null, scalarLoop, false);
        }

        @Override
        public void vector() {
            blocks.run(full, numbers, SimdWarmup.SCRATCH_LENGTH, settings, null, loop, true);
        }

        @Override
        public void otherShapes() {
            blocks.run(tailOnly, numbers, loop.lanes() + 3, settings, null, loop, true);
        }
    }

    /** A pass and what the block and loop engines compiled of it, each on first use. */
    private static final class CompiledPass {
        final Pass pass;
        private volatile BlockProgram blocks;
        /** Null until a run first asks for it, then empty where there is none. */
        private volatile Optional<FusedLoop> loop;
        /** Null until a run first asks for it, then empty where there is none. */
        private volatile Optional<WholeVectors> scalarLoop;
        /** Null until a run that may take the loop first asks whether it is compiled. */
        private volatile Warming warming;

        CompiledPass(Pass pass) {
            this.pass = pass;
        }

        BlockProgram blocks() {
            BlockProgram compiled = blocks;
            if (compiled == null) {
                compiled = BlockProgram.of(pass); // two threads may both compile: either program is right
                blocks = compiled;
            }
            return compiled;
        }

        /** The generated loop, compiled on first use; null where there is none. */
        private FusedLoop loop() {
            Optional<FusedLoop> compiled = loop;
            if (compiled == null) {
                // Two threads may both compile: the loop cache gives them the same loop.
                compiled = pass.usesArrays() && !pass.involvesComplex() && blocks().takesWholeVectors() ? Loops.compile(pass)
                        : Optional.empty();
                loop = compiled;
            }
            return compiled.orElse(null);
        }

        /** The generated scalar loop, compiled on first use; null where there is none. */
        WholeVectors scalarLoop() {
            Optional<WholeVectors> compiled = scalarLoop;
            if (compiled == null) {
                compiled = ScalarLoops.compile(pass); // two threads may both compile: the cache gives them one loop
                scalarLoop = compiled;
            }
            return compiled.orElse(null);
        }

        /**
         * The loop a run with these settings goes through, or null: only where it computes at
         * least one whole vector (of the array, or of a reduction's block).
         */
        private FusedLoop loopFor(Settings settings, int length) {
            if (!settings.generateLoops() || !Simd.ENABLED || !pass.usesArrays()) {
                return null;
            }
            FusedLoop loop = loop();
            int span = pass.isReduction() ? Math.min(settings.blockSize(), length) : length;
            return loop != null && (settings.vectorMath() || !loop.usesVectorMath()) && span >= loop.lanes() ? loop : null;
        }

        /**
         * Runs the pass through its generated loop where it has one and the JIT has compiled it;
         * until then through its generated scalar loop (or, where it has none, the block
         * engine's scalar kernels), which the JIT compiles within the first run: it calls one
         * method per element. The Vector API loop is written, defined and warmed on the warming
         * thread ({@link SimdWarmup}), so a pass's first run pays for none of it.
         */
        Object run(Object[] inputs, Object[] numbers, int length, Settings settings, Object out) {
            if (settings.scalarLoops() && settings.generateLoops() && scalarLoop() != null
                    || mayRunLoop(settings) && !warmed(inputs, numbers, settings, length)) {
                return blocks().run(inputs, numbers, length, settings, out, scalarLoop(), false);
            }
            return blocks().run(inputs, numbers, length, settings, out, loopFor(settings, length));
        }

        /** Whether a run with these settings may take a generated loop, asked without making one. */
        private boolean mayRunLoop(Settings settings) {
            return settings.generateLoops() && Simd.ENABLED && pass.usesArrays() && !pass.involvesComplex()
                    && blocks().takesWholeVectors();
        }

        /**
         * Whether a run over {@code length} elements may take the loop: it is compiled (or there
         * is none, or warming is off), or the run is large ({@link Warming#LARGE_CALL}); the
         * first smaller run starts warming it.
         */
        private boolean warmed(Object[] inputs, Object[] numbers, Settings settings, int length) {
            Warming current = warming;
            if (current == null) {
                synchronized (this) {
                    if (warming == null) {
                        warming = new Warming(!SimdWarmup.ENABLED, new LoopTrial(this, inputs, numbers, settings));
                    }
                    current = warming;
                }
            }
            return current.compiled(length);
        }

        /**
         * Whether a run over {@code length} elements now takes the generated loop, as far as the
         * warm-up goes ({@link #warmed}), asked without starting the warming: a run before any
         * other starts it, and so takes the scalar kernels.
         */
        private boolean loopWarmed(int length) {
            Warming current = warming;
            return length >= Warming.LARGE_CALL || (current == null ? !SimdWarmup.ENABLED : current.isCompiled());
        }

        String describe(int length, Settings settings) {
            int threads = settings.parallel() && length >= Parallel.serialCutoff() ? Parallel.parallelism() : 1;
            boolean hasLoop = loopFor(settings, length) != null;
            boolean warming = hasLoop && !loopWarmed(length);
            boolean scalarLoop = (warming || settings.scalarLoops()) && settings.generateLoops() && scalarLoop() != null;
            boolean usesLoop = hasLoop && !warming && !scalarLoop;
            String how = scalarLoop ? (pass.isReduction() ? "in blocks of " + settings.blockSize() + ", each through one"
                    : "in one") + " generated scalar loop" + (warming ? " while its generated Vector API loop warms" : "")
                    : !hasLoop ? "in blocks of " + settings.blockSize()
                    + (pass.involvesComplex() ? ", complex values on scalar kernels without a generated loop" : "") : warming
                    ? "in blocks of " + settings.blockSize() + " on scalar kernels while its generated Vector API loop warms"
                    : !pass.isReduction() ? "in one generated Vector API loop"
                    : "in blocks of " + settings.blockSize() + ", each through one generated Vector API loop";
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "fused pass over %,d element%s %s (%d thread%s)\n",
                    length, length == 1 ? "" : "s", how, threads, threads == 1 ? "" : "s"));
            if (!pass.scalarLines().isEmpty()) {
                text.append("  scalars, computed once: ").append(String.join(", ", pass.scalarLines())).append('\n');
            }
            List<String> steps = scalarLoop ? blocks().describeSteps(false, true, "in the generated scalar loop")
                    : warming ? blocks().describeScalarSteps()
                    : blocks().describeSteps(Simd.ENABLED && settings.vectorMath(), usesLoop);
            for (int i = 0; i < steps.size(); i++) {
                text.append(String.format(Locale.ROOT, "  %d. %s\n", i + 1, steps.get(i)));
            }
            return text.toString();
        }
    }
}
