package io.jvectorize.processor;

import static io.jvectorize.processor.SimdTesting.MODULE;
import static io.jvectorize.processor.SimdTesting.assertKernelMatchesScalar;
import static io.jvectorize.processor.SimdTesting.assertKernelResult;
import static io.jvectorize.processor.SimdTesting.assertNoScalarLoopNotes;
import static io.jvectorize.processor.SimdTesting.assertSimdLoop;
import static io.jvectorize.processor.SimdTesting.assumeSimdRuns;
import static io.jvectorize.processor.SimdTesting.compileWithSimd;
import static io.jvectorize.processor.SimdTesting.inputs;
import static io.jvectorize.processor.SimdTesting.randomValue;
import static io.jvectorize.processor.SimdTesting.sameBits;
import static io.jvectorize.processor.SimdTesting.special;
import static io.jvectorize.processor.SimdTesting.specials;
import static io.jvectorize.processor.Source.classP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.runtime.KernelLibrary;
import io.jvectorize.runtime.VectorizedFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated SIMD loops, run: bit for bit the scalar method's results for arithmetic, comparisons,
 * blends, integer operations and the exact Math functions, on every combination of special values
 * and on random ones; for every length around the vector size, broadcast, in place and parallel.
 */
class ExactSimdKernelsTest {
    /** Kernels whose SIMD results must equal the scalar method's bit for bit. */
    static final String[] EXACT = {
        "public static final double PUB = 1.25;",
        "static final double PKG = -2.5;",
        "private static final double PRIV = 0.75;",
        "private static final int IPRIV = 3;",
        "static final float FPKG = 0.1f;",
        "",
        "@Vectorize",
        "static double arith(double x, double y) {",
        "    return (x + 2) * y - x / 3.5 + -x - y * 0.1;",
        "}",
        "",
        "@Vectorize",
        "static double compare(double x, double y) {",
        "    return x < y && !(x == 0) || x >= 2 * y ? x - y : x != y ? x * y : x <= -1 ? -0.0 : y > 3 ? y : x;",
        "}",
        "",
        "@Vectorize",
        "static double branches(double x, double y) {",
        "    double s;",
        "    if (x < y) {",
        "        s = x * 2;",
        "    } else if (x > 1) {",
        "        s = y;",
        "    } else {",
        "        s = -y;",
        "    }",
        "    double t = s + 1;",
        "    if (t != t) {",
        "        return PUB;",
        "    }",
        "    if (x >= 0 && y <= 0) {",
        "        t = t * PKG;",
        "    }",
        "    t -= PRIV;",
        "    return t / IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static double exactMath(double x, double y, double z) {",
        "    return Math.fma(x, y, z) + Math.min(Math.abs(x), Math.max(y, 0.5)) - StrictMath.sqrt(Math.abs(z))",
        "            + StrictMath.max(x, z) * Math.sqrt(y) - StrictMath.min(-0.0, y) * StrictMath.fma(z, 2, x);",
        "}",
        "",
        "@Vectorize",
        "static double constants(double x) {",
        "    return x * PUB + PKG - PRIV * x / IPRIV + Math.PI - Math.E * FPKG;",
        "}",
        "",
        "@Vectorize",
        "static double sq(double v) {",
        "    return v * v;",
        "}",
        "",
        "@Vectorize",
        "static double inlined(double x, double y) {",
        "    double d = x - y;",
        "    return sq(d) - sq(y) + sq(3);",
        "}",
        "",
        "@Vectorize",
        "static boolean inside(double x, boolean open) {",
        "    return open ? x > 0 && x < 1 : x >= 0 && x <= 1;",
        "}",
        "",
        "@Vectorize",
        "static double pick(boolean a, double x, boolean b) {",
        "    boolean p = a || x > 0;",
        "    return !p ? x : a & !b ? -x : x * 2;",
        "}",
        "",
        "@Vectorize",
        "static float farith(float x, float y) {",
        "    return (x + 2) * y - x / 3.5f + -x - y * FPKG;",
        "}",
        "",
        "@Vectorize",
        "static float fcompare(float x, float y) {",
        "    return x < y || x != x ? Math.abs(x) : Math.max(x, y) - Math.min(x, 1);",
        "}",
        "",
        "@Vectorize",
        "static float ffma(float x, float y, float z) {",
        "    return Math.fma(x, y, z);",
        "}",
        "",
        "@Vectorize",
        "static boolean fsign(float x) {",
        "    return x >= 0 ? !(x == 0) : x != x;",
        "}",
        "",
        "@Vectorize",
        "static int ibits(int a, int b) {",
        "    return (a * 31 + b) ^ (a << 3) | (b >>> 2) & ~a - (a >> b) + (b << a) - (a >>> 33) + -a;",
        "}",
        "",
        "@Vectorize",
        "static int idiv(int a, int b) {",
        "    return a / b + a % b * 7 + a / 3 - a % IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static int imath(int a, int b) {",
        "    return Math.abs(a) + Math.max(a, b) - Math.min(a, -b);",
        "}",
        "",
        "@Vectorize",
        "static int icompare(int a, int b) {",
        "    if (a < b) {",
        "        return a;",
        "    }",
        "    if (a == b) {",
        "        return 0;",
        "    }",
        "    int d = a - b;",
        "    return d >= 100 || d <= -100 ? -d : d * 2;",
        "}",
        "",
        "@Vectorize",
        "static long lbits(long a, long b) {",
        "    return (a * 31 + b) ^ (a << 3) | (b >>> 2) & ~a - (a >> b) + (b << a) - (a >>> 65) + -a;",
        "}",
        "",
        "@Vectorize",
        "static long ldiv(long a, long b) {",
        "    return a / b + a % b * 7 + a / 3 - a % IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static long lmath(long a, long b) {",
        "    return Math.abs(a) + Math.max(a, b) - Math.min(a, -b);",
        "}",
        "",
        "@Vectorize",
        "static boolean lcompare(long a, long b) {",
        "    return (a & b) != 0 && a > b || a <= -b;",
        "}",
    };

