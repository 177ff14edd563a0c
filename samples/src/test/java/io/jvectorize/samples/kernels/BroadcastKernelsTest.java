package io.jvectorize.samples.kernels;

import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broadcast form, called with compile-time types: a scalar argument stands for the same
 * value at every index. Arrays are longer than the serial cutoff, so Parallel variants split.
 */
class BroadcastKernelsTest {
    private static final int N = TestValues.aboveCutoff();
    private static final double[] FIRST = TestValues.doubles(N, 31);
    private static final double[] SECOND = TestValues.doubles(N, 32);
    private static final double[] WEIGHT = TestValues.doubles(N, 33);

    static DoubleStream doubleScalars() {
        return DoubleStream.of(0.25, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE);
    }

    static LongStream longScalars() {
        return LongStream.of(3, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    // ---- two parameters: lean(base, slope) -----------------------------------------------

    @ParameterizedTest(name = "base = {0}")
    @MethodSource("doubleScalars")
    void leanWithScalarBase(double base) {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = BinaryKernels.lean(base, SECOND[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> BinaryKernelsVectorized.lean(base, SECOND),
                out -> BinaryKernelsVectorized.lean(base, SECOND, out),
                () -> BinaryKernelsVectorized.leanParallel(base, SECOND),
                out -> BinaryKernelsVectorized.leanParallel(base, SECOND, out));
    }

    @ParameterizedTest(name = "slope = {0}")
    @MethodSource("doubleScalars")
    void leanWithScalarSlope(double slope) {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = BinaryKernels.lean(FIRST[i], slope);
        }
        FourVariants.assertAllEqual(expected,
                () -> BinaryKernelsVectorized.lean(FIRST, slope),
                out -> BinaryKernelsVectorized.lean(FIRST, slope, out),
                () -> BinaryKernelsVectorized.leanParallel(FIRST, slope),
                out -> BinaryKernelsVectorized.leanParallel(FIRST, slope, out));
    }

    @ParameterizedTest(name = "seed = {0}")
    @MethodSource("longScalars")
    void mixBitsWithScalarSeedWrapsLikeTheScalarMethod(long seed) {
        long[] salt = TestValues.longs(N, 34);
        long[] expected = new long[N];
        for (int i = 0; i < N; i++) {
            expected[i] = BinaryKernels.mixBits(seed, salt[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> BinaryKernelsVectorized.mixBits(seed, salt),
                out -> BinaryKernelsVectorized.mixBits(seed, salt, out),
                () -> BinaryKernelsVectorized.mixBitsParallel(seed, salt),
                out -> BinaryKernelsVectorized.mixBitsParallel(seed, salt, out));
    }

    @ParameterizedTest(name = "salt = {0}")
    @MethodSource("longScalars")
    void mixBitsWithScalarSaltWrapsLikeTheScalarMethod(long salt) {
        long[] seed = TestValues.longs(N, 35);
        long[] expected = new long[N];
        for (int i = 0; i < N; i++) {
            expected[i] = BinaryKernels.mixBits(seed[i], salt);
        }
        FourVariants.assertAllEqual(expected,
                () -> BinaryKernelsVectorized.mixBits(seed, salt),
                out -> BinaryKernelsVectorized.mixBits(seed, salt, out),
                () -> BinaryKernelsVectorized.mixBitsParallel(seed, salt),
                out -> BinaryKernelsVectorized.mixBitsParallel(seed, salt, out));
    }

    // ---- three parameters: blend(first, second, weight), all six proper subsets ---------------

    @ParameterizedTest(name = "first = {0}")
    @MethodSource("doubleScalars")
    void blendWithScalarFirst(double first) {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(first, SECOND[i], WEIGHT[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(first, SECOND, WEIGHT),
                out -> TernaryKernelsVectorized.blend(first, SECOND, WEIGHT, out),
                () -> TernaryKernelsVectorized.blendParallel(first, SECOND, WEIGHT),
                out -> TernaryKernelsVectorized.blendParallel(first, SECOND, WEIGHT, out));
    }

    @ParameterizedTest(name = "second = {0}")
    @MethodSource("doubleScalars")
    void blendWithScalarSecond(double second) {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(FIRST[i], second, WEIGHT[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(FIRST, second, WEIGHT),
                out -> TernaryKernelsVectorized.blend(FIRST, second, WEIGHT, out),
                () -> TernaryKernelsVectorized.blendParallel(FIRST, second, WEIGHT),
                out -> TernaryKernelsVectorized.blendParallel(FIRST, second, WEIGHT, out));
    }

    @ParameterizedTest(name = "weight = {0}")
    @MethodSource("doubleScalars")
    void blendWithScalarWeight(double weight) {
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(FIRST[i], SECOND[i], weight);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(FIRST, SECOND, weight),
                out -> TernaryKernelsVectorized.blend(FIRST, SECOND, weight, out),
                () -> TernaryKernelsVectorized.blendParallel(FIRST, SECOND, weight),
                out -> TernaryKernelsVectorized.blendParallel(FIRST, SECOND, weight, out));
    }

    @ParameterizedTest(name = "first = {0}, second = 1.5")
    @MethodSource("doubleScalars")
    void blendWithScalarFirstAndSecond(double first) {
        double second = 1.5;
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(first, second, WEIGHT[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(first, second, WEIGHT),
                out -> TernaryKernelsVectorized.blend(first, second, WEIGHT, out),
                () -> TernaryKernelsVectorized.blendParallel(first, second, WEIGHT),
                out -> TernaryKernelsVectorized.blendParallel(first, second, WEIGHT, out));
    }

    @ParameterizedTest(name = "first = {0}, weight = 0.75")
    @MethodSource("doubleScalars")
    void blendWithScalarFirstAndWeight(double first) {
        double weight = 0.75;
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(first, SECOND[i], weight);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(first, SECOND, weight),
                out -> TernaryKernelsVectorized.blend(first, SECOND, weight, out),
                () -> TernaryKernelsVectorized.blendParallel(first, SECOND, weight),
                out -> TernaryKernelsVectorized.blendParallel(first, SECOND, weight, out));
    }

    @ParameterizedTest(name = "second = -4, weight = {0}")
    @MethodSource("doubleScalars")
    void blendWithScalarSecondAndWeight(double weight) {
        double second = -4;
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(FIRST[i], second, weight);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(FIRST, second, weight),
                out -> TernaryKernelsVectorized.blend(FIRST, second, weight, out),
                () -> TernaryKernelsVectorized.blendParallel(FIRST, second, weight),
                out -> TernaryKernelsVectorized.blendParallel(FIRST, second, weight, out));
    }

    /** Mixed argument types in a broadcast form: int32 scalar, float64 array, float32 scalar. */
    @ParameterizedTest(name = "weight = {0}")
    @MethodSource("doubleScalars")
    void blendWithMixedTypesAndScalarFirstAndWeight(double weight) {
        int first = -7;
        float narrowWeight = (float) weight;
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = TernaryKernels.blend(first, SECOND[i], narrowWeight);
        }
        FourVariants.assertAllEqual(expected,
                () -> TernaryKernelsVectorized.blend(first, SECOND, narrowWeight),
                out -> TernaryKernelsVectorized.blend(first, SECOND, narrowWeight, out),
                () -> TernaryKernelsVectorized.blendParallel(first, SECOND, narrowWeight),
                out -> TernaryKernelsVectorized.blendParallel(first, SECOND, narrowWeight, out));
    }
}
