package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** Parameters named like the generated code's own variables (out, i, from, to). */
final class NameClashKernels {
    private NameClashKernels() {}

    @Vectorize
    static double clash(double out, double i, double from) {
        return out * 2.0 - i + from / 4.0;
    }

    /** Four parameters: above the broadcast limit, so only the all-array forms exist. */
    @Vectorize(signature = {"float32(float32, float32, float32, float32)", "float64(float64, float64, float64, float64)"})
    static double wide(double out, double from, double to, double i) {
        return (out - from) * to + i;
    }
}
