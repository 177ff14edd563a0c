package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.internal.Ulps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language's functions and operators against NumPy's answers (NEP 50 promotion), stored in
 * {@code numpy/language.tsv} by {@code runtime/src/test/python/numpy_language.py}: for each
 * expression, the result type, and the values bit for bit, or within the ulps the file allows
 * for math functions, on every engine. Where NumPy refuses an expression or computes it in a
 * type expressions do not have (int8, float16), the runtime refuses it too.
 */
class NumPyLanguageTest {

    private static final List<Compute.Options> ENGINES = List.of(
            Compute.Options.defaults(),
            Compute.Options.defaults().generateLoops(false).blockSize(5),
            Compute.Options.defaults().optimize(false));

    /** @param signlessZeros whether 0.0 and -0.0 count as equal (NumPy's maximum gives either, by its SIMD path) */
    private record Case(String text, String dtype, String values, int ulps, boolean signlessZeros) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static final Map<String, DType> TYPES = new LinkedHashMap<>();
    private static final Map<String, Object> DATA = new LinkedHashMap<>();
    private static final List<Case> CASES = new ArrayList<>();

    static {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                NumPyLanguageTest.class.getResourceAsStream("/numpy/language.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields[0].equals("data")) {
                    DType type = DType.forName(fields[2]).orElseThrow();
                    TYPES.put(fields[1], type);
                    DATA.put(fields[1], array(type, fields[3]));
                } else if (fields[0].equals("case")) {
                    CASES.add(new Case(fields[1], fields[2], fields[3], Integer.parseInt(fields[4]),
                            fields.length > 5 && fields[5].equals("signless-zeros")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    private static double number(String text) {
        return text.equals("nan") ? Double.NaN : text.equals("inf") ? Double.POSITIVE_INFINITY
                : text.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(text);
    }

    static Object array(DType type, String values) {
        String[] texts = values.isEmpty() ? new String[0] : values.split(",");
        Object array = java.lang.reflect.Array.newInstance(type.arrayType().getComponentType(), texts.length);
        for (int k = 0; k < texts.length; k++) {
            switch (type) {
                case FLOAT64: ((double[]) array)[k] = number(texts[k]); break;
                case FLOAT32: ((float[]) array)[k] = (float) number(texts[k]); break;
                case INT64: ((long[]) array)[k] = Long.parseLong(texts[k]); break;
                case INT32: ((int[]) array)[k] = Integer.parseInt(texts[k]); break;
                default: ((boolean[]) array)[k] = texts[k].equals("1");
            }
        }
        return array;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void agreesWithNumPy(Case c) {
        if (c.dtype.equals("error")) {
            refused(c);
            return;
        }
        Expr e = Expr.parse(c.text, TYPES);
        DType type = DType.forName(c.dtype).orElseThrow();
        assertEquals(type, e.dtype(), c.text + ": NumPy's result type");
        Object expected = array(type, c.values);
        for (Compute.Options engine : ENGINES) {
            Object actual = Compute.compute(e, DATA, engine);
            if (c.ulps == 0 && !c.signlessZeros) {
                ComputeTesting.assertSameBits(expected, actual, c.text + " " + engine);
            } else {
                withinUlps(expected, actual, c.ulps, c.text + " " + engine);
            }
        }
    }

    /** Refused when built (a typing error) or when computed (an integer power with a negative exponent). */
    private static void refused(Case c) {
        try {
            Expr e = Expr.parse(c.text, TYPES);
            Compute.compute(e, DATA);
        } catch (ExprSyntaxException | ArithmeticException expected) {
            return;
        }
        fail(c.text + ": NumPy refuses it or computes it in a type expressions do not have; so must the runtime");
    }

    private static void withinUlps(Object expected, Object actual, int ulps, String what) {
        if (expected instanceof double[] e) {
            double[] a = (double[]) actual;
            for (int k = 0; k < e.length; k++) {
                long distance = Ulps.between(e[k], a[k]);
                assertTrue(distance <= ulps, what + ": element " + k + " is " + a[k] + ", NumPy " + e[k] + " ("
                        + distance + " ulps)");
            }
        } else if (expected instanceof float[] e) {
            float[] a = (float[]) actual;
            for (int k = 0; k < e.length; k++) {
                long distance = Ulps.between(e[k], a[k]);
                assertTrue(distance <= ulps, what + ": element " + k + " is " + a[k] + ", NumPy " + e[k] + " ("
                        + distance + " ulps)");
            }
        } else {
            ComputeTesting.assertSameBits(expected, actual, what);
        }
    }
}