    /** (method, parameter types) of {@link #EXACT}; a and b of idiv and ldiv are never 0 as divisors. */
    static final Object[][] EXACT_METHODS = {
        {"arith", double.class, double.class}, {"compare", double.class, double.class},
        {"branches", double.class, double.class}, {"exactMath", double.class, double.class, double.class},
        {"constants", double.class}, {"inlined", double.class, double.class},
        {"inside", double.class, boolean.class}, {"pick", boolean.class, double.class, boolean.class},
        {"farith", float.class, float.class}, {"fcompare", float.class, float.class},
        {"ffma", float.class, float.class, float.class}, {"fsign", float.class},
        {"ibits", int.class, int.class}, {"idiv", int.class, int.class}, {"imath", int.class, int.class},
        {"icompare", int.class, int.class},
        {"lbits", long.class, long.class}, {"ldiv", long.class, long.class}, {"lmath", long.class, long.class},
        {"lcompare", long.class, long.class},
    };

    private static CompiledClasses exactKernels;

    static synchronized CompiledClasses exactKernels() {
        if (exactKernels == null) {
            Compilation compilation = compileWithSimd(classP("E", EXACT));
            assertNoScalarLoopNotes(compilation);
            for (Object[] method : EXACT_METHODS) {
                assertSimdLoop(compilation, "E", (String) method[0]);
            }
            exactKernels = new CompiledClasses(compilation);
        }
        return exactKernels;
    }

