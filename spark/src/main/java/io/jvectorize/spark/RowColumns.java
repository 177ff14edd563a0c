package io.jvectorize.spark;

import io.jvectorize.runtime.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark rows as the columns of an in-JVM {@link Table}: boxed arrays, {@code null} where missing. */
final class RowColumns {
    private RowColumns() {}

    /**
     * {@code rows} of {@code schema} as a table.
     *
     * @throws IllegalArgumentException for a column of a type tables do not hold, naming the cast to write
     */
    static Table toTable(StructType schema, List<Row> rows) {
        Map<String, Object> columns = new LinkedHashMap<>();
        StructField[] fields = schema.fields();
        for (int c = 0; c < fields.length; c++) {
            Object[] values = boxedArray(fields[c], rows.size());
            for (int r = 0; r < rows.size(); r++) {
                values[r] = rows.get(r).get(c);
            }
            columns.put(fields[c].name(), values);
        }
        return Table.of(columns);
    }

    /** One value of the column's type: a primitive array without, a boxed one with a missing value. */
    static Object oneValue(StructField field, boolean missing) {
        Object[] boxed = boxedArray(field, 1);
        if (missing || field.dataType().equals(DataTypes.StringType)) {
            return boxed;
        }
        return java.lang.reflect.Array.newInstance(
                SparkTypes.dtype(field.dataType(), "column " + field.name()).arrayType().getComponentType(), 1);
    }

    private static Object[] boxedArray(StructField field, int length) {
        DataType type = field.dataType();
        if (type.equals(DataTypes.StringType)) {
            return new String[length];
        }
        switch (SparkTypes.dtype(type, "column " + field.name())) {
            case FLOAT64: return new Double[length];
            case FLOAT32: return new Float[length];
            case INT64: return new Long[length];
            case INT32: return new Integer[length];
            default: return new Boolean[length];
        }
    }
}
