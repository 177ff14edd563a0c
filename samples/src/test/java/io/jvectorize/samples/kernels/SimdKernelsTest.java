package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jvectorize.Vectorize;
import io.jvectorize.runtime.Simd;
import io.jvectorize.samples.Seed;
import io.jvectorize.samples.Waves;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.function.Executable;

/**
 * The SIMD path itself, where it runs (the build's default test execution, with the Vector API):
 * the SIMD classes exist for what translates and lack loops for what does not; every construct
 * the translation handles gives the scalar method's results bit for bit, at every length around
 * the vector width (the scalar tails) and on large arrays; integer division hands a zero divisor
 * to the scalar method, whose own ArithmeticException reaches the caller; and each transcendental
 * function, and each fixture composing them, stays within its bound of the scalar method's
 * result. The largest distances measured are printed as a table at the end (more values with
 * {@code -Djvectorize.test.measure=2000000}).
 *
 * <p>Disabled where SIMD does not run (the {@code scalar-path} execution), before anything can
 * touch the Vector API: the other kernel tests cover that path bit for bit.
 */
@EnabledIf(value = "simdRuns", disabledReason = "SIMD does not run in this JVM: the other tests cover the scalar path")
class SimdKernelsTest {
    private static final int LARGE = TestValues.aboveCutoff();
    /** How many values each transcendental function is measured on (by default {@link #LARGE}; more with -Djvectorize.test.measure=N). */
    private static final int MEASURED_VALUES = Math.max(LARGE, Integer.getInteger("jvectorize.test.measure", 0));
    /** Seeds per tail length. */
    private static final int TAIL_SEEDS = 3;
    /**
     * Calls per transcendental function on the first {@value #WARM_UP_LENGTH} values, at most
     * {@value #WARM_UP_CALLS} of them and for at most {@value #WARM_UP_NANOS} ns: enough for the
     * JIT to compile the loop (it did within 600 calls here), so that the vector routine runs
     * rather than the Vector API's fallback, which calls Math per lane. The length is no multiple
     * of any vector width, so that the warm-up runs the scalar tail too: a loop compiled without
     * ever having run its tail deoptimizes when a call first reaches it, and then runs the
     * fallback again for a while. Then {@value #ROUNDS} calls on all values, and more, for at
     * most {@value #MORE_ROUNDS_NANOS} ns, while no value of the latest call differed from Math:
     * on a loaded machine the JIT may not have compiled the loop within the warm-up, and a
     * measurement of the fallback alone, which is Math, would pass without testing the bound.
     * (A function whose vector routine agrees with Math everywhere, as pow's fallback on AVX2,
     * takes the whole time, and the table shows 0 values differing.)
     */
    private static final int WARM_UP_CALLS = 1500;
    private static final int WARM_UP_LENGTH = 2048 + 3;
    private static final long WARM_UP_NANOS = 1_500_000_000L;
    private static final int ROUNDS = 3;
    private static final long MORE_ROUNDS_NANOS = 10_000_000_000L;

    /** What the measurements of approximate kernels found, by kernel, for the table printed at the end. */
    private static final Map<String, String> MEASURED = new ConcurrentSkipListMap<>();

    static boolean simdRuns() {
        return Simd.ENABLED;
    }

