package io.jvectorize.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/** @Vectorize functions built by hand, as the registry would build them from generated kernels. */
final class TestFunctions {

    private TestFunctions() {}

    /** {@code (5t + 4)t + 1}, the seed's poly: a float32 and a float64 overload. */
    static final VectorizedFunction POLY = new VectorizedFunction(TestFunctions.class, "poly", List.of(
            new VectorizedFunction.Overload(DType.FLOAT32, List.of(DType.FLOAT32),
                    VectorizedFunction.Implementation.GENERATED_SIMD, (a, out, from, to) -> {
                        float[] t = (float[]) a[0];
                        float[] r = (float[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = (float) poly(t[i]);
                        }
                    }),
            new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.FLOAT64),
                    VectorizedFunction.Implementation.GENERATED_SCALAR, (a, out, from, to) -> {
                        double[] t = (double[]) a[0];
                        double[] r = (double[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = poly(t[i]);
                        }
                    }, lanes("poly", 1), 7)));

    /** {@code a / 4 + 3b / 4}: two float64 arguments, with a lane function. */
    static final VectorizedFunction MIX = new VectorizedFunction(TestFunctions.class, "mix", List.of(
            new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.FLOAT64, DType.FLOAT64),
                    VectorizedFunction.Implementation.GENERATED_SIMD, (a, out, from, to) -> {
                        double[] x = (double[]) a[0];
                        double[] y = (double[]) a[1];
                        double[] r = (double[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = x[i] * 0.25 + y[i] * 0.75;
                        }
                    }, lanes("mix", 2), 5)));

    /** {@code 3a + b}, wrapping, in int64. */
    static final VectorizedFunction SCALE_ADD = new VectorizedFunction(TestFunctions.class, "scaleAdd", List.of(
            new VectorizedFunction.Overload(DType.INT64, List.of(DType.INT64, DType.INT64),
                    VectorizedFunction.Implementation.GENERATED_SCALAR, (a, out, from, to) -> {
                        long[] x = (long[]) a[0];
                        long[] y = (long[]) a[1];
                        long[] r = (long[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = 3 * x[i] + y[i];
                        }
                    })));

    /** {@code c ? a : b}: a boolean argument. */
    static final VectorizedFunction CHOOSE = new VectorizedFunction(TestFunctions.class, "choose", List.of(
            new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.BOOLEAN, DType.FLOAT64, DType.FLOAT64),
                    VectorizedFunction.Implementation.GENERATED_SIMD, (a, out, from, to) -> {
                        boolean[] c = (boolean[]) a[0];
                        double[] x = (double[]) a[1];
                        double[] y = (double[]) a[2];
                        double[] r = (double[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = c[i] ? x[i] : y[i];
                        }
                    })));

    /** An int32 result from a float64 argument, through the reflective fallback. */
    static final VectorizedFunction SIGN = new VectorizedFunction(TestFunctions.class, "sign", List.of(
            new VectorizedFunction.Overload(DType.INT32, List.of(DType.FLOAT64),
                    VectorizedFunction.Implementation.REFLECTIVE, (a, out, from, to) -> {
                        double[] x = (double[]) a[0];
                        int[] r = (int[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = (int) Math.signum(x[i]);
                        }
                    })));

    /** {@code 2a}, whose lane function counts its calls: only a generated loop calls it. */
    static final VectorizedFunction TWICE = new VectorizedFunction(TestFunctions.class, "twice", List.of(
            new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.FLOAT64),
                    VectorizedFunction.Implementation.GENERATED_SIMD, (a, out, from, to) -> {
                        double[] x = (double[]) a[0];
                        double[] r = (double[]) out;
                        for (int i = from; i < to; i++) {
                            r[i] = x[i] + x[i];
                        }
                    }, lanes("twice", 1), 1)));

    /** The lane function of {@link VectorLaneFunctions}, where the Vector API is present; else null. */
    private static MethodHandle lanes(String name, int arity) {
        return VectorizedFunction.laneFunction(MethodHandles.lookup(), TestFunctions.class.getPackageName()
                + ".VectorLaneFunctions", name, arity);
    }

    static double poly(double t) {
        return (5.0 * t + 4.0) * t + 1.0;
    }

    static List<VectorizedFunction> all() {
        return List.of(POLY, SCALE_ADD, CHOOSE, SIGN, MIX);
    }
}
