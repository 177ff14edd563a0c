package io.jvectorize.samples.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a fixture whose body calls a transcendental {@code Math} function (exp, log, log1p,
 * expm1, log10, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, atan2, hypot, pow, cbrt).
 * Where its SIMD loop runs, the Vector API computes those with its own vector routines (SVML on
 * x86), whose results differ from {@code Math}'s by about an ulp per call: the design promises
 * transcendental functions within a measured ulp bound, and exact operations bit for bit. The
 * tests then compare such a kernel's SIMD variants with the scalar method within a
 * {@link Tolerance}: {@link #ulps} ulps of the scalar result, or of {@link #scale} where the
 * result is smaller; NaN for NaN and infinity for the same infinity (or, 1 ulp away, for the
 * largest finite value: see {@link Bits#OVERFLOW}). Everything else, and every
 * variant on the scalar path, compares bit for bit. See {@link Approximations}.
 *
 * <p>A test-only annotation: the processor knows nothing of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Approximate {
    /** The bound, in ulps of the scalar method's result (or of {@link #scale}, if that is larger). */
    int ulps();

    /**
     * For a body whose terms can cancel: the largest magnitude the cancelling terms have. Each
     * term carries its function's error, about an ulp of the term, and where terms cancel, the
     * result is far smaller than they are: its error is a few ulps of the terms, any number of
     * ulps of the result. So results below this magnitude are measured in ulps of it. 0 (the
     * default) for a body without cancellation.
     */
    double scale() default 0;

    /** Why the bound is what it is: what was measured, and the margin. */
    String why();
}