    @AfterAll
    static void printMeasuredBounds() {
        if (MEASURED.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder(String.format("%nTranscendental functions, then fixtures composing them:"
                + " SIMD kernel vs scalar method (Math) on %d values each, after warming up (%s %s, %s, %d lanes of float64)%n",
                MEASURED_VALUES, System.getProperty("java.vm.name"), Runtime.version(), System.getProperty("os.arch"),
                lanes(double.class)));
        table.append("| function | bound (ulps) | max measured (ulps) | at | values differing in the last serial call | domain |\n");
        table.append("|---|---|---|---|---|---|\n");
        MEASURED.values().forEach(row -> table.append(row).append('\n'));
        System.out.print(table);
    }

    // ---- which classes and loops exist ---------------------------------------------------

    /** Classes with at least one method that translates: each has a SIMD class. */
    private static final List<Class<?>> CLASSES_WITH_SIMD = List.of(Seed.class, Waves.class, SimdFixtures.class,
            TranscendentalKernels.class, LaneKernels.class, UnaryKernels.class, BinaryKernels.class,
            TernaryKernels.class, SmallTypeKernels.class, NameClashKernels.class, Outer.Nested.class, Shapes.class,
            FailingKernels.class);

    @Test
    void theSimdClassesExist() throws ClassNotFoundException {
        for (Class<?> owner : CLASSES_WITH_SIMD) {
            String name = KernelUnderTest.companionOf(owner).getName() + "Simd";
            assertNotNull(Class.forName(name), name);
        }
    }

    /** Every method of the fixture classes written to translate has a loop for each broadcast form of its own types. */
    @Test
    void everyFixtureWrittenForSimdHasItsLoops() {
        for (Class<?> owner : List.of(SimdFixtures.class, TranscendentalKernels.class, LaneKernels.class)) {
            for (KernelUnderTest kernel : kernelsOf(owner)) {
                if (kernel.name().equals("repeatedSum")) {
                    continue;
                }
                for (int mask : kernel.scalarMasks()) {
                    KernelVariant variant = ownVariant(kernel, mask, KernelVariant.Kind.INTO);
                    assertTrue(Approximations.runsSimdLoop(variant), () -> kernel + ": no SIMD loop for " + variant.describe());
                }
            }
        }
    }

    @Test
    void aBodyWithALoopHasNoSimdLoop() {
        Class<?> simd = Approximations.simdClass(SimdFixtures.class).orElseThrow();
        List<String> loops = Arrays.stream(simd.getDeclaredMethods()).map(Method::getName)
                .filter(name -> name.startsWith("repeatedSum")).collect(Collectors.toList());
        assertEquals(List.of(), loops, "SIMD loops for repeatedSum, whose body has a for loop");
        // The companion still runs it, with its scalar loop.
        double[] x = {1.5, -0.0, Double.NaN};
        Bits.assertSameBits(new double[] {4.5, 0.0, Double.NaN}, SimdFixturesVectorized.repeatedSum(x), "repeatedSum");
    }

    @Test
    void aClassWhoseMethodsDoNotTranslateHasNoSimdClass() {
        assertEquals(Optional.empty(), Approximations.simdClass(ThreadProbeKernels.class));
    }

    // ---- exact constructs, bit for bit ---------------------------------------------------

    /** The exact kernels: every fixture of {@link SimdFixtures} and the exact ones of {@link LaneKernels}. */
    private static List<KernelUnderTest> exactKernels() {
        List<KernelUnderTest> kernels = new ArrayList<>(kernelsOf(SimdFixtures.class));
        for (KernelUnderTest kernel : kernelsOf(LaneKernels.class)) {
            if (Approximations.declared(kernel.scalar()).isExact()) {
                kernels.add(kernel);
            }
        }
        return kernels;
    }

    @Test
    void theExactFixturesCoverEveryLaneType() {
        assertEquals(Set.of(double.class, float.class, int.class, long.class),
                exactKernels().stream().map(SimdKernelsTest::laneType).collect(Collectors.toSet()));
    }

    @TestFactory
    Stream<DynamicNode> exactKernelsEqualTheScalarMethodAtEveryLengthAroundTheVectorWidth() {
        return exactKernels().stream().map(kernel -> {
            int lanes = lanes(laneType(kernel));
            int longest = 2 * lanes + 3;
            List<DynamicTest> tests = new ArrayList<>();
            for (int mask : kernel.scalarMasks()) {
                tests.add(dynamicTest(ownVariant(kernel, mask, KernelVariant.Kind.ALLOCATING).describe()
                        + ": lengths 0 to " + longest + " (" + lanes + " lanes)", () -> {
                    for (int length = 0; length <= longest; length++) {
                        for (int seed = 0; seed < TAIL_SEEDS; seed++) {
                            assertEveryKindGivesTheScalarOutcome(kernel, mask, length, 1000L * length + seed, false);
                        }
                    }
                }));
            }
            return dynamicContainer(kernel.toString(), tests);
        });
    }

    @TestFactory
    Stream<DynamicNode> exactKernelsEqualTheScalarMethodOnLargeArrays() {
        return exactKernels().stream().map(kernel -> {
            List<DynamicTest> tests = new ArrayList<>();
            boolean integral = laneType(kernel) == int.class || laneType(kernel) == long.class;
            for (int mask : kernel.scalarMasks()) {
                tests.add(dynamicTest(ownVariant(kernel, mask, KernelVariant.Kind.ALLOCATING).describe()
                        + ": length " + LARGE, () -> {
                    assertEveryKindGivesTheScalarOutcome(kernel, mask, LARGE, 77, false);
                    if (integral) {
                        // Random integers hold zeros, and a zero divisor makes the whole call throw: again without.
                        assertEveryKindGivesTheScalarOutcome(kernel, mask, LARGE, 78, true);
                    }
                }));
            }
            return dynamicContainer(kernel.toString(), tests);
        });
    }

    /**
     * The four kinds of one broadcast form, on random and special values: each gives the scalar
     * method's results bit for bit, or, where the scalar loop throws, throws the same.
     */
    private static void assertEveryKindGivesTheScalarOutcome(KernelUnderTest kernel, int mask, int length, long seed,
            boolean noZeros) {
        KernelVariant first = ownVariant(kernel, mask, KernelVariant.Kind.ALLOCATING);
        Object[] arguments = arguments(first, length, seed, noZeros);
        Object expected;
        RuntimeException thrown = null;
        try {
            expected = first.expected(arguments, length);
        } catch (RuntimeException e) {
            expected = null;
            thrown = e;
        }
        for (KernelVariant.Kind kind : KernelVariant.Kind.values()) {
            KernelVariant variant = ownVariant(kernel, mask, kind);
            assertEquals(Tolerance.EXACT, variant.tolerance(), () -> variant.describe() + " should be exact");
            Object[] copies = KernelVariant.copies(arguments);
            if (thrown != null) {
                RuntimeException expectedException = thrown;
                RuntimeException e = assertThrows(RuntimeException.class, () -> variant.call(copies),
                        () -> variant.where(arguments, length, -1) + " should throw as the scalar method does: "
                                + expectedException);
                assertEquals(expectedException.getClass(), e.getClass(), () -> variant.where(arguments, length, -1));
                assertEquals(expectedException.getMessage(), e.getMessage(), () -> variant.where(arguments, length, -1));
            } else {
                Object actual = variant.call(copies);
                Bits.assertSameBits(expected, actual, i -> variant.where(arguments, length, i));
            }
        }
    }

    // ---- integer division ----------------------------------------------------------------

    /**
     * A zero divisor in any lane, of the vector part or the tail: the SIMD loop hands that
     * vector to the scalar method, whose ArithmeticException reaches the caller, from every
     * variant. The exception's stack shows it came through the SIMD loop.
     */
    @TestFactory
    Stream<DynamicNode> divisionByZeroInAnyLaneThrowsTheScalarMethodsException() {
        return Stream.of(int.class, long.class).map(type -> {
            String name = type == int.class ? "intDivide" : "longDivide";
            KernelUnderTest kernel = KernelUnderTest.of(SimdFixtures.class, name, "a", "b");
            int length = 2 * lanes(type) + 3;
            return dynamicTest(kernel + ": zero at each of " + length + " positions", () -> {
                for (int zeroAt = 0; zeroAt < length; zeroAt++) {
                    Object a = Array.newInstance(type, length);
                    Object b = Array.newInstance(type, length);
                    for (int i = 0; i < length; i++) {
                        TestValues.set(a, i, Conversions.cast(1000 + 37 * i, type));
                        TestValues.set(b, i, Conversions.cast(i == zeroAt ? 0 : i % 5 - 7, type));
                    }
                    for (KernelVariant.Kind kind : KernelVariant.Kind.values()) {
                        KernelVariant variant = ownVariant(kernel, 0, kind);
                        int position = zeroAt;
                        ArithmeticException e = assertThrows(ArithmeticException.class,
                                () -> variant.call(new Object[] {a, b}), () -> variant.describe() + ", zero at " + position);
                        assertEquals("/ by zero", e.getMessage());
                        if (!kind.parallel) {
                            assertCameThroughTheSimdLoop(e, SimdFixtures.class, name);
                        }
                    }
                }
            });
        });
    }

    @Test
    void divisionByABroadcastZeroThrowsFromEveryVariant() {
        int[] a = TestValues.ints(LARGE, 61);
        long[] wide = TestValues.longs(LARGE, 62);
        for (Executable call : new Executable[] {
            () -> SimdFixturesVectorized.intDivide(a, 0),
            () -> SimdFixturesVectorized.intDivide(a, 0, new int[LARGE]),
            () -> SimdFixturesVectorized.intDivideParallel(a, 0),
            () -> SimdFixturesVectorized.intDivideParallel(a, 0, new int[LARGE]),
            () -> SimdFixturesVectorized.longDivide(wide, 0L),
            () -> SimdFixturesVectorized.longDivide(wide, 0L, new long[LARGE]),
            () -> SimdFixturesVectorized.longDivideParallel(wide, 0L),
            () -> SimdFixturesVectorized.longDivideParallel(wide, 0L, new long[LARGE]),
        }) {
            assertEquals("/ by zero", assertThrows(ArithmeticException.class, call).getMessage());
        }
    }

    /** One zero near the end of a large array, where a worker thread meets it in the Parallel variants. */
    @Test
    void divisionByZeroNearTheEndOfALargeArrayThrowsFromEveryVariant() {
        int[] a = TestValues.ints(LARGE, 63);
        int[] b = new int[LARGE];
        Arrays.fill(b, -3);
        b[LARGE - 5] = 0;
        long[] wideA = TestValues.longs(LARGE, 64);
        long[] wideB = new long[LARGE];
        Arrays.fill(wideB, 11);
        wideB[LARGE - 5] = 0;
        for (Executable call : new Executable[] {
            () -> SimdFixturesVectorized.intDivide(a, b),
            () -> SimdFixturesVectorized.intDivide(a, b, new int[LARGE]),
            () -> SimdFixturesVectorized.intDivideParallel(a, b),
            () -> SimdFixturesVectorized.intDivideParallel(a, b, new int[LARGE]),
            () -> SimdFixturesVectorized.longDivide(wideA, wideB),
            () -> SimdFixturesVectorized.longDivide(wideA, wideB, new long[LARGE]),
            () -> SimdFixturesVectorized.longDivideParallel(wideA, wideB),
            () -> SimdFixturesVectorized.longDivideParallel(wideA, wideB, new long[LARGE]),
        }) {
            assertEquals("/ by zero", assertThrows(ArithmeticException.class, call).getMessage());
        }
    }

    /** MIN_VALUE / -1 overflows to MIN_VALUE in Java, and MIN_VALUE % -1 is 0; no lane traps. */
    @Test
    void minValueDividedByMinusOneWrapsAsInJava() {
        for (int length : new int[] {2 * lanes(int.class) + 3, LARGE}) {
            int[] a = new int[length];
            int[] b = new int[length];
            Arrays.fill(a, Integer.MIN_VALUE);
            Arrays.fill(b, -1);
            int[] expected = new int[length];
            Arrays.fill(expected, Integer.MIN_VALUE * 3);
            FourVariants.assertAllEqual(expected,
                    () -> SimdFixturesVectorized.intDivide(a, b),
                    out -> SimdFixturesVectorized.intDivide(a, b, out),
                    () -> SimdFixturesVectorized.intDivideParallel(a, b),
                    out -> SimdFixturesVectorized.intDivideParallel(a, b, out));
        }
        for (int length : new int[] {2 * lanes(long.class) + 3, LARGE}) {
            long[] a = new long[length];
            long[] b = new long[length];
            Arrays.fill(a, Long.MIN_VALUE);
            Arrays.fill(b, -1);
            long[] expected = new long[length];
            Arrays.fill(expected, Long.MIN_VALUE);
            FourVariants.assertAllEqual(expected,
                    () -> SimdFixturesVectorized.longDivide(a, b),
                    out -> SimdFixturesVectorized.longDivide(a, b, out),
                    () -> SimdFixturesVectorized.longDivideParallel(a, b),
                    out -> SimdFixturesVectorized.longDivideParallel(a, b, out));
        }
    }

    private static void assertCameThroughTheSimdLoop(Throwable e, Class<?> owner, String method) {
        String simd = KernelUnderTest.companionOf(owner).getName() + "Simd";
        boolean found = Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(simd) && frame.getMethodName().equals(method + "Loop"));
        if (!found) {
            fail("the exception did not come through " + simd + "." + method + "Loop: "
                    + Arrays.toString(e.getStackTrace()));
        }
    }

