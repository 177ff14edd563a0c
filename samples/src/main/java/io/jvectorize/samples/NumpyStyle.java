package io.jvectorize.samples;

/**
 * The seed's functions computed the NumPy way: one operator at a time, each writing a new
 * whole-array temporary. The baseline that fused kernels are measured against.
 */
public final class NumpyStyle {
    private NumpyStyle() {}

    /** {@code x + 1}: one operator, one array; the copy kernel, the speed of memory. */
    public static double[] plusOne(double[] x) {
        return add(x, 1.0);
    }

    /** {@code (5 * x + 4) * x + 1}: four operators, four arrays. */
    public static double[] poly(double[] x) {
        double[] t = multiply(5.0, x);
        t = add(t, 4.0);
        t = multiply(t, x);
        return add(t, 1.0);
    }

    /** {@code normalizer * exp(-(d * d) / (2 sigma^2))} with {@code d = x - mu}: six operators, six arrays. */
    public static double[] gaussian(double[] x) {
        double[] d = subtract(x, Seed.MU);
        double[] t = multiply(d, d);
        t = negate(t);
        t = divide(t, 2.0 * Seed.SIGMA * Seed.SIGMA);
        t = exp(t);
        return multiply(1.0 / (Seed.SIGMA * Math.sqrt(2.0 * Math.PI)), t);
    }

    private static double[] multiply(double a, double[] b) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = a * b[i];
        }
        return out;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    private static double[] add(double[] a, double b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b;
        }
        return out;
    }

    private static double[] subtract(double[] a, double b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b;
        }
        return out;
    }

    private static double[] divide(double[] a, double b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b;
        }
        return out;
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static double[] exp(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
        return out;
    }
}
