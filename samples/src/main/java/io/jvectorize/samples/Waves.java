package io.jvectorize.samples;

import io.jvectorize.Vectorize;

/** A trigonometric kernel: where Numba loops over one sine at a time, the Vector API computes a vector of them. */
public final class Waves {
    private Waves() {}

    /** Two sines and a cosine per element: the shape of a signal-processing inner loop. */
    @Vectorize
    public static double wave(double t) {
        return Math.sin(t) * Math.cos(0.5 * t) + 0.25 * Math.sin(3.0 * t);
    }
}
