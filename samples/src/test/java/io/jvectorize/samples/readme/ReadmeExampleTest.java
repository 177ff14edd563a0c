package io.jvectorize.samples.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The README's quickstart calls give the results the README shows. */
class ReadmeExampleTest {

    @Test
    void polyAllocatesTheResult() {
        assertArrayEquals(new double[] {1.0, 10.0, 29.0}, CurvesVectorized.poly(new double[] {0, 1, 2}));
    }

    @Test
    void polyWritesInPlace() {
        double[] t = {0, 1, 2};
        CurvesVectorized.poly(t, t);
        assertArrayEquals(new double[] {1.0, 10.0, 29.0}, t);
    }

    @Test
    void float32SignatureComputesInDoubleAndCasts() {
        assertArrayEquals(new float[] {10.0f, 29.0f}, CurvesVectorized.poly(new float[] {1f, 2f}));
    }

    @Test
    void hypotBroadcastsItsScalarArgument() {
        assertArrayEquals(new double[] {5.0, 6.4031242374328485}, CurvesVectorized.hypot(new double[] {3, 5}, 4));
    }

    @Test
    void polyParallelEqualsSerial() {
        double[] big = new double[10_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 1e-6;
        }
        assertArrayEquals(CurvesVectorized.poly(big), CurvesVectorized.polyParallel(big));
    }
}
