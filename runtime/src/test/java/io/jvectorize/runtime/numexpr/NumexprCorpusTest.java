package io.jvectorize.runtime.numexpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.Complex;
import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.internal.Ulps;
import io.jvectorize.runtime.numexpr.NumexprCorpus.Case;
import io.jvectorize.runtime.numexpr.NumexprCorpus.Value;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * numexpr's own test expressions (its test_numexpr.py list, 1-D, with its data and dtypes),
 * computed by {@link Compute} with optimize true and false, against NumPy 1.24's answers with
 * NEP 50 promotion ({@code numexpr/corpus.txt}, written by
 * {@code src/test/python/numexpr_corpus.py}).
 *
 * <p>Each case must give NumPy's dtype, and values equal to NumPy's (integers and booleans) or
 * within {@link #NUMPY_ULPS} ulp of them (floating point; complex: each part within that many
 * ulp of the larger part's magnitude; float64 results of float32 data in float32 ulps, since
 * NumPy computes their float32 steps with its own float32 functions). Where NumPy raises, Compute must throw; where NumPy
 * returns 0 with a "divide by zero" warning for an integer result, Compute throws
 * {@link ArithmeticException}, as documented.
 *
 * <p>Cases jvectorize does not run as NumPy 1.24 does are listed in
 * {@code numexpr/expected-refusals.txt} ({@code dataset TAB expression TAB refused|dtype|numpy2}):
 * a {@code numpy2} case gives NumPy 2's dtype and passes; a {@code refused} or {@code dtype} one
 * is reported as skipped while it still fails as listed; a case that newly fails, or a listed
 * case that now runs as NumPy 1.24, fails the build. {@code -Djvectorize.numexpr.observed=FILE} writes what this run saw in that format.
 */
class NumexprCorpusTest {

    /**
     * How far a floating-point value may be from NumPy's. NumPy's math functions are its own
     * (SIMD ones where the CPU has them) and jvectorize's are Java's Math or the Vector API's,
     * each within a few ulp of the true value; the corpus's expressions add at most one
     * rounded operation to a function's value. The largest difference seen (JDK 17, AMD EPYC
     * Zen 5) is 4 ulp: {@code 2*a + (cos(3)+5)*sinh(cos(b))} for a float64 scalar b.
     */
    static final long NUMPY_ULPS = 4;

    /**
     * How far a value computed from complex64 data may be from NumPy's, in float ulps of the
     * larger part. NumPy computes complex64 functions in float (its {@code cpowf} as
     * {@code exp(b·log a)} in float: {@code (101+1) ** (-0.67+1.33j + 3)} is 47450.977-6298.7944j
     * in NumPy, 47451.001-6298.805j exactly, 6 float ulp away), jvectorize as complex128
     * rounded to float; their distance is NumPy's error, grown where the expression then
     * cancels. The largest seen (JDK 17, AMD EPYC) is 15 ulp: {@code (a+1) ** (b+3)}.
     */
    static final long COMPLEX64_ULPS = 16;

