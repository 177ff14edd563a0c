package io.jvectorize.runtime;

import io.jvectorize.runtime.table.ColumnData;
import java.lang.reflect.Array;

/** What {@code agg} items share, with and without groups: one reduction each, and one-row results. */
final class TableAggregation {

    private TableAggregation() {}

    /**
     * The item's expression, which must be one reduction, resolved in {@code scope}.
     *
     * @throws ExprSyntaxException with a caret where it is not one reduction
     */
    static TableScope.Resolved reduction(TableScope scope, Aliased item, String text, boolean nested) {
        TableScope.Resolved value = item.inItem(text, () -> scope.resolveRoot(item.expression(), nested));
        if (value.value() == null || !(value.value() instanceof Reduction)) {
            int start = 0;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            throw ExprParser.syntaxError(text, start, "an aggregation is one reduction of a column or expression,"
                    + " such as sum(amount) as total, and " + item.expression().strip() + " at column " + (start + 1)
                    + " is not one");
        }
        return value;
    }

    /** One row holding {@code value} (null: missing) as a column of {@code type}. */
    static ColumnData single(Object value, DType type) {
        Object values = Array.newInstance(type.arrayType().getComponentType(), 1);
        if (value == null) {
            return ColumnData.of(values, new boolean[] {false});
        }
        switch (type) {
            case FLOAT64 -> ((double[]) values)[0] = ((Number) value).doubleValue();
            case FLOAT32 -> ((float[]) values)[0] = ((Number) value).floatValue();
            case INT64 -> ((long[]) values)[0] = ((Number) value).longValue();
            case INT32 -> ((int[]) values)[0] = ((Number) value).intValue();
            default -> ((boolean[]) values)[0] = (Boolean) value;
        }
        return ColumnData.of(values);
    }
}
