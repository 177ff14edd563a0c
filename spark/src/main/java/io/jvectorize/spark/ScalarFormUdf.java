package io.jvectorize.spark;

import static org.apache.spark.sql.functions.udf;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * An operator as a UDF of the runtime's own scalar form ({@link Operator#scalar}): the code the
 * in-JVM reference runs, so the same bits and the same errors ({@code integer floor division by
 * zero}). For what Spark has not (exp2, log2 as NumPy computes it, copysign and signbit of a NaN's
 * sign bit, nextafter, floor division), computes by a formula that loses digits (its asinh, acosh,
 * atanh are the textbook logarithms) or computes otherwise (its floor and ceil give bigint, its
 * signum keeps -0.0): a formula of Spark built-ins would name its operands several times, and
 * nested in each other such columns grow exponentially. Floats compute in double and float32
 * results are rounded once; integers in long and int32 results keep their low 32 bits, as the
 * engine does. A missing operand gives a missing result, without calling the form. It travels
 * to executors as the operator's name.
 */
final class ScalarFormUdf {
    private ScalarFormUdf() {}

    /**
     * {@code op} of columns of {@code operandType}, giving a column of {@code resultType}.
     *
     * @param operandType float64, float32, int64 or int32
     * @param resultType the operand type, or bool for a predicate
     */
    static Column apply(Operator op, DType operandType, DType resultType, Column... operands) {
        Kind kind = Kind.of(operandType);
        DataType wide = kind == Kind.DOUBLE ? DataTypes.DoubleType : DataTypes.LongType;
        Column[] columns = new Column[operands.length];
        for (int i = 0; i < operands.length; i++) {
            columns[i] = operands[i].cast(wide);
        }
        boolean narrow = resultType == DType.INT32;
        DataType returned = resultType == DType.BOOLEAN ? DataTypes.BooleanType : wide;
        Column value = switch (operands.length) {
            case 1 -> udf((UDF1<Object, Object>) a -> a == null ? null
                    : narrowed(op.scalar().apply(kind, a), narrow), returned).apply(columns);
            case 2 -> udf((UDF2<Object, Object, Object>) (a, b) -> a == null || b == null ? null
                    : narrowed(op.scalar().apply(kind, a, b), narrow), returned).apply(columns);
            case 3 -> udf((UDF3<Object, Object, Object, Object>) (a, b, c) -> a == null || b == null || c == null ? null
                    : narrowed(op.scalar().apply(kind, a, b, c), narrow), returned).apply(columns);
            default -> throw new IllegalArgumentException(op + " takes " + operands.length + " operands; UDFs here take 1 to 3");
        };
        return resultType == DType.BOOLEAN ? value : value.cast(SparkTypes.dataType(resultType));
    }

    /** An int32 result, computed in long, as its low 32 bits (Java's cast): {@code MIN // -1} wraps. */
    private static Object narrowed(Object value, boolean toInt32) {
        return toInt32 ? (Object) (long) (int) (long) (Long) value : value;
    }
}