    private static final NumexprCorpus CORPUS = NumexprCorpus.load();
    private static final Map<String, String> EXPECTED = expectedRefusals();
    private static final Map<String, String> OBSERVED = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> everyCaseAsNumPyComputesIt() {
        return CORPUS.cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    @Test
    void everyListedRefusalNamesACase() {
        Set<String> keys = CORPUS.cases().stream().map(Case::key).collect(Collectors.toSet());
        List<String> stale = EXPECTED.keySet().stream().filter(k -> !keys.contains(k)).toList();
        assertTrue(stale.isEmpty(), "expected-refusals.txt lists cases the corpus does not have: " + stale);
    }

    @Test
    void theCorpusCoversEveryDtypeAndSection() {
        Set<String> dtypes = CORPUS.datasets().values().stream()
                .map(d -> d.get("c").dtype()).collect(Collectors.toSet());
        assertEquals(Set.of("int64", "float32", "float64", "complex128", "complex64"), dtypes);
        Set<String> sections = CORPUS.cases().stream().map(Case::section).collect(Collectors.toSet());
        assertEquals(Set.of("MISC", "OPERATIONS", "COMPARISONS", "1_ARG_FUNCS", "2_ARG_FUNCS", "POW_TESTS"), sections);
        assertTrue(CORPUS.cases().size() > 1400, "cases: " + CORPUS.cases().size());
    }

    private static void check(Case c) {
        String optimized = outcome(c, true);
        String reference = outcome(c, false);
        String status = status(optimized);
        assertEquals(status, status(reference), () -> c + ": optimize = true " + optimized
                + ", optimize = false " + reference);
        if (status.equals("ok")) {
            if (EXPECTED.containsKey(c.key())) {
                fail(c + " now runs as NumPy computes it: remove its line from expected-refusals.txt");
            }
            return;
        }
        synchronized (OBSERVED) {
            boolean numpy2 = status.equals("dtype") && "numpy2".equals(EXPECTED.get(c.key()));
            OBSERVED.put(c.key(), (numpy2 ? "numpy2" : status) + "\t# " + optimized.substring(status.length()).strip());
        }
        if (status.equals("value")) {
            fail(c + ": " + optimized);
        }
        String listed = EXPECTED.get(c.key());
        if (listed == null) {
            fail(c + ": " + optimized + " (a case not in expected-refusals.txt)");
        }
        if (listed.equals("numpy2") && status.equals("dtype")) {
            return; // NumPy 2's dtype, listed as such: the case agrees with NumPy 2
        }
        assertEquals(listed, status, () -> c + " is listed as " + listed + " but now: " + optimized);
        Assumptions.abort("listed in expected-refusals.txt: " + optimized);
    }

    /** The first word of an outcome: ok, refused, dtype or value. */
    private static String status(String outcome) {
        return outcome.split(" ", 2)[0];
    }

    /** "ok", or a status (refused, dtype, value) followed by what happened. */
    private static String outcome(Case c, boolean optimize) {
        Expr expr;
        Object result;
        try {
            Map<String, Value> dataset = CORPUS.datasets().get(c.dataset());
            expr = Expr.parse(c.expression(), types(dataset));
            result = Compute.compute(expr, data(dataset), optimize);
        } catch (ArithmeticException | IllegalArgumentException | UnsupportedOperationException e) {
            if (c.error() != null || integerDivisionByZero(c) && e instanceof ArithmeticException) {
                return "ok";
            }
            return "refused " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        }
        if (c.error() != null) {
            return "value computed where NumPy raises " + c.error();
        }
        if (integerDivisionByZero(c)) {
            return "value computed where an integer division by zero must throw ArithmeticException";
        }
        Value answer = c.answer();
        if (!expr.dtype().toString().equals(answer.dtype())) {
            return "dtype " + expr.dtype() + ", NumPy " + answer.dtype();
        }
        String data = CORPUS.datasets().get(c.dataset()).get("c").dtype();
        return compare(answer, result, data.equals("float32"), data.equals("complex64"));
    }

    /** NumPy's 0 with a warning, where jvectorize throws. */
    private static boolean integerDivisionByZero(Case c) {
        return c.answer() != null && c.answer().dtype().startsWith("int") && c.warnings().contains("divide by zero");
    }

    /**
     * @param float32Data whether the data is float32: a float64 result (of float32 values and
     *     float64 numbers) is then compared in float32 ulps, the precision its float32 steps keep
     * @param complex64Data whether the data is complex64: complex results are then compared in
     *     float ulps, within {@link #COMPLEX64_ULPS}
     */
    private static String compare(Value answer, Object result, boolean float32Data, boolean complex64Data) {
        String[] expected = answer.elements();
        int width = answer.dtype().startsWith("complex") ? 2 : 1;
        int length = Array.getLength(result);
        if (length != expected.length) {
            return "value has " + length / width + " elements, NumPy " + expected.length / width;
        }
        for (int i = 0; i < length; i += width) {
            String difference = width == 2
                    ? complexDifference(NumexprCorpus.parseDouble(expected[i]), NumexprCorpus.parseDouble(expected[i + 1]),
                            Array.getDouble(result, i), Array.getDouble(result, i + 1), complex64Data)
                    : difference(float32Data && answer.dtype().equals("float64") ? "float32" : answer.dtype(),
                            expected[i], Array.get(result, i));
            if (difference != null) {
                return "value at " + i / width + ": " + difference;
            }
        }
        return "ok";
    }

    private static String difference(String dtype, String expected, Object actual) {
        switch (dtype) {
            case "bool":
                return Boolean.parseBoolean(expected) == (Boolean) actual ? null : actual + ", NumPy " + expected;
            case "int64":
            case "int32":
                return Long.parseLong(expected) == ((Number) actual).longValue() ? null : actual + ", NumPy " + expected;
            case "float32": {
                float e = (float) NumexprCorpus.parseDouble(expected);
                long ulps = Ulps.between(e, ((Number) actual).floatValue());
                return ulps <= NUMPY_ULPS ? null : actual + ", NumPy " + expected + " (" + ulps + " ulp)";
            }
            default: {
                double e = NumexprCorpus.parseDouble(expected);
                long ulps = Ulps.between(e, (Double) actual);
                return ulps <= NUMPY_ULPS ? null : actual + ", NumPy " + expected + " (" + ulps + " ulp)";
            }
        }
    }

    /**
     * Each part within NUMPY_ULPS ulp (COMPLEX64_ULPS float ulps for complex64 data) of the larger
     * part's magnitude; NaN and infinities where NumPy has them.
     */
    private static String complexDifference(double re, double im, double actualRe, double actualIm, boolean complex64) {
        String text = "(" + actualRe + ", " + actualIm + "), NumPy (" + re + ", " + im + ")";
        if (Double.isNaN(re) != Double.isNaN(actualRe) || Double.isNaN(im) != Double.isNaN(actualIm)) {
            return text;
        }
        double larger = Math.max(Math.abs(re), Math.abs(im));
        double scale = complex64 ? COMPLEX64_ULPS * (double) Math.ulp((float) larger) : NUMPY_ULPS * Math.ulp(larger);
        for (double[] part : new double[][] {{re, actualRe}, {im, actualIm}}) {
            boolean infinite = Double.isInfinite(part[0]) || Double.isInfinite(part[1]);
            if (infinite ? part[0] != part[1] : Math.abs(part[0] - part[1]) > scale) {
                return text;
            }
        }
        return null;
    }

    private static Map<String, DType> types(Map<String, Value> dataset) {
        Map<String, DType> types = new HashMap<>();
        dataset.forEach((name, value) -> types.put(name, DType.forName(value.dtype()).orElseThrow(
                () -> new UnsupportedOperationException("no DType named " + value.dtype()))));
        return types;
    }

    private static Map<String, Object> data(Map<String, Value> dataset) {
        Map<String, Object> data = new LinkedHashMap<>();
        dataset.forEach((name, value) -> data.put(name, bind(value)));
        return data;
    }

    /** Java's representation of a NumPy value, as Compute binds it. */
    static Object bind(Value value) {
        String[] e = value.elements();
        switch (value.dtype()) {
            case "int64": {
                long[] a = new long[e.length];
                for (int i = 0; i < e.length; i++) {
                    a[i] = Long.parseLong(e[i]);
                }
                return value.scalar() ? (Object) a[0] : a;
            }
            case "float32": {
                float[] a = new float[e.length];
                for (int i = 0; i < e.length; i++) {
                    a[i] = (float) NumexprCorpus.parseDouble(e[i]);
                }
                return value.scalar() ? (Object) a[0] : a;
            }
            case "float64": {
                double[] a = NumexprCorpus.doubles(e);
                return value.scalar() ? (Object) a[0] : a;
            }
            case "complex128": {
                double[] pairs = NumexprCorpus.doubles(e);
                return value.scalar() ? (Object) Complex.of(pairs[0], pairs[1]) : pairs;
            }
            case "complex64": {
                double[] pairs = NumexprCorpus.doubles(e);
                float[] a = new float[pairs.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) pairs[i];
                }
                return value.scalar() ? (Object) Complex.of(a[0], a[1]) : a;
            }
            default:
                throw new IllegalStateException("the corpus has no " + value.dtype() + " data");
        }
    }

    private static Map<String, String> expectedRefusals() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : NumexprCorpus.lines("numexpr/expected-refusals.txt")) {
            String[] f = line.split("\t");
            if (f.length < 3 || !List.of("refused", "dtype", "numpy2").contains(f[2])) {
                throw new IllegalStateException("expected-refusals.txt: not dataset TAB expression TAB refused|dtype|numpy2: "
                        + line);
            }
            if (expected.put(f[0] + "\t" + f[1], f[2]) != null) {
                throw new IllegalStateException("expected-refusals.txt lists twice: " + line);
            }
        }
        return expected;
    }

    @AfterAll
    static void writeObserved() throws IOException {
        String file = System.getProperty("jvectorize.numexpr.observed");
        if (file != null) {
            List<String> lines = new ArrayList<>();
            lines.add("# numexpr corpus cases jvectorize does not run as NumPy does yet: dataset TAB expression TAB refused|dtype");
            OBSERVED.forEach((key, status) -> lines.add(key + "\t" + status));
            Files.write(Path.of(file), lines, StandardCharsets.UTF_8);
        }
    }
}