    /** Replaces zeros by 7 in an int or long array: divisors. */
    static void noZeros(Object array) {
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            Object value = java.lang.reflect.Array.get(array, i);
            if (((Number) value).longValue() == 0) {
                java.lang.reflect.Array.set(array, i, value instanceof Integer ? (Object) 7 : (Object) 7L);
            }
        }
    }

    static Class<?>[] types(Object[] method) {
        Class<?>[] types = new Class<?>[method.length - 1];
        for (int p = 1; p < method.length; p++) {
            types[p - 1] = (Class<?>) method[p];
        }
        return types;
    }

    static Object[] exactInputs(Object[] method, int length, long seed) {
        Object[] arguments = inputs(types(method), length, seed);
        if (method[0].equals("idiv") || method[0].equals("ldiv")) {
            noZeros(arguments[1]);
        }
        return arguments;
    }

    static List<Object[]> exactMethods() {
        return java.util.Arrays.asList(EXACT_METHODS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactMethodNames")
    void simdKernelsEqualTheScalarMethodBitForBit(String name) throws Throwable {
        assumeSimdRuns();
        Object[] method = exactMethods().stream().filter(m -> m[0].equals(name)).findFirst().orElseThrow();
        // Every combination of special values, then random values; an odd length leaves a scalar tail.
        Object[] arguments = exactInputs(method, 20_001, name.hashCode());
        assertKernelMatchesScalar(exactKernels(), "p.E", name, types(method), arguments);
    }

    static List<String> exactMethodNames() {
        return exactMethods().stream().map(m -> (String) m[0]).toList();
    }

    static List<String> exactMethodNamesWithSeveralParameters() {
        return exactMethods().stream().filter(m -> m.length > 2).map(m -> (String) m[0]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactMethodNamesWithSeveralParameters")
    void broadcastSimdKernelsEqualTheScalarMethodBitForBit(String name) throws Throwable {
        assumeSimdRuns();
        Object[] method = exactMethods().stream().filter(m -> m[0].equals(name)).findFirst().orElseThrow();
        Class<?>[] types = types(method);
        Object[] arrays = exactInputs(method, 1_001, name.hashCode() + 1);
        Random random = new Random(name.hashCode());
        for (int mask = 1; mask < (1 << types.length) - 1; mask++) {
            for (int trial = 0; trial < 6; trial++) {
                Object[] arguments = arrays.clone();
                for (int p = 0; p < types.length; p++) {
                    if ((mask & (1 << p)) != 0) {
                        Object scalar = trial < 3 ? special(types[p], random.nextInt(specials(types[p])))
                                : randomValue(types[p], random);
                        if ((name.equals("idiv") || name.equals("ldiv")) && p == 1 && ((Number) scalar).longValue() == 0) {
                            scalar = types[p] == int.class ? (Object) 5 : (Object) 5L;
                        }
                        arguments[p] = scalar;
                    }
                }
                assertKernelMatchesScalar(exactKernels(), "p.E", name, types, arguments);
            }
        }
    }

    @Test
    void everyLengthAroundTheVectorSizeGivesTheScalarResults() throws Throwable {
        assumeSimdRuns();
        Class<?>[] doubles = {double.class, double.class};
        Class<?>[] ints = {int.class, int.class};
        for (int length = 0; length <= 70; length++) {
            assertKernelMatchesScalar(exactKernels(), "p.E", "compare", doubles, inputs(doubles, length, length));
            assertKernelMatchesScalar(exactKernels(), "p.E", "ibits", ints, inputs(ints, length, length));
            Class<?>[] mixed = {double.class, boolean.class};
            assertKernelMatchesScalar(exactKernels(), "p.E", "inside", mixed, inputs(mixed, length, length));
        }
    }

    @Test
    void theSimdKernelMayWriteIntoItsInput() throws Throwable {
        assumeSimdRuns();
        Class<?>[] doubles = {double.class, double.class};
        Object[] arguments = inputs(doubles, 1_003, 3);
        double[] x = ((double[]) arguments[0]).clone();
        double[] expected = (double[]) exactKernels().call("p.EVectorized", "arith",
                new Class<?>[] {double[].class, double[].class}, arguments);
        exactKernels().call("p.EVectorized", "arith", new Class<?>[] {double[].class, double[].class, double[].class},
                x, arguments[1], x);
        assertArrayEquals(expected, x);
        assertKernelResult(exactKernels(), "p.E", "arith", doubles, arguments, x, x.length);
    }

    @Test
    void parallelSimdKernelsEqualSerialOnesAndTheScalarMethod() throws Throwable {
        assumeSimdRuns();
        for (Object[] method : EXACT_METHODS) {
            String name = (String) method[0];
            Object[] arguments = exactInputs(method, 100_003, 11);
            Class<?>[] arrayTypes = java.util.Arrays.stream(arguments).map(Object::getClass).toArray(Class<?>[]::new);
            Object serial = exactKernels().call("p.EVectorized", name, arrayTypes, arguments);
            Object parallel = exactKernels().call("p.EVectorized", name + "Parallel", arrayTypes, arguments);
            for (int i = 0; i < java.lang.reflect.Array.getLength(serial); i++) {
                Object s = java.lang.reflect.Array.get(serial, i);
                Object p = java.lang.reflect.Array.get(parallel, i);
                assertTrue(sameBits(s, p), name + " element " + i + ": serial " + s + ", parallel " + p);
            }
            assertKernelResult(exactKernels(), "p.E", name, types(method), arguments, parallel,
                    java.lang.reflect.Array.getLength(parallel));
        }
    }

    @Test
    void integerDivisionByZeroThrowsArithmeticExceptionFromTheSimdLoopToo() throws Throwable {
        assumeSimdRuns();
        int[] a = new int[64];
        int[] b = new int[64];
        java.util.Arrays.fill(a, 10);
        java.util.Arrays.fill(b, 3);
        b[5] = 0;
        ArithmeticException simd = assertThrows(ArithmeticException.class, () -> exactKernels().call("p.EVectorized",
                "idiv", new Class<?>[] {int[].class, int[].class}, a, b));
        long[] la = new long[64];
        long[] lb = new long[64];
        java.util.Arrays.fill(la, 10);
        java.util.Arrays.fill(lb, 3);
        lb[9] = 0;
        assertThrows(ArithmeticException.class, () -> exactKernels().call("p.EVectorized",
                "ldiv", new Class<?>[] {long[].class, long[].class}, la, lb));
        // The scalar method throws its own exception for the element, as DESIGN.md promises.
        assertEquals("/ by zero", simd.getMessage());
    }

    @Test
    void laneFunctionsComputeTheScalarMethodBitForBit() throws Throwable {
        assumeSimdRuns();
        CompiledClasses classes = exactKernels();
        KernelLibrary library = (KernelLibrary) classes.loadClass("p.EVectorizedKernels").getConstructor().newInstance();
        Class<?> vectorClass = Class.forName(MODULE + ".DoubleVector");
        Object species = vectorClass.getField("SPECIES_PREFERRED").get(null);
        MethodHandle load = MethodHandles.publicLookup().findStatic(vectorClass, "fromArray", MethodType.methodType(
                vectorClass, Class.forName(MODULE + ".VectorSpecies"), double[].class, int.class)).bindTo(species);
        MethodHandle store = MethodHandles.publicLookup().findVirtual(vectorClass, "intoArray",
                MethodType.methodType(void.class, double[].class, int.class));
        int lanes = (int) Class.forName(MODULE + ".VectorSpecies").getMethod("length").invoke(species);
        int tested = 0;
        List<String> tooLarge = new ArrayList<>();
        for (Object[] method : EXACT_METHODS) {
            Class<?>[] types = Arrays.copyOfRange(method, 1, method.length, Class[].class);
            VectorizedFunction function = library.functions().stream()
                    .filter(f -> f.name().equals(method[0])).findFirst().orElseThrow();
            MethodHandle laneFunction = function.overloads().get(0).lanes();
            if (!Arrays.stream(types).allMatch(t -> t == double.class)) {
                assertEquals(null, laneFunction, (String) method[0]);
                continue;
            }
            if (laneFunction == null) {
                tooLarge.add((String) method[0]);
                continue;
            }
            Method scalar = classes.loadClass("p.E").getDeclaredMethod((String) method[0], types);
            scalar.setAccessible(true);
            int length = 4000 / lanes * lanes;
            Object[] inputs = inputs(types, length, 31);
            double[] out = new double[length];
            for (int i = 0; i < length; i += lanes) {
                Object[] vectors = new Object[types.length];
                for (int p = 0; p < types.length; p++) {
                    vectors[p] = load.invoke((double[]) inputs[p], i);
                }
                store.invoke(laneFunction.invokeWithArguments(vectors), out, i);
            }
            for (int i = 0; i < length; i++) {
                Object[] arguments = new Object[types.length];
                for (int p = 0; p < types.length; p++) {
                    arguments[p] = ((double[]) inputs[p])[i];
                }
                double expected = (double) scalar.invoke(null, arguments);
                assertTrue(Double.doubleToLongBits(expected) == Double.doubleToLongBits(out[i])
                        || Double.isNaN(expected) && Double.isNaN(out[i]),
                        method[0] + Arrays.toString(arguments) + ": " + out[i] + ", expected " + expected);
            }
            tested++;
        }
        assertEquals(List.of(), tooLarge, "float64 methods of EXACT without a lane function");
        assertEquals(6, tested, "float64 methods of EXACT");
    }
}
