package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jvectorize.samples.Seed;
import io.jvectorize.samples.Waves;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests of every generated method of every fixture kernel against its scalar
 * method: each signature, each broadcast form, allocating and into-out, serial and Parallel.
 * One factory per behaviour; each yields a test per generated method.
 *
 * <p>Results must equal the scalar method's bit for bit, except those of a variant that runs the
 * SIMD loop of an {@link Approximate} method (one that calls transcendental functions, which the
 * Vector API computes with its own routines): those must be within the method's tolerance (see
 * {@link Approximations}). The largest distances seen are printed at the end, to check the bounds
 * against.
 */
class GeneratedKernelsTest {

    /** Every kernel under test, with its parameter names. */
    static final List<KernelUnderTest> KERNELS = List.of(
            KernelUnderTest.of(Seed.class, "poly", "t"),
            KernelUnderTest.of(Seed.class, "gaussian", "x"),
            KernelUnderTest.of(Waves.class, "wave", "t"),
            KernelUnderTest.of(UnaryKernels.class, "cubic", "x"),
            KernelUnderTest.of(UnaryKernels.class, "scale", "x"),
            KernelUnderTest.of(UnaryKernels.class, "collatzStep", "n"),
            KernelUnderTest.of(UnaryKernels.class, "ownFloat", "x"),
            KernelUnderTest.of(UnaryKernels.class, "wave", "x"),
            KernelUnderTest.of(BinaryKernels.class, "lean", "base", "slope"),
            KernelUnderTest.of(BinaryKernels.class, "mixBits", "seed", "salt"),
            KernelUnderTest.of(BinaryKernels.class, "safeRemainder", "dividend", "divisor"),
            KernelUnderTest.of(BinaryKernels.class, "power", "base", "exponent"),
            KernelUnderTest.of(TernaryKernels.class, "blend", "first", "second", "weight"),
            KernelUnderTest.of(TernaryKernels.class, "clamp", "value", "low", "high"),
            KernelUnderTest.of(TernaryKernels.class, "fused", "factor", "multiplicand", "addend"),
            KernelUnderTest.of(SmallTypeKernels.class, "between", "value", "low", "high"),
            KernelUnderTest.of(SmallTypeKernels.class, "differs", "left", "right"),
            KernelUnderTest.of(SmallTypeKernels.class, "halfSum", "left", "right"),
            KernelUnderTest.of(SmallTypeKernels.class, "rotate", "bits", "distance"),
            KernelUnderTest.of(NameClashKernels.class, "clash", "out", "i", "from"),
            KernelUnderTest.of(NameClashKernels.class, "wide", "out", "from", "to", "i"),
            KernelUnderTest.of(Outer.Nested.class, "hypotenuse", "leg", "otherLeg"),
            KernelUnderTest.of(Shapes.class, "circleArea", "radius"),
            KernelUnderTest.of(LaneKernels.class, "negate", "x"),
            KernelUnderTest.of(LaneKernels.class, "spread", "a", "b"),
            KernelUnderTest.of(LaneKernels.class, "absRoot", "x"),
            KernelUnderTest.of(LaneKernels.class, "pick", "x", "y"),
            KernelUnderTest.of(LaneKernels.class, "piecewise", "x"),
            KernelUnderTest.of(LaneKernels.class, "accumulate", "x", "y", "z"),
            KernelUnderTest.of(LaneKernels.class, "callsSiblings", "x", "y"),
            KernelUnderTest.of(LaneKernels.class, "floatMix", "a", "b"),
            KernelUnderTest.of(LaneKernels.class, "shifts", "a", "b"),
            KernelUnderTest.of(LaneKernels.class, "intMix", "a", "b"),
            KernelUnderTest.of(LaneKernels.class, "oddQuotient", "dividend", "divisor"),
            KernelUnderTest.of(LaneKernels.class, "isOutlier", "x", "limit"),
            KernelUnderTest.of(LaneKernels.class, "transcendental", "x", "y"),
            KernelUnderTest.of(LaneKernels.class, "gaussian", "x"));

