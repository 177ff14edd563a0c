package io.jvectorize.runtime;

import java.lang.reflect.Array;

/**
 * Argument checks that the row loops of {@code @GuVectorize} methods run before they write
 * anything: every argument has one entry per row, every row is present, and a core dimension
 * has one length in every row of every argument that names it.
 */
public final class GuArguments {

    private GuArguments() {
    }

    /**
     * The number of rows: the length that every array argument must share.
     *
     * @param function the called method, for messages
     * @param names the arguments' names, separated by {@code ", "}
     * @param arrays the arguments, each an array of rows ({@code double[][]}) or of one value per
     *     row (not varargs: a single {@code double[][]} would be taken for the arguments themselves)
     * @throws NullPointerException naming an argument or a row that is null
     * @throws IllegalArgumentException naming every argument and its length if they differ
     */
    public static int rows(String function, String names, Object[] arrays) {
        Arguments.requireArrays(function, names, arrays);
        String[] parameters = names.split(", ");
        for (int a = 0; a < arrays.length; a++) {
            if (arrays[a] instanceof Object[] rows) {
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        throw new NullPointerException(function + ": row " + parameters[a] + "[" + r + "] is null");
                    }
                }
            }
        }
        return Array.getLength(arrays[0]);
    }

    /**
     * The length of core dimension {@code dimension} in the rows of {@code arrays}, which must all
     * have it.
     *
     * @param names the arguments' names, separated by {@code ", "}
     * @param arrays arrays of rows, checked by {@link #rows} already
     * @return the length; 0 where there are no rows
     * @throws IllegalArgumentException naming the dimension and two rows whose lengths differ
     */
    public static int dimension(String function, String dimension, String names, Object[]... arrays) {
        String[] parameters = names.split(", ");
        int length = -1;
        String first = null;
        for (int a = 0; a < arrays.length; a++) {
            for (int r = 0; r < arrays[a].length; r++) {
                int rowLength = Array.getLength(arrays[a][r]);
                if (length < 0) {
                    length = rowLength;
                    first = parameters[a] + "[" + r + "]";
                } else if (rowLength != length) {
                    throw new IllegalArgumentException(function + ": core dimension " + dimension + " must have one"
                            + " length, but " + first + " has " + length + " elements and " + parameters[a] + "["
                            + r + "] has " + rowLength + "; nothing was written");
                }
            }
        }
        return Math.max(length, 0);
    }

    /**
     * Checks that every row of {@code arrays} has the layout's fixed length.
     *
     * @throws IllegalArgumentException naming the first row of another length
     */
    public static void fixed(String function, int length, String names, Object[]... arrays) {
        String[] parameters = names.split(", ");
        for (int a = 0; a < arrays.length; a++) {
            for (int r = 0; r < arrays[a].length; r++) {
                int rowLength = Array.getLength(arrays[a][r]);
                if (rowLength != length) {
                    throw new IllegalArgumentException(function + ": the layout fixes the rows of " + parameters[a]
                            + " at " + length + " elements, but " + parameters[a] + "[" + r + "] has " + rowLength
                            + "; nothing was written");
                }
            }
        }
    }

    /**
     * Checks an output-only dimension passed to an allocating form.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public static int size(String function, String dimension, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(function + ": dimension " + dimension + " must not be negative: "
                    + size);
        }
        return size;
    }
}
