package io.jvectorize.spark;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * NumPy's functions of floats (the ones since issue #14) on Spark columns, as the in-JVM engine
 * computes them, where Spark's differ or are missing: Spark's {@code floor} and {@code ceil} give
 * bigint (no NaN, no infinities, no -0.0), its {@code signum} keeps -0.0, its {@code %} is null
 * by zero, and it has no floor division of floats. Each computes in double, as the engine does
 * for float32 too, and rounds to {@code type} once. Spark orders NaN above every number and
 * makes it equal to itself, so each formula tests for NaN before it compares.
 */
final class FloatFunctions {
    private FloatFunctions() {}

    /** {@code Math.floor}: rint, less one where that rounded up; NaN, infinities and zeros stay themselves. */
    static Column floor(DType type, Column x) {
        return IeeeFloats.as(type, floorOf(wide(x)));
    }

    /** {@code Math.ceil}, which is {@code -floor(-x)}: {@code ceil(-0.5)} is -0.0. */
    static Column ceil(DType type, Column x) {
        return IeeeFloats.as(type, floorOf(wide(x).unary_$minus()).unary_$minus());
    }

    /** Toward zero, the sign of a zero kept: {@code trunc(-0.5)} is -0.0. */
    static Column trunc(DType type, Column x) {
        Column d = wide(x);
        return IeeeFloats.as(type, when(d.lt(lit(0)), floorOf(d.unary_$minus()).unary_$minus()).otherwise(floorOf(d)));
    }

    /** Half to even, as NumPy's rint and round (Spark's {@code rint} is {@code Math.rint}). */
    static Column rint(DType type, Column x) {
        return IeeeFloats.as(type, org.apache.spark.sql.functions.rint(wide(x)));
    }

    /** NumPy's sign: 1.0, -1.0, 0.0 for either zero (Spark's signum keeps -0.0), NaN for NaN. */
    static Column sign(DType type, Column x) {
        Column d = wide(x);
        return IeeeFloats.as(type, when(isnan(d), d).when(d.gt(lit(0)), lit(1.0)).when(d.lt(lit(0)), lit(-1.0))
                .otherwise(lit(0.0)));
    }

    /**
     * NumPy's floor division of floats ({@code npy_divmod}): {@code (a - fmod(a, b)) / b}, less
     * one where the remainder and the divisor differ in sign, snapped to the nearest integer; a
     * zero quotient takes the sign of {@code a / b}; {@code a / b} for a zero divisor.
     */
    static Column floorDivide(DType type, Column a0, Column b0) {
        Column a = wide(a0);
        Column b = wide(b0);
        Column mod = a.mod(b);
        Column quotient = a.minus(mod).divide(b);
        Column div = when(not(isnan(mod)).and(mod.notEqual(lit(0))).and(b.lt(lit(0)).notEqual(mod.lt(lit(0)))),
                quotient.minus(lit(1.0))).otherwise(quotient);
        Column floor = floorOf(div);
        return IeeeFloats.as(type, when(b.equalTo(lit(0)), IeeeFloats.divide(DType.FLOAT64, a, b))
                .when(isnan(div), div)
                .when(div.equalTo(lit(0)), signum(a.divide(b)).multiply(lit(0.0)))
                .when(div.minus(floor).gt(lit(0.5)), floor.plus(lit(1.0)))
                .otherwise(floor));
    }

    /** C's fmod, Java's {@code %}: the dividend's sign; NaN by zero (Spark's {@code %} gives null or raises). */
    static Column fmod(DType type, Column a, Column b) {
        return IeeeFloats.as(type, when(b.equalTo(lit(0)), wide(a).multiply(lit(Double.NaN))).otherwise(wide(a).mod(wide(b))));
    }

    /** {@code 1 / x}, IEEE's by a zero. */
    static Column reciprocal(DType type, Column x) {
        return IeeeFloats.divide(type, lit(1.0), wide(x));
    }

    /** NumPy's clip: {@code minimum(maximum(x, lo), hi)}, NaN where any is NaN. */
    static Column clip(DType type, Column x, Column lo, Column hi) {
        return IeeeFloats.minimum(type, IeeeFloats.maximum(type, x, lo), hi);
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

    /** floor of a double column: rint rounds to nearest, so it is the floor or one above it. */
    private static Column floorOf(Column d) {
        Column r = org.apache.spark.sql.functions.rint(d);
        return when(not(isnan(d)).and(r.gt(d)), r.minus(lit(1.0))).otherwise(r);
    }

    private static Column wide(Column x) {
        return x.cast(DataTypes.DoubleType);
    }
}
