package io.jvectorize.spark;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.try_add;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.try_subtract;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.jvectorize.runtime.DType;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Integer arithmetic on Spark columns as Java and NumPy do it: int64 and int32 results wrap
 * around, whatever {@code spark.sql.ansi.enabled} says (Spark raises ARITHMETIC_OVERFLOW in
 * ANSI mode and wraps without it). int32 values are computed in int64, where they cannot
 * overflow, and brought back to their low 32 bits, as the in-JVM engine does.
 */
final class WrappingIntegers {
    private WrappingIntegers() {}

    /** The in-JVM engine's words: NumPy returns 0 with a warning; Java users expect an error. */
    static final String MODULO_BY_ZERO = "integer modulo by zero";

    /** NumPy's words for a negative integer exponent. */
    static final String NEGATIVE_POWER = "integers to negative integer powers are not allowed";

    /** The in-JVM engine's words for the other integer operations it refuses a zero for (floor division: its UDF's). */
    static final String FLOOR_DIVISION_BY_ZERO = "integer floor division by zero";
    static final String FMOD_BY_ZERO = "integer fmod by zero";
    static final String RECIPROCAL_OF_ZERO = "integer reciprocal of zero";

    private static final BigDecimal TWO_TO_64 = new BigDecimal("18446744073709551616");
    private static final BigDecimal TWO_TO_63 = new BigDecimal("9223372036854775808");

    /** The exact power by squaring; serializable, so Spark ships it to executors. */
    private static final UserDefinedFunction POWER = udf(
            (UDF2<Long, Long, Long>) (base, exponent) -> base == null || exponent == null ? null : power(base, exponent),
            DataTypes.LongType);

    static Column add(DType type, Column a, Column b) {
        return type == DType.INT32 ? toInt32(wide(a).plus(wide(b)))
                : coalesce(try_add(a, b), lowBits(exact(a).plus(exact(b))));
    }

    static Column subtract(DType type, Column a, Column b) {
        return type == DType.INT32 ? toInt32(wide(a).minus(wide(b)))
                : coalesce(try_subtract(a, b), lowBits(exact(a).minus(exact(b))));
    }

    static Column multiply(DType type, Column a, Column b) {
        return type == DType.INT32 ? toInt32(wide(a).multiply(wide(b)))
                : coalesce(try_multiply(a, b), lowBits(exact(a).multiply(exact(b))));
    }

    /** {@code -a}; the most negative value is its own negation, as in Java. */
    static Column negate(DType type, Column a) {
        return when(a.equalTo(minimum(type)), a).otherwise(org.apache.spark.sql.functions.negate(a));
    }

    /** {@code |a|}; the most negative value is its own absolute value, as in Java's {@code Math.abs}. */
    static Column abs(DType type, Column a) {
        return when(a.equalTo(minimum(type)), a).otherwise(org.apache.spark.sql.functions.abs(a));
    }

    /**
     * Python's modulo, {@code Math.floorMod}: the result has the divisor's sign (Spark's
     * {@code %} the dividend's, and its {@code pmod} is never negative). By zero, an error in
     * either ANSI mode, as in the in-JVM engine.
     */
    static Column floorMod(Column a, Column b) {
        Column r = a.mod(b);
        Column floor = when(r.notEqual(lit(0)).and(r.lt(lit(0)).notEqual(b.lt(lit(0)))), r.plus(b)).otherwise(r);
        return when(b.equalTo(lit(0)), raise_error(lit(MODULO_BY_ZERO))).otherwise(floor);
    }

    /** C's {@code fmod}, Java's {@code %}: the dividend's sign. By zero, an error. */
    static Column fmod(DType type, Column a, Column b) {
        return when(b.equalTo(lit(0)), raise_error(lit(FMOD_BY_ZERO)))
                .when(b.equalTo(lit(-1)), lit(0)) // MIN % -1 is 0 in Java; keep it from ANSI's overflow check
                .otherwise(a.mod(b)).cast(SparkTypes.dataType(type));
    }

    /** C's integer {@code 1 / a}: 1 and -1 are their own reciprocals, every other integer's is 0. By zero, an error. */
    static Column reciprocal(DType type, Column a) {
        return when(a.equalTo(lit(0)), raise_error(lit(RECIPROCAL_OF_ZERO)))
                .when(a.equalTo(lit(1)).or(a.equalTo(lit(-1))), a)
                .otherwise(lit(0)).cast(SparkTypes.dataType(type));
    }

    /**
     * NumPy's {@code left_shift}: Java's {@code <<} in int64, 0 where the count is negative or at
     * least 64 (Java and Spark take the count modulo 64); int32 keeps the low 32 bits.
     */
    static Column shiftLeft(DType type, Column a, Column b) {
        Column shifted = call_function("shiftleft", wide(a), wide(b).cast(DataTypes.IntegerType));
        Column value = when(b.geq(lit(0)).and(b.lt(lit(Long.SIZE))), shifted).otherwise(lit(0L));
        return type == DType.INT32 ? toInt32(value) : value;
    }

    /** NumPy's {@code right_shift}: arithmetic, the sign (0 or -1) where the count is negative or at least 64. */
    static Column shiftRight(DType type, Column a, Column b) {
        Column count = when(b.geq(lit(0)).and(b.lt(lit(Long.SIZE))), wide(b)).otherwise(lit(Long.SIZE - 1L));
        Column value = call_function("shiftright", wide(a), count.cast(DataTypes.IntegerType));
        return type == DType.INT32 ? toInt32(value) : value;
    }

    /** {@code a ** b} exactly, wrapping around; a negative exponent is an error, as in NumPy. */
    static Column power(DType type, Column a, Column b) {
        Column wrapped = POWER.apply(wide(a), wide(b));
        return when(b.lt(lit(0)), raise_error(lit(NEGATIVE_POWER)))
                .otherwise(type == DType.INT32 ? toInt32(wrapped) : wrapped);
    }

    /** Exact power by squaring, wrapping around as Java's {@code long} multiplication does. */
    static long power(long base, long exponent) {
        long result = 1;
        long b = base;
        for (long e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    /** The low 32 bits of an int64 column, sign-extended: Java's {@code (int)} cast, without ANSI's CAST_OVERFLOW. */
    private static Column toInt32(Column wideValue) {
        return shiftright(shiftleft(wideValue, 32), 32).cast(DataTypes.IntegerType);
    }

    private static Column wide(Column int32) {
        return int32.cast(DataTypes.LongType);
    }

    /** An int64 as a decimal, where sums and products of two of them are exact. */
    private static Column exact(Column int64) {
        return int64.cast(DataTypes.createDecimalType(20, 0));
    }

    /** The low 64 bits of an exact integer, as a signed int64: what Java's arithmetic keeps. */
    private static Column lowBits(Column exact) {
        Column unsigned = pmod(exact, lit(TWO_TO_64));
        return when(unsigned.geq(lit(TWO_TO_63)), unsigned.minus(lit(TWO_TO_64))).otherwise(unsigned)
                .cast(DataTypes.LongType);
    }

    private static Column minimum(DType type) {
        return type == DType.INT32 ? lit(Integer.MIN_VALUE) : lit(Long.MIN_VALUE);
    }
}
