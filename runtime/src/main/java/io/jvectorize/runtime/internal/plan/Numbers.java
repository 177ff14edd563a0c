package io.jvectorize.runtime.internal.plan;

import io.jvectorize.runtime.Complex;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.ComplexKernels;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Kind;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a pass's numbers for one run, once, before any engine runs the pass: with the
 * operators' scalar forms, the same that every engine's kernels are generated from, so that
 * every engine reads the same numbers. Each is held as a one-element array of its type's
 * {@link Kind} (a float32 number rounded to float in a {@code double[]}, an int32 one wrapped
 * in a {@code long[]}), as the engines read them.
 */
public final class Numbers {

    private Numbers() {}

    /**
     * @param earlier the values of the plan's earlier passes, boxed as reductions give them
     * @return the values of {@link Pass#numbers}, by index
     * @throws ArithmeticException as the operators' scalar forms throw it, naming the operation
     */
    public static Object[] evaluate(Pass pass, BoundData data, Object[] earlier) {
        Object[] values = new Object[pass.numbers().size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = value(pass.numbers().get(k), pass, values, data, earlier);
        }
        return values;
    }

    private static Object value(Step step, Pass pass, Object[] values, BoundData data, Object[] earlier) {
        DType type = step.type();
        if (step instanceof Step.Literal literal) {
            return Kind.of(type) == Kind.LONG ? new long[] {literal.longValue()}
                    : type == DType.BOOLEAN ? new boolean[] {literal.longValue() != 0} : new double[] {literal.doubleValue()};
        }
        if (step instanceof Step.Bound bound) {
            return data.scalar(bound.symbol());
        }
        if (step instanceof Step.Earlier reduction) {
            return ofBoxed(earlier[reduction.pass()], type);
        }
        if (step instanceof Step.Convert convert) {
            if (type.isComplex()) {
                return ComplexKernels.convert(values[convert.operand().index()], pass.typeOf(convert.operand()), type);
            }
            return Conversions.convert(values[convert.operand().index()], Conversions.kindArray(type), type);
        }
        if (step instanceof Step.Apply apply) {
            List<DType> operandTypes = new ArrayList<>();
            Object[] operands = new Object[apply.operands().size()];
            for (int i = 0; i < operands.length; i++) {
                Operand operand = apply.operands().get(i);
                operandTypes.add(pass.typeOf(operand));
                operands[i] = Array.get(values[operand.index()], 0);
            }
            if (ComplexKernels.involvesComplex(operandTypes, type)) {
                Object[] arrays = new Object[apply.operands().size()];
                for (int i = 0; i < arrays.length; i++) {
                    arrays[i] = values[apply.operands().get(i).index()];
                }
                return ComplexKernels.apply(apply.op(), type, arrays, 0b111, 1);
            }
            Object value;
            try {
                value = apply.op().scalar().apply(apply.op().operandKind(operandTypes), operands);
            } catch (ArithmeticException e) {
                throw new ArithmeticException(e.getMessage() + " in " + apply.text());
            }
            Object array = Conversions.newArray(Conversions.kindArray(type), 1);
            Array.set(array, 0, value);
            // float32 rounded to float, int32 wrapped to int, as after every operation.
            return Conversions.convert(array, array.getClass(), type);
        }
        Step.Invoke invoke = (Step.Invoke) step;
        VectorizedFunction.Overload overload = invoke.overload();
        Object[] arguments = new Object[invoke.operands().size()];
        for (int i = 0; i < arguments.length; i++) {
            DType argumentType = overload.argumentTypes().get(i);
            arguments[i] = Conversions.convert(values[invoke.operands().get(i).index()], argumentType.arrayType(),
                    argumentType);
        }
        Object out = Conversions.newArray(overload.returnType().arrayType(), 1);
        overload.kernel().run(arguments, out, 0, 1);
        return Conversions.convert(out, Conversions.kindArray(type), type);
    }

    /** A reduction's boxed value as a one-element array of its kind. */
    private static Object ofBoxed(Object boxed, DType type) {
        if (boxed instanceof Boolean b) {
            return new boolean[] {b};
        }
        if (boxed instanceof Complex z) {
            return new double[] {z.re(), z.im()};
        }
        return type.isIntegral() ? new long[] {((Number) boxed).longValue()} : new double[] {((Number) boxed).doubleValue()};
    }
}
