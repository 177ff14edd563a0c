package io.jvectorize;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a static {@code void} method as a generalized ufunc, as Numba's {@code guvectorize}:
 * the method works on whole rows (core dimensions), and jvectorize generates loops that call it
 * once per row.
 *
 * <pre>{@code
 * @GuVectorize(signature = "void(float64[:], float64[:])", layout = "(n)->()")
 * static void mean(double[] x, double[] out) {
 *     double s = 0;
 *     for (double v : x) s += v;
 *     out[0] = s / x.length;
 * }
 * }</pre>
 *
 * <p>The companion {@code FooVectorized} then has {@code void mean(double[][] x, double[] out)},
 * the allocating {@code double[] mean(double[][] x)}, and {@code meanParallel} variants that
 * split the rows across threads.
 *
 * <p>The signature lists the parameters in order, inputs then outputs: {@code T[:]} for an
 * array, {@code T} for a scalar input (type names as in {@link Vectorize#signature()}). The
 * layout gives each parameter's core dimensions: {@code (n)} for an array of length {@code n},
 * {@code ()} for a scalar input or a one-element output, a number such as {@code (2)} for a
 * fixed length. A dimension named in an output only ({@code ()->(n)}) is sized by the
 * {@code out} the caller passes, or by an {@code int} argument of the allocating form. Every
 * output is an array parameter; {@code (n)->(),()} has two.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface GuVectorize {

    /** The parameters' types, Numba style: {@code "void(float64[:], float64, float64[:])"}. */
    String signature();

    /** The core dimensions of the inputs, {@code ->}, then of the outputs: {@code "(n),()->(n)"}. */
    String layout();
}
