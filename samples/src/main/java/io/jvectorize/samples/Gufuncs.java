package io.jvectorize.samples;

import io.jvectorize.GuVectorize;

/**
 * numbagg-style generalized ufuncs: each works on one row, and the companion
 * {@code GufuncsVectorized} calls it once per row of a {@code double[][]}, split across threads
 * in its {@code Parallel} forms.
 */
public final class Gufuncs {
    private Gufuncs() {}

    /**
     * The moving mean over the last {@code window} values, as pandas'
     * {@code rolling(window).mean()}: NaN until a window is full, and NaN for a window that holds a
     * NaN (or both infinities). A running sum keeps it one pass, as pandas' and numbagg's do: it
     * may differ from a fresh sum per window by rounding, and a value huge beside the others takes
     * their digits with it when it leaves the window.
     *
     * @throws IllegalArgumentException if {@code window} is below 1
     */
    @GuVectorize(signature = "void(float64[:], int64, float64[:])", layout = "(n),()->(n)")
    public static void movingMean(double[] x, long window, double[] out) {
        if (window < 1) {
            throw new IllegalArgumentException("movingMean: window must be at least 1, but is " + window);
        }
        double sum = 0;
        int nans = 0;
        int positiveInfinities = 0;
        int negativeInfinities = 0;
        for (int i = 0; i < x.length; i++) {
            double entering = x[i];
            if (Double.isNaN(entering)) {
                nans++;
            } else if (entering == Double.POSITIVE_INFINITY) {
                positiveInfinities++;
            } else if (entering == Double.NEGATIVE_INFINITY) {
                negativeInfinities++;
            } else {
                sum += entering;
            }
            if (i >= window) {
                double leaving = x[(int) (i - window)];
                if (Double.isNaN(leaving)) {
                    nans--;
                } else if (leaving == Double.POSITIVE_INFINITY) {
                    positiveInfinities--;
                } else if (leaving == Double.NEGATIVE_INFINITY) {
                    negativeInfinities--;
                } else {
                    sum -= leaving;
                }
            }
            if (i + 1 < window || nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
                out[i] = Double.NaN;
            } else if (positiveInfinities > 0) {
                out[i] = Double.POSITIVE_INFINITY;
            } else if (negativeInfinities > 0) {
                out[i] = Double.NEGATIVE_INFINITY;
            } else {
                out[i] = sum / window;
            }
        }
    }

    /**
     * The smallest and the largest value: {@code out[0] = min}, {@code out[1] = max}, NaN where
     * the row holds a NaN (as NumPy's {@code min} and {@code max}).
     *
     * @throws IllegalArgumentException if the row is empty: it has neither
     */
    @GuVectorize(signature = "void(float64[:], float64[:])", layout = "(n)->(2)")
    public static void minMax(double[] x, double[] out) {
        if (x.length == 0) {
            throw new IllegalArgumentException("minMax: an empty row has no minimum and no maximum");
        }
        double min = x[0];
        double max = x[0];
        for (double value : x) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        out[0] = min;
        out[1] = max;
    }

    /**
     * The mean and the population variance (NumPy's {@code var}, {@code ddof=0}), two outputs, by
     * two passes; NaN for an empty row, as NumPy gives.
     */
    @GuVectorize(signature = "void(float64[:], float64[:], float64[:])", layout = "(n)->(),()")
    public static void meanVariance(double[] x, double[] mean, double[] variance) {
        double sum = 0;
        for (double value : x) {
            sum += value;
        }
        double m = sum / x.length;
        double squares = 0;
        for (double value : x) {
            double d = value - m;
            squares += d * d;
        }
        mean[0] = m;
        variance[0] = squares / x.length;
    }

    /** {@code out[k] = x^k}: an output-only dimension, sized by the caller's {@code out} or {@code int}. */
    @GuVectorize(signature = "void(float64, float64[:])", layout = "()->(k)")
    public static void powers(double x, double[] out) {
        double power = 1;
        for (int k = 0; k < out.length; k++) {
            out[k] = power;
            power *= x;
        }
    }
}
