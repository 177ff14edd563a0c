package io.jvectorize.runtime.internal.reference;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.kernel.Kernels;
import io.jvectorize.runtime.internal.op.ComplexKernels;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.ArrayList;
import java.util.List;

/**
 * The unoptimized engine, NumPy's way: step by step, each value a whole-array temporary.
 *
 * <p>It is the reference the other engines must equal, and the baseline they are measured
 * against. It runs the operators' scalar kernels, without the Vector API, reads a number as a
 * scalar operand (as NumPy broadcasts with a zero stride), never as a whole array but for a
 * call, and folds reductions over the same blocks as the block engine. Operations on complex
 * values run {@link ComplexKernels}, as the block engine's complex steps do.
 */
public final class ReferenceEngine {

    /**
     * A step's value: a whole array of its type's kind. {@code shared} marks bound data and the
     * run's numbers, which must not be returned as a result.
     */
    private record Value(DType type, Object array, boolean shared) {}

    private final Pass pass;
    private final Object[] inputs;
    private final Object[] numbers;
    private final int length;
    private final Value[] values;

    private ReferenceEngine(Pass pass, Object[] inputs, Object[] numbers, int length) {
        this.pass = pass;
        this.inputs = inputs;
        this.numbers = numbers;
        this.length = length;
        this.values = new Value[pass.steps().size()];
    }

    /**
     * Runs the pass over {@code length} elements: the result array, or the reduction's boxed value.
     *
     * @param inputs the pass's bound arrays, by input index
     * @param numbers the pass's numbers for this run, by index
     * @param blockSize the blocks a reduction folds, as the block engine folds them
     */
    public static Object run(Pass pass, Object[] inputs, Object[] numbers, int length, int blockSize) {
        ReferenceEngine engine = new ReferenceEngine(pass, inputs, numbers, length);
        for (int s = 0; s < engine.values.length; s++) {
            engine.values[s] = engine.step(pass.steps().get(s));
        }
        if (pass.isReduction()) {
            return engine.reduce(pass.fold(), blockSize);
        }
        Value value = engine.value(pass.result());
        if (pass.type().isComplex()) {
            double[] pairs = (double[]) value.array;
            return pass.type() == DType.COMPLEX64 ? ComplexKernels.toData(pairs, pass.type())
                    : value.shared ? pairs.clone() : pairs;
        }
        Class<?> resultType = pass.type().arrayType();
        if (value.array.getClass() == resultType && !value.shared) {
            return value.array;
        }
        return Conversions.convert(value.array, resultType, pass.type());
    }

    private Value value(Operand operand) {
        return operand.isNumber() ? new Value(pass.typeOf(operand), numbers[operand.index()], true)
                : values[operand.index()];
    }

    private Value step(Step step) {
        if (step instanceof Step.Load load) {
            Pass.Input input = pass.inputs().get(load.input());
            return convert(new Value(input.given(), inputs[load.input()], true), load.type());
        }
        if (step instanceof Step.Convert convert) {
            return convert(value(convert.operand()), convert.type());
        }
        if (step instanceof Step.Apply apply) {
            return apply(apply);
        }
        return call((Step.Invoke) step);
    }

    private Value apply(Step.Apply apply) {
        Object[] in = new Object[3];
        int scalars = 0;
        List<DType> operandTypes = new ArrayList<>();
        for (int i = 0; i < apply.operands().size(); i++) {
            Operand operand = apply.operands().get(i);
            in[i] = value(operand).array;
            scalars |= operand.isNumber() ? 1 << i : 0;
            operandTypes.add(pass.typeOf(operand));
        }
        DType type = apply.type();
        if (ComplexKernels.involvesComplex(operandTypes, type)) {
            return new Value(type, ComplexKernels.apply(apply.op(), type, in, scalars, length), false);
        }
        Class<?> kind = Conversions.kindArray(type);
        Object out = Conversions.newArray(kind, length);
        try {
            Kernels.scalar(apply.op(), apply.op().operandKind(operandTypes), scalars)
                    .run(in[0], 0, in[1], 0, in[2], 0, out, 0, length);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(e.getMessage() + " in " + apply.text());
        }
        Conversions.narrow(type, out, 0, length);
        return new Value(type, out, false);
    }

    private Value call(Step.Invoke invoke) {
        VectorizedFunction.Overload overload = invoke.overload();
        Object[] arguments = new Object[invoke.operands().size()];
        for (int i = 0; i < arguments.length; i++) {
            Operand operand = invoke.operands().get(i);
            DType type = overload.argumentTypes().get(i);
            Object array = operand.isNumber() ? Conversions.fill(numbers[operand.index()], length)
                    : value(operand).array;
            arguments[i] = array.getClass() == type.arrayType() ? array
                    : Conversions.convert(array, type.arrayType(), type);
        }
        DType type = overload.returnType();
        Object out = Conversions.newArray(type.arrayType(), length);
        if (length > 0) {
            overload.kernel().run(arguments, out, 0, length);
        }
        Class<?> kind = Conversions.kindArray(type);
        return new Value(type, out.getClass() == kind ? out : Conversions.convert(out, kind, type), false);
    }

    /** A reduction's value, folded over blocks of {@code blockSize} as the block engine folds them. */
    private Object reduce(Pass.Fold fold, int blockSize) {
        Reducer reducer = fold.reducer();
        Object operand = value(fold.operand()).array;
        reducer.checkLength(length);
        Reducer.Partial total = reducer.start();
        Reducer.Partial block = new Reducer.Partial();
        for (long start = 0; start < length; start += blockSize) {
            reducer.fold(operand, (int) start, (int) Math.min(blockSize, length - start), block);
            reducer.combine(total, block);
        }
        return reducer.finish(total);
    }

    /** The value as {@code to}: the same array where the values already are, otherwise converted. */
    private static Value convert(Value value, DType to) {
        if (to.isComplex()) {
            double[] pairs = ComplexKernels.convert(value.array, value.type, to);
            return new Value(to, pairs, value.shared && pairs == value.array);
        }
        Class<?> kind = Conversions.kindArray(to);
        if (value.array.getClass() == kind && (value.type == to || value.type.widensTo(to)
                && Kind.of(value.type) == Kind.of(to))) {
            return new Value(to, value.array, value.shared);
        }
        return new Value(to, Conversions.convert(value.array, kind, to), false);
    }
}
