package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Helpers of the SIMD tests: compiling with the Vector API visible to javac, reading the
 * generated loops, and running generated kernels against their scalar methods on special and
 * random values, where the test JVM has {@code jdk.incubator.vector} (surefire's argLine).
 */
final class SimdTesting {
    static final String MODULE = "jdk.incubator.vector";
    /** javac's mandatory warning whenever an incubator module is resolved; the only warning allowed. */
    static final String INCUBATING = "using incubating module(s): " + MODULE;
    static final List<String> WITH_MODULE = List.of("--add-modules", MODULE, "-Xlint:all");
    static final String NOT_VISIBLE = "jdk.incubator.vector is not visible to javac, so jvectorize generates scalar"
            + " kernels only; compile with --add-modules jdk.incubator.vector for SIMD kernels";

    private SimdTesting() {}

    /**
     * Compiles with the module visible, under -Xlint:all, and checks that it succeeded with no
     * warning but javac's incubating-module one (which must be there: else the module was not added).
     */
    static Compilation compileWithSimd(Source... sources) {
        return compileWithSimd(List.of(), sources);
    }

    static Compilation compileWithSimd(List<String> moreOptions, Source... sources) {
        List<String> options = new ArrayList<>(WITH_MODULE);
        options.addAll(moreOptions);
        Compilation compilation = compile(options, sources);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        return compilation;
    }

    static void assertOnlyTheIncubatingWarningAndNoNotes(Compilation compilation) {
        assertOnlyTheIncubatingWarning(compilation);
        assertEquals(List.of(), messages(compilation.notes()), "notes");
    }

    static void assertOnlyTheIncubatingWarning(Compilation compilation) {
        List<String> warnings = messages(compilation.warnings());
        assertTrue(warnings.contains(INCUBATING), "javac warns that it uses the incubating module: " + warnings);
        assertEquals(List.of(), warnings.stream().filter(w -> !w.equals(INCUBATING)).toList(),
                "warnings other than javac's incubating-module warning");
    }

    static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** The generated SIMD class of {@code p.<simpleName>}. */
    static String simdClass(Compilation compilation, String simpleName) {
        return generated(compilation, "p." + simpleName + "VectorizedSimd");
    }

    /** The generated companion of {@code p.<simpleName>}. */
    static String companion(Compilation compilation, String simpleName) {
        return generated(compilation, "p." + simpleName + "Vectorized");
    }

    /** The texts of the methods named {@code name} of a generated source, each from its header to its closing brace. */
    static List<String> methods(String source, String name) {
        List<String> found = new ArrayList<>();
        Matcher header = Pattern.compile("(?m)^ {4}(?:private )?static void " + Pattern.quote(name) + "\\(").matcher(source);
        while (header.find()) {
            int end = source.indexOf("\n    }\n", header.start());
            found.add(source.substring(header.start(), end + "\n    }".length()));
        }
        return found;
    }

    /**
     * Checks that method {@code m} of {@code p.<simpleName>} got SIMD loops (one per loop variant
     * of its own signature), that its first loop (all arguments arrays) contains each of
     * {@code snippets}, and that every such loop of the companion dispatches to its SIMD loop.
     * Gives the first SIMD loop's text.
     */
    static String assertSimdLoop(Compilation compilation, String simpleName, String m, String... snippets) {
        String simd = simdClass(compilation, simpleName);
        List<String> loops = methods(simd, m + "Loop");
        assertFalse(loops.isEmpty(), "no SIMD loop " + m + "Loop in\n" + simd);
        for (String snippet : snippets) {
            assertTrue(loops.get(0).contains(snippet), "\"" + snippet + "\" is not in\n" + loops.get(0));
        }
        List<String> companionLoops = methods(companion(compilation, simpleName), m + "Loop");
        int dispatching = 0;
        for (String loop : companionLoops) {
            if (loop.contains("if (Simd.ENABLED && ")) {
                assertTrue(loop.contains(simpleName + "VectorizedSimd." + m + "Loop"), loop);
                assertTrue(loop.matches("(?s).*LoopWarmup[0-9]*\\.compiled\\(0, \\w+\\.length\\)\\).*"),
                        "the SIMD loop waits for its warm-up but in a large call (the whole call, 0 to out's length,"
                                + " even for a Parallel variant's chunk):\n" + loop);
                assertTrue(loop.indexOf("if (Simd.ENABLED") < loop.indexOf("for (int"),
                        "the SIMD dispatch comes before the scalar loop:\n" + loop);
                dispatching++;
            }
        }
        assertEquals(loops.size(), dispatching, "companion loops of " + m + " that dispatch to SIMD loops");
        return loops.get(0);
    }

    /** Checks that method {@code m} has no SIMD loop and that its companion loops do not dispatch. */
    static void assertScalarLoopOnly(Compilation compilation, String simpleName, String m) {
        compilation.generatedSourceFile("p." + simpleName + "VectorizedSimd").ifPresent(file -> {
            String simd = generated(compilation, "p." + simpleName + "VectorizedSimd");
            assertEquals(List.of(), methods(simd, m + "Loop"), "SIMD loops of " + m);
        });
        List<String> loops = methods(companion(compilation, simpleName), m + "Loop");
        assertFalse(loops.isEmpty(), "the companion has loops for " + m);
        for (String loop : loops) {
            assertFalse(loop.contains("Simd"), loop);
        }
    }

    static void assertNoScalarLoopNotes(Compilation compilation) {
        List<String> notes = messages(compilation.notes());
        assertEquals(List.of(), notes.stream().filter(n -> n.contains("keeps its scalar loop")).toList());
    }

    /** Values where floating-point code differs: NaN, infinities, signed zeros, subnormals, extremes. */
    static final double[] DOUBLE_SPECIALS = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL / 3, Double.MAX_VALUE, -Double.MAX_VALUE,
        1, -1, 0.5, 2, 3, -3.5, 1e-300, 1e300, 100, -100, Math.ulp(1.0),
    };
    static final float[] FLOAT_SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL / 3, Float.MAX_VALUE, -Float.MAX_VALUE, 1, -1, 0.5f, 2, 3, -3.5f,
        1e-40f, 1e30f, 100, -100, Math.ulp(1f),
    };
    static final int[] INT_SPECIALS = {
        0, 1, -1, 2, 3, 7, -7, 31, 32, 33, -31, -32, 64, 100, -100, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 0x5555_5555,
    };
    static final long[] LONG_SPECIALS = {
        0, 1, -1, 2, 3, 7, -7, 31, 32, 33, 63, 64, 65, -63, -64, 100, -100, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE, Long.MAX_VALUE - 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x5555_5555_5555_5555L,
    };

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Skips a run-time test where generated kernels would not run their SIMD loops. */
    static void assumeSimdRuns() {
        assumeTrue(vectorModulePresent(), "the test JVM lacks " + MODULE
                + "; run surefire with argLine --add-modules " + MODULE);
        assumeTrue(io.jvectorize.runtime.Simd.ENABLED, "SIMD loops are turned off (-Djvectorize.simd=false)");
    }

    /** Inputs for parameters of {@code types}: every combination of special values, then random ones, {@code length} in all. */
    static Object[] inputs(Class<?>[] types, int length, long seed) {
        Random random = new Random(seed);
        Object[] arrays = new Object[types.length];
        for (int p = 0; p < types.length; p++) {
            arrays[p] = java.lang.reflect.Array.newInstance(types[p], length);
        }
        int combinations = 1;
        for (Class<?> type : types) {
            combinations *= specials(type);
        }
        for (int i = 0; i < length; i++) {
            int digits = i;
            for (int p = 0; p < types.length; p++) {
                int n = specials(types[p]);
                Object value = i < combinations ? special(types[p], digits % n) : randomValue(types[p], random);
                digits /= n;
                java.lang.reflect.Array.set(arrays[p], i, value);
            }
        }
        return arrays;
    }

    static int specials(Class<?> type) {
        return type == double.class ? DOUBLE_SPECIALS.length : type == float.class ? FLOAT_SPECIALS.length
                : type == int.class ? INT_SPECIALS.length : type == long.class ? LONG_SPECIALS.length : 2;
    }

    static Object special(Class<?> type, int k) {
        return type == double.class ? (Object) DOUBLE_SPECIALS[k] : type == float.class ? (Object) FLOAT_SPECIALS[k]
                : type == int.class ? (Object) INT_SPECIALS[k] : type == long.class ? (Object) LONG_SPECIALS[k]
                : (Object) (k == 1);
    }

    static Object randomValue(Class<?> type, Random random) {
        int kind = random.nextInt(4);
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (kind == 0) {
            return special(type, random.nextInt(specials(type)));
        }
        if (type == double.class) {
            return kind == 1 ? Double.longBitsToDouble(random.nextLong()) : kind == 2 ? (double) (random.nextInt(7) - 3)
                    : random.nextDouble() * 20 - 10;
        }
        if (type == float.class) {
            return kind == 1 ? Float.intBitsToFloat(random.nextInt()) : kind == 2 ? (float) (random.nextInt(7) - 3)
                    : random.nextFloat() * 20 - 10;
        }
        if (type == int.class) {
            return kind == 1 ? random.nextInt() : random.nextInt(201) - 100;
        }
        return kind == 1 ? random.nextLong() : (long) (random.nextInt(201) - 100);
    }

    static boolean sameBits(Object expected, Object actual) {
        if (expected instanceof Double d) {
            return Double.doubleToLongBits(d) == Double.doubleToLongBits((Double) actual);
        }
        if (expected instanceof Float f) {
            return Float.floatToIntBits(f) == Float.floatToIntBits((Float) actual);
        }
        return expected.equals(actual);
    }

    static Method scalarMethod(CompiledClasses classes, String className, String name, Class<?>[] types) throws Exception {
        Method method = classes.loadClass(className).getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method;
    }

    /**
     * Calls the companion's allocating kernel {@code name} on {@code arguments} (arrays, or boxed
     * scalars for broadcast forms) and checks each element against the scalar method, bit for bit.
     */
    static void assertKernelMatchesScalar(CompiledClasses classes, String className, String name, Class<?>[] types,
            Object... arguments) throws Throwable {
        Class<?>[] kernelTypes = new Class<?>[types.length];
        int length = -1;
        for (int p = 0; p < types.length; p++) {
            boolean array = arguments[p].getClass().isArray();
            kernelTypes[p] = array ? arguments[p].getClass() : types[p];
            if (array) {
                length = java.lang.reflect.Array.getLength(arguments[p]);
            }
        }
        Object result = classes.call(className + "Vectorized", name, kernelTypes, arguments);
        assertKernelResult(classes, className, name, types, arguments, result, length);
    }

    static void assertKernelResult(CompiledClasses classes, String className, String name, Class<?>[] types,
            Object[] arguments, Object result, int length) throws Throwable {
        Method scalar = scalarMethod(classes, className, name, types);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < length; i++) {
            Object[] element = new Object[types.length];
            for (int p = 0; p < types.length; p++) {
                element[p] = arguments[p].getClass().isArray() ? java.lang.reflect.Array.get(arguments[p], i) : arguments[p];
            }
            Object expected = scalar.invoke(null, element);
            Object actual = java.lang.reflect.Array.get(result, i);
            if (!sameBits(expected, actual)) {
                count++;
                if (mismatches.size() < 8) {
                    mismatches.add(name + java.util.Arrays.toString(element) + " = " + expected + ", SIMD gives " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches, count + " of " + length + " elements differ");
    }
}
