package io.jvectorize.runtime;

import java.util.List;
import java.util.Map;

/**
 * The unoptimized engine, NumPy's way: node by node, each result a whole-array temporary.
 *
 * <p>It is the reference the fused engine must equal, and the baseline it is measured
 * against. It runs the same {@link BlockKernels} loops, without the Vector API, and folds
 * reductions over the same blocks as the fused engine. A scalar operand goes to the kernels
 * that take a number ({@code x - mu}), or else is broadcast through a small buffer (as NumPy
 * broadcasts with a zero stride), never as a whole array.
 *
 * <p>It also evaluates the fused engine's scalar subexpressions, such as
 * {@code 1 / (sigma * sqrt(2 * pi))}, once per compute, so both engines compute them alike.
 */
final class Reference {

    /** The length of the buffer a scalar operand is broadcast through. */
    private static final int BROADCAST_CHUNK = 4096;

    /**
     * A node's value: a whole array of the engine's kind for its type, or a scalar held in a
     * one-element array. {@code shared} marks bound data, which must not be returned as a result.
     */
    private record Value(DType type, Object array, boolean scalar, boolean shared) {}

    private final Binding binding;
    private final int blockSize;
    private final Map<Reduction, Object> known;

    private Reference(Binding binding, int blockSize, Map<Reduction, Object> known) {
        this.binding = binding;
        this.blockSize = blockSize;
        this.known = known;
    }

    /** The value of {@code root}: an array of its type, or a boxed number for a reduction. */
    static Object compute(Expr root, Binding binding, int blockSize) {
        Reference reference = new Reference(binding, blockSize, Map.of());
        if (root instanceof Reduction reduction) {
            return reference.reduce(reduction);
        }
        Value value = reference.eval(root);
        Class<?> resultType = root.dtype().arrayType();
        if (value.array.getClass() == resultType && !value.shared) {
            return value.array;
        }
        return Conversions.convert(value.array, resultType, root.dtype());
    }

    /**
     * A subexpression with no array in it, as a one-element array of class {@code arrayType}
     * holding a value of {@code type}; {@code known} has the values of the reductions in it.
     */
    static Object scalar(Expr expr, DType type, Class<?> arrayType, Binding binding, Map<Reduction, Object> known) {
        Value value = new Reference(binding, 1, known).eval(expr);
        assert value.scalar : expr;
        return Conversions.convert(value.array, arrayType, type);
    }

    private Value eval(Expr node) {
        if (node instanceof Literal literal) {
            Object array = literal.dtype() == DType.INT64 ? new long[] {literal.longValue()}
                    : new double[] {literal.doubleValue()};
            return new Value(literal.dtype(), array, true, false);
        }
        if (node instanceof Symbol symbol) {
            return symbol(symbol);
        }
        if (node instanceof Operation operation) {
            return operation(operation);
        }
        if (node instanceof Call call) {
            return call(call);
        }
        Reduction reduction = (Reduction) node;
        return scalarValue(reduction.dtype(), reduce(reduction));
    }

    private Value symbol(Symbol symbol) {
        String name = symbol.name();
        if (!binding.isArray(name)) {
            return new Value(symbol.dtype(), binding.scalar(name), true, false);
        }
        Object data = binding.array(name);
        Class<?> kind = Conversions.kindArray(symbol.dtype());
        if (data.getClass() == kind) {
            return new Value(symbol.dtype(), data, false, true);
        }
        return new Value(symbol.dtype(), Conversions.convert(data, kind, symbol.dtype()), false, false);
    }

    private Value operation(Operation operation) {
        List<Expr> operands = operation.operands();
        Value[] in = new Value[operands.size()];
        boolean allScalar = true;
        for (int i = 0; i < in.length; i++) {
            in[i] = convert(eval(operands.get(i)), operation.operandType(i));
            allScalar &= in[i].scalar;
        }
        int length = allScalar ? 1 : binding.length();
        DType type = operation.dtype();
        Object out = Conversions.newArray(Conversions.kindArray(type), length);
        try {
            if (allScalar || noneScalar(in)) {
                BlockKernels.apply(operation.op(), in[0].array, 0, in.length > 1 ? in[1].array : null, 0,
                        in.length > 2 ? in[2].array : null, 0, out, 0, length);
            } else if (in.length == 2 && BlockKernels.hasScalarKernel(operation.op(), in[0].array.getClass())) {
                boolean scalarFirst = in[0].scalar;
                Value array = scalarFirst ? in[1] : in[0];
                BlockKernels.binaryScalar(operation.op(), array.array, 0, (scalarFirst ? in[0] : in[1]).array,
                        scalarFirst, out, 0, length);
            } else {
                broadcast(operation.op(), in, out, length);
            }
        } catch (ArithmeticException e) {
            throw new ArithmeticException(e.getMessage() + " in " + operation);
        }
        BlockKernels.narrow(type, out, 0, length);
        return new Value(type, out, allScalar, false);
    }

