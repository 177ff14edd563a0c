package io.jvectorize.benchmarks;

import io.jvectorize.Vectorize;
import io.jvectorize.samples.Seed;

/**
 * The seed's functions in a class compiled without the jvectorize processor, as a user's class
 * built without it would be: no {@code ReflectiveSeedVectorized}, no kernel library. Registered
 * with {@link io.jvectorize.runtime.Functions#register}, its methods are callable by name from
 * expressions through the reflective fallback, one MethodHandle call per element.
 *
 * <p>This file lives in {@code src/reflective/java}, which the build compiles in a separate
 * step with annotation processing off ({@code <proc>none</proc>}, execution
 * {@code reflective-seed} in {@code benchmarks/pom.xml}): the processor writes kernels for
 * every annotated class it compiles, so a class in {@code src/main/java} would always get them.
 *
 * <p>The methods call {@link Seed}'s, so that both paths compute the same numbers.
 */
public final class ReflectiveSeed {
    private ReflectiveSeed() {}

    /** {@link Seed#poly}, without generated kernels. */
    @Vectorize(signature = "float64(float64)")
    public static double poly(double t) {
        return Seed.poly(t);
    }

    /** {@link Seed#gaussian}, without generated kernels. */
    @Vectorize(signature = "float64(float64)")
    public static double gaussian(double x) {
        return Seed.gaussian(x);
    }
}
