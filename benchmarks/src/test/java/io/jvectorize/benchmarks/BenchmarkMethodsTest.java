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

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void computesItsFunctionIntoANewArray(Method benchmark) throws Exception {
        SeedData data = new SeedData();
        data.size = 1000;
        data.setUp();
        double[] before = data.x.clone();
        Object instance = benchmark.getDeclaringClass().getConstructor().newInstance();
        Object result = benchmark.invoke(instance, data);

        String name = benchmark.getName();
        if (name.startsWith("mixed") || name.startsWith("filtered") || name.startsWith("int32")
                || name.startsWith("float32")) {
            assertComputesItsTypedFunction(name, data, result);
            return;
        }
        DoubleUnaryOperator expected = name.equals(Variants.COPY) ? v -> v + 1.0
                : name.startsWith("polyPlusOne") ? v -> Seed.poly(v) + 1.0
                : name.startsWith("poly") ? Seed::poly
                : name.startsWith("gaussian") ? Seed::gaussian : null;
        assertTrue(expected != null, name + " names no function");
        double[] out = (double[]) result;
        assertNotSame(data.x, out);
        assertEquals(data.size, out.length);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            double want = expected.applyAsDouble(data.x[i]);
            // Vector math and the expressions' own operator order may differ from Seed's in the last bits.
            if (!(Math.abs(out[i] - want) <= 1e-12 * Math.abs(want))) {
                wrong.add("x[" + i + "] = " + data.x[i] + ": " + out[i] + ", expected " + want);
            }
        }
        assertTrue(wrong.isEmpty(), name + ": " + wrong.stream().limit(5).collect(Collectors.joining("; ")));
        assertTrue(Arrays.equals(before, data.x), name + " changed its input");
    }

    /**
     * The variants on other types: x * q and where(q > 500, x, 0) exactly, i * j - 1 wrapping,
     * exp(-f * f) within float rounding.
     */
    private static void assertComputesItsTypedFunction(String name, SeedData data, Object result) {
        int n = data.size;
        for (int k = 0; k < n; k++) {
            if (name.startsWith("mixed")) {
                assertEquals(data.x[k] * data.q[k], ((double[]) result)[k], name + " at " + k);
            } else if (name.startsWith("filtered")) {
                assertEquals(data.q[k] > 500 ? data.x[k] : 0, ((double[]) result)[k], name + " at " + k);
            } else if (name.startsWith("int32")) {
                assertEquals(data.i[k] * data.j[k] - 1, ((int[]) result)[k], name + " at " + k);
            } else {
                float want = (float) Math.exp(-data.f[k] * data.f[k]);
                float got = ((float[]) result)[k];
                assertTrue(Math.abs(got - want) <= 2 * Math.ulp(want), name + " at " + k + ": " + got + ", expected " + want);
            }
        }
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