    // ---- transcendental functions ------------------------------------------------------

    /** An approximate kernel to measure, and where its arguments are drawn from. */
    private record Measured(KernelUnderTest kernel, String domain, List<ToDoubleFunction<Random>> samplers) {
        Tolerance tolerance() {
            return Approximations.declared(kernel.scalar());
        }

        String name() {
            return kernel.name();
        }
    }

    /** The kernel of {@link TranscendentalKernels} for Math's function {@code name}. */
    @SafeVarargs
    private static Measured function(String name, String domain, ToDoubleFunction<Random>... samplers) {
        return composed(TranscendentalKernels.class, name, domain, samplers);
    }

    /** A fixture of {@code owner} whose body calls several transcendental functions. */
    @SafeVarargs
    private static Measured composed(Class<?> owner, String name, String domain, ToDoubleFunction<Random>... samplers) {
        List<ToDoubleFunction<Random>> list = new ArrayList<>();
        for (ToDoubleFunction<Random> sampler : samplers) {
            list.add(sampler);
        }
        return new Measured(KernelUnderTest.of(owner, name, list.size() == 1 ? new String[] {"x"} : new String[] {"x", "y"}),
                domain, List.copyOf(list));
    }

    private static final List<Measured> FUNCTIONS = List.of(
            function("exp", "[-745.2, 709.8], [-1, 1], [-20, 20]",
                    oneOf(uniform(-745.2, 709.8), uniform(-1, 1), uniform(-20, 20))),
            function("expm1", "[-40, 709.8], ±2^[-60, 3]",
                    oneOf(uniform(-40, 709.8), magnitudes(-60, 3, true))),
            function("log", "2^[-1074, 1023], [0.5, 2], [0, 100]",
                    oneOf(magnitudes(-1074, 1023, false), uniform(0.5, 2), uniform(0, 100))),
            function("log10", "2^[-1074, 1023], [0.5, 2], [0, 100]",
                    oneOf(magnitudes(-1074, 1023, false), uniform(0.5, 2), uniform(0, 100))),
            function("log1p", "[-1, 1], 2^[-60, 1023], -2^[-60, -2]",
                    oneOf(uniform(-1, 1), magnitudes(-60, 1023, false), r -> -magnitudes(-60, -2, false).applyAsDouble(r))),
            function("sin", "[-10, 10], [-1e6, 1e6], ±2^[-30, 1023]",
                    oneOf(uniform(-10, 10), uniform(-1e6, 1e6), magnitudes(-30, 1023, true))),
            function("cos", "[-10, 10], [-1e6, 1e6], ±2^[-30, 1023]",
                    oneOf(uniform(-10, 10), uniform(-1e6, 1e6), magnitudes(-30, 1023, true))),
            function("tan", "[-10, 10], [-1e6, 1e6], ±2^[-30, 1023]",
                    oneOf(uniform(-10, 10), uniform(-1e6, 1e6), magnitudes(-30, 1023, true))),
            function("asin", "[-1, 1], ±2^[-60, -1]", oneOf(uniform(-1, 1), magnitudes(-60, -1, true))),
            function("acos", "[-1, 1], ±2^[-60, -1]", oneOf(uniform(-1, 1), magnitudes(-60, -1, true))),
            function("atan", "[-10, 10], ±2^[-1074, 1023]", oneOf(uniform(-10, 10), magnitudes(-1074, 1023, true))),
            function("sinh", "[-710.5, 710.5], [-2, 2], ±2^[-60, 0]",
                    oneOf(uniform(-710.5, 710.5), uniform(-2, 2), magnitudes(-60, 0, true))),
            function("cosh", "[-710.5, 710.5], [-2, 2], ±2^[-60, 0]",
                    oneOf(uniform(-710.5, 710.5), uniform(-2, 2), magnitudes(-60, 0, true))),
            function("tanh", "[-20, 20], [-1, 1], ±2^[-60, -1]",
                    oneOf(uniform(-20, 20), uniform(-1, 1), magnitudes(-60, -1, true))),
            function("cbrt", "±2^[-1074, 1023], [-10, 10]", oneOf(magnitudes(-1074, 1023, true), uniform(-10, 10))),
            function("atan2", "y, x each in [-10, 10], ±2^[-1074, 1023]",
                    oneOf(uniform(-10, 10), magnitudes(-1074, 1023, true)),
                    oneOf(uniform(-10, 10), magnitudes(-1074, 1023, true))),
            function("hypot", "x, y each in [-10, 10], ±2^[-1074, 1023], ±MAX_VALUE, ±2^[990, 1000]",
                    oneOf(uniform(-10, 10), magnitudes(-1074, 1023, true), nearOverflow()),
                    oneOf(uniform(-10, 10), magnitudes(-1074, 1023, true), nearOverflow())),
            function("pow", "x in [0, 10], 2^[-20, 20], [-10, 10]; y in [-20, 20], [-300, 300], integers in [-20, 20]",
                    oneOf(uniform(0, 10), magnitudes(-20, 20, false), uniform(-10, 10)),
                    oneOf(uniform(-20, 20), uniform(-300, 300), r -> r.nextInt(41) - 20)));

