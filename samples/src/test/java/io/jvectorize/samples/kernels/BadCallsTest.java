package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Calls that break the contract: arrays of different lengths give an IllegalArgumentException
 * naming the function, the parameters and their lengths, thrown before anything is written; a
 * null array gives a NullPointerException naming the parameter.
 */
class BadCallsTest {
    private static final double MARKER = -77.0;

    @Test
    void inputsOfDifferentLengths() {
        double[] out = marked(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryKernelsVectorized.lean(new double[10], new double[9], out));
        assertNames(e, "lean", "base", 10, "slope", 9, "out", 10);
        assertArrayEquals(marked(10), out, "out must be untouched");
    }

    @Test
    void outOfADifferentLength() {
        double[] out = marked(11);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryKernelsVectorized.lean(new double[10], new double[10], out));
        assertNames(e, "lean", "base", 10, "slope", 10, "out", 11);
        assertArrayEquals(marked(11), out, "out must be untouched");
    }

    @Test
    void allocatingVariantWithInputsOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TernaryKernelsVectorized.blend(new double[5], new double[5], new double[6]));
        assertNames(e, "blend", "first", 5, "second", 5, "weight", 6);
    }

    @Test
    void parallelVariantWithInputsOfDifferentLengthsWritesNothing() {
        int n = TestValues.aboveCutoff();
        double[] out = marked(n);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TernaryKernelsVectorized.blendParallel(new double[n], 0.5, new double[n - 1], out));
        assertNames(e, "blend", "first", n, "weight", n - 1, "out", n);
        assertArrayEquals(marked(n), out, "out must be untouched");
    }

    @Test
    void broadcastFormNamesOnlyItsArrays() {
        float[] out = new float[4];
        Arrays.fill(out, 3.5f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TernaryKernelsVectorized.blend(1f, new float[3], 2f, out));
        assertNames(e, "blend", "second", 3, "out", 4);
        assertTrue(!Pattern.compile("\\bfirst\\b|\\bweight\\b").matcher(e.getMessage()).find(),
                "the scalar parameters have no length: " + e.getMessage());
        assertArrayEquals(new float[] {3.5f, 3.5f, 3.5f, 3.5f}, out, "out must be untouched");
    }

    @Test
    void nullInput() {
        double[] out = marked(3);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> BinaryKernelsVectorized.lean(new double[3], null, out));
        assertMentions(e, "slope");
        assertArrayEquals(marked(3), out, "out must be untouched");
    }

    @Test
    void nullInputOfAParallelAllocatingVariant() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TernaryKernelsVectorized.blendParallel(null, new double[3], new double[3]));
        assertMentions(e, "first");
    }

    @Test
    void nullOut() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> SmallTypeKernelsVectorized.differsParallel(new boolean[2], new boolean[2], null));
        assertMentions(e, "out");
    }

    @Test
    void nullOnlyArrayOfAUnaryKernel() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> UnaryKernelsVectorized.collatzStep((long[]) null));
        assertMentions(e, "n");
    }

    private static double[] marked(int length) {
        double[] array = new double[length];
        Arrays.fill(array, MARKER);
        return array;
    }

    /** Asserts the message names {@code function}, and each of the (name, length) pairs. */
    private static void assertNames(Exception e, String function, Object... namesAndLengths) {
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(function), "function " + function + " not named: " + message);
        for (int k = 0; k < namesAndLengths.length; k += 2) {
            String name = (String) namesAndLengths[k];
            int length = (Integer) namesAndLengths[k + 1];
            assertTrue(Pattern.compile("\\b" + name + "\\b[^,;]*?\\b" + length + "\\b").matcher(message).find(),
                    name + " with length " + length + " not named: " + message);
        }
    }

    private static void assertMentions(Exception e, String name) {
        String message = String.valueOf(e.getMessage());
        assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(message).find(), name + " not named: " + message);
    }
}