    /** The largest distance in ulps seen per approximate kernel variant, for the table printed at the end. */
    private static final Map<String, Double> LARGEST_ULPS = new ConcurrentSkipListMap<>();

    @AfterAll
    static void printLargestDistances() {
        if (!LARGEST_ULPS.isEmpty()) {
            StringBuilder table = new StringBuilder(String.format("%nApproximate SIMD kernels: the largest distance from the"
                    + " scalar method seen, in ulps of max(|result|, scale)%n"));
            LARGEST_ULPS.forEach((variant, ulps) -> table.append(String.format("  %8.3f  %s%n", ulps, variant)));
            System.out.print(table);
        }
    }

    @TestFactory
    Stream<DynamicNode> equalsTheScalarMethodInALoop() {
        return forEachVariant(variant -> List.of(dynamicTest(variant.kind().label + ": lengths 0, 1, 7, 1000, "
                + TestValues.aboveCutoff() + within(variant), () -> assertEqualsScalarLoop(variant))));
    }

    @TestFactory
    Stream<DynamicNode> outMayBeAnInputArray() {
        return forEachVariant(variant -> {
            List<DynamicTest> tests = new ArrayList<>();
            if (variant.kind().into) {
                for (int argument : variant.arrayArguments()) {
                    if (variant.signature().argumentType(argument) == variant.signature().returnType()) {
                        tests.add(dynamicTest(variant.kind().label + ": out is "
                                + variant.kernel().parameterNames().get(argument) + within(variant),
                                () -> assertAliasingGivesSameResult(variant, argument)));
                    }
                }
            }
            return tests;
        });
    }

    @TestFactory
    Stream<DynamicNode> parallelEqualsSerialAboveTheCutoff() {
        return forEachVariant(variant -> {
            if (!variant.kind().parallel) {
                return List.of();
            }
            return List.of(dynamicTest(variant.kind().label + " equals serial" + within(variant),
                    () -> assertParallelEqualsSerial(variant)));
        });
    }

    @TestFactory
    Stream<DynamicNode> rejectsLengthsThatDisagree() {
        return forEachVariant(variant -> {
            List<DynamicTest> tests = new ArrayList<>();
            List<String> arrays = arrayParameterNames(variant);
            if (arrays.size() > 1) {
                for (int position = 0; position < arrays.size(); position++) {
                    int shorter = position;
                    tests.add(dynamicTest(variant.kind().label + ": " + arrays.get(position) + " shorter",
                            () -> assertRejectsMismatch(variant, shorter, 9)));
                    tests.add(dynamicTest(variant.kind().label + ": " + arrays.get(position) + " longer",
                            () -> assertRejectsMismatch(variant, shorter, 11)));
                }
            }
            return tests;
        });
    }

    @TestFactory
    Stream<DynamicNode> rejectsNullArrays() {
        return forEachVariant(variant -> {
            List<DynamicTest> tests = new ArrayList<>();
            List<String> arrays = arrayParameterNames(variant);
            for (int position = 0; position < arrays.size(); position++) {
                int nullAt = position;
                tests.add(dynamicTest(variant.kind().label + ": " + arrays.get(position) + " null",
                        () -> assertRejectsNull(variant, nullAt)));
            }
            return tests;
        });
    }

    // ---- the checks --------------------------------------------------------------------

    /** Lengths 0, 1, 7, 1000 with every scalar choice, and one above the cutoff with two. */
    private static void assertEqualsScalarLoop(KernelVariant variant) {
        for (int length : TestValues.SMALL_LENGTHS) {
            for (int choice = 0; choice < variant.scalarChoices(); choice++) {
                assertEqualsScalarLoop(variant, length, 1000L * length + choice, choice);
            }
        }
        int large = TestValues.aboveCutoff();
        assertEqualsScalarLoop(variant, large, 17, -1);
        assertEqualsScalarLoop(variant, large, 18, 4);
    }

