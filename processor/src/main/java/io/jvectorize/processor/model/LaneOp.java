package io.jvectorize.processor.model;

/**
 * The lanewise operations the SIMD translation uses: each names its Vector API operator and,
 * where the vector classes have one, the shorthand method ({@code a.add(b)} for {@code ADD}).
 */
public enum LaneOp {
    ADD(2, "add"), SUB(2, "sub"), MUL(2, "mul"), DIV(2, "div"), MIN(2, "min"), MAX(2, "max"),
    NEG(1, "neg"), ABS(1, "abs"), FMA(3, "fma"),
    AND(2, "and"), OR(2, "or"), XOR(2, null), NOT(1, "not"), LSHL(2, null), ASHR(2, null), LSHR(2, null),
    SQRT(1, null), CBRT(1, null), EXP(1, null), EXPM1(1, null), LOG(1, null), LOG10(1, null), LOG1P(1, null),
    SIN(1, null), COS(1, null), TAN(1, null), ASIN(1, null), ACOS(1, null), ATAN(1, null),
    SINH(1, null), COSH(1, null), TANH(1, null), ATAN2(2, null), HYPOT(2, null), POW(2, null);

    private final int arity;
    private final String shorthand;

    LaneOp(int arity, String shorthand) {
        this.arity = arity;
        this.shorthand = shorthand;
    }

    /** How many operands it takes. */
    public int arity() {
        return arity;
    }

    /** The vector method that does it directly, or null: then {@code lanewise(VectorOperators.NAME, ...)}. */
    public String shorthand() {
        return shorthand;
    }

    /** Whether the result equals Java's scalar operator or {@code Math} method bit for bit; transcendental functions are within a few ulps. */
    public boolean exact() {
        return ordinal() <= LSHR.ordinal() || this == SQRT;
    }
}
