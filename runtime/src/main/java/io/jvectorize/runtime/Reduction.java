package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.List;
import java.util.Objects;

/** A reduction of an elementwise expression to one number, such as {@code sum(x * y)}. */
final class Reduction extends Expr {

    private final ReductionKind kind;
    private final Expr operand;
    private final DType dtype;

    Reduction(ReductionKind kind, Expr operand) {
        super(List.of(operand));
        if (operand.isReduction()) {
            throw new IllegalArgumentException(kind.text() + "(" + operand + ") reduces a single number;"
                    + " reductions take an elementwise expression");
        }
        boolean ordering = kind.text().endsWith("min") || kind.text().endsWith("max");
        if (ordering && operand.dtype().isComplex()) {
            // NumPy orders complex numbers lexicographically here; jvectorize does not order them (see its comparisons).
            throw new IllegalArgumentException(kind.text() + "(" + operand + ") takes the " + kind.text().replace("nan", "")
                    + "imum of " + operand.dtype() + " values, which are not ordered; take it of a real value, such as "
                    + kind.text() + "(abs(" + operand + ")) or " + kind.text() + "((" + operand + ").real)");
        }
        this.kind = kind;
        this.operand = operand;
        this.dtype = resultType(kind, operand.dtype());
    }


    /**
     * NumPy's result types: sums of integers and booleans are int64, means and variances of
     * integers float64; sums and means of complex values complex, their variances real (float64,
     * float32 for complex64).
     */
    private static DType resultType(ReductionKind kind, DType input) {
        if (input.isComplex() && (kind == ReductionKind.VAR || kind == ReductionKind.STD)) {
            return input.partType();
        }
        switch (kind) {
            case COUNT:
            case NANCOUNT:
                return DType.INT64;
            case SUM:
            case NANSUM:
                return input.isFloating() || input.isComplex() ? input : DType.INT64;
            case MEAN:
            case NANMEAN:
            case VAR:
            case STD:
                return input == DType.FLOAT32 || input.isComplex() ? input : DType.FLOAT64;
            default:
                return input;
        }
    }

    ReductionKind kind() {
        return kind;
    }

    Expr operand() {
        return operand;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public boolean isReduction() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reduction that && kind == that.kind && operand.equals(that.operand);
    }

    @Override
    int structuralHash() {
        return Objects.hash(kind, operand);
    }
}
