package io.jvectorize.runtime.table;

import java.lang.reflect.Array;

/**
 * The arrays {@code Table.of} takes, turned into columns: primitive arrays as they are (no
 * copy, no missing values); boxed arrays and {@code String[]} unboxed once into a new array
 * and a mask, where {@code null} is a missing value.
 */
public final class ColumnArrays {

    /** The accepted array types, as messages list them. */
    public static final String SUPPORTED = "double[], float[], long[], int[], boolean[] (no missing values),"
            + " Double[], Float[], Long[], Integer[], Boolean[] or String[] (null is a missing value)";

    private ColumnArrays() {}

    /**
     * The column {@code array} holds.
     *
     * @throws IllegalArgumentException if {@code array} is null or of another type; the message
     *     names the column
     */
    public static ColumnData toColumn(String name, Object array) {
        if (array == null) {
            throw new IllegalArgumentException("column " + name + " is null: pass an array (" + SUPPORTED
                    + "); a column of missing values is an array of nulls, such as new Double[n]");
        }
        if (ColumnType.of(array.getClass()) != null && !(array instanceof String[])) {
            return ColumnData.of(array);
        }
        if (array instanceof Double[]) {
            Double[] boxed = (Double[]) array;
            double[] values = new double[boxed.length];
            boolean[] valid = new boolean[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                valid[i] = boxed[i] != null;
                values[i] = valid[i] ? boxed[i] : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (array instanceof Float[]) {
            Float[] boxed = (Float[]) array;
            float[] values = new float[boxed.length];
            boolean[] valid = new boolean[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                valid[i] = boxed[i] != null;
                values[i] = valid[i] ? boxed[i] : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (array instanceof Long[]) {
            Long[] boxed = (Long[]) array;
            long[] values = new long[boxed.length];
            boolean[] valid = new boolean[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                valid[i] = boxed[i] != null;
                values[i] = valid[i] ? boxed[i] : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (array instanceof Integer[]) {
            Integer[] boxed = (Integer[]) array;
            int[] values = new int[boxed.length];
            boolean[] valid = new boolean[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                valid[i] = boxed[i] != null;
                values[i] = valid[i] ? boxed[i] : 0;
            }
            return ColumnData.of(values, valid);
        }
        if (array instanceof Boolean[]) {
            Boolean[] boxed = (Boolean[]) array;
            boolean[] values = new boolean[boxed.length];
            boolean[] valid = new boolean[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                valid[i] = boxed[i] != null;
                values[i] = valid[i] && boxed[i];
            }
            return ColumnData.of(values, valid);
        }
        if (array.getClass() == String[].class) {
            String[] values = ((String[]) array).clone();
            boolean[] valid = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                valid[i] = values[i] != null;
            }
            return ColumnData.of(values, valid);
        }
        throw new IllegalArgumentException("column " + name + " is a " + describe(array) + "; Table.of takes "
                + SUPPORTED + hint(array));
    }

    private static String describe(Object array) {
        Class<?> type = array.getClass();
        return type.isArray() ? type.getComponentType().getCanonicalName() + "[]" : type.getCanonicalName();
    }

    private static String hint(Object array) {
        if (array instanceof short[] || array instanceof byte[] || array instanceof Short[] || array instanceof Byte[]) {
            return " (copy short and byte values into an int[] or Integer[])";
        }
        if (array instanceof Iterable) {
            return " (turn the collection into an array, e.g. list.toArray(new Double[0]))";
        }
        return "";
    }

    /**
     * The column of a primitive array or {@code String[]} and a mask ({@code true} where a value
     * is present; null: missing only where a string is null), neither copied; the values are
     * copied once only where a missing row's slot holds something other than zero or null, so
     * that the caller's array is never written.
     *
     * @throws IllegalArgumentException if {@code values} is null or of another type, the mask's
     *     length differs, or a string the mask calls present is null
     */
    public static ColumnData toColumn(String name, Object values, boolean[] validity) {
        if (values == null || ColumnType.of(values.getClass()) == null) {
            throw new IllegalArgumentException("column " + name + " is " + (values == null ? "null" : "a " + describe(values))
                    + ": with a validity mask, pass double[], float[], long[], int[], boolean[] or String[] values");
        }
        int length = Array.getLength(values);
        if (validity != null && validity.length != length) {
            throw new IllegalArgumentException("column " + name + " has " + length + " values but a validity mask of "
                    + validity.length + "; give one flag per value");
        }
        if (values instanceof String[]) {
            String[] strings = (String[]) values;
            boolean[] valid = validity != null ? validity : new boolean[length];
            for (int i = 0; i < length; i++) {
                if (validity == null) {
                    valid[i] = strings[i] != null;
                } else if (validity[i] && strings[i] == null) {
                    throw new IllegalArgumentException("column " + name + " has null at row " + i
                            + ", which its validity mask calls present; set the flag to false, or give a string");
                }
            }
            return ColumnData.of(hasStaleSlots(values, valid) ? strings.clone() : strings, valid);
        }
        if (validity == null) {
            return ColumnData.of(values);
        }
        return ColumnData.of(hasStaleSlots(values, validity) ? cloneArray(values) : values, validity);
    }

    /** Whether a missing row's slot holds something other than the type's zero or null. */
    private static boolean hasStaleSlots(Object values, boolean[] validity) {
        for (int i = 0; i < validity.length; i++) {
            if (!validity[i] && !isZero(values, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isZero(Object values, int i) {
        if (values instanceof double[]) {
            return Double.doubleToRawLongBits(((double[]) values)[i]) == 0;
        }
        if (values instanceof float[]) {
            return Float.floatToRawIntBits(((float[]) values)[i]) == 0;
        }
        if (values instanceof long[]) {
            return ((long[]) values)[i] == 0;
        }
        if (values instanceof int[]) {
            return ((int[]) values)[i] == 0;
        }
        if (values instanceof boolean[]) {
            return !((boolean[]) values)[i];
        }
        return ((String[]) values)[i] == null;
    }

    private static Object cloneArray(Object values) {
        Object copy = Array.newInstance(values.getClass().getComponentType(), Array.getLength(values));
        System.arraycopy(values, 0, copy, 0, Array.getLength(values));
        return copy;
    }
}
