package io.jvectorize.runtime;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** One instruction of a fused pass, run on every block in turn. */
abstract class Step {

    /** The instruction as {@link Compute#explain} shows it, e.g. {@code t1 = t0 ** 2}. */
    final String text;

    Step(String text) {
        this.text = text;
    }

    /** Runs the instruction on the block of {@code n} elements that starts at {@code start}. */
    abstract void run(Frame frame, int start, int n);

    /** How it runs, e.g. "fused block evaluation" or "generated SIMD kernel". */
    abstract String how(boolean vectorMath);

    /** A Vector API loop over a block ({@link VectorBlockOps}); {@code b} is unused by one-operand operators. */
    @FunctionalInterface
    interface VectorKernel {
        void run(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n);
    }

    /** A Vector API loop over a block with one operand a number {@code s} ({@link VectorBlockOps}). */
    @FunctionalInterface
    interface VectorScalarKernel {
        void run(double[] a, int ao, double s, double[] out, int oo, int n);
    }

    /** A Vector API conversion loop ({@link VectorBlockOps#conversion}). */
    @FunctionalInterface
    interface VectorConversion {
        void run(Object src, int so, Object dst, int dOff, int n);
    }

    /** float32 results rounded to float by the Vector API, where it is present. */
    private static final VectorConversion ROUND_TO_FLOAT =
            Simd.ENABLED ? VectorBlockOps.conversion(double[].class, double[].class, DType.FLOAT32) : null;

    /** Brings a block of results to their type: float32 rounded to float, int32 wrapped to int. */
    static void narrow(DType type, Object out, int oo, int n) {
        if (ROUND_TO_FLOAT != null && type == DType.FLOAT32) {
            ROUND_TO_FLOAT.run(out, oo, out, oo, n);
        } else {
            BlockKernels.narrow(type, out, oo, n);
        }
    }

    /** A built-in operator or function over the block. */
    static final class Op extends Step {
        /**
         * The math functions {@link VectorBlockOps} computes where the Vector API is present; pow
         * and tanh only where {@link LaneOps#POW_AND_TANH} says the vector library has them.
         */
        static final Set<Operator> VECTOR_MATH = vectorMath();

        private static Set<Operator> vectorMath() {
            Set<Operator> ops = EnumSet.of(Operator.EXP, Operator.EXPM1, Operator.LOG, Operator.LOG10, Operator.LOG1P,
                    Operator.SIN, Operator.COS, Operator.TAN, Operator.ASIN, Operator.ACOS, Operator.ATAN,
                    Operator.SINH, Operator.COSH, Operator.ATAN2, Operator.HYPOT);
            // Only where the module is present: LaneOps must not even be loaded otherwise.
            if (Simd.ENABLED && LaneOps.POW_AND_TANH) {
                ops.add(Operator.POW);
                ops.add(Operator.TANH);
            }
            return Collections.unmodifiableSet(ops);
        }

        private final Operation node;
        private final Operator op;
        private final Slot a;
        private final Slot b;
        private final Slot c;
        private final Slot out;
        /** Which operand is a number (a {@link Slot.Where#SCALAR}), or -1. */
        private final int scalarOperand;
        /** The Vector API loop, where {@link Simd#ENABLED} and there is one; else null. */
        private final VectorKernel vector;
        /** The same for a scalar operand. */
        private final VectorScalarKernel vectorScalar;
        /** Whether it is a math function, whose Vector API loop runs only where the options allow. */
        private final boolean vectorMath;

        Op(String text, Operation node, Slot[] in, Slot out) {
            super(text);
            this.node = node;
            this.op = node.op();
            this.a = in[0];
            this.b = in.length > 1 ? in[1] : null;
            this.c = in.length > 2 ? in[2] : null;
            this.out = out;
            this.scalarOperand = a.where == Slot.Where.SCALAR ? 0 : b != null && b.where == Slot.Where.SCALAR ? 1 : -1;
            // A square is a multiplication, exact: no math function.
            this.vectorMath = VECTOR_MATH.contains(op) && !isSquare();
            // Only where the module is present: VectorBlockOps must not even be loaded otherwise.
            boolean vectorizable = Simd.ENABLED && LaneOps.WIDE && a.arrayType == double[].class
                    && out.arrayType == double[].class;
            this.vector = vectorizable && scalarOperand < 0 ? VectorBlockOps.kernel(op) : null;
            this.vectorScalar = vectorizable && scalarOperand >= 0 ? VectorBlockOps.scalarKernel(op, scalarOperand == 0,
                    node.operands().get(scalarOperand) instanceof Literal l ? l.doubleValue() : Double.NaN) : null;
        }

