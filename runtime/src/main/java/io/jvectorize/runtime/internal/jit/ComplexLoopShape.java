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
 * read as it is, a load of a {@code float64} array read as complex128 (pairs {@code (a, 0.0)}),
 * {@code complex(a, b)} of two float64 arrays, or {@code + - *}, unary {@code -} or {@code conj} of complex128 values (loaded, computed, or
 * complex numbers), with a computed complex128 result. Anything else (complex64, computed real
 * values, {@code .real}, {@code /}, functions) stays with the block engine,
 * whose complex steps give the same bits.
 */
final class ComplexLoopShape {

    /**
     * A multiply's vector operations: three rearranges, two products, a subtraction, an
     * addition and a blend. The others take one each, as do loads and the store.
     */
    private static final int MULTIPLY_OPERATIONS = 8;
    /** {@code complex(a, b)}'s: two widened loads and a rearrange and a blend. */
    private static final int PAIRS_OPERATIONS = 8;
    /** A widened load's: a load of half a vector, its extension, and a rearrange. */
    private static final int WIDEN_OPERATIONS = 3;
    static final String PAIRS = "/pairs";
    static final String WIDENED = "/widened";

    private ComplexLoopShape() {}

    /** Whether the pass fits (see the class comment) within {@link LoopShape#MAX_OPERATIONS}. */
    static boolean fits(Pass pass) {
        if (pass.isReduction() || pass.type() != DType.COMPLEX128 || pass.result().isNumber() || pass.steps().isEmpty()) {
            return false;
        }
        long operations = 1; // the store
        Set<String> loaded = new HashSet<>();
        for (int s = 0; s < pass.steps().size(); s++) {
            Step step = pass.steps().get(s);
            String load = loadKey(pass, step);
            if (load != null) {
                operations += loaded.add(load) ? load.endsWith(WIDENED) ? WIDEN_OPERATIONS : 1 : 0;
            } else if (isRealLoad(pass, step)) {
                if (!readOnlyWidened(pass, s)) {
                    return false;
                }
            } else if (isPairOfRealLoads(pass, step)) {
                operations += PAIRS_OPERATIONS;
            } else if (step instanceof Step.Apply apply && step.type() == DType.COMPLEX128 && fits(apply.op())) {
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

    /**
     * Which vector a step loads: {@code "k/pairs"} for complex128 array k read as it is,
     * {@code "k/widened"} for float64 array k read as complex128 (by the load itself, or by a
     * conversion of its float64 load); null for any other step.
     */
    static String loadKey(Pass pass, Step step) {
        if (step instanceof Step.Load load && load.type() == DType.COMPLEX128) {
            DType given = pass.inputs().get(load.input()).given();
            return given == DType.COMPLEX128 ? load.input() + PAIRS : given == DType.FLOAT64 ? load.input() + WIDENED : null;
        }
        if (step instanceof Step.Convert convert && convert.type() == DType.COMPLEX128 && !convert.operand().isNumber()
                && isRealLoad(pass, pass.steps().get(convert.operand().index()))) {
            return ((Step.Load) pass.steps().get(convert.operand().index())).input() + WIDENED;
        }
        return null;
    }

    /** A float64 array read as it is: the loop reads it only widened, through the conversions of it. */
    static boolean isRealLoad(Pass pass, Step step) {
        return step instanceof Step.Load load && load.type() == DType.FLOAT64
                && pass.inputs().get(load.input()).given() == DType.FLOAT64;
    }

    /** {@code complex(a, b)} of two float64 arrays read as they are. */
    static boolean isPairOfRealLoads(Pass pass, Step step) {
        return step instanceof Step.Apply apply && apply.op() == Operator.COMPLEX && apply.type() == DType.COMPLEX128
                && apply.operands().stream().allMatch(o -> !o.isNumber() && isRealLoad(pass, pass.steps().get(o.index())));
    }

    private static boolean readOnlyWidened(Pass pass, int load) {
        if (!pass.result().isNumber() && pass.result().index() == load) {
            return false;
        }
        for (Step step : pass.steps()) {
            for (Operand operand : step.operands()) {
                if (!operand.isNumber() && operand.index() == load
                        && !(step instanceof Step.Convert convert && convert.type() == DType.COMPLEX128)
                        && !isPairOfRealLoads(pass, step)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean fits(Operator op) {
        return op == Operator.ADD || op == Operator.SUB || op == Operator.MUL || op == Operator.NEG
                || op == Operator.CONJ;
    }
}