    private static void assertEqualsScalarLoop(KernelVariant variant, int length, long seed, int scalarChoice) {
        Object[] argumentsAndExpected = variant.argumentsAndExpected(length, seed, scalarChoice);
        Object[] arguments = (Object[]) argumentsAndExpected[0];
        Object expected = argumentsAndExpected[1];
        Object[] originals = copies(arguments);
        Object actual = variant.call(arguments);
        assertNotNull(actual, () -> variant.describe() + " returned null");
        assertClose(variant, expected, actual, i -> variant.where(arguments, length, i));
        assertUnchanged(originals, arguments, variant.describe() + " changed an input array");
    }

    private static void assertAliasingGivesSameResult(KernelVariant variant, int argument) {
        for (int length : new int[] {1000, TestValues.aboveCutoff()}) {
            Object[] argumentsAndExpected = variant.argumentsAndExpected(length, 99 + length, -1);
            Object[] arguments = (Object[]) argumentsAndExpected[0];
            Object expected = argumentsAndExpected[1];
            Object[] originals = copies(arguments);
            Object out = arguments[argument];
            variant.call(arguments, out);
            assertClose(variant, expected, out, i -> variant.where(originals, length, i) + ", out aliasing "
                    + variant.kernel().parameterNames().get(argument));
        }
    }

    /**
     * Parallel results equal serial ones bit for bit; for an approximate SIMD kernel within its
     * bound: each thread's loop ends in a scalar tail at its own chunk's end, and the Vector API
     * runs a Java fallback that calls Math per lane until the JIT has compiled the loop, so which
     * elements get the vector routine's result differs between calls.
     */
    private static void assertParallelEqualsSerial(KernelVariant parallel) {
        KernelVariant serial = new KernelVariant(parallel.kernel(), parallel.signature(), parallel.scalarMask(),
                parallel.kind().into ? KernelVariant.Kind.INTO : KernelVariant.Kind.ALLOCATING);
        int length = TestValues.aboveCutoff();
        Object[] arguments = parallel.arguments(length, 4242, -1);
        Object fromSerial = serial.call(arguments);
        Object fromParallel = parallel.call(arguments);
        assertClose(parallel, fromSerial, fromParallel, i -> parallel.where(arguments, length, i) + " vs serial");
    }

    /** Bit for bit, or within the variant's tolerance where it runs an approximate SIMD loop; records the distance seen. */
    private static void assertClose(KernelVariant variant, Object expected, Object actual, IntFunction<String> where) {
        Tolerance tolerance = variant.tolerance();
        double largest = Bits.assertWithin(expected, actual, tolerance, where);
        if (!tolerance.isExact()) {
            LARGEST_ULPS.merge(variant.kernel() + " " + variant.describe() + " (" + tolerance + ")", largest, Math::max);
        }
    }

    /** How a test name says that a variant is compared within a tolerance. */
    private static String within(KernelVariant variant) {
        Tolerance tolerance = variant.tolerance();
        return tolerance.isExact() ? "" : ", " + tolerance + " (SIMD)";
    }

