package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** A static method of an interface. */
interface Shapes {
    @Vectorize(signature = {"float32(float32)", "float64(float64)"})
    static double circleArea(double radius) {
        return Math.PI * radius * radius;
    }
}
