package io.jvectorize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.samples.Seed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;

/** The benchmarks measure what their names say: each computes its function, and the report knows each. */
class BenchmarkMethodsTest {
    private static final List<Class<?>> BENCHMARK_CLASSES = List.of(SeedBenchmarks.class, ScalarPathBenchmarks.class);

    static Stream<Method> benchmarks() {
        return BENCHMARK_CLASSES.stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    @Test
    void everyBenchmarkHasALabelAndEveryLabelABenchmark() {
        Set<String> methods = benchmarks().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> labelled = Variants.ALL.stream().map(Variants.Variant::method)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(labelled, methods);
        assertEquals(Variants.ALL.size(), labelled.size(), "a method is listed twice");
    }

    /**
     * The Gaussian's benchmarks that compute exp with Math: the NumPy way, Compute operator by
     * operator, and the reflective fallback, which calls Seed.gaussian. Bit for bit, as every
     * benchmark of exact arithmetic; the other Gaussian benchmarks run the vector library's exp
     * where the Vector API runs (the generated kernel, Compute's fused engine), within
     * {@link #GAUSSIAN_ULPS}.
     */
    private static final Set<String> GAUSSIAN_ON_MATH =
            Set.of("gaussianNumpyWay", "gaussianComputeUnoptimized", "gaussianComputeReflective");
    /**
     * How far the Gaussian on the vector library's exp may be from Seed.gaussian, in ulps of the
     * result: exp's 1 ulp (docs/simd.md), times NORMALIZER, which is below 1/2, makes at most 2
     * after rounding. The samples' tests hold Seed.gaussian to the same (SampleBounds).
     */
    private static final int GAUSSIAN_ULPS = 2;
    /**
     * How far float32 exp on the vector library may be from Math.exp rounded to float, in float
     * ulps: 1, as docs/expressions.md states for the float32 loop. Block by block, exp runs in
     * double, within 1 double ulp, and its rounding to float can differ by one float ulp at most.
     */
    private static final int FLOAT32_ULPS = 1;

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void computesItsFunctionIntoANewArray(Method benchmark) throws Exception {
        SeedData data = new SeedData();
        data.size = 1000;
        data.setUp();
        Object[] inputs = {data.x.clone(), data.q.clone(), data.i.clone(), data.j.clone(), data.f.clone()};
        Object instance = benchmark.getDeclaringClass().getConstructor().newInstance();
        Object result = benchmark.invoke(instance, data);

        String name = benchmark.getName();
        List<String> wrong = name.startsWith("mixed") || name.startsWith("filtered") || name.startsWith("int32")
                || name.startsWith("float32") ? typedMismatches(name, data, result) : float64Mismatches(name, data, result);
        assertTrue(wrong.isEmpty(), name + ": " + wrong.stream().limit(5).collect(Collectors.joining("; ")));
        assertTrue(Arrays.deepEquals(inputs, new Object[] {data.x, data.q, data.i, data.j, data.f}),
                name + " changed its input");
    }

    /** Where a float64 benchmark's new array differs from its function: bit for bit, or within the Gaussian's bound. */
    private static List<String> float64Mismatches(String name, SeedData data, Object result) {
        DoubleUnaryOperator expected = name.equals(Variants.COPY) ? v -> v + 1.0
                : name.startsWith("polyPlusOne") ? v -> Seed.poly(v) + 1.0
                : name.startsWith("poly") ? Seed::poly
                : name.startsWith("gaussian") ? Seed::gaussian : null;
        assertTrue(expected != null, name + " names no function");
        int ulps = name.startsWith("gaussian") && !GAUSSIAN_ON_MATH.contains(name) ? GAUSSIAN_ULPS : 0;
        double[] out = (double[]) result;
        assertNotSame(data.x, out);
        assertEquals(data.size, out.length);
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < out.length; k++) {
            double want = expected.applyAsDouble(data.x[k]);
            if (!within(want, out[k], ulps * Math.ulp(want))) {
                wrong.add("x[" + k + "] = " + data.x[k] + ": " + out[k] + ", expected " + want
                        + (ulps == 0 ? " bit for bit" : " within " + ulps + " ulps"));
            }
        }
        return wrong;
    }

    /**
     * Where a benchmark on other types differs from its function: x * q and where(q > 500, x, 0)
     * bit for bit, i * j - 1 wrapping, exp(-f * f) within {@link #FLOAT32_ULPS} of Math.exp
     * rounded to float.
     */
    private static List<String> typedMismatches(String name, SeedData data, Object result) {
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < data.size; k++) {
            String at = name + " at " + k + ": ";
            if (name.startsWith("mixed")) {
                double want = data.x[k] * data.q[k];
                if (!within(want, ((double[]) result)[k], 0)) {
                    wrong.add(at + ((double[]) result)[k] + ", expected " + want);
                }
            } else if (name.startsWith("filtered")) {
                double want = data.q[k] > 500 ? data.x[k] : 0;
                if (!within(want, ((double[]) result)[k], 0)) {
                    wrong.add(at + ((double[]) result)[k] + ", expected " + want);
                }
            } else if (name.startsWith("int32")) {
                int want = data.i[k] * data.j[k] - 1;
                if (((int[]) result)[k] != want) {
                    wrong.add(at + ((int[]) result)[k] + ", expected " + want);
                }
            } else {
                float want = (float) Math.exp(-data.f[k] * data.f[k]);
                float got = ((float[]) result)[k];
                if (!within(want, got, FLOAT32_ULPS * Math.ulp(want))) {
                    wrong.add(at + got + ", expected " + want + " within " + FLOAT32_ULPS + " float ulps");
                }
            }
        }
        return wrong;
    }

    /** Whether {@code actual} is {@code expected} (NaN for NaN), or finite and at most {@code distance} from it. */
    private static boolean within(double expected, double actual, double distance) {
        return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)
                || Double.isFinite(expected) && Double.isFinite(actual) && Math.abs(actual - expected) <= distance
                && !(expected == 0 && actual == 0);
    }

    @Test
    void reflectiveSeedHasNoGeneratedKernels() {
        // Compiled with annotation processing off (benchmarks/pom.xml): the processor never saw it.
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("io.jvectorize.benchmarks.ReflectiveSeedVectorizedKernels"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("io.jvectorize.benchmarks.ReflectiveSeedVectorized"));
    }
}