    /** Makes array {@code position} (among the array parameters, out last) {@code wrongLength} long, the others 10. */
    private static void assertRejectsMismatch(KernelVariant variant, int position, int wrongLength) {
        List<Integer> arrayArguments = variant.arrayArguments();
        Object[] arguments = variant.arguments(10, 5, -1);
        if (position < arrayArguments.size()) {
            int argument = arrayArguments.get(position);
            arguments[argument] = variant.arguments(wrongLength, 6, -1)[argument];
        }
        Object out = variant.kind().into
                ? TestValues.marked(variant.signature().returnType(), position == arrayArguments.size() ? wrongLength : 10)
                : null;
        Object[] originals = copies(arguments);
        Object originalOut = out == null ? null : TestValues.copy(out);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> variant.call(arguments, out), variant::describe);

        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(variant.kernel().name()),
                () -> variant.describe() + ": message does not name the function: " + message);
        List<String> names = arrayParameterNames(variant);
        for (int q = 0; q < names.size(); q++) {
            String name = names.get(q);
            if (name.equals("out") && variant.kernel().parameterNames().contains("out")) {
                continue; // the generated out array has another name then
            }
            int length = q == position ? wrongLength : 10;
            assertTrue(Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)[^,;]*?(?<!\\d)" + length + "(?!\\d)")
                    .matcher(message).find(),
                    () -> variant.describe() + ": message does not name " + name + " with length " + length + ": " + message);
        }
        assertUnchanged(originals, arguments, variant.describe() + " changed an input array");
        if (out != null) {
            Bits.assertSameBits(originalOut, out, i -> variant.describe() + ": out written before the length check, index " + i);
        }
    }

    private static void assertRejectsNull(KernelVariant variant, int position) {
        List<Integer> arrayArguments = variant.arrayArguments();
        Object[] arguments = variant.arguments(10, 7, -1);
        Object out = variant.kind().into ? TestValues.marked(variant.signature().returnType(), 10) : null;
        if (position < arrayArguments.size()) {
            arguments[arrayArguments.get(position)] = null;
        } else {
            out = null;
        }
        Object finalOut = out;
        Object originalOut = out == null ? null : TestValues.copy(out);

        NullPointerException e = assertThrows(NullPointerException.class,
                () -> variant.call(arguments, finalOut), variant::describe);

        String name = arrayParameterNames(variant).get(position);
        String message = String.valueOf(e.getMessage());
        if (!(name.equals("out") && variant.kernel().parameterNames().contains("out"))) {
            assertTrue(Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(message).find(),
                    () -> variant.describe() + ": message does not name " + name + ": " + message);
        }
        if (out != null) {
            Bits.assertSameBits(originalOut, out, i -> variant.describe() + ": out written although an input is null, index " + i);
        }
    }

    // ---- helpers -----------------------------------------------------------------------

    /** A container per kernel and signature, holding what {@code tests} makes of each of its variants. */
    private static Stream<DynamicNode> forEachVariant(Function<KernelVariant, List<DynamicTest>> tests) {
        return KERNELS.stream().map(kernel -> {
            List<DynamicNode> bySignature = new ArrayList<>();
            for (KernelSignature signature : kernel.signatures()) {
                List<DynamicNode> byVariant = new ArrayList<>();
                for (int mask : kernel.scalarMasks()) {
                    List<DynamicNode> byKind = new ArrayList<>();
                    String form = null;
                    for (KernelVariant.Kind kind : KernelVariant.Kind.values()) {
                        KernelVariant variant = new KernelVariant(kernel, signature, mask, kind);
                        if (kind == KernelVariant.Kind.ALLOCATING) {
                            form = variant.describe();
                        }
                        byKind.addAll(tests.apply(variant));
                    }
                    if (!byKind.isEmpty()) {
                        byVariant.add(dynamicContainer(form, byKind));
                    }
                }
                bySignature.add(dynamicContainer(signature.toString(), byVariant));
            }
            return dynamicContainer(kernel.toString(), bySignature);
        });
    }

    /** The names of the array parameters of a variant, out last. */
    private static List<String> arrayParameterNames(KernelVariant variant) {
        List<String> names = new ArrayList<>();
        for (int argument : variant.arrayArguments()) {
            names.add(variant.kernel().parameterNames().get(argument));
        }
        if (variant.kind().into) {
            names.add("out");
        }
        return names;
    }

    private static Object[] copies(Object[] arguments) {
        return KernelVariant.copies(arguments);
    }

    private static void assertUnchanged(Object[] originals, Object[] arguments, String what) {
        for (int j = 0; j < arguments.length; j++) {
            if (arguments[j] != null && arguments[j].getClass().isArray()) {
                int argument = j;
                assertEquals(Array.getLength(originals[j]), Array.getLength(arguments[j]), what);
                Bits.assertSameBits(originals[j], arguments[j], i -> what + ": argument " + argument + " index " + i);
            }
        }
    }
}
