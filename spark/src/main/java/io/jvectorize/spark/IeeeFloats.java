package io.jvectorize.spark;

import static org.apache.spark.sql.functions.atan2;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * Floating-point operators on Spark columns as Java's IEEE arithmetic and NumPy compute them,
 * where Spark's differ: comparisons with NaN, division and remainder by zero, the remainder's
 * sign, minimum and maximum with NaN and signed zeros, logarithms outside their domain, and
 * {@code atan2} of signed zeros. Operands are columns of one floating type ({@code type});
 * results are of that type. None depends on {@code spark.sql.ansi.enabled}.
 */
final class IeeeFloats {
    private IeeeFloats() {}

    /** Whether the sign bit is set: true for -0.0 too, which Spark's {@code < 0} cannot tell from 0.0. */
    static Column signBit(Column x) {
        // pow(-0.0, -1) is -Infinity and pow(0.0, -1) is Infinity: the one Spark function that shows the sign of a zero.
        return x.lt(lit(0)).or(x.equalTo(lit(0)).and(pow(x, lit(-1.0)).lt(lit(0))));
    }

    /**
     * {@code a / b}: by ±0.0, ±Infinity or NaN as IEEE says (Spark raises DIVIDE_BY_ZERO in ANSI
     * mode, gives null without). {@code a * (1 / ±0.0)} has exactly IEEE's sign and NaN cases.
     */
    static Column divide(DType type, Column a, Column b) {
        return as(type, when(b.equalTo(lit(0)), a.multiply(pow(b, lit(-1.0)))).otherwise(a.divide(b)));
    }

    /**
     * NumPy's remainder: Java's {@code %} (fmod) moved onto the divisor's side, a zero result
     * with the divisor's sign, NaN for a zero divisor (Spark's {@code %} keeps the dividend's
     * sign and raises or gives null by zero; its {@code pmod} is never negative).
     */
    static Column remainder(DType type, Column a, Column b) {
        // a * NaN: NaN, or missing where a is.
        Column r = when(b.equalTo(lit(0)), a.multiply(nan(type))).otherwise(a.mod(b));
        // A zero result takes the divisor's sign: signum(b) * 0.0. (Not CASE WHEN ... -0.0 ELSE 0.0:
        // Catalyst takes the literals -0.0 and 0.0 for equal and folds such a CASE into 0.0.)
        return as(type, when(r.equalTo(lit(0)), signum(b).multiply(lit(0.0)))
                .when(r.lt(lit(0)).notEqual(b.lt(lit(0))), r.plus(b))
                .otherwise(r));
    }

    /** {@code a ** b}: a square is {@code a * a}, exactly, as the in-JVM engine computes it. */
    static Column power(DType type, Column a, Column b) {
        return as(type, when(b.equalTo(lit(2.0)), a.multiply(a)).otherwise(pow(a, b)));
    }

    /**
     * A comparison as IEEE and NumPy define it: false where either is NaN, and {@code !=} true
     * (Spark orders NaN above every number and makes {@code NaN = NaN} true).
     */
    static Column compare(Column sparkComparison, boolean notEqual, Column a, Column b) {
        return when(isnan(a).or(isnan(b)), lit(notEqual)).otherwise(sparkComparison);
    }

    /**
     * {@code Math.min}: NaN where either is NaN, and -0.0 below 0.0 (Spark's {@code least}
     * skips NaN and keeps the first of two zeros).
     */
    static Column minimum(DType type, Column a, Column b) {
        // For two zeros, -((-a) + (-b)) is -0.0 unless both are 0.0.
        return extreme(type, a, b, a.lt(b), negate(negate(a).plus(negate(b))));
    }

    /** {@code Math.max}: NaN where either is NaN, and 0.0 above -0.0. */
    static Column maximum(DType type, Column a, Column b) {
        // For two zeros, a + b is 0.0 unless both are -0.0.
        return extreme(type, a, b, a.gt(b), a.plus(b));
    }

    private static Column extreme(DType type, Column a, Column b, Column aWins, Column ofZeros) {
        return as(type, when(isnan(a).or(isnan(b)), nan(type))
                .when(aWins, a)
                .when(a.notEqual(b), b)
                .when(a.equalTo(lit(0)), ofZeros)
                .otherwise(a));
    }

    /**
     * A logarithm as Java's: -Infinity at its pole, NaN below it (Spark's {@code ln},
     * {@code log10} and {@code log1p} give null for both).
     */
    static Column logarithm(DType type, UnaryOperator<Column> sparkLog, Column x, double pole) {
        return as(type, when(x.equalTo(lit(pole)), lit(Double.NEGATIVE_INFINITY))
                .when(x.lt(lit(pole)), lit(Double.NaN))
                .otherwise(sparkLog.apply(x)));
    }

    /**
     * {@code Math.atan2(y, x)}, signed zeros included: Spark adds 0.0 to both operands, so
     * {@code atan2(-0.0, -1)} is π there instead of -π, and {@code atan2(0.0, -0.0)} 0 instead of π.
     */
    static Column arcTangent2(DType type, Column y, Column x) {
        Column onAxis = when(signBit(x), lit(Math.PI)).otherwise(lit(0.0));
        return as(type, when(y.equalTo(lit(0)).and(not(isnan(x))), when(signBit(y), negate(onAxis)).otherwise(onAxis))
                .otherwise(atan2(y, x)));
    }

    /** Brings a result computed in double (as Spark's math functions do) to {@code type}: float32 rounded once. */
    static Column as(DType type, Column value) {
        return value.cast(SparkTypes.dataType(type));
    }

    private static Column nan(DType type) {
        return type == DType.FLOAT32 ? lit(Float.NaN) : lit(Double.NaN);
    }
}
