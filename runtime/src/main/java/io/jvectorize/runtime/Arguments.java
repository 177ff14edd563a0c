package io.jvectorize.runtime;

import java.lang.reflect.Array;

/**
 * Argument checks that generated kernels run before they touch any array.
 *
 * <p>The checks are called once per kernel call, so the passing path does no work beyond one
 * length read per array; messages are only built once a check has failed.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Checks that every array argument of a kernel call is present and that all have the same
     * length.
     *
     * <p>For example {@code requireArrays("hypot", "a, b, out", a, b, out)} passes when
     * {@code a}, {@code b} and {@code out} are non-null arrays of one length, and otherwise
     * throws with a message such as
     * {@code hypot: array lengths differ: a has 10 elements, b has 12, out has 10}.
     *
     * @param function the name of the called kernel, used in messages
     * @param names the names of the array parameters, in the order of {@code arrays},
     *     separated by {@code ", "}
     * @param arrays the array arguments (primitive arrays in generated code)
     * @throws NullPointerException if an array argument is null; the message names it
     * @throws IllegalArgumentException if the lengths differ (the message names every array
     *     parameter with its length), or if an argument is not an array at all
     */
    public static void requireArrays(String function, String names, Object... arrays) {
        int length = -1;
        for (Object array : arrays) {
            if (array == null || !array.getClass().isArray()) {
                throw invalid(function, names, arrays);
            }
            int arrayLength = Array.getLength(array);
            if (length < 0) {
                length = arrayLength;
            } else if (arrayLength != length) {
                throw invalid(function, names, arrays);
            }
        }
    }

    /** The exception for arguments that failed a check: a missing or non-array one first. */
    private static RuntimeException invalid(String function, String names, Object[] arrays) {
        String[] parameters = parameterNames(names, arrays.length);
        for (int i = 0; i < arrays.length; i++) {
            Object array = arrays[i];
            if (array == null) {
                return new NullPointerException(
                        function + ": array argument '" + parameters[i] + "' is null");
            }
            if (!array.getClass().isArray()) {
                return new IllegalArgumentException(function + ": argument '" + parameters[i]
                        + "' should be an array but is a " + array.getClass().getName());
            }
        }
        StringBuilder message = new StringBuilder(function).append(": array lengths differ: ");
        for (int i = 0; i < arrays.length; i++) {
            int length = Array.getLength(arrays[i]);
            if (i > 0) {
                message.append(", ");
            }
            message.append(parameters[i]).append(" has ").append(length);
            if (i == 0) {
                message.append(length == 1 ? " element" : " elements");
            }
        }
        return new IllegalArgumentException(message.toString());
    }

    /** The names from {@code names}; positions it does not name are called "#1", "#2", .... */
    private static String[] parameterNames(String names, int count) {
        String[] given = names == null || names.isBlank() ? new String[0] : names.split(",");
        String[] result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = i < given.length ? given[i].trim() : "#" + (i + 1);
        }
        return result;
    }
}
