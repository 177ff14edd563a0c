package io.jvectorize.spark;

import static org.apache.spark.sql.functions.lit;

import io.jvectorize.runtime.DType;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** jvectorize's element types as Spark SQL types, and NumPy's conversions between them on columns. */
public final class SparkTypes {
    private SparkTypes() {}

    /**
     * The Spark type holding values of {@code type}: double, float, bigint, int, boolean.
     *
     * @throws IllegalArgumentException for complex128, which Spark columns do not hold yet
     */
    public static DataType dataType(DType type) {
        switch (Objects.requireNonNull(type, "type")) {
            case FLOAT64: return DataTypes.DoubleType;
            case FLOAT32: return DataTypes.FloatType;
            case INT64: return DataTypes.LongType;
            case INT32: return DataTypes.IntegerType;
            case BOOLEAN: return DataTypes.BooleanType;
            default:
                throw new IllegalArgumentException(TermColumns.COMPLEX_IN_THE_JVM_ONLY + ": " + type
                        + " values have no Spark column type; compute complex expressions with Compute");
        }
    }

    /**
     * The jvectorize type of a Spark column of type {@code type}.
     *
     * @param what the column, as error messages name it
     * @throws IllegalArgumentException for a type jvectorize does not compute with, saying which cast would do
     */
    public static DType dtype(DataType type, String what) {
        if (type.equals(DataTypes.DoubleType)) {
            return DType.FLOAT64;
        }
        if (type.equals(DataTypes.FloatType)) {
            return DType.FLOAT32;
        }
        if (type.equals(DataTypes.LongType)) {
            return DType.INT64;
        }
        if (type.equals(DataTypes.IntegerType)) {
            return DType.INT32;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return DType.BOOLEAN;
        }
        String cast = type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType) ? "int"
                : type instanceof org.apache.spark.sql.types.DecimalType ? "double" : null;
        throw new IllegalArgumentException(what + " has Spark type " + type.simpleString()
                + "; jvectorize computes with double (float64), float (float32), bigint (int64), int (int32) and"
                + " boolean (bool) columns" + (cast == null ? "" : ": cast it, e.g. col.cast(\"" + cast + "\")"));
    }

    /**
     * {@code column}, of values of type {@code from}, as values of type {@code to}, converted as
     * Java and NumPy convert: integers to floating point rounded to nearest, int32 to int64 and
     * float32 to float64 exactly, float64 to float32 rounded to nearest (for weak literals).
     * Spark's casts between these types convert the same way, in ANSI mode too.
     */
    static Column convert(Column column, DType from, DType to) {
        return from == to ? column : column.cast(dataType(to));
    }

    /** A literal of type {@code type} holding {@code value}, converted as Java converts. */
    static Column literal(DType type, Number value) {
        switch (type) {
            case FLOAT64: return lit(value.doubleValue());
            case FLOAT32: return lit(value.floatValue());
            case INT64: return lit(value.longValue());
            default: return lit(value.intValue());
        }
    }
}