    /** The fixtures that compose transcendental functions, measured the same way, for their bounds. */
    private static final List<Measured> COMPOSED = List.of(
            composed(UnaryKernels.class, "wave", "[-10, 10], [-1000, 1000], ±2^[-60, 60]",
                    oneOf(uniform(-10, 10), uniform(-1000, 1000), magnitudes(-60, 60, true))),
            composed(LaneKernels.class, "transcendental", "x, y each in [-10, 10], [-1000, 1000], ±2^[-1074, 1023]",
                    oneOf(uniform(-10, 10), uniform(-1000, 1000), magnitudes(-1074, 1023, true)),
                    oneOf(uniform(-10, 10), uniform(-1000, 1000), magnitudes(-1074, 1023, true))),
            composed(LaneKernels.class, "gaussian", "[-10, 10], [-40, 40]", oneOf(uniform(-10, 10), uniform(-40, 40))),
            composed(Seed.class, "gaussian", "[-10, 10], [-40, 40]", oneOf(uniform(-10, 10), uniform(-40, 40))),
            composed(Waves.class, "wave", "[-4, 2], [-10, 10], [-1000, 1000], ±2^[-60, 60]",
                    oneOf(uniform(-4, 2), uniform(-10, 10), uniform(-1000, 1000), magnitudes(-60, 60, true))));

