package io.jvectorize.processor;

import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs generated kernels: they must compute what the scalar method computes, as DESIGN.md promises. */
class GeneratedKernelsTest {
    private static final String COMPANION = "p.KVectorized";
    private static final Class<?>[] DOUBLES = {double[].class};
    private static final Class<?>[] DOUBLES_OUT = {double[].class, double[].class};
    /** Above the runtime's default serial cutoff (32768), so the parallel variants really split. */
    private static final int LARGE = 100_000;

    private static CompiledClasses classes;

    @BeforeAll
    static void compileKernels() {
        classes = new CompiledClasses(compile(classP("K",
                "@Vectorize(signature = {\"float32(int32)\", \"float64(float64)\"})",
                "static double poly(double t) {",
                "    return (5.0 * t + 4.0) * t + 1.0;",
                "}",
                "",
                "@Vectorize",
                "static double checked(double x) {",
                "    if (x < 0) {",
                "        throw new IllegalStateException(\"negative: \" + x);",
                "    }",
                "    return Math.sqrt(x);",
                "}",
                "",
                "@Vectorize(signature = \"b1(f8)\")",
                "static boolean positive(double x) {",
                "    return x > 0;",
                "}")));
    }

    private static double poly(double t) {
        return (5.0 * t + 4.0) * t + 1.0;
    }

    @Test
    void theAllocatingKernelAppliesTheMethodToEachElement() throws Throwable {
        double[] x = {0, 1, -2.5, 1e10, Double.NaN};
        double[] result = (double[]) classes.call(COMPANION, "poly", DOUBLES, (Object) x);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = poly(x[i]);
        }
        assertArrayEquals(expected, result);
    }

    @Test
    void aConvertingSignatureWidensArgumentsAndCastsResults() throws Throwable {
        int[] x = {0, 3, -7, 123_456};
        float[] result = (float[]) classes.call(COMPANION, "poly", new Class<?>[] {int[].class}, (Object) x);
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) poly(x[i]), result[i], "element " + i);
        }
    }

    @Test
    void theIntoKernelWritesIntoOut() throws Throwable {
        double[] x = {1, 2, 3};
        double[] out = new double[3];
        classes.call(COMPANION, "poly", DOUBLES_OUT, x, out);
        assertArrayEquals(new double[] {poly(1), poly(2), poly(3)}, out);
    }

    @Test
    void outMayBeTheInputArray() throws Throwable {
        double[] x = {1, 2, 3};
        classes.call(COMPANION, "poly", DOUBLES_OUT, x, x);
        assertArrayEquals(new double[] {poly(1), poly(2), poly(3)}, x);
    }

    @Test
    void arraysOfDifferentLengthsAreRejectedBeforeAnythingIsWritten() {
        double[] out = {7, 7};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classes.call(COMPANION, "poly", DOUBLES_OUT, new double[] {1, 2, 3}, out));
        assertTrue(e.getMessage().contains("poly"), e.getMessage());
        assertTrue(e.getMessage().contains("t has 3"), e.getMessage());
        assertTrue(e.getMessage().contains("out has 2"), e.getMessage());
        assertArrayEquals(new double[] {7, 7}, out);
    }

    @Test
    void theParallelKernelsAreNamedInTheirLengthMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classes.call(COMPANION, "polyParallel", DOUBLES_OUT, new double[3], new double[4]));
        assertTrue(e.getMessage().startsWith("polyParallel"), e.getMessage());
    }

    @Test
    void aNullArrayIsRejectedByName() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> classes.call(COMPANION, "poly", DOUBLES, (Object) null));
        assertEquals("poly: array argument 't' is null", e.getMessage());
    }

    @Test
    void parallelResultsEqualSerialResultsBitForBit() throws Throwable {
        double[] x = new double[LARGE];
        for (int i = 0; i < LARGE; i++) {
            x[i] = Math.sin(i) * 1e3;
        }
        double[] serial = (double[]) classes.call(COMPANION, "poly", DOUBLES, (Object) x);
        double[] parallel = (double[]) classes.call(COMPANION, "polyParallel", DOUBLES, (Object) x);
        double[] into = new double[LARGE];
        classes.call(COMPANION, "polyParallel", DOUBLES_OUT, x, into);
        assertArrayEquals(serial, parallel);
        assertArrayEquals(serial, into);
    }

    @Test
    void anExceptionOfTheMethodReachesTheCallerAsItself() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> classes.call(COMPANION, "checked", DOUBLES, (Object) new double[] {4, -1}));
        assertEquals("negative: -1.0", e.getMessage());
    }

    @Test
    void anExceptionOfTheMethodReachesTheCallerAsItselfFromTheParallelKernels() {
        double[] x = new double[LARGE];
        x[LARGE - 10] = -3;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> classes.call(COMPANION, "checkedParallel", DOUBLES, (Object) x));
        assertEquals("negative: -3.0", e.getMessage());
    }

    @Test
    void aBooleanKernelReturnsABooleanArray() throws Throwable {
        Object result = classes.call(COMPANION, "positive", DOUBLES, (Object) new double[] {-1, 0, 2});
        assertArrayEquals(new boolean[] {false, false, true}, (boolean[]) result);
    }

    @Test
    void theCompanionIsPublicFinalAndCannotBeInstantiated() throws ClassNotFoundException {
        Class<?> companion = classes.loadClass(COMPANION);
        assertTrue(java.lang.reflect.Modifier.isPublic(companion.getModifiers()));
        assertTrue(java.lang.reflect.Modifier.isFinal(companion.getModifiers()));
        assertEquals(1, companion.getDeclaredConstructors().length);
        assertTrue(java.lang.reflect.Modifier.isPrivate(companion.getDeclaredConstructors()[0].getModifiers()));
    }

    @Test
    void broadcastKernelsUseTheScalarForEveryElement() throws Throwable {
        CompiledClasses hypot = new CompiledClasses(compile(classP("H",
                "@Vectorize",
                "static double h(double a, double b) {",
                "    return Math.hypot(a, b);",
                "}")));
        double[] result = (double[]) hypot.call("p.HVectorized", "h",
                new Class<?>[] {double.class, double[].class}, 3.0, new double[] {4, 0});
        assertArrayEquals(new double[] {5, 3}, result);
        double[] out = new double[2];
        hypot.call("p.HVectorized", "hParallel", new Class<?>[] {double[].class, double.class, double[].class},
                new double[] {0, 6}, 8.0, out);
        assertArrayEquals(new double[] {8, 10}, out);
    }

    @Test
    void oneKernelClassLoaderPerCompilationSeesTheSourceClassToo() throws ClassNotFoundException {
        assertSame(classes, classes.loadClass("p.K").getClassLoader());
    }
}
