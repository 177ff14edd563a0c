package io.jvectorize.runtime;

import java.util.List;

/** NumPy's type promotion over several operands, with weak literals as NEP 50 has them. */
final class Typing {
    private Typing() {}

    /**
     * The type the operands are brought to: the promotion of the strong ones, where a weak
     * float among integers gives float64; the plain promotion where all are weak.
     *
     * @throws IllegalArgumentException naming {@code what} where booleans meet numbers
     */
    static DType promote(List<Expr> operands, String what) {
        DType strong = null;
        DType weak = null;
        for (Expr operand : operands) {
            if (operand.isWeak()) {
                weak = weak == null ? operand.dtype() : combine(weak, operand.dtype(), operands, what);
            } else {
                strong = strong == null ? operand.dtype() : combine(strong, operand.dtype(), operands, what);
            }
        }
        if (strong == null) {
            return weak;
        }
        if (weak == null) {
            return strong;
        }
        if (strong == DType.BOOLEAN) {
            return weak; // True is 1: a bool with a written number is int64 or float64, as NumPy's with a Python number
        }
        if (weak.isComplex() && !strong.isComplex()) {
            // A complex literal takes the precision of float32 values (complex64), as NEP 50 has it.
            return strong == DType.FLOAT32 ? DType.COMPLEX64 : DType.COMPLEX128;
        }
        return weak.isFloating() && strong.isIntegral() ? DType.FLOAT64 : strong;
    }

    private static DType combine(DType a, DType b, List<Expr> operands, String what) {
        try {
            return DType.promote(a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in " + what + " of " + operands + ")", e);
        }
    }

    /**
     * Whether {@code operand} can be passed where {@code target} is expected: safe widening, or
     * a weak literal of a fitting kind (an integer one of a value that fits an int32 target).
     */
    static boolean accepts(DType target, Expr operand) {
        if (operand.isWeak()) {
            if (target == DType.INT32 && outsideInt32(List.of(operand)) != null) {
                return false;
            }
            if (operand.dtype().isComplex()) {
                return target.isComplex();
            }
            if (operand.dtype() == DType.BOOLEAN) {
                return true; // True is 1 in every type
            }
            return operand.dtype().isFloating() ? target.isFloating() || target.isComplex() : target.isNumeric();
        }
        return operand.dtype().widensTo(target);
    }

    /** The first integer literal among {@code operands} that int32 cannot hold, or null. */
    static Long outsideInt32(List<Expr> operands) {
        for (Expr operand : operands) {
            if (operand instanceof Literal literal && literal.dtype() == DType.INT64
                    && (int) literal.longValue() != literal.longValue()) {
                return literal.longValue();
            }
        }
        return null;
    }
}
