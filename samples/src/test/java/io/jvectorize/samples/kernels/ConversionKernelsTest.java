package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Signatures whose types differ from the method's: each argument widens as Java widens, each
 * result is cast as a Java cast would; nothing else converts, and nothing is computed in the
 * narrower type.
 */
class ConversionKernelsTest {
    private static final int N = TestValues.aboveCutoff();

    @Test
    void float32OfFloat32ComputesInDoubleAndCastsTheResult() {
        float[] x = TestValues.floats(N, 21);
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            expected[i] = (float) UnaryKernels.cubic((double) x[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.cubic(x),
                out -> UnaryKernelsVectorized.cubic(x, out),
                () -> UnaryKernelsVectorized.cubicParallel(x),
                out -> UnaryKernelsVectorized.cubicParallel(x, out));
    }

    @Test
    void float64OfInt32WidensEachArgument() {
        int[] x = TestValues.ints(N, 22);
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = UnaryKernels.cubic((double) x[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.cubic(x),
                out -> UnaryKernelsVectorized.cubic(x, out),
                () -> UnaryKernelsVectorized.cubicParallel(x),
                out -> UnaryKernelsVectorized.cubicParallel(x, out));
    }

    @Test
    void float64OfInt64RoundsLongsToTheNearestDouble() {
        long[] x = {(1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -3};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = UnaryKernels.cubic((double) x[i]);
        }
        Bits.assertSameBits(expected, UnaryKernelsVectorized.cubic(x), "cubic(long[])");
        // (double) (2^53 + 1) rounds to 2^53, so the kernel must call cubic(2^53):
        assertEquals(UnaryKernels.cubic(9007199254740992.0), UnaryKernelsVectorized.cubic(new long[] {(1L << 53) + 1})[0]);
    }

    @Test
    void int64OfFloat64SaturatesLikeAJavaCast() {
        double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 2.9, -2.9, -0.0};
        long[] expected = {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            (long) (2.9 * 1.5 - 0.25), (long) (-2.9 * 1.5 - 0.25), 0};
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.scale(x),
                out -> UnaryKernelsVectorized.scale(x, out),
                () -> UnaryKernelsVectorized.scaleParallel(x),
                out -> UnaryKernelsVectorized.scaleParallel(x, out));
    }

