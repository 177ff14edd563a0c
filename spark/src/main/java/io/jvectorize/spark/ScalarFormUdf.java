package io.jvectorize.spark;

import static org.apache.spark.sql.functions.udf;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * A function of floats that Spark has not (exp2, log2 as NumPy computes it, copysign and signbit
 * of a NaN's sign bit, nextafter) or computes by a formula that loses digits (Spark's asinh,
 * acosh and atanh are the textbook logarithms), as a UDF of the runtime's own scalar form
 * ({@link Operator#scalar}): the same code the in-JVM reference runs, so the same bits. It
 * computes in double; float32 results are rounded once, as the engine rounds them. A missing
 * operand gives a missing result. It travels to executors as the operator's name.
 */
final class ScalarFormUdf {
    private ScalarFormUdf() {}

    /** {@code op} of double or float columns, giving a column of {@code resultType} (a float type, or bool). */
    static Column apply(Operator op, DType resultType, Column... operands) {
        Column[] doubles = new Column[operands.length];
        for (int i = 0; i < operands.length; i++) {
            doubles[i] = operands[i].cast(DataTypes.DoubleType);
        }
        boolean predicate = resultType == DType.BOOLEAN;
        var returned = predicate ? DataTypes.BooleanType : DataTypes.DoubleType;
        Column value;
        if (operands.length == 1) {
            value = udf((UDF1<Double, Object>) a -> a == null ? null : op.scalar().apply(Kind.DOUBLE, a), returned)
                    .apply(doubles);
        } else if (operands.length == 2) {
            value = udf((UDF2<Double, Double, Object>) (a, b) -> a == null || b == null ? null
                    : op.scalar().apply(Kind.DOUBLE, a, b), returned).apply(doubles);
        } else {
            throw new IllegalArgumentException(op + " takes " + operands.length + " operands; its UDF takes 1 or 2");
        }
        return predicate ? value : IeeeFloats.as(resultType, value);
    }
}
