package io.jvectorize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each of {@link PolluteProfileBenchmarks} computes what its name says, polluted or not. */
class PolluteProfileBenchmarksTest {

    @Test
    void eachComputesItsRounding() {
        for (boolean pollute : new boolean[] {false, true}) {
            PolluteProfileBenchmarks b = new PolluteProfileBenchmarks();
            b.size = 10_001;
            b.pollute = pollute;
            b.setUp();
            double[] x = b.copyInto().clone();
            float[] floats = b.floatRoundingComputeInto().clone();
            double[] doubles = b.roundingComputeInto().clone();
            for (int k = 0; k < x.length; k++) {
                double v = x[k] - 1; // back to the input, exactly for inputs in [-4, 2)
                float f = (float) v;
                float expected = (float) (Math.floor(Math.abs(f)) * Math.signum(f)) + (float) Math.ceil(f * 2f) - Math.signum(f);
                assertEquals(expected, floats[k], "trunc(f) + ceil(f * 2) - sign(f) at " + f);
                assertEquals(Math.floor(v) + Math.ceil(v * 2) - Math.signum(v), doubles[k], "floor(x) + ceil(x * 2) - sign(x) at " + v);
            }
        }
    }
}
