package io.jvectorize.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.acos;
import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.atan;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.cosh;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hypot;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sinh;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.tan;
import static org.apache.spark.sql.functions.tanh;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * The elementwise operators and functions of jvectorize expressions on Spark, one entry per
 * operator of the in-JVM engine (the same names): how the runtime builds it, and the Spark
 * {@link Column} that computes the runtime's (NumPy's) answer. Translating an expression is a
 * walk that calls {@link #apply} on each node with the operand type the runtime computes it in.
 *
 * <p>Spark's own operators differ from NumPy's in places (NaN in comparisons, division and
 * remainder by zero, integer overflow under ANSI mode, signed zeros, logarithms outside their
 * domain); each entry translates them so that the answer does not depend on
 * {@code spark.sql.ansi.enabled}. A missing value (null) in any operand gives a missing result,
 * as jvectorize's tables have it.
 */
public enum SparkOperator {
    NEG(1, e -> e.get(0).neg(),
            (t, x) -> t.isIntegral() ? WrappingIntegers.negate(t, x[0]) : negate(x[0])),
    /** On two bools, NumPy's add is or. */
    ADD(2, e -> e.get(0).add(e.get(1)), (t, x) -> t == DType.BOOLEAN ? logic(x[0].or(x[1]), x)
            : t.isIntegral() ? WrappingIntegers.add(t, x[0], x[1]) : x[0].plus(x[1])),
    SUB(2, e -> e.get(0).sub(e.get(1)),
            (t, x) -> t.isIntegral() ? WrappingIntegers.subtract(t, x[0], x[1]) : x[0].minus(x[1])),
    /** On two bools, NumPy's multiply is and. */
    MUL(2, e -> e.get(0).mul(e.get(1)), (t, x) -> t == DType.BOOLEAN ? logic(x[0].and(x[1]), x)
            : t.isIntegral() ? WrappingIntegers.multiply(t, x[0], x[1]) : x[0].multiply(x[1])),
    /** True division; integers were converted to float64 by the typing, as NumPy's {@code /}. */
    DIV(2, e -> e.get(0).div(e.get(1)), (t, x) -> IeeeFloats.divide(t, x[0], x[1])),
    /**
     * Python's and NumPy's modulo: the result has the sign of the divisor. Integer modulo by zero
     * is an error, but not where the dividend is missing.
     */
    MOD(2, e -> e.get(0).mod(e.get(1)), (t, x) -> t.isIntegral()
            ? missingWhereAny(WrappingIntegers.floorMod(x[0], x[1]), x) : IeeeFloats.remainder(t, x[0], x[1])),
    /** A negative integer exponent is an error, but not where the base is missing. */
    POW(2, e -> e.get(0).pow(e.get(1)), (t, x) -> t.isIntegral()
            ? missingWhereAny(WrappingIntegers.power(t, x[0], x[1]), x) : IeeeFloats.power(t, x[0], x[1])),
    LT(2, e -> e.get(0).lt(e.get(1)), comparison(Column::lt, false)),
    LE(2, e -> e.get(0).le(e.get(1)), comparison(Column::leq, false)),
    GT(2, e -> e.get(0).gt(e.get(1)), comparison(Column::gt, false)),
    GE(2, e -> e.get(0).ge(e.get(1)), comparison(Column::geq, false)),
    EQ(2, e -> e.get(0).eq(e.get(1)), comparison(Column::equalTo, false)),
    NE(2, e -> e.get(0).ne(e.get(1)), comparison(Column::notEqual, true)),
    /**
     * {@code where(condition, a, b)}: missing where any of the three is (Spark's CASE WHEN
     * takes a null condition as false, and ignores a null in the branch it does not take).
     */
    WHERE(3, e -> Expr.where(e.get(0), e.get(1), e.get(2)),
            (t, x) -> missingWhereAny(when(x[0], x[1]).otherwise(x[2]), x)),
    ABS(1, e -> e.get(0).abs(), (t, x) -> t == DType.BOOLEAN ? x[0]
            : t.isIntegral() ? WrappingIntegers.abs(t, x[0]) : abs(x[0])),
    SQRT(1, e -> e.get(0).sqrt(), math(c -> sqrt(c))),
    EXP(1, e -> e.get(0).exp(), math(c -> exp(c))),
    EXPM1(1, e -> e.get(0).expm1(), math(c -> expm1(c))),
    LOG(1, e -> e.get(0).log(), (t, x) -> IeeeFloats.logarithm(t, c -> log(c), x[0], 0)),
    LOG10(1, e -> e.get(0).log10(), (t, x) -> IeeeFloats.logarithm(t, c -> log10(c), x[0], 0)),
    LOG1P(1, e -> e.get(0).log1p(), (t, x) -> IeeeFloats.logarithm(t, c -> log1p(c), x[0], -1)),
    SIN(1, e -> e.get(0).sin(), math(c -> sin(c))),
    COS(1, e -> e.get(0).cos(), math(c -> cos(c))),
    TAN(1, e -> e.get(0).tan(), math(c -> tan(c))),
    ASIN(1, e -> e.get(0).asin(), math(c -> asin(c))),
    ACOS(1, e -> e.get(0).acos(), math(c -> acos(c))),
    ATAN(1, e -> e.get(0).atan(), math(c -> atan(c))),
    SINH(1, e -> e.get(0).sinh(), math(c -> sinh(c))),
    COSH(1, e -> e.get(0).cosh(), math(c -> cosh(c))),
    TANH(1, e -> e.get(0).tanh(), math(c -> tanh(c))),
    ATAN2(2, e -> e.get(0).atan2(e.get(1)), (t, x) -> missingWhereAny(IeeeFloats.arcTangent2(t, x[0], x[1]), x)),
    HYPOT(2, e -> e.get(0).hypot(e.get(1)), (t, x) -> IeeeFloats.as(t, hypot(x[0], x[1]))),
    /** Elementwise minimum; NaN if either is NaN, as NumPy's minimum. */
    MINIMUM(2, e -> e.get(0).min(e.get(1)), (t, x) -> missingWhereAny(t == DType.BOOLEAN ? x[0].and(x[1])
            : t.isFloating() ? IeeeFloats.minimum(t, x[0], x[1]) : least(x[0], x[1]), x)),
    /** Elementwise maximum; NaN if either is NaN, as NumPy's maximum. */
    MAXIMUM(2, e -> e.get(0).max(e.get(1)), (t, x) -> missingWhereAny(t == DType.BOOLEAN ? x[0].or(x[1])
            : t.isFloating() ? IeeeFloats.maximum(t, x[0], x[1]) : greatest(x[0], x[1]), x));

    /** How an entry computes on Spark: from the operand type and the operands, already of that type. */
    @FunctionalInterface
    interface Translation {
        Column translate(DType operandType, Column[] operands);
    }

    private final int arity;
    private final Function<List<Expr>, Expr> build;
    private final Translation translation;

    SparkOperator(int arity, Function<List<Expr>, Expr> build, Translation translation) {
        this.arity = arity;
        this.build = build;
        this.translation = translation;
    }

    public int arity() {
        return arity;
    }

    /**
     * The operator applied to {@code operands} in the runtime's expressions: typed there, by
     * NumPy's rules.
     *
     * @throws IllegalArgumentException where the operand types do not fit the operator, as the runtime says it
     */
    public Expr build(List<Expr> operands) {
        checkArity(operands.size());
        return build.apply(operands);
    }

    /**
     * The Spark column computing this operator as the in-JVM engine does.
     *
     * @param operandType the type the runtime computes in (for a comparison, the promoted type of
     *     the operands; for {@code where}, that of its last two operands; float64 for the true
     *     division of integers)
     * @param operands columns of type {@code operandType} ({@code where}'s first: boolean), converted
     *     by {@link SparkTypes#dataType}
     */
    public Column apply(DType operandType, Column... operands) {
        Objects.requireNonNull(operandType, "operandType");
        checkArity(operands.length);
        return translation.translate(operandType, operands);
    }

    private void checkArity(int count) {
        if (count != arity) {
            throw new IllegalArgumentException(name() + " takes " + arity + " operand" + (arity == 1 ? "" : "s")
                    + ", not " + count);
        }
    }

    /** A comparison: IEEE's for floating point, Spark's (the same) for integers and booleans. */
    private static Translation comparison(BinaryOperator<Column> spark, boolean notEqual) {
        return (t, x) -> {
            Column plain = spark.apply(x[0], x[1]);
            return t.isFloating() ? missingWhereAny(IeeeFloats.compare(plain, notEqual, x[0], x[1]), x) : plain;
        };
    }

    /** A math function of Spark's, which computes in double: float32 results rounded to float once. */
    private static Translation math(UnaryOperator<Column> spark) {
        return (t, x) -> IeeeFloats.as(t, spark.apply(x[0]));
    }

    /** {@code result}, but missing where any operand is: for translations whose branches could hide a null. */
    /** Spark's and/or of bools, missing where an operand is (Spark's three-valued logic has true OR null true). */
    private static Column logic(Column result, Column[] operands) {
        return missingWhereAny(result, operands);
    }

    private static Column missingWhereAny(Column result, Column[] operands) {
        Column anyMissing = operands[0].isNull();
        for (int i = 1; i < operands.length; i++) {
            anyMissing = anyMissing.or(operands[i].isNull());
        }
        return when(anyMissing, lit(null)).otherwise(result);
    }
}