        Operator op() {
            return op;
        }

        /** Whether it is {@code x ** 2}, which the block engine and loops compute as {@code x * x}, exactly. */
        boolean isSquare() {
            return op == Operator.POW && node.operands().get(1) instanceof Literal l && l.doubleValue() == 2.0;
        }

        Operation node() {
            return node;
        }

        /** The slots it reads, in operand order. */
        Slot[] operands() {
            return c != null ? new Slot[] {a, b, c} : b != null ? new Slot[] {a, b} : new Slot[] {a};
        }

        Slot out() {
            return out;
        }

        @Override
        void run(Frame frame, int start, int n) {
            Object o = out.array(frame);
            int oo = out.offset(start);
            try {
                if (vector != null && (frame.vectorMath || !vectorMath)) {
                    vector.run((double[]) a.array(frame), a.offset(start), b == null ? null : (double[]) b.array(frame),
                            b == null ? 0 : b.offset(start), (double[]) o, oo, n);
                } else if (scalarOperand >= 0) {
                    Slot array = scalarOperand == 0 ? b : a;
                    Slot scalar = scalarOperand == 0 ? a : b;
                    if (vectorScalar != null && (frame.vectorMath || !vectorMath)) {
                        vectorScalar.run((double[]) array.array(frame), array.offset(start),
                                ((double[]) scalar.array(frame))[0], (double[]) o, oo, n);
                    } else {
                        BlockKernels.binaryScalar(op, array.array(frame), array.offset(start), scalar.array(frame),
                                scalarOperand == 0, o, oo, n);
                    }
                } else {
                    BlockKernels.apply(op, a.array(frame), a.offset(start), b == null ? null : b.array(frame),
                            b == null ? 0 : b.offset(start), c == null ? null : c.array(frame),
                            c == null ? 0 : c.offset(start), o, oo, n);
                }
            } catch (ArithmeticException e) {
                throw new ArithmeticException(e.getMessage() + " in " + node);
            }
            narrow(node.dtype(), o, oo, n);
        }

        @Override
        String how(boolean vectorMath) {
            boolean vectorized = (vector != null || vectorScalar != null) && (vectorMath || !this.vectorMath);
            return vectorized ? "fused block evaluation, Vector API" : "fused block evaluation";
        }
    }

    /** Copies the block into another array type, converting the values. */
    static final class Convert extends Step {
        private final Slot in;
        private final Slot out;
        private final DType to;
        /** The Vector API loop for float32 conversions, where the module is present; else null. */
        private final VectorConversion vector;

        Convert(String text, Slot in, Slot out, DType to) {
            super(text);
            this.in = in;
            this.out = out;
            this.to = to;
            this.vector = Simd.ENABLED ? VectorBlockOps.conversion(in.arrayType, out.arrayType, to) : null;
        }

        Slot in() {
            return in;
        }

        Slot out() {
            return out;
        }

        /** The type of the values it writes. */
        DType to() {
            return to;
        }

        @Override
        void run(Frame frame, int start, int n) {
            if (vector != null) {
                vector.run(in.array(frame), in.offset(start), out.array(frame), out.offset(start), n);
            } else {
                Conversions.convert(in.array(frame), in.offset(start), out.array(frame), out.offset(start), n, to);
            }
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
    static final class CallKernel extends Step {
        final Slot[] in;
        private final Slot out;
        private final VectorizedFunction.Overload overload;
        /** Which of the frame's {@link Frame#callArguments} are this step's. */
        final int index;

        CallKernel(String text, Call call, Slot[] in, Slot out, int index) {
            super(text);
            this.in = in;
            this.out = out;
            this.overload = call.overload();
            this.index = index;
        }

        Slot out() {
            return out;
        }

        VectorizedFunction.Overload overload() {
            return overload;
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
    static final class Fold extends Step {
        private final Slot in;
        private final Reducer reducer;

        Fold(String text, Slot in, Reducer reducer) {
            super(text);
            this.in = in;
            this.reducer = reducer;
        }

        /** The block it folds. */
        Slot in() {
            return in;
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
