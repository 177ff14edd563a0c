package io.jvectorize.spark;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * NumPy's functions of floats (the ones since issue #14) that Spark built-ins compute as the
 * in-JVM engine does, with each operand named once or twice (the others are
 * {@link ScalarFormUdf}s): rint, fmod (Spark's {@code %} is null by zero), reciprocal, isinf,
 * isfinite, and the planner's powers by small integers. Each computes in double, as the engine
 * does for float32 too, and rounds to {@code type} once.
 */
final class FloatFunctions {
    private FloatFunctions() {}

    /** Half to even, as NumPy's rint and round (Spark's {@code rint} is {@code Math.rint}). */
    static Column rint(DType type, Column x) {
        return IeeeFloats.as(type, org.apache.spark.sql.functions.rint(wide(x)));
    }

    /** C's fmod, Java's {@code %}: the dividend's sign; NaN by zero (Spark's {@code %} gives null or raises). */
    static Column fmod(DType type, Column a, Column b) {
        return IeeeFloats.as(type, when(b.equalTo(lit(0)), wide(a).multiply(lit(Double.NaN))).otherwise(wide(a).mod(wide(b))));
    }

    /** {@code 1 / x}, IEEE's by a zero. */
    static Column reciprocal(DType type, Column x) {
        return IeeeFloats.divide(type, lit(1.0), wide(x));
    }

    static Column isInfinite(Column x) {
        return x.equalTo(lit(Double.POSITIVE_INFINITY)).or(x.equalTo(lit(Double.NEGATIVE_INFINITY)));
    }

    static Column isFinite(Column x) {
        return not(isnan(x).or(isInfinite(x)));
    }

    /**
     * A power by a written small integer as the planner computes it ({@code Operator.loweredPower}):
     * products in double, {@code 1 /} them for negative exponents, rounded to {@code type} once.
     */
    static Column power(DType type, Column x, int n) {
        Column d = wide(x);
        Column magnitude = switch (Math.abs(n)) {
            case 1 -> d;
            case 2 -> d.multiply(d);
            case 3 -> d.multiply(d).multiply(d);
            case 4 -> d.multiply(d).multiply(d.multiply(d));
            default -> throw new IllegalArgumentException("no product for the power " + n);
        };
        return n > 0 ? IeeeFloats.as(type, magnitude) : IeeeFloats.divide(type, lit(1.0), magnitude);
    }

    /** {@code x ** 0.5} as {@code Math.pow} gives it: the square root, but 0.0 for -0.0 and inf for -inf. */
    static Column powHalf(DType type, Column x) {
        Column d = wide(x);
        return IeeeFloats.as(type, when(d.equalTo(lit(Double.NEGATIVE_INFINITY)), lit(Double.POSITIVE_INFINITY))
                .otherwise(sqrt(d).plus(lit(0.0))));
    }

    private static Column wide(Column x) {
        return x.cast(DataTypes.DoubleType);
    }
}
