package io.jvectorize.samples.readme;

import io.jvectorize.Vectorize;

/** The README's quickstart example, compiled by the processor as a user's code would be. */
public final class Curves {
    private Curves() {}

    @Vectorize(signature = {"float32(float32)", "float64(float64)"})
    static double poly(double t) {
        return (5.0 * t + 4.0) * t + 1.0;
    }

    @Vectorize // no signature: the method's own types, float64(float64, float64)
    static double hypot(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }
}