    /**
     * Each function's kernel against Math (its scalar method), on every special value (every
     * pair, for two arguments) and then random values, a quarter of them from anywhere (any
     * exponent, any bit pattern), the rest from the function's domain; after a warm-up, so that
     * the JIT's vector routine runs, not only the Vector API's fallback. NaN must give NaN, an
     * infinity the same infinity (or the largest finite value, 1 ulp away: {@link Bits#OVERFLOW}),
     * a zero a zero of the same sign; everything else must be within the function's
     * {@link Approximate} bound of Math.
     */
    @TestFactory
    Stream<DynamicTest> transcendentalFunctionsStayWithinTheirBoundOfMath() {
        return FUNCTIONS.stream().map(function -> dynamicTest(function.name() + " " + function.tolerance()
                + " of Math." + function.name(), () -> measure(function)));
    }

    /** The same for the fixtures that compose transcendental functions: their bounds, measured. */
    @TestFactory
    Stream<DynamicTest> composedTranscendentalKernelsStayWithinTheirBound() {
        return COMPOSED.stream().map(fixture -> dynamicTest(fixture.kernel() + " " + fixture.tolerance()
                + " of the scalar method", () -> measure(fixture)));
    }

    @Test
    void everyTranscendentalFunctionIsMeasured() {
        List<String> kernels = kernelsOf(TranscendentalKernels.class).stream().map(KernelUnderTest::name).sorted()
                .collect(Collectors.toList());
        assertEquals(kernels, FUNCTIONS.stream().map(Measured::name).sorted().collect(Collectors.toList()));
        for (Measured function : FUNCTIONS) {
            assertEquals(0, function.tolerance().scale(), () -> function.name() + ": one function has no terms to cancel");
        }
    }

