package io.jvectorize.samples.ufunc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.ReduceChunks;
import io.jvectorize.samples.Ufuncs;
import io.jvectorize.samples.UfuncsVectorized;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ufunc methods against loops over the scalar method, on random and special values, at
 * lengths around the SIMD width and the parallel reduce's chunk length; and their errors.
 */
class UfuncMethodsTest {
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.5};
    private static final int CHUNK = ReduceChunks.CHUNK_LENGTH;
    private static final int[] LENGTHS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 100, CHUNK - 1, CHUNK, CHUNK + 1,
        3 * CHUNK + 5, 40_000, 100_003};

    private static double[] random(int length, long seed, boolean specials) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = specials && random.nextInt(50) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)]
                    : random.nextGaussian() * 100;
        }
        return values;
    }

    /** The bits of a number; one value for every NaN, whose sign and payload the JIT may choose (it commutes {@code a * b}). */
    private static long bits(double value) {
        return Double.doubleToLongBits(value);
    }

    @Test
    void reduceIsTheLeftFoldBitForBit() {
        for (int length : LENGTHS) {
            for (boolean specials : new boolean[] {false, true}) {
                double[] a = random(length, length, specials);
                double sum = a[0];
                double product = a[0];
                double difference = a[0];
                double max = a[0];
                for (int i = 1; i < length; i++) {
                    sum = Ufuncs.add(sum, a[i]);
                    product = Ufuncs.multiply(product, a[i]);
                    difference = Ufuncs.subtract(difference, a[i]);
                    max = Ufuncs.maximum(max, a[i]);
                }
                assertEquals(bits(sum), bits(UfuncsVectorized.addReduce(a)), "add, length " + length);
                assertEquals(bits(product), bits(UfuncsVectorized.multiplyReduce(a)), "multiply, length " + length);
                assertEquals(bits(difference), bits(UfuncsVectorized.subtractReduce(a)), "subtract, length " + length);
                assertEquals(bits(max), bits(UfuncsVectorized.maximumReduce(a)), "maximum, length " + length);
            }
        }
    }

    /** Folds each fixed chunk from the left, then combines pairwise: what the parallel reduce promises for a scalar fold. */
    private static double chunkedTree(double[] a) {
        int chunks = (a.length + CHUNK - 1) / CHUNK;
        double[] partials = new double[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int to = Math.min(a.length, from + CHUNK);
            double result = a[from];
            for (int i = from + 1; i < to; i++) {
                result = Ufuncs.maximum(result, a[i]);
            }
            partials[c] = result;
        }
        for (int width = 1; width < chunks; width *= 2) {
            for (int k = 0; k + width < chunks; k += 2 * width) {
                partials[k] = Ufuncs.maximum(partials[k], partials[k + width]);
            }
        }
        return partials[0];
    }

    @Test
    void theParallelMaximumEqualsTheSerialOneWhereGroupingCannotMatter() {
        for (int length : LENGTHS) {
            double[] a = random(length, 7 * length, false);
            assertEquals(bits(UfuncsVectorized.maximumReduce(a)), bits(UfuncsVectorized.maximumReduceParallel(a)),
                    "length " + length);
            assertEquals(bits(chunkedTree(a)), bits(UfuncsVectorized.maximumReduceParallel(a)));
        }
    }

    @Test
    void theParallelMaximumPropagatesNaNLikeTheSerialOne() {
        double[] a = random(100_003, 3, false);
        a[77_777] = Double.NaN;
        assertEquals(Double.NaN, UfuncsVectorized.maximumReduceParallel(a));
        assertEquals(Double.NaN, UfuncsVectorized.maximumReduce(a));
    }

    @Test
    void theParallelSumIsCloseToTheLeftFoldAndTheSameOnEveryCall() {
        for (int length : LENGTHS) {
            double[] a = random(length, 11 * length, false);
            double serial = UfuncsVectorized.addReduce(a);
            double parallel = UfuncsVectorized.addReduceParallel(a);
            double magnitudes = Arrays.stream(a).map(Math::abs).sum();
            assertEquals(serial, parallel, 1e-12 * magnitudes, "length " + length);
            for (int run = 0; run < 5; run++) {
                assertEquals(bits(parallel), bits(UfuncsVectorized.addReduceParallel(a)), "run " + run);
            }
        }
    }

    @Test
    void aParallelSumOfIntegersIsExact() {
        long[] a = new long[100_003];
        long expected = 0;
        Random random = new Random(5);
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextLong();
            expected += a[i];
        }
        assertEquals(expected, UfuncsVectorized.addInt64ReduceParallel(a));
        assertEquals(expected, UfuncsVectorized.addInt64Reduce(a));
    }

    @Test
    void aSumOfSpecialsIsSpecialInBothReduces() {
        double[] a = random(50_000, 9, false);
        a[123] = Double.POSITIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, UfuncsVectorized.addReduceParallel(a));
        a[45_678] = Double.NEGATIVE_INFINITY;
        assertEquals(Double.NaN, UfuncsVectorized.addReduceParallel(a));
        assertEquals(Double.NaN, UfuncsVectorized.addReduce(a));
    }

    @Test
    void anEmptyArrayGivesTheIdentityOrSaysThereIsNone() {
        assertEquals(bits(0.0), bits(UfuncsVectorized.addReduce(new double[0])));
        assertEquals(bits(0.0), bits(UfuncsVectorized.addReduceParallel(new double[0])));
        assertEquals(1.0, UfuncsVectorized.multiplyReduce(new double[0]));
        assertEquals(0L, UfuncsVectorized.addInt64Reduce(new long[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UfuncsVectorized.subtractReduce(new double[0]));
        assertEquals("subtractReduce: cannot reduce an empty array: subtract has no identity; give its @Vectorize an"
                + " identity, or check for an empty array first", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UfuncsVectorized.maximumReduceParallel(new double[0]));
        assertEquals("maximumReduceParallel: cannot reduce an empty array: maximum has no identity; give its"
                + " @Vectorize an identity, or check for an empty array first", e.getMessage());
    }

    @Test
    void oneElementIsItsOwnReduceEvenANegativeZero() {
        for (double value : SPECIALS) {
            double[] a = {value};
            assertEquals(bits(value), bits(UfuncsVectorized.addReduce(a)));
            assertEquals(bits(value), bits(UfuncsVectorized.addReduceParallel(a)));
            assertEquals(bits(value), bits(UfuncsVectorized.subtractReduce(a)));
        }
    }

    @Test
    void accumulateIsTheRunningLeftFoldAlsoInPlace() {
        for (int length : new int[] {0, 1, 2, 17, 1000}) {
            double[] a = random(length, length + 1, true);
            double[] expected = new double[length];
            for (int i = 0; i < length; i++) {
                expected[i] = i == 0 ? a[0] : Ufuncs.subtract(expected[i - 1], a[i]);
            }
            assertArrayEquals(expected, UfuncsVectorized.subtractAccumulate(a));
            double[] out = new double[length];
            UfuncsVectorized.subtractAccumulate(a, out);
            assertArrayEquals(expected, out);
            UfuncsVectorized.subtractAccumulate(a, a);
            assertArrayEquals(expected, a);
        }
    }

    @Test
    void accumulateIntoAnOutOfAnotherLengthWritesNothing() {
        double[] out = {7, 7};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UfuncsVectorized.addAccumulate(new double[] {1, 2, 3}, out));
        assertEquals("addAccumulate: array lengths differ: a has 3 elements, out has 2", e.getMessage());
        assertArrayEquals(new double[] {7, 7}, out);
    }

    @Test
    void outerPairsEveryElementOfAWithEveryElementOfB() {
        double[] a = SPECIALS;
        double[] b = random(5, 1, false);
        double[][] outer = UfuncsVectorized.subtractOuter(a, b);
        assertEquals(a.length, outer.length);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                assertEquals(bits(Ufuncs.subtract(a[i], b[j])), bits(outer[i][j]));
            }
        }
        assertEquals(0, UfuncsVectorized.subtractOuter(new double[0], b).length);
        assertEquals(0, UfuncsVectorized.subtractOuter(a, new double[0])[3].length);
    }

    @Test
    void atAppliesRepeatedIndicesInOrder() {
        double[] a = {0, 10, 20};
        UfuncsVectorized.subtractAt(a, new int[] {2, 0, 2, 2}, new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {-2, 10, 12}, a);
        long[] counts = new long[3];
        UfuncsVectorized.addInt64At(counts, new int[] {1, 1, 1, 2}, new long[] {1, 1, 1, 1});
        assertArrayEquals(new long[] {0, 3, 1}, counts);
    }

    @Test
    void atWithAnIndexOutsideTheArrayWritesNothing() {
        double[] a = {1, 2, 3};
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> UfuncsVectorized.addAt(a, new int[] {0, 1, 3}, new double[] {5, 5, 5}));
        assertEquals("addAt: indices[2] is 3, but a has 3 elements; nothing was written", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> UfuncsVectorized.addAt(a, new int[] {-1}, new double[] {5}));
        assertEquals("addAt: indices[0] is -1, but a has 3 elements; nothing was written", e.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> UfuncsVectorized.addAt(a, new int[] {0, 1}, new double[] {5}));
        assertEquals("addAt: array lengths differ: indices has 2 elements, b has 1", lengths.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, a);
    }

    @Test
    void nullArraysAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> UfuncsVectorized.addReduce(null));
        assertEquals("addReduce: array argument 'a' is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> UfuncsVectorized.addOuter(new double[1], null));
        assertEquals("addOuter: array argument 'b' is null", e.getMessage());
    }
}
