package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** A member class: its companion is {@code Outer_NestedVectorized}. */
final class Outer {
    private Outer() {}

    static final class Nested {
        private Nested() {}

        /** Math.hypot alone: bound as measured for it in SimdKernelsTest. */
        @Approximate(ulps = TranscendentalKernels.ULPS, why = TranscendentalKernels.WHY)
        @Vectorize(signature = {"int64(int32, int32)", "float64(float64, float64)"})
        static double hypotenuse(double leg, double otherLeg) {
            return Math.hypot(leg, otherLeg);
        }
    }
}