    private static void measure(Measured measured) {
        int arity = measured.samplers().size();
        Tolerance tolerance = measured.tolerance();
        KernelVariant serial = ownVariant(measured.kernel(), 0, KernelVariant.Kind.ALLOCATING);
        KernelVariant parallel = ownVariant(measured.kernel(), 0, KernelVariant.Kind.ALLOCATING_PARALLEL);
        assertEquals(tolerance, serial.tolerance(), "the kernel's SIMD loop is compared within its bound");

        double[][] arguments = transcendentalArguments(measured, MEASURED_VALUES, 4000 + measured.name().hashCode());
        Object[] all = Arrays.copyOf((Object[]) arguments, arity, Object[].class);
        double[] expected = (double[]) serial.expected(all, MEASURED_VALUES);
        Object[] warmUp = new Object[arity];
        for (int j = 0; j < arity; j++) {
            warmUp[j] = Arrays.copyOf(arguments[j], WARM_UP_LENGTH);
        }
        Measurement measurement = new Measurement(tolerance, expected, all);
        // Until the JIT has compiled the loop, the Vector API runs a Java fallback that calls Math per lane.
        long start = System.nanoTime();
        for (int call = 0; call < WARM_UP_CALLS && System.nanoTime() - start < WARM_UP_NANOS; call++) {
            measurement.check(serial, warmUp);
        }
        for (int call = 0; call < ROUNDS; call++) {
            measurement.check(serial, all);
        }
        long more = System.nanoTime();
        while (measurement.differing == 0 && System.nanoTime() - more < MORE_ROUNDS_NANOS) {
            measurement.check(serial, all);
        }
        int differing = measurement.differing;
        measurement.check(parallel, all);
        int at = measurement.largestAt;
        String where = arity == 1 ? String.valueOf(arguments[0][at]) : arguments[0][at] + ", " + arguments[1][at];
        boolean function = measured.kernel().scalar().getDeclaringClass() == TranscendentalKernels.class;
        String name = function ? measured.name() : measured.kernel().toString();
        MEASURED.put((function ? "1 " : "2 ") + name, String.format("| %s | %s | %.3f | (%s) | %d of %d | %s |", name,
                tolerance.scale() == 0 ? tolerance.ulps() : tolerance.ulps() + " of max(\\|r\\|, " + tolerance.scale() + ")",
                measurement.largest, where, differing, MEASURED_VALUES, measured.domain()));
    }

