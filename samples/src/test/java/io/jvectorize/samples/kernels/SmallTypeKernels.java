package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;

/** Fixtures for boolean, int16 and int8 kernels. */
final class SmallTypeKernels {
    private SmallTypeKernels() {}

    @Vectorize(signature = {"boolean(int32, int32, int32)", "b1(f4, f4, f4)", "boolean(float64, float64, float64)"})
    static boolean between(double value, double low, double high) {
        return low <= value && value <= high;
    }

    @Vectorize
    static boolean differs(boolean left, boolean right) {
        return left != right;
    }

    @Vectorize(signature = {"i2(i1, i1)", "int16(int16, int16)"})
    static short halfSum(short left, short right) {
        return (short) ((left + right) / 2);
    }

    @Vectorize
    static byte rotate(byte bits, int distance) {
        int unsigned = bits & 0xFF;
        return (byte) ((unsigned << (distance & 7)) | (unsigned >>> (8 - (distance & 7))));
    }
}