    @Test
    void int64OfFloat64EqualsTheCastScalarLoop() {
        double[] x = TestValues.doubles(N, 23);
        long[] expected = new long[N];
        for (int i = 0; i < N; i++) {
            expected[i] = (long) UnaryKernels.scale(x[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.scale(x),
                out -> UnaryKernelsVectorized.scale(x, out),
                () -> UnaryKernelsVectorized.scaleParallel(x),
                out -> UnaryKernelsVectorized.scaleParallel(x, out));
    }

    @Test
    void int8OfInt64NarrowsTheDoubleResultThroughInt() {
        long[] x = TestValues.longs(N, 24);
        byte[] expected = new byte[N];
        for (int i = 0; i < N; i++) {
            expected[i] = (byte) UnaryKernels.scale((double) x[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.scale(x),
                out -> UnaryKernelsVectorized.scale(x, out),
                () -> UnaryKernelsVectorized.scaleParallel(x),
                out -> UnaryKernelsVectorized.scaleParallel(x, out));
        // scale(201) = 301.25: (byte) (int) 301.25 = 45; scale(1e10) = 1.5e10: (byte) Integer.MAX_VALUE = -1.
        assertArrayEquals(new byte[] {45, -1}, UnaryKernelsVectorized.scale(new long[] {201, 10_000_000_000L}));
    }

    @Test
    void int64ArithmeticWrapsAroundOnOverflow() {
        long[] n = {Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE, 7};
        // 3 * MAX + 1 and 3 * (MIN + 1) + 1 overflow and wrap; MIN is even, so it is halved.
        long[] expected = {Long.MAX_VALUE - 1, Long.MIN_VALUE + 4, Long.MIN_VALUE / 2, 22};
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.collatzStep(n),
                out -> UnaryKernelsVectorized.collatzStep(n, out),
                () -> UnaryKernelsVectorized.collatzStepParallel(n),
                out -> UnaryKernelsVectorized.collatzStepParallel(n, out));
    }

    @Test
    void int64OfInt64EqualsTheScalarLoop() {
        long[] n = TestValues.longs(N, 25);
        long[] expected = new long[N];
        for (int i = 0; i < N; i++) {
            expected[i] = UnaryKernels.collatzStep(n[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.collatzStep(n),
                out -> UnaryKernelsVectorized.collatzStep(n, out),
                () -> UnaryKernelsVectorized.collatzStepParallel(n),
                out -> UnaryKernelsVectorized.collatzStepParallel(n, out));
    }

    @Test
    void int32OfInt32ComputesInLongAndTruncates() {
        int[] n = TestValues.ints(N, 26);
        int[] expected = new int[N];
        for (int i = 0; i < N; i++) {
            expected[i] = (int) UnaryKernels.collatzStep((long) n[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.collatzStep(n),
                out -> UnaryKernelsVectorized.collatzStep(n, out),
                () -> UnaryKernelsVectorized.collatzStepParallel(n),
                out -> UnaryKernelsVectorized.collatzStepParallel(n, out));
    }

    @Test
    void float32OfInt16CastsTheLongResult() {
        short[] n = {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE};
        float[] expected = new float[n.length];
        for (int i = 0; i < n.length; i++) {
            expected[i] = (float) UnaryKernels.collatzStep(n[i]);
        }
        Bits.assertSameBits(expected, UnaryKernelsVectorized.collatzStep(n), "collatzStep(short[])");
        Bits.assertSameBits(new float[] {-16384f, -2f, 0f, 4f, 98302f}, expected, "expected values");
    }

    @Test
    void mixedArgumentTypesWidenEachToItsParameter() {
        float[] base = TestValues.floats(N, 27);
        long[] slope = TestValues.longs(N, 28);
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = BinaryKernels.lean((double) base[i], (double) slope[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> BinaryKernelsVectorized.lean(base, slope),
                out -> BinaryKernelsVectorized.lean(base, slope, out),
                () -> BinaryKernelsVectorized.leanParallel(base, slope),
                out -> BinaryKernelsVectorized.leanParallel(base, slope, out));
    }

    @Test
    void noSignatureMeansTheMethodsOwnTypes() {
        float[] x = TestValues.floats(N, 29);
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            expected[i] = UnaryKernels.ownFloat(x[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> UnaryKernelsVectorized.ownFloat(x),
                out -> UnaryKernelsVectorized.ownFloat(x, out),
                () -> UnaryKernelsVectorized.ownFloatParallel(x),
                out -> UnaryKernelsVectorized.ownFloatParallel(x, out));
    }

    @Test
    void int16KernelsOfAShortMethod() {
        short[] left = {Short.MAX_VALUE, Short.MIN_VALUE, -1, 3};
        short[] right = {Short.MAX_VALUE, Short.MIN_VALUE, 0, -4};
        short[] expected = {Short.MAX_VALUE, Short.MIN_VALUE, 0, 0};
        FourVariants.assertAllEqual(expected,
                () -> SmallTypeKernelsVectorized.halfSum(left, right),
                out -> SmallTypeKernelsVectorized.halfSum(left, right, out),
                () -> SmallTypeKernelsVectorized.halfSumParallel(left, right),
                out -> SmallTypeKernelsVectorized.halfSumParallel(left, right, out));
    }

    @Test
    void int8ArgumentsWidenToAShortMethod() {
        byte[] left = {Byte.MAX_VALUE, Byte.MIN_VALUE, 5};
        byte[] right = {Byte.MAX_VALUE, Byte.MIN_VALUE, -8};
        short[] expected = {127, -128, -1};
        Bits.assertSameBits((Object) expected, SmallTypeKernelsVectorized.halfSum(left, right), i -> "halfSum(byte[], byte[]) index " + i);
    }

    @Test
    void booleanResultsFromFloat32Arguments() {
        float[] value = {Float.NaN, 1f, 2f, -0.0f, 5f};
        float[] low = {0f, Float.NaN, 2f, 0.0f, Float.NEGATIVE_INFINITY};
        float high = 3f;
        boolean[] expected = {false, false, true, true, false};
        FourVariants.assertAllEqual(expected,
                () -> SmallTypeKernelsVectorized.between(value, low, high),
                out -> SmallTypeKernelsVectorized.between(value, low, high, out),
                () -> SmallTypeKernelsVectorized.betweenParallel(value, low, high),
                out -> SmallTypeKernelsVectorized.betweenParallel(value, low, high, out));
    }

    @Test
    void booleanArgumentsAndResults() {
        boolean[] left = {false, false, true, true};
        boolean[] right = {false, true, false, true};
        boolean[] expected = {false, true, true, false};
        FourVariants.assertAllEqual(expected,
                () -> SmallTypeKernelsVectorized.differs(left, right),
                out -> SmallTypeKernelsVectorized.differs(left, right, out),
                () -> SmallTypeKernelsVectorized.differsParallel(left, right),
                out -> SmallTypeKernelsVectorized.differsParallel(left, right, out));
    }
}
