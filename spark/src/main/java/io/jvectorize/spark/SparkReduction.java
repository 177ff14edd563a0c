package io.jvectorize.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * The reductions of jvectorize expressions as Spark aggregate columns, one entry per reduction
 * of the in-JVM engine (the same names), each giving the runtime's (NumPy's) answer: usable in
 * {@code Dataset.agg} and in {@code groupBy(...).agg}. Where Spark's aggregate differs, it is
 * translated: {@code min}/{@code max} are NaN where any element is NaN (Spark orders NaN above
 * every number) and order -0.0 below 0.0; {@code var}/{@code std} are population statistics
 * ({@code ddof = 0}; Spark's {@code variance}/{@code stddev} are sample ones); integer sums
 * wrap around (Spark raises ARITHMETIC_OVERFLOW in ANSI mode); an empty sum is 0, an empty mean
 * or variance NaN (Spark: null). Missing values (nulls) are skipped, as SQL and jvectorize's
 * tables do. Float sums are added in another order than the in-JVM engine's blocks, so they
 * agree within rounding, not bit for bit.
 */
public enum SparkReduction {
    SUM(Expr::sum, (t, x) -> t.isFloating() ? IeeeFloats.as(t, coalesce(sum(x), lit(0.0))) : wrappingSum(x)),
    MEAN(Expr::mean, (t, x) -> IeeeFloats.as(t, coalesce(avg(x), lit(Double.NaN)))),
    MIN(Expr::min, (t, x) -> t.isFloating() ? floatMinimum(t, x) : min(x)),
    MAX(Expr::max, (t, x) -> t.isFloating() ? floatMaximum(t, x) : max(x)),
    COUNT(Expr::count, (t, x) -> count(x)),
    VAR(Expr::var, (t, x) -> IeeeFloats.as(t, coalesce(var_pop(x), lit(Double.NaN)))),
    STD(Expr::std, (t, x) -> IeeeFloats.as(t, coalesce(stddev_pop(x), lit(Double.NaN)))),
    NANSUM(Expr::nansum, (t, x) -> SUM.aggregate(t, withoutNaN(t, x))),
    NANMEAN(Expr::nanmean, (t, x) -> MEAN.aggregate(t, withoutNaN(t, x))),
    NANMIN(Expr::nanmin, (t, x) -> t.isFloating() ? allNaNIsNaN(t, x, MIN.aggregate(t, withoutNaN(t, x))) : min(x)),
    NANMAX(Expr::nanmax, (t, x) -> t.isFloating() ? allNaNIsNaN(t, x, MAX.aggregate(t, withoutNaN(t, x))) : max(x)),
    NANCOUNT(Expr::nancount, (t, x) -> count(withoutNaN(t, x)));

    private final UnaryOperator<Expr> build;
    private final BiFunction<DType, Column, Column> aggregate;

    SparkReduction(UnaryOperator<Expr> build, BiFunction<DType, Column, Column> aggregate) {
        this.build = build;
        this.aggregate = aggregate;
    }

    /** The reduction of {@code operand} in the runtime's expressions, typed there. */
    public Expr build(Expr operand) {
        return build.apply(Objects.requireNonNull(operand, "operand"));
    }

    /**
     * The type the in-JVM engine folds an operand of type {@code operand} in: float64 for means
     * and variances of integers and booleans, int64 for sums of booleans, else the operand's.
     * (The runtime's own rule is internal to it today; lowering from its IR will read it there.)
     */
    public DType inputType(DType operand) {
        switch (this) {
            case MEAN: case NANMEAN: case VAR: case STD:
                return operand.isFloating() ? operand : DType.FLOAT64;
            case SUM: case NANSUM:
                return operand == DType.BOOLEAN ? DType.INT64 : operand;
            default:
                return operand;
        }
    }

    /**
     * The aggregate column computing this reduction of {@code operand} as the in-JVM engine does.
     *
     * @param inputType the operand's type, as {@link #inputType} gives it
     * @param operand a column of that type
     */
    public Column aggregate(DType inputType, Column operand) {
        return aggregate.apply(Objects.requireNonNull(inputType, "inputType"), Objects.requireNonNull(operand, "operand"));
    }

    /** Whether a reduction over no elements has no value (NumPy's error), rather than 0 or NaN. */
    public boolean needsElements() {
        return this == MIN || this == MAX || this == NANMIN || this == NANMAX;
    }

    /**
     * The sum of int64 values wrapping around, as Java's {@code long} sum: three sums of 21-bit
     * pieces, which cannot overflow below 2^42 rows, put together with wrapping arithmetic.
     */
    private static Column wrappingSum(Column integers) {
        Column x = integers.cast(org.apache.spark.sql.types.DataTypes.LongType);
        long mask = (1L << 21) - 1;
        Column low = coalesce(sum(x.bitwiseAND(lit(mask))), lit(0L));
        Column middle = coalesce(sum(shiftright(x, 21).bitwiseAND(lit(mask))), lit(0L));
        Column high = coalesce(sum(shiftright(x, 42)), lit(0L));
        return WrappingIntegers.add(DType.INT64,
                WrappingIntegers.add(DType.INT64, shiftleft(high, 42), shiftleft(middle, 21)), low);
    }

    /** {@code Math.min} folded: NaN if any element is, and -0.0 if the least is a zero and any zero is -0.0. */
    private static Column floatMinimum(DType type, Column x) {
        Column least = min(x);
        Column anyNegativeZero = bool_or(x.equalTo(lit(0)).and(IeeeFloats.signBit(x)));
        return IeeeFloats.as(type, when(bool_or(isnan(x)), lit(Double.NaN))
                .when(least.equalTo(lit(0)).and(anyNegativeZero), lit(-0.0))
                .otherwise(least));
    }

    /** {@code Math.max} folded: NaN if any element is, and 0.0 if the greatest is a zero and any zero is 0.0. */
    private static Column floatMaximum(DType type, Column x) {
        Column greatest = max(x);
        Column anyPositiveZero = bool_or(x.equalTo(lit(0)).and(not(IeeeFloats.signBit(x))));
        return IeeeFloats.as(type, when(bool_or(isnan(x)), lit(Double.NaN))
                // Not the literals 0.0 and -0.0 as the two branches: Catalyst takes them for equal and folds them.
                .when(greatest.equalTo(lit(0)), when(anyPositiveZero, abs(greatest)).otherwise(negate(abs(greatest))))
                .otherwise(greatest));
    }

    /** The elements that are not NaN; NaN elements become missing, which aggregates skip. */
    private static Column withoutNaN(DType type, Column x) {
        return type.isFloating() ? when(not(isnan(x)), x) : x;
    }

    /** A nan-aware extreme of elements that are all NaN is NaN (Spark's: null), and only of no elements null. */
    private static Column allNaNIsNaN(DType type, Column x, Column extreme) {
        return coalesce(extreme, when(count(x).gt(lit(0)), IeeeFloats.as(type, lit(Double.NaN))));
    }
}