    /** The largest distance from the scalar method's results seen over the calls of one kernel. */
    private static final class Measurement {
        final Tolerance tolerance;
        final double[] expected;
        final Object[] all;
        double largest;
        int largestAt;
        /** How many values of the latest call differed from the scalar method's. */
        int differing;

        Measurement(Tolerance tolerance, double[] expected, Object[] all) {
            this.tolerance = tolerance;
            this.expected = expected;
            this.all = all;
        }

        void check(KernelVariant variant, Object[] arguments) {
            double[] actual = (double[]) variant.call(arguments);
            differing = 0;
            for (int i = 0; i < actual.length; i++) {
                double distance = Bits.distance(expected[i], actual[i], tolerance.scale());
                if (distance > 0) {
                    differing++;
                }
                if (distance > largest) {
                    largest = distance;
                    largestAt = i;
                }
                if (!(distance <= tolerance.ulps())) {
                    fail(variant.where(all, expected.length, i) + ": expected " + Bits.show(expected[i]) + " " + tolerance
                            + " but was " + Bits.show(actual[i]) + " (" + Bits.describeDistance(distance) + ")");
                }
            }
        }
    }

    /** Every special value (every pair of them for two arguments), then random values, a quarter from anywhere. */
    private static double[][] transcendentalArguments(Measured measured, int length, long seed) {
        int arity = measured.samplers().size();
        Random random = new Random(seed);
        double[] specials = (double[]) TestValues.specials(double.class);
        double[][] arguments = new double[arity][length];
        int combinations = arity == 1 ? specials.length : specials.length * specials.length;
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < arity; j++) {
                double value;
                if (i < combinations) {
                    value = specials[j == 0 ? i % specials.length : i / specials.length];
                } else if (random.nextInt(4) == 0) {
                    value = (Double) TestValues.random(double.class, random);
                } else {
                    value = measured.samplers().get(j).applyAsDouble(random);
                }
                arguments[j][i] = value;
            }
        }
        return arguments;
    }

    private static ToDoubleFunction<Random> uniform(double low, double high) {
        return random -> low + (high - low) * random.nextDouble();
    }

    /** Values whose exponents are spread evenly over [lowExponent, highExponent] (down to the subnormals), with random signs if asked. */
    private static ToDoubleFunction<Random> magnitudes(int lowExponent, int highExponent, boolean signed) {
        return random -> {
            double value = Math.scalb(1 + random.nextDouble(), lowExponent + random.nextInt(highExponent - lowExponent + 1));
            return signed && random.nextBoolean() ? -value : value;
        };
    }

    /**
     * The edge of overflow for hypot: ±MAX_VALUE against ±2^[990, 1000]. hypot(x, MAX_VALUE) is
     * exactly above MAX_VALUE + 1/2 ulp, so rounds to infinity, for |x| from about 1.9e300: the
     * vector routine rounds so, where Math.hypot, within its 1 ulp, gives MAX_VALUE up to 2.3e300.
     */
    private static ToDoubleFunction<Random> nearOverflow() {
        return oneOf(random -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE, magnitudes(990, 1000, true));
    }

    @SafeVarargs
    private static ToDoubleFunction<Random> oneOf(ToDoubleFunction<Random>... samplers) {
        return random -> samplers[random.nextInt(samplers.length)].applyAsDouble(random);
    }

    // ---- helpers -------------------------------------------------------------------------

    /** The kernels of the @Vectorize methods of {@code owner}, parameters named p0, p1, ... */
    private static List<KernelUnderTest> kernelsOf(Class<?> owner) {
        return Arrays.stream(owner.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Vectorize.class))
                .sorted(Comparator.comparing(Method::getName))
                .map(method -> {
                    String[] names = new String[method.getParameterCount()];
                    Arrays.setAll(names, j -> "p" + j);
                    return KernelUnderTest.of(owner, method.getName(), names);
                })
                .collect(Collectors.toList());
    }

    /** The variant of {@code kernel} for its own types (the signature its SIMD loops are for). */
    private static KernelVariant ownVariant(KernelUnderTest kernel, int mask, KernelVariant.Kind kind) {
        Method scalar = kernel.scalar();
        KernelSignature own = new KernelSignature(scalar.getReturnType(), List.of(scalar.getParameterTypes()));
        assertTrue(kernel.signatures().contains(own), () -> kernel + " has no signature of its own types");
        return new KernelVariant(kernel, own, mask, kind);
    }

    /** The one numeric type of a kernel's parameters and result, booleans aside: its vectors' lane type. */
    private static Class<?> laneType(KernelUnderTest kernel) {
        Method scalar = kernel.scalar();
        if (scalar.getReturnType() != boolean.class) {
            return scalar.getReturnType();
        }
        return Arrays.stream(scalar.getParameterTypes()).filter(type -> type != boolean.class).findFirst().orElseThrow();
    }

    /** How many lanes of {@code type} the preferred species has: the Vector API, by reflection, as only a SIMD run may load it. */
    private static int lanes(Class<?> type) {
        String vector = type == double.class ? "DoubleVector" : type == float.class ? "FloatVector"
                : type == long.class ? "LongVector" : "IntVector";
        try {
            Object species = Class.forName("jdk.incubator.vector." + vector).getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("length").invoke(species);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the vector width of " + type, e);
        }
    }

    /** Random arguments for a variant: a third special values, the rest random; with {@code noZeros}, integer zeros become -1. */
    private static Object[] arguments(KernelVariant variant, int length, long seed, boolean noZeros) {
        Random random = new Random(seed);
        Object[] arguments = new Object[variant.kernel().arity()];
        for (int j = 0; j < arguments.length; j++) {
            Class<?> type = variant.signature().argumentType(j);
            if (variant.isScalar(j)) {
                arguments[j] = value(type, random, noZeros);
            } else {
                Object array = Array.newInstance(type, length);
                for (int i = 0; i < length; i++) {
                    TestValues.set(array, i, value(type, random, noZeros));
                }
                arguments[j] = array;
            }
        }
        return arguments;
    }

    private static Object value(Class<?> type, Random random, boolean noZeros) {
        Object value = random.nextInt(3) == 0
                ? TestValues.special(type, random.nextInt(TestValues.specialCount(type)))
                : TestValues.random(type, random);
        if (noZeros && (type == int.class || type == long.class) && ((Number) value).longValue() == 0) {
            value = Conversions.cast(-1, type);
        }
        return value;
    }
}
