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
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sinh;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.tan;
import static org.apache.spark.sql.functions.tanh;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * The elementwise operators and functions of jvectorize expressions on Spark, one entry per
 * operator of the in-JVM engine (the same names; the planner's powers by small integers too) but
 * {@code complex(re, im)}, complex numbers running in the JVM only: how the runtime builds it, and the Spark
 * {@link Column} that computes the runtime's (NumPy's) answer. Translating an expression is a
 * walk that calls {@link #apply} on each node with the operand type the runtime computes it in.
 *
 * <p>Spark's own operators differ from NumPy's in places (NaN in comparisons, division and
 * remainder by zero, integer overflow under ANSI mode, signed zeros, logarithms outside their
 * domain); each entry translates them so that the answer does not depend on
 * {@code spark.sql.ansi.enabled}. A missing value (null) in any operand gives a missing result,
 * as jvectorize's tables have it (but {@code &} and {@code |} of bools: Kleene's logic).
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
            : t.isFloating() ? IeeeFloats.maximum(t, x[0], x[1]) : greatest(x[0], x[1]), x)),
    /**
     * {@code &}: logical and of bools, with SQL's (Kleene's) logic over missing values as
     * jvectorize's tables have it (false &amp; missing is false), which is Spark's; bitwise and of integers.
     */
    AND(2, e -> e.get(0).and(e.get(1)), (t, x) -> t == DType.BOOLEAN ? x[0].and(x[1]) : x[0].bitwiseAND(x[1])),
    /** {@code |}: logical or of bools (true | missing is true, as Spark's), bitwise or of integers. */
    OR(2, e -> e.get(0).or(e.get(1)), (t, x) -> t == DType.BOOLEAN ? x[0].or(x[1]) : x[0].bitwiseOR(x[1])),
    /** {@code ^}: exclusive or of bools (missing where either is), bitwise of integers. */
    XOR(2, e -> e.get(0).xor(e.get(1)), (t, x) -> t == DType.BOOLEAN ? x[0].notEqual(x[1]) : x[0].bitwiseXOR(x[1])),
    /** {@code ~}: logical not of bools, bitwise complement of integers ({@code ~x == -x - 1}). */
    INVERT(1, e -> e.get(0).not(), (t, x) -> t == DType.BOOLEAN ? org.apache.spark.sql.functions.not(x[0])
            : org.apache.spark.sql.functions.bitwise_not(x[0])),
    /** {@code a << b}: 0 where {@code b} is negative or at least 64 (NumPy's left_shift), wrapping around. */
    LEFT_SHIFT(2, e -> e.get(0).shiftLeft(e.get(1)), (t, x) -> missingWhereAny(WrappingIntegers.shiftLeft(t, x[0], x[1]), x)),
    /** {@code a >> b}, arithmetic: the sign where {@code b} is negative or at least 64 (NumPy's right_shift). */
    RIGHT_SHIFT(2, e -> e.get(0).shiftRight(e.get(1)), (t, x) -> missingWhereAny(WrappingIntegers.shiftRight(t, x[0], x[1]), x)),
    /** {@code //}: NumPy's floor division; an integer {@code // 0} is an error, but not where an operand is missing. */
    FLOOR_DIVIDE(2, e -> e.get(0).floorDiv(e.get(1)), scalarForm(Operator.FLOOR_DIVIDE)),
    /** C's fmod (the dividend's sign); an integer {@code fmod(a, 0)} is an error, but not where an operand is missing. */
    FMOD(2, call("fmod"), (t, x) -> missingWhereAny(t.isIntegral()
            ? WrappingIntegers.fmod(t, x[0], x[1]) : FloatFunctions.fmod(t, x[0], x[1]), x)),
    FLOOR(1, call("floor"), scalarForm(Operator.FLOOR)),
    CEIL(1, call("ceil"), scalarForm(Operator.CEIL)),
    TRUNC(1, call("trunc"), scalarForm(Operator.TRUNC)),
    RINT(1, call("rint"), (t, x) -> FloatFunctions.rint(t, x[0])),
    /** Half to even; integers stay themselves. */
    ROUND(1, call("round"), (t, x) -> t.isFloating() ? FloatFunctions.rint(t, x[0]) : x[0]),
    /** -1, 0 or 1 in the operand's type; 0.0 for either zero, NaN for NaN. */
    SIGN(1, call("sign"), (t, x) -> t.isFloating() ? ScalarFormUdf.apply(Operator.SIGN, t, t, x)
            : signum(x[0]).cast(SparkTypes.dataType(t))),
    /** {@code clip(x, lo, hi)}: {@code min(max(x, lo), hi)}, NaN where any is NaN. */
    CLIP(3, call("clip"), (t, x) -> t.isFloating() ? ScalarFormUdf.apply(Operator.CLIP, t, t, x)
            : missingWhereAny(least(greatest(x[0], x[1]), x[2]), x)),
    /** {@code 1 / x}; of an integer C's integer division (0 for |x| &gt; 1), an error for 0 but where missing. */
    RECIPROCAL(1, call("reciprocal"), (t, x) -> missingWhereAny(t.isIntegral()
            ? WrappingIntegers.reciprocal(t, x[0]) : FloatFunctions.reciprocal(t, x[0]), x)),
    EXP2(1, call("exp2"), scalarForm(Operator.EXP2)),
    LOG2(1, call("log2"), scalarForm(Operator.LOG2)),
    ASINH(1, call("asinh"), scalarForm(Operator.ASINH)),
    ACOSH(1, call("acosh"), scalarForm(Operator.ACOSH)),
    ATANH(1, call("atanh"), scalarForm(Operator.ATANH)),
    /** The magnitude of the first with the sign bit of the second, a NaN's too. */
    COPYSIGN(2, call("copysign"), scalarForm(Operator.COPYSIGN)),
    NEXTAFTER(2, call("nextafter"), scalarForm(Operator.NEXTAFTER)),
    /** {@code nextafter} of float32 operands: the next float32. */
    NEXTAFTER_FLOAT32(2, call("nextafter"), scalarForm(Operator.NEXTAFTER_FLOAT32)),
    ISNAN(1, call("isnan"), predicate(c -> isnan(c), false)),
    ISINF(1, call("isinf"), predicate(FloatFunctions::isInfinite, false)),
    ISFINITE(1, call("isfinite"), predicate(FloatFunctions::isFinite, true)),
    /** Whether the sign bit is set: true for -0.0 and a negative NaN; integers below 0; bools never. */
    SIGNBIT(1, call("signbit"), (t, x) -> t.isFloating() ? ScalarFormUdf.apply(Operator.SIGNBIT, t, DType.BOOLEAN, x)
            : missingWhereAny(t == DType.BOOLEAN ? lit(false) : x[0].lt(lit(0)), x)),
    COPY(1, call("copy"), (t, x) -> x[0]),
    /** 1 (true) of the operand's type wherever it is present. */
    ONES_LIKE(1, call("ones_like"), (t, x) -> missingWhereAny(t == DType.BOOLEAN ? lit(true) : SparkTypes.literal(t, 1), x)),
    /** Of a real operand (complex ones run in the JVM only): itself. */
    REAL(1, call("real"), (t, x) -> x[0]),
    /** Of a real operand: 0 of its type. */
    IMAG(1, call("imag"), (t, x) -> missingWhereAny(SparkTypes.literal(t, 0), x)),
    /** Of a real operand: itself. */
    CONJ(1, call("conj"), (t, x) -> x[0]),

    // What the runtime's planner computes a power by a written number as (Operator.loweredPower),
    // bit for bit: products for small integer exponents, a square root for 0.5.

    SQUARE(1, power(2), (t, x) -> t.isIntegral() ? WrappingIntegers.multiply(t, x[0], x[0])
            : FloatFunctions.power(t, x[0], 2)),
    CUBE(1, power(3), (t, x) -> t.isIntegral()
            ? WrappingIntegers.multiply(t, WrappingIntegers.multiply(t, x[0], x[0]), x[0]) : FloatFunctions.power(t, x[0], 3)),
    FOURTH(1, power(4), (t, x) -> t.isIntegral() ? fourthOfIntegers(t, x[0]) : FloatFunctions.power(t, x[0], 4)),
    INVERSE(1, power(-1), (t, x) -> FloatFunctions.power(t, x[0], -1)),
    INVERSE_SQUARE(1, power(-2), (t, x) -> FloatFunctions.power(t, x[0], -2)),
    INVERSE_CUBE(1, power(-3), (t, x) -> FloatFunctions.power(t, x[0], -3)),
    INVERSE_FOURTH(1, power(-4), (t, x) -> FloatFunctions.power(t, x[0], -4)),
    POW_HALF(1, e -> e.get(0).pow(Expr.literal(0.5)), (t, x) -> FloatFunctions.powHalf(t, x[0]));

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

    /**
     * The entry computing the runtime's operator {@code op}, written {@code source}.
     *
     * @throws IllegalArgumentException where there is none (complex numbers' {@code complex(re, im)})
     */
    static SparkOperator of(Operator op, Object source) {
        try {
            return valueOf(op.name());
        } catch (IllegalArgumentException none) {
            throw new IllegalArgumentException("operator " + op.text() + " in " + source
                    + " has no translation to Spark; compute it with Compute, in one JVM", none);
        }
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

    /** A built-in function of the runtime, by name. */
    private static Function<List<Expr>, Expr> call(String name) {
        return e -> Expr.call(name, e.toArray(Expr[]::new));
    }

    /** A power by a written integer, which the planner computes by products. */
    private static Function<List<Expr>, Expr> power(long exponent) {
        return e -> e.get(0).pow(Expr.literal(exponent));
    }

    /** The runtime's own scalar form, as a UDF ({@link ScalarFormUdf} says where and why). */
    private static Translation scalarForm(Operator op) {
        return (t, x) -> ScalarFormUdf.apply(op, t, t, x);
    }

    /**
     * A predicate of floats; of integers and bools, {@code constant}; missing where the operand is
     * (Spark's {@code isnan(null)} is false).
     */
    private static Translation predicate(UnaryOperator<Column> ofFloats, boolean constant) {
        return (t, x) -> missingWhereAny(t.isFloating() ? ofFloats.apply(x[0]) : lit(constant), x);
    }

    private static Column fourthOfIntegers(DType t, Column x) {
        Column square = WrappingIntegers.multiply(t, x, x);
        return WrappingIntegers.multiply(t, square, square);
    }

    /** A math function of Spark's, which computes in double: float32 results rounded to float once. */
    private static Translation math(UnaryOperator<Column> spark) {
        return (t, x) -> IeeeFloats.as(t, spark.apply(x[0]));
    }

    /** Spark's and/or of bools, missing where an operand is (Spark's three-valued logic has true OR null true). */
    private static Column logic(Column result, Column[] operands) {
        return missingWhereAny(result, operands);
    }

    /** {@code result}, but missing where any operand is: for translations whose branches could hide a null. */
    private static Column missingWhereAny(Column result, Column[] operands) {
        Column anyMissing = operands[0].isNull();
        for (int i = 1; i < operands.length; i++) {
            anyMissing = anyMissing.or(operands[i].isNull());
        }
        return when(anyMissing, lit(null)).otherwise(result);
    }
}