    private static boolean noneScalar(Value[] in) {
        for (Value value : in) {
            if (value.scalar) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code op} chunk by chunk, its scalar operands read from a chunk-long buffer of copies. */
    private static void broadcast(Operator op, Value[] in, Object out, int length) {
        int chunk = Math.min(length, BROADCAST_CHUNK);
        Object[] arrays = new Object[3];
        for (int i = 0; i < in.length; i++) {
            arrays[i] = in[i].scalar ? Conversions.fill(in[i].array, chunk) : in[i].array;
        }
        for (int start = 0; start < length; start += Math.min(chunk, length - start)) {
            BlockKernels.apply(op, arrays[0], offset(in, 0, start), arrays[1], offset(in, 1, start),
                    arrays[2], offset(in, 2, start), out, start, Math.min(chunk, length - start));
        }
    }

    /** An array operand is read at the chunk's start; a broadcast buffer from 0. */
    private static int offset(Value[] in, int i, int start) {
        return i < in.length && !in[i].scalar ? start : 0;
    }

    private Value call(Call call) {
        VectorizedFunction.Overload overload = call.overload();
        List<Expr> arguments = call.arguments();
        Value[] in = new Value[arguments.size()];
        boolean allScalar = true;
        for (int i = 0; i < in.length; i++) {
            in[i] = convert(eval(arguments.get(i)), call.operandType(i));
            allScalar &= in[i].scalar;
        }
        int length = allScalar ? 1 : binding.length();
        Object[] arrays = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            DType type = call.operandType(i);
            Object array = in[i].scalar && !allScalar ? Conversions.fill(in[i].array, length) : in[i].array;
            arrays[i] = array.getClass() == type.arrayType() ? array : Conversions.convert(array, type.arrayType(), type);
        }
        DType type = overload.returnType();
        Object out = Conversions.newArray(type.arrayType(), length);
        if (length > 0) {
            overload.kernel().run(arrays, out, 0, length);
        }
        Class<?> kind = Conversions.kindArray(type);
        return new Value(type, out.getClass() == kind ? out : Conversions.convert(out, kind, type), allScalar, false);
    }

    /** A reduction's value, folded over blocks of {@code blockSize} as the fused engine folds them. */
    private Object reduce(Reduction reduction) {
        Object value = known.get(reduction);
        if (value != null) {
            return value;
        }
        Reducer reducer = new Reducer(reduction);
        Value operand = convert(eval(reduction.operand()), reducer.inputType());
        int length = operand.scalar ? 1 : binding.length();
        reducer.checkLength(length);
        Reducer.Partial total = reducer.start();
        Reducer.Partial block = new Reducer.Partial();
        for (long start = 0; start < length; start += blockSize) {
            reducer.fold(operand.array, (int) start, (int) Math.min(blockSize, length - start), block);
            reducer.combine(total, block);
        }
        return reducer.finish(total);
    }

    /** A reduction's boxed value as a scalar of the engine's kind. */
    private static Value scalarValue(DType type, Object boxed) {
        Object array;
        if (boxed instanceof Boolean) {
            array = new boolean[] {(Boolean) boxed};
        } else if (type.isIntegral()) {
            array = new long[] {((Number) boxed).longValue()};
        } else {
            array = new double[] {((Number) boxed).doubleValue()};
        }
        return new Value(type, array, true, false);
    }

    /** The value as {@code to}: the same array where the values already are, otherwise converted. */
    private static Value convert(Value value, DType to) {
        if (value.type == to) {
            return value;
        }
        Class<?> kind = Conversions.kindArray(to);
        if (value.array.getClass() == kind && value.type.widensTo(to)) {
            return new Value(to, value.array, value.scalar, value.shared);
        }
        return new Value(to, Conversions.convert(value.array, kind, to), value.scalar, false);
    }
}
