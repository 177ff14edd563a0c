package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.samples.SampleBounds;
import io.jvectorize.samples.Seed;
import io.jvectorize.samples.SeedVectorized;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's own functions, {@link Seed#poly} and {@link Seed#gaussian}, against their kernels.
 * poly is arithmetic: bit for bit on either path. gaussian calls Math.exp: where its float64
 * kernel runs a SIMD loop, within {@link SampleBounds#GAUSSIAN_ULPS} ulps, otherwise bit
 * for bit.
 */
class SeedKernelsTest {

    /** The tolerance of the float64 gaussian kernels in this run: exact unless they run a SIMD loop. */
    private static Tolerance gaussianTolerance() {
        KernelUnderTest gaussian = KernelUnderTest.of(Seed.class, "gaussian", "x");
        return new KernelVariant(gaussian, gaussian.signatures().get(0), 0, KernelVariant.Kind.INTO).tolerance();
    }

    @Test
    void onlyGaussianIsApproximate() {
        assertEquals(new Tolerance(SampleBounds.GAUSSIAN_ULPS, 0),
                Approximations.declared(KernelUnderTest.of(Seed.class, "gaussian", "x").scalar()));
        assertEquals(Tolerance.EXACT, Approximations.declared(KernelUnderTest.of(Seed.class, "poly", "t").scalar()));
    }

    static IntStream lengths() {
        return IntStream.of(0, 1, 7, 1000, TestValues.aboveCutoff());
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void polyFloat64EqualsTheScalarLoop(int length) {
        double[] t = TestValues.doubles(length, 11);
        double[] expected = new double[length];
        for (int i = 0; i < length; i++) {
            expected[i] = Seed.poly(t[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> SeedVectorized.poly(t),
                out -> SeedVectorized.poly(t, out),
                () -> SeedVectorized.polyParallel(t),
                out -> SeedVectorized.polyParallel(t, out));
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void polyFloat32IsTheDoublePolyCastToFloat(int length) {
        float[] t = TestValues.floats(length, 12);
        float[] expected = new float[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (float) Seed.poly((double) t[i]);
        }
        FourVariants.assertAllEqual(expected,
                () -> SeedVectorized.poly(t),
                out -> SeedVectorized.poly(t, out),
                () -> SeedVectorized.polyParallel(t),
                out -> SeedVectorized.polyParallel(t, out));
    }

    /** The float32 kernel rounds once, at the end; float arithmetic would round after every operation. */
    @Test
    void polyFloat32RoundsOnceNotAfterEveryOperation() {
        float[] t = TestValues.floats(1000, 13);
        float[] kernel = SeedVectorized.poly(t);
        int differing = 0;
        for (int i = 0; i < t.length; i++) {
            float inFloat = (5.0f * t[i] + 4.0f) * t[i] + 1.0f;
            float roundedOnce = (float) Seed.poly(t[i]);
            if (Float.floatToIntBits(inFloat) != Float.floatToIntBits(roundedOnce)) {
                differing++;
                assertTrue(Float.floatToIntBits(kernel[i]) == Float.floatToIntBits(roundedOnce),
                        "index " + i + ": " + t[i] + " gives " + kernel[i] + ", not " + roundedOnce);
            }
        }
        assertTrue(differing > 0, "the data should hold inputs where float arithmetic differs");
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void gaussianEqualsTheScalarLoop(int length) {
        double[] x = TestValues.doubles(length, 14);
        double[] expected = new double[length];
        for (int i = 0; i < length; i++) {
            expected[i] = Seed.gaussian(x[i]);
        }
        FourVariants.assertAllWithin(expected, gaussianTolerance(),
                () -> SeedVectorized.gaussian(x),
                out -> SeedVectorized.gaussian(x, out),
                () -> SeedVectorized.gaussianParallel(x),
                out -> SeedVectorized.gaussianParallel(x, out));
    }

    @Test
    void gaussianParallelEqualsSerialAboveTheCutoff() {
        // Values around the mean, where exp does real work rather than underflowing.
        double[] x = new double[TestValues.aboveCutoff()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Seed.MU + (i - x.length / 2.0) * (8 * Seed.SIGMA / x.length);
        }
        Bits.assertWithin(SeedVectorized.gaussian(x), SeedVectorized.gaussianParallel(x), gaussianTolerance(),
                i -> "gaussianParallel vs gaussian at index " + i);
    }

    @Test
    void gaussianPeaksAtTheMean() {
        double[] x = {Seed.MU - 1, Seed.MU, Seed.MU + 1};
        double[] y = SeedVectorized.gaussian(x);
        assertTrue(y[1] > y[0] && y[1] > y[2], "density should peak at the mean");
        double peak = 1 / (Seed.SIGMA * Math.sqrt(2 * Math.PI));
        Bits.assertWithin(new double[] {peak}, new double[] {y[1]}, gaussianTolerance(), i -> "the peak value");
    }
}
