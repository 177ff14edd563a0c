package io.jvectorize.runtime.internal.block;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.kernel.BlockConversion;
import io.jvectorize.runtime.internal.kernel.BlockKernel;
import io.jvectorize.runtime.internal.kernel.Kernels;
import io.jvectorize.runtime.internal.op.ComplexKernels;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.List;
import java.util.Optional;

/** One instruction of a block program, run on every block in turn. */
abstract class BlockStep {

    /** The instruction as explain shows it, e.g. {@code t1 = t0 ** 2}. */
    final String text;

    BlockStep(String text) {
        this.text = text;
    }

    /** Runs the instruction on the block of {@code n} elements that starts at {@code start}. */
    abstract void run(Frame frame, int start, int n);

    /** How it runs, e.g. "fused block evaluation" or "generated SIMD kernel". */
    abstract String how(boolean vectorMath);

    /** An operator of the table over the block, through its generated kernel. */
    static final class Apply extends BlockStep {
        private final Slot[] in;
        private final Slot out;
        private final DType type;
        /** The operation as written, for an {@link ArithmeticException}'s message. */
        private final String operation;
        /**
         * The scalar kernel, defined on first use: a pass that runs its generated scalar loop
         * (while its Vector API loop warms) needs none, and a fresh JVM's first call would
         * otherwise write and define one class per operator (#18).
         */
        private volatile BlockKernel scalar;
        private final Kind kind;
        private final Operator op;
        private final int numbers;
        /** Whether the operator may have a Vector API kernel here: it computes doubles. */
        private final boolean vectorCandidate;
        /**
         * The Vector API kernel, or empty where there is none; null until a run first asks, so
         * that a pass that runs its generated loop, or warms it, defines no vector kernel.
         */
        private volatile Optional<BlockKernel> vector;
        /** Whether its vector kernel computes a math function, and so runs only where the options allow. */
        private final boolean vectorMath;

        Apply(String text, Operator op, List<DType> operandTypes, Slot[] in, Slot out, DType type, String operation) {
            super(text);
            this.in = in;
            this.out = out;
            this.type = type;
            this.operation = operation;
            int numbers = 0;
            for (int i = 0; i < in.length; i++) {
                numbers |= in[i].where == Slot.Where.NUMBER ? 1 << i : 0;
            }
            this.kind = op.operandKind(operandTypes);
            this.op = op;
            this.numbers = numbers;
            // The Vector API kernels compute doubles: float64 values, and float32 ones held in double.
            this.vectorCandidate = this.kind == Kind.DOUBLE && out.arrayType == double[].class;
            this.vectorMath = op.lane().map(Lane::vectorMath).orElse(false);
        }

        @Override
        void run(Frame frame, int start, int n) {
            Object o = out.array(frame);
            int oo = out.offset(start);
            BlockKernel kernel = frame.vectorKernels && (frame.vectorMath || !vectorMath) ? vector() : null;
            if (kernel == null) {
                kernel = scalar();
            }
            try {
                kernel.run(in[0].array(frame), in[0].offset(start), in.length > 1 ? in[1].array(frame) : null,
                        in.length > 1 ? in[1].offset(start) : 0, in.length > 2 ? in[2].array(frame) : null,
                        in.length > 2 ? in[2].offset(start) : 0, o, oo, n);
            } catch (ArithmeticException e) {
                throw new ArithmeticException(e.getMessage() + " in " + operation);
            }
            BlockConversion.narrow(type, o, oo, n);
        }

        @Override
        String how(boolean vectorMath) {
            boolean vectorized = (vectorMath || !this.vectorMath) && vector() != null;
            return vectorized ? "fused block evaluation, Vector API" : "fused block evaluation";
        }

        /** The scalar kernel, defined on first use. */
        private BlockKernel scalar() {
            BlockKernel kernel = scalar;
            if (kernel == null) {
                kernel = Kernels.scalar(op, kind, numbers);
                scalar = kernel; // two threads may both ask: the kernel cache gives them the same kernel
            }
            return kernel;
        }

        /** The Vector API kernel, defined on first use; null where there is none. */
        private BlockKernel vector() {
            Optional<BlockKernel> kernel = vector;
            if (kernel == null) {
                kernel = vectorCandidate ? Kernels.vector(op, numbers) : Optional.empty();
                vector = kernel; // two threads may both ask: the kernel cache gives them the same kernel
            }
            return kernel.orElse(null);
        }
    }

