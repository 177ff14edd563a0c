package io.jvectorize.runtime;

import java.util.Objects;

/**
 * A number written in the expression. A <em>weak</em> literal (any number parsed from text,
 * or made by {@link Expr#literal(double)}) takes the type of what it meets, as NumPy treats
 * Python numbers (NEP 50): {@code x * 2.0} stays float32 for a float32 {@code x}, and
 * {@code i + 1} stays int32 for an int32 {@code i}; a float literal with an integer gives float64.
 */
final class Literal extends Expr {
    private final double doubleValue;
    private final long longValue;
    private final DType dtype;
    private final boolean weak;

    private Literal(double doubleValue, long longValue, DType dtype, boolean weak) {
        this.doubleValue = doubleValue;
        this.longValue = longValue;
        this.dtype = dtype;
        this.weak = weak;
    }

    /** A float64 literal. */
    static Literal of(double value, boolean weak) {
        return new Literal(value, (long) value, DType.FLOAT64, weak);
    }

    /** A bool literal, {@code True} or {@code False}: weak, as the Python bool it is written as. */
    static Literal of(boolean value) {
        return new Literal(value ? 1 : 0, value ? 1 : 0, DType.BOOLEAN, true);
    }

    /** An int64 literal. */
    static Literal of(long value, boolean weak) {
        return new Literal(value, value, DType.INT64, weak);
    }

    /** The value as a double (exact for floating literals). */
    double doubleValue() {
        return doubleValue;
    }

    /** The value as a long (exact for integer literals). */
    long longValue() {
        return longValue;
    }

    @Override
    boolean isWeak() {
        return weak;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Literal that && dtype == that.dtype && weak == that.weak
                && (dtype != DType.FLOAT64 ? longValue == that.longValue
                        : Double.doubleToLongBits(doubleValue) == Double.doubleToLongBits(that.doubleValue));
    }

    @Override
    int structuralHash() {
        return Objects.hash(dtype, weak, dtype != DType.FLOAT64 ? longValue : Double.doubleToLongBits(doubleValue));
    }
}
