package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a complex pass fits one generated loop of complex128 pairs ({@link ComplexLoopWriter}):
 * an elementwise pass (no reduction) whose every step is a load of a {@code complex128} array
 * read as it is, or {@code + - *}, unary {@code -} or {@code conj} of complex128 values (loaded,
 * computed, or complex numbers), with a computed complex128 result. Anything else (complex64,
 * real operands, {@code .real}, {@code /}, functions, conversions) stays with the block engine,
 * whose complex steps give the same bits.
 */
final class ComplexLoopShape {

    /**
     * A multiply's vector operations: three rearranges, two products, a subtraction, an
     * addition and a blend. The others take one each, as do loads and the store.
     */
    private static final int MULTIPLY_OPERATIONS = 8;

    private ComplexLoopShape() {}

    /** Whether the pass fits (see the class comment) within {@link LoopShape#MAX_OPERATIONS}. */
    static boolean fits(Pass pass) {
        if (pass.isReduction() || pass.type() != DType.COMPLEX128 || pass.result().isNumber() || pass.steps().isEmpty()) {
            return false;
        }
        long operations = 1; // the store
        Set<Integer> loaded = new HashSet<>();
        for (Step step : pass.steps()) {
            if (step.type() != DType.COMPLEX128) {
                return false;
            }
            if (step instanceof Step.Load load) {
                if (pass.inputs().get(load.input()).given() != DType.COMPLEX128) {
                    return false;
                }
                operations += loaded.add(load.input()) ? 1 : 0;
            } else if (step instanceof Step.Apply apply && fits(apply.op())) {
                for (Operand operand : apply.operands()) {
                    if (pass.typeOf(operand) != DType.COMPLEX128) {
                        return false;
                    }
                }
                operations += apply.op() == Operator.MUL ? MULTIPLY_OPERATIONS : 1;
            } else {
                return false;
            }
        }
        return operations <= LoopShape.MAX_OPERATIONS;
    }

    private static boolean fits(Operator op) {
        return op == Operator.ADD || op == Operator.SUB || op == Operator.MUL || op == Operator.NEG
                || op == Operator.CONJ;
    }
}
