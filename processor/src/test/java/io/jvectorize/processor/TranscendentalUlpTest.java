package io.jvectorize.processor;

import static io.jvectorize.processor.SimdTesting.assertOnlyTheIncubatingWarningAndNoNotes;
import static io.jvectorize.processor.SimdTesting.assumeSimdRuns;
import static io.jvectorize.processor.SimdTesting.compileWithSimd;
import static io.jvectorize.processor.SimdTesting.scalarMethod;
import static io.jvectorize.processor.Source.classP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transcendental functions of generated SIMD loops (the Vector API's vector routines, and
 * {@code VectorMath}'s pow and tanh) against the scalar method that calls Math or StrictMath,
 * each within the bound the README's accuracy table states for it: 0 ulps for sqrt, 1 for exp,
 * expm1, log, log10, log1p, sin, cos, tan, asin, acos, atan, cbrt, hypot and pow, 2 for sinh,
 * cosh and tanh; and 2 for atan2, measured, where the table says 1. (abs, min, max and fma are
 * bit for bit: {@link ExactSimdKernelsTest}.)
 */
class TranscendentalUlpTest {
    /**
     * A Math function of the translation, the values it is measured on, and the largest error
     * allowed, in ulps of the scalar method's result.
     */
    record Transcendental(String name, int arity, Function<Random, double[]> values, int ulps) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Values per function; a measurement run takes more: -Djvectorize.test.ulpValues=2000000. */
    static final int ULP_VALUES = Integer.getInteger("jvectorize.test.ulpValues", 100_000);
    /** Calls per function: the first run interpreted or by C1, later ones by C2 with the vector intrinsics. */
    static final int ULP_ROUNDS = 8;

    static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A positive value whose logarithm is uniform between 10^low and 10^high. */
    static double logUniform(Random random, double low, double high) {
        return Math.pow(10, uniform(random, low, high));
    }

    static double signed(Random random, double value) {
        return random.nextBoolean() ? value : -value;
    }

    static List<Transcendental> transcendentals() {
        return List.of(
                new Transcendental("sqrt", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 100) : logUniform(r, -300, 300)}, 0),
                new Transcendental("cbrt", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -100, 100) : signed(r, logUniform(r, -300, 300))}, 1),
                new Transcendental("exp", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -745, 709) : uniform(r, -2, 2)}, 1),
                new Transcendental("expm1", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -40, 709) : uniform(r, -1, 1)}, 1),
                new Transcendental("log", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 4) : logUniform(r, -300, 300)}, 1),
                new Transcendental("log10", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 4) : logUniform(r, -300, 300)}, 1),
                new Transcendental("log1p", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -1, 1) : logUniform(r, -300, 300)}, 1),
                new Transcendental("sin", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI, Math.PI) : uniform(r, -1e4, 1e4)}, 1),
                new Transcendental("cos", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI, Math.PI) : uniform(r, -1e4, 1e4)}, 1),
                new Transcendental("tan", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI / 2, Math.PI / 2) : uniform(r, -1e4, 1e4)}, 1),
                new Transcendental("asin", 1, r -> new double[] {uniform(r, -1, 1)}, 1),
                new Transcendental("acos", 1, r -> new double[] {uniform(r, -1, 1)}, 1),
                new Transcendental("atan", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : signed(r, logUniform(r, -10, 10))}, 1),
                new Transcendental("sinh", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : uniform(r, -710, 710)}, 2),
                new Transcendental("cosh", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : uniform(r, -710, 710)}, 2),
                new Transcendental("tanh", 1, r -> new double[] {uniform(r, -20, 20)}, 2),
                // The README's table says 1 ulp; measured: 2, at atan2(24.331585379107977, 95.5550342087289)
                // (2,000,000 values, JDK 17, AVX-512 and -XX:UseAVX=2). The README is to say 2.
                new Transcendental("atan2", 2, r -> new double[] {uniform(r, -100, 100), uniform(r, -100, 100)}, 2),
                new Transcendental("hypot", 2, r -> new double[] {signed(r, logUniform(r, -300, 300)), signed(r, logUniform(r, -300, 300))}, 1),
                new Transcendental("pow", 2, r -> r.nextBoolean()
                        ? new double[] {logUniform(r, -5, 5), uniform(r, -50, 50)}
                        : new double[] {uniform(r, -10, 10), r.nextInt(41) - 20}, 1));
    }

    static List<String> mathClasses() {
        return List.of("Math", "StrictMath");
    }

    private static CompiledClasses transcendentalKernels;

    /** Class p.T: for each function f, {@code mf} calls Math.f and {@code sf} calls StrictMath.f. */
    static synchronized CompiledClasses transcendentalKernels() {
        if (transcendentalKernels == null) {
            List<String> body = new ArrayList<>();
            for (Transcendental f : transcendentals()) {
                for (String math : mathClasses()) {
                    String parameters = f.arity() == 1 ? "double x" : "double x, double y";
                    String arguments = f.arity() == 1 ? "x" : "x, y";
                    body.addAll(List.of("@Vectorize",
                            "static double " + kernelName(math, f) + "(" + parameters + ") {",
                            "    return " + math + "." + f.name() + "(" + arguments + ");",
                            "}", ""));
                }
            }
            Compilation compilation = compileWithSimd(classP("T", body.toArray(String[]::new)));
            assertOnlyTheIncubatingWarningAndNoNotes(compilation);
            transcendentalKernels = new CompiledClasses(compilation);
        }
        return transcendentalKernels;
    }

    static String kernelName(String math, Transcendental f) {
        return (math.equals("Math") ? "M" : "S") + f.name();
    }

    /** The error of {@code actual} in ulps of {@code expected}: 0 where equal, infinite where one is NaN or infinite and the other is not the same. */
    static double ulps(double expected, double actual) {
        if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
            return 0;
        }
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    static List<org.junit.jupiter.params.provider.Arguments> transcendentalCases() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        for (Transcendental f : transcendentals()) {
            for (String math : mathClasses()) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(math, f));
            }
        }
        return cases;
    }

    static double[] scalarResults(MethodHandle scalar, int arity, double[] x, double[] y) throws Throwable {
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = arity == 1 ? (double) scalar.invokeExact(x[i]) : (double) scalar.invokeExact(x[i], y[i]);
        }
        return expected;
    }

    static MethodHandle scalarHandle(String name, int arity) throws Exception {
        Class<?>[] types = arity == 1 ? new Class<?>[] {double.class} : new Class<?>[] {double.class, double.class};
        return MethodHandles.lookup().unreflect(scalarMethod(transcendentalKernels(), "p.T", name, types));
    }

    static Object runKernel(String name, int arity, double[] x, double[] y) throws Throwable {
        return arity == 1
                ? transcendentalKernels().call("p.TVectorized", name, new Class<?>[] {double[].class}, (Object) x)
                : transcendentalKernels().call("p.TVectorized", name, new Class<?>[] {double[].class, double[].class}, x, y);
    }

    /**
     * Random arguments over each function's range. The SIMD loop's error is measured against Math,
     * as the README's table states it, whichever class the method calls, for both run the same
     * vector routine; a method that calls StrictMath is also measured against StrictMath, which
     * may differ from Math by 1 ulp itself, so there the bound is the table's plus 1.
     */
    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("transcendentalCases")
    void transcendentalSimdKernelsAreWithinTheirBound(String math, Transcendental f) throws Throwable {
        assumeSimdRuns();
        Random random = new Random(f.name().hashCode() * 31L + math.length());
        double[] x = new double[ULP_VALUES];
        double[] y = new double[ULP_VALUES];
        for (int i = 0; i < ULP_VALUES; i++) {
            double[] values = f.values().apply(random);
            x[i] = values[0];
            y[i] = values.length > 1 ? values[1] : 0;
        }
        String name = kernelName(math, f);
        double[] ofMath = scalarResults(scalarHandle(kernelName("Math", f), f.arity()), f.arity(), x, y);
        double[] ofOwn = scalarResults(scalarHandle(name, f.arity()), f.arity(), x, y);
        Worst vsMath = new Worst();
        Worst vsOwn = new Worst();
        for (int round = 0; round < ULP_ROUNDS; round++) {
            double[] actual = (double[]) runKernel(name, f.arity(), x, y);
            for (int i = 0; i < ULP_VALUES; i++) {
                vsMath.add(ulps(ofMath[i], actual[i]), i);
                vsOwn.add(ulps(ofOwn[i], actual[i]), i);
            }
        }
        System.out.printf(Locale.ROOT, "SIMD ulps %-16s max %.4f from Math%s, %.4f from %s%s%n", math + "." + f.name(),
                vsMath.ulps, vsMath.where(name, x, y, ofMath, f), vsOwn.ulps, math, vsOwn.where(name, x, y, ofOwn, f));
        assertTrue(vsMath.ulps <= f.ulps(), math + "." + f.name() + ": " + vsMath.ulps + " ulps from Math, more than"
                + " the " + f.ulps() + " the README states" + vsMath.where(name, x, y, ofMath, f));
        int ownBound = math.equals("Math") ? f.ulps() : f.ulps() + 1;
        assertTrue(vsOwn.ulps <= ownBound, math + "." + f.name() + ": " + vsOwn.ulps + " ulps from " + math
                + ", more than " + ownBound + vsOwn.where(name, x, y, ofOwn, f));
    }

    /** The largest error seen, and where. */
    private static final class Worst {
        double ulps;
        int at = -1;

        void add(double error, int i) {
            if (error > ulps) {
                ulps = error;
                at = i;
            }
        }

        String where(String name, double[] x, double[] y, double[] expected, Transcendental f) {
            return at < 0 ? "" : String.format(Locale.ROOT, " at %s(%s%s) = %s", name, x[at],
                    f.arity() > 1 ? ", " + y[at] : "", expected[at]);
        }
    }

    /** Special arguments: the results must agree in NaN, infinity and the sign of zero, and otherwise be within the bound. */
    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("transcendentalCases")
    void transcendentalSimdKernelsAgreeOnSpecialValues(String math, Transcendental f) throws Throwable {
        assumeSimdRuns();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1, -1, 0.5, -0.5, 2, -2, 3, 1e-300, -1e-300, 1e300, -1e300, 710, -746, Math.PI / 2};
        int n = f.arity() == 1 ? specials.length : specials.length * specials.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = specials[i % specials.length];
            y[i] = specials[i / specials.length % specials.length];
        }
        String name = kernelName(math, f);
        double[] expected = scalarResults(scalarHandle(name, f.arity()), f.arity(), x, y);
        int bound = math.equals("Math") ? f.ulps() : f.ulps() + 1;
        List<String> mismatches = new ArrayList<>();
        for (int round = 0; round < ULP_ROUNDS; round++) {
            double[] actual = (double[]) runKernel(name, f.arity(), x, y);
            for (int i = 0; i < n; i++) {
                boolean zeroSign = expected[i] == 0 && actual[i] == 0
                        && Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i]);
                if (zeroSign || ulps(expected[i], actual[i]) > bound) {
                    String mismatch = math + "." + f.name() + "(" + x[i] + (f.arity() > 1 ? ", " + y[i] : "") + ") = "
                            + expected[i] + ", SIMD gives " + actual[i];
                    if (!mismatches.contains(mismatch)) {
                        mismatches.add(mismatch);
                    }
                }
            }
        }
        mismatches.forEach(m -> System.out.println("SIMD special value differs: " + m));
        assertEquals(List.of(), mismatches);
    }
}
