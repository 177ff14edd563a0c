package io.jvectorize.runtime;

/**
 * Argument checks and errors of the ufunc methods ({@code mReduce}, {@code mAt}, ...) of
 * generated companions, run before anything is written.
 */
public final class UfuncArguments {

    private UfuncArguments() {
    }

    /**
     * Checks that every index is an index of the target array, so that {@code mAt} writes all of
     * its updates or none.
     *
     * @param function the called method, for the message
     * @param indices the indices, checked non-null already
     * @param length the target array's length
     * @throws IndexOutOfBoundsException naming the first index outside {@code [0, length)}, and its position
     */
    public static void requireIndices(String function, int[] indices, int length) {
        for (int k = 0; k < indices.length; k++) {
            int index = indices[k];
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(function + ": indices[" + k + "] is " + index + ", but a has "
                        + length + (length == 1 ? " element" : " elements") + "; nothing was written");
            }
        }
    }

    /**
     * The error for reducing an empty array with a function that has no identity.
     *
     * @param function the called method, such as {@code maxReduce}
     * @param name the @Vectorize method, such as {@code max}
     */
    public static IllegalArgumentException emptyReduce(String function, String name) {
        return new IllegalArgumentException(function + ": cannot reduce an empty array: " + name
                + " has no identity; give its @Vectorize an identity, or check for an empty array first");
    }
}
