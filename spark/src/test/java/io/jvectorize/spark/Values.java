package io.jvectorize.spark;

import io.jvectorize.runtime.DType;
import java.lang.reflect.Array;
import java.util.SplittableRandom;

/** Special and random values of each type, and the cross product of two lists of them. */
final class Values {

    /** The types Spark columns hold: every DType but complex128 (which SparkTypes refuses). */
    static final java.util.List<DType> REAL_TYPES = java.util.Arrays.stream(DType.values())
            .filter(type -> !type.isComplex()).toList();
    private Values() {}

    private static final int RANDOM = 8;

    /** NaN, ±Infinity, ±0.0, subnormals, extremes, small integers, halves, and random values, as an array of {@code type}. */
    static Object special(DType type) {
        SplittableRandom random = new SplittableRandom(17 + type.ordinal());
        switch (type) {
            case FLOAT64: {
                double[] fixed = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                    Double.MIN_VALUE, -Double.MIN_NORMAL / 3, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5, 2.0,
                    -2.0, 3.0, -3.5, 7.25, 1e300, -1e-300, 1e-5, 710.0, -745.5};
                double[] v = java.util.Arrays.copyOf(fixed, fixed.length + RANDOM);
                for (int i = fixed.length; i < v.length; i++) {
                    v[i] = random.nextDouble(-20, 20);
                }
                return v;
            }
            case FLOAT32: {
                float[] fixed = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
                    -Float.MIN_NORMAL / 3, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, 0.5f, 2f, -2f, 3f, -3.5f, 7.25f,
                    1e30f, -1e-30f, 1e-5f, 89f, -104f};
                float[] v = java.util.Arrays.copyOf(fixed, fixed.length + RANDOM);
                for (int i = fixed.length; i < v.length; i++) {
                    v[i] = (float) random.nextDouble(-20, 20);
                }
                return v;
            }
            case INT64: {
                long[] fixed = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, 0, 1, -1, 2, -2, 3, -7, 62, 64,
                    1L << 31, -(1L << 31) - 1, 1L << 32, 3_000_000_000L, 1L << 62, 3_037_000_500L};
                long[] v = java.util.Arrays.copyOf(fixed, fixed.length + RANDOM);
                for (int i = fixed.length; i < v.length; i++) {
                    v[i] = i % 2 == 0 ? random.nextLong() : random.nextLong(-1000, 1000);
                }
                return v;
            }
            case INT32: {
                int[] fixed = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, 0, 1, -1, 2, -2, 3, -7, 31,
                    32, 65_536, 46_341, -46_341};
                int[] v = java.util.Arrays.copyOf(fixed, fixed.length + RANDOM);
                for (int i = fixed.length; i < v.length; i++) {
                    v[i] = i % 2 == 0 ? random.nextInt() : random.nextInt(-1000, 1000);
                }
                return v;
            }
            default:
                return new boolean[] {false, true};
        }
    }

    /** Element {@code i} of each of {@code a} and {@code b} paired with each of the other: two arrays of length |a|·|b|. */
    static Object[] crossProduct(Object a, Object b) {
        int n = Array.getLength(a);
        int m = Array.getLength(b);
        Object left = Array.newInstance(a.getClass().getComponentType(), n * m);
        Object right = Array.newInstance(b.getClass().getComponentType(), n * m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                Array.set(left, i * m + j, Array.get(a, i));
                Array.set(right, i * m + j, Array.get(b, j));
            }
        }
        return new Object[] {left, right};
    }
}