    /**
     * An operator on complex values over the block (or one making them: {@code complex(a, b)}),
     * through {@link ComplexKernels}: the reference engine's code for every element, so the
     * values are its values bit for bit. Complex values are registers of interleaved pairs; the
     * offsets are elements, pairs for complex arrays.
     */
    static final class ComplexApply extends BlockStep {
        private final Operator op;
        private final Slot[] in;
        private final Slot out;
        private final DType type;
        private final int numbers;

        ComplexApply(String text, Operator op, Slot[] in, Slot out, DType type) {
            super(text);
            this.op = op;
            this.in = in;
            this.out = out;
            this.type = type;
            int numbers = 0;
            for (int i = 0; i < in.length; i++) {
                numbers |= in[i].where == Slot.Where.NUMBER ? 1 << i : 0;
            }
            this.numbers = numbers;
        }

        @Override
        void run(Frame frame, int start, int n) {
            ComplexKernels.apply(op, type, in[0].array(frame), in[0].offset(start),
                    in.length > 1 ? in[1].array(frame) : null, in.length > 1 ? in[1].offset(start) : 0,
                    in.length > 2 ? in[2].array(frame) : null, in.length > 2 ? in[2].offset(start) : 0, numbers,
                    out.array(frame), out.offset(start), n);
        }

        @Override
        String how(boolean vectorMath) {
            return "fused block evaluation, complex kernel";
        }
    }

    /** Copies the block into complex values of another type or array: real values with 0 imaginary parts, pairs rounded or widened. */
    static final class ComplexConvert extends BlockStep {
        private final Slot in;
        private final DType from;
        private final Slot out;
        private final DType to;

        ComplexConvert(String text, Slot in, DType from, Slot out, DType to) {
            super(text);
            this.in = in;
            this.from = from;
            this.out = out;
            this.to = to;
        }

        @Override
        void run(Frame frame, int start, int n) {
            ComplexKernels.convert(in.array(frame), in.offset(start), from, out.array(frame), out.offset(start), n, to);
        }

        @Override
        String how(boolean vectorMath) {
            return "conversion";
        }
    }

    /** Copies the block into another array type, converting the values. */
    static final class Convert extends BlockStep {
        private final Slot in;
        private final Slot out;
        private final BlockConversion conversion;

        Convert(String text, Slot in, Slot out, DType to) {
            super(text);
            this.in = in;
            this.out = out;
            this.conversion = BlockConversion.of(in.arrayType, out.arrayType, to);
        }

        @Override
        void run(Frame frame, int start, int n) {
            conversion.run(in.array(frame), in.offset(start), out.array(frame), out.offset(start), n);
        }

        @Override
        String how(boolean vectorMath) {
            return "conversion";
        }
    }

    /**
     * A @Vectorize function's kernel over the block. Its arguments and result are either all
     * registers (offset 0), or all bound arrays and the result array (offset: the block's start).
     */
    static final class Call extends BlockStep {
        final Slot[] in;
        private final Slot out;
        private final VectorizedFunction.Overload overload;
        /** Which of the frame's {@link Frame#callArguments} are this step's. */
        final int index;

        Call(String text, VectorizedFunction.Overload overload, Slot[] in, Slot out, int index) {
            super(text);
            this.in = in;
            this.out = out;
            this.overload = overload;
            this.index = index;
        }

        @Override
        void run(Frame frame, int start, int n) {
            int from = out.offset(start);
            overload.kernel().run(frame.callArguments[index], out.array(frame), from, from + n);
        }

        @Override
        String how(boolean vectorMath) {
            return overload.implementation().description();
        }
    }

    /** Folds the block into the frame's partial of a reduction. */
    static final class Fold extends BlockStep {
        final Slot in;
        private final Reducer reducer;

        Fold(String text, Slot in, Reducer reducer) {
            super(text);
            this.in = in;
            this.reducer = reducer;
        }

        @Override
        void run(Frame frame, int start, int n) {
            reducer.fold(in.array(frame), in.offset(start), n, frame.partial);
        }

        @Override
        String how(boolean vectorMath) {
            return "fused block evaluation; block partials combined in block order";
        }
    }
}
