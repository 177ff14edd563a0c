package io.jvectorize.runtime;

/**
 * Splits the rows of a generalized ufunc call ({@code mParallel} of a {@code @GuVectorize}
 * method) across threads. {@link Parallel#forRange} decides by the number of elements whether a
 * range is worth splitting; a row holds many elements, so this weighs each row by its elements.
 */
public final class ParallelRows {

    private ParallelRows() {
    }

    /**
     * Runs {@code task} over the rows {@code [0, rows)} in disjoint ranges that together cover
     * them once, across threads where {@code rows * elementsPerRow} reaches
     * {@link Parallel#serialCutoff()}. Exceptions reach the caller as from {@link Parallel#forRange}.
     *
     * @param rows the number of rows, at least 0
     * @param elementsPerRow about how many elements one row's call touches, at least 0
     * @param task the work on a range of rows
     */
    public static void forRows(int rows, long elementsPerRow, Parallel.RangeTask task) {
        if (rows < 0 || elementsPerRow < 0) {
            throw new IllegalArgumentException("rows and elementsPerRow must not be negative: " + rows + ", "
                    + elementsPerRow);
        }
        if (rows == 0) {
            return;
        }
        // Row r stands for the elements [r * weight, (r + 1) * weight); a range runs the rows that start in it.
        long weight = Math.max(1, Math.min(elementsPerRow, Integer.MAX_VALUE / rows));
        Parallel.forRange((int) (rows * weight), (from, to) -> {
            int first = (int) ((from + weight - 1) / weight);
            int end = (int) ((to + weight - 1) / weight);
            if (first < end) {
                task.run(first, end);
            }
        });
    }
}
