package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * complex64: bound and returned as {@code float[]} of (re, im) pairs, NEP 50 promotion, its
 * arithmetic as NumPy's float loops compute it (checked against the same formulas in Java's
 * float arithmetic), on every engine. Values of functions against NumPy are NumexprCorpusTest's.
 */
class Complex64Test {

    private static final Map<String, DType> TYPES = Map.of("z", DType.COMPLEX64, "w", DType.COMPLEX64,
            "f", DType.FLOAT32, "d", DType.FLOAT64, "i", DType.INT64, "c", DType.COMPLEX128);
    private static Object compute(String text, Map<String, ?> data) {
        return ComputeTesting.computeOnEveryEngine(Expr.parse(text, TYPES), data);
    }

    private static DType type(String text) {
        return Expr.parse(text, TYPES).dtype();
    }

    @Test
    void theTypeIsFloatPairs() {
        assertEquals(DType.COMPLEX64, DType.forName("complex64").orElseThrow());
        assertEquals(float[].class, DType.COMPLEX64.arrayType());
        assertEquals(DType.FLOAT32, DType.ofArray(new float[0]).orElseThrow(), "a float[] is float32 unless declared");
        assertEquals(DType.FLOAT32, DType.COMPLEX64.partType());
        assertTrue(DType.COMPLEX64.isComplex());
        assertTrue(DType.COMPLEX64.widensTo(DType.COMPLEX128));
        assertTrue(!DType.COMPLEX128.widensTo(DType.COMPLEX64));
    }

    @Test
    void promotionIsNumPys() {
        assertEquals(DType.COMPLEX64, DType.promote(DType.COMPLEX64, DType.FLOAT32));
        assertEquals(DType.COMPLEX64, DType.promote(DType.BOOLEAN, DType.COMPLEX64));
        assertEquals(DType.COMPLEX128, DType.promote(DType.COMPLEX64, DType.FLOAT64));
        assertEquals(DType.COMPLEX128, DType.promote(DType.INT64, DType.COMPLEX64));
        assertEquals(DType.COMPLEX128, DType.promote(DType.INT32, DType.COMPLEX64));
        assertEquals(DType.COMPLEX128, DType.promote(DType.COMPLEX64, DType.COMPLEX128));
        // NEP 50: Python numbers are weak, NumPy arrays strong.
        assertEquals(DType.COMPLEX64, type("z + 1.5"));
        assertEquals(DType.COMPLEX64, type("z * 2"));
        assertEquals(DType.COMPLEX64, type("z + 2j"));
        assertEquals(DType.COMPLEX64, type("f + 2j"));
        assertEquals(DType.COMPLEX64, type("f * z"));
        assertEquals(DType.COMPLEX128, type("d * z"));
        assertEquals(DType.COMPLEX128, type("i + z"));
        assertEquals(DType.COMPLEX128, type("c + z"));
        assertEquals(DType.COMPLEX128, type("d + 2j"));
        assertEquals(DType.FLOAT32, type("z.real"));
        assertEquals(DType.FLOAT32, type("z.imag"));
        assertEquals(DType.FLOAT32, type("abs(z)"));
        assertEquals(DType.COMPLEX64, type("exp(z)"));
        assertEquals(DType.BOOLEAN, type("z == w"));
    }

    @Test
    void arithmeticIsNumPysFloatArithmetic() {
        Random random = new Random(64);
        int n = 500;
        float[] z = new float[2 * n];
        float[] w = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            z[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3));
            w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3));
        }
        w[0] = 0;
        w[1] = 0;
        z[2] = Float.NaN;
        w[5] = Float.POSITIVE_INFINITY;
        z[6] = -0.0f;
        w[8] = Float.MIN_VALUE;
        Map<String, Object> data = Map.of("z", z, "w", w);
        float[] sum = (float[]) compute("z + w", data);
        float[] product = (float[]) compute("z * w", data);
        float[] quotient = (float[]) compute("z / w", data);
        float[] square = (float[]) compute("z ** 2", data);
        for (int k = 0; k < n; k++) {
            float a = z[2 * k];
            float b = z[2 * k + 1];
            float c = w[2 * k];
            float d = w[2 * k + 1];
            assertBits(new float[] {a + c, b + d}, sum, k);
            assertBits(new float[] {a * c - b * d, a * d + b * c}, product, k);
            assertBits(smith(a, b, c, d), quotient, k);
            assertBits(new float[] {a * a - b * b, a * b + b * a}, square, k);
        }
    }

    /** NumPy's complex64 division (loops.c.src), in Java's float arithmetic. */
    private static float[] smith(float ar, float ai, float br, float bi) {
        float absR = Math.abs(br);
        float absI = Math.abs(bi);
        if (absR >= absI) {
            if (absR == 0 && absI == 0) {
                return new float[] {ar / absR, ai / absR};
            }
            float ratio = bi / br;
            float scale = 1.0f / (br + bi * ratio);
            return new float[] {(ar + ai * ratio) * scale, (ai - ar * ratio) * scale};
        }
        float ratio = br / bi;
        float scale = 1.0f / (bi + br * ratio);
        return new float[] {(ar * ratio + ai) * scale, (ai * ratio - ar) * scale};
    }

    private static void assertBits(float[] expected, float[] actual, int k) {
        for (int part = 0; part < 2; part++) {
            assertEquals(Float.floatToIntBits(expected[part]), Float.floatToIntBits(actual[2 * k + part]),
                    () -> "element " + k + ": " + expected[0] + ", " + expected[1] + " vs " + actual[2 * k] + ", "
                            + actual[2 * k + 1]);
        }
    }

    @Test
    void functionsAreComplex128sRoundedToFloat() {
        float[] z = {0.5f, -1.25f, 3, 0.1f, -2, 0};
        double[] wide = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            wide[i] = z[i];
        }
        for (String function : List.of("exp", "log", "sqrt", "sin", "cosh", "tanh", "arcsinh", "arctan", "log1p")) {
            float[] narrow = (float[]) compute(function + "(z)", Map.of("z", z));
            double[] expected = (double[]) Compute.compute(Expr.parse(function + "(c)", TYPES), Map.of("c", wide));
            for (int i = 0; i < z.length; i++) {
                assertEquals((float) expected[i], narrow[i], function + " part " + i);
            }
        }
        assertArrayEquals(new float[] {0.5f, 3, -2}, (float[]) compute("z.real", Map.of("z", z)));
        assertArrayEquals(new float[] {-1.25f, 0.1f, 0}, (float[]) compute("z.imag", Map.of("z", z)));
        assertArrayEquals(new float[] {(float) Math.hypot(0.5, -1.25), (float) Math.hypot(3, 0.1f), 2},
                (float[]) compute("abs(z)", Map.of("z", z)));
    }

    @Test
    void literalsTakeComplex64sPrecision() {
        // NumPy: np.complex64(1+1j) + 0.1 rounds 0.1 to float first; 2j * f is complex64.
        float[] z = {1, 1};
        assertArrayEquals(new float[] {1 + 0.1f, 1}, (float[]) compute("z + 0.1", Map.of("z", z)));
        assertArrayEquals(new float[] {0, 0.2f, -0.0f, -2}, (float[]) compute("f * 2j", Map.of("f", new float[] {0.1f, -1})));
    }

    @Test
    void scalarsAndBindingErrors() {
        float[] z = {1, 2};
        assertArrayEquals(new float[] {1.5f, 2.25f}, (float[]) compute("z + w",
                Map.of("z", z, "w", Complex.of(0.5, 0.25))));
        assertArrayEquals(new float[] {2, 2}, (float[]) compute("z + f", Map.of("z", z, "f", 1.0f)));
        assertMessage(() -> Compute.compute(Expr.parse("z + 1", TYPES), Map.of("z", Complex.of(0.1, 0))),
                "declared complex64 but bound to complex128");
        assertMessage(() -> Compute.compute(Expr.parse("z + 1", TYPES), Map.of("z", Complex.of(0.1, 0))),
                "a Complex is complex64 where both its parts are float values, as Complex.of(0.1f, 1f)");
        assertMessage(() -> Compute.compute(Expr.parse("z + 1", TYPES), Map.of("z", new double[] {1, 2})),
                "declared complex64 but bound to complex128 data (double[])");
        assertMessage(() -> Compute.compute(Expr.parse("z + 1", TYPES), Map.of("z", new float[] {1, 2, 3})),
                "must be even");
        assertMessage(() -> Compute.compute(Expr.parse("z < w", TYPES), Map.of("z", z, "w", z)),
                "complex numbers are not ordered");
        assertMessage(() -> Expr.parse("floor(z)", TYPES), "cannot apply floor to complex64");
    }

    /**
     * NumPy's {@code z ** 0.5}, {@code z ** 2} and {@code z ** 1} with a written exponent are
     * sqrt, square and a copy (ndarray's fast scalar power), not the power loop: in NumPy 1.24
     * {@code (inf+0j) ** 0.5} is inf+0j, {@code (-inf+infj) ** 0.5} inf+infj and
     * {@code (0-0j) ** 2} and {@code (0-0j) ** 1} keep the -0 imaginary part.
     */
    @Test
    void writtenPowersAreNumPysSqrtSquareAndCopy() {
        float inf = Float.POSITIVE_INFINITY;
        float[] z = {inf, 0, -inf, inf, 0, -0f, 3, -4};
        assertArrayEquals(new float[] {inf, 0, inf, inf, 0, -0f, 2, -1}, (float[]) compute("z ** 0.5", Map.of("z", z)));
        assertArrayEquals(new float[] {inf, Float.NaN, Float.NaN, -inf, 0, -0f, -7, -24},
                (float[]) compute("z ** 2", Map.of("z", z)));
        assertArrayEquals(z, (float[]) compute("z ** 1", Map.of("z", z)));
        double[] c = {Double.POSITIVE_INFINITY, 0, 0, -0.0};
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0, 0, -0.0}, (double[]) compute("c ** 0.5", Map.of("c", c)));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NaN, 0, -0.0}, (double[]) compute("c ** 2", Map.of("c", c)));
        assertArrayEquals(c, (double[]) compute("c ** 1", Map.of("c", c)));
    }

    /**
     * {@code reciprocal(z)} and {@code z ** -1} are NumPy's reciprocal loop, whose last steps
     * differ from {@code 1/z}: NumPy 1.24's values, written in hex, at points where the two
     * differ in the last bit (about one part in eight of random values), and at inf and 0.
     */
    @Test
    void reciprocalsAreNumPysReciprocalLoopNotOneOverZ() {
        double[] c = {-0x1.12eb88d2b5275p-1, 0x1.b6211d7a5bcf3p+0, 0x1.329bf88532c8bp-1, -0x1.aaf95bdd2f188p+0,
            Double.POSITIVE_INFINITY, 0, 0, 0};
        double[] numpy = {-0x1.55cbdca604771p-3, -0x1.105a8e5fc4f94p-1, 0x1.86891567e374ep-3, 0x1.0fec69c5554d3p-1,
            0, -0.0, Double.NaN, Double.NaN};
        assertArrayEquals(numpy, (double[]) compute("reciprocal(c)", Map.of("c", c)));
        assertArrayEquals(numpy, (double[]) compute("c ** -1", Map.of("c", c)));
        float[] z = {0x1.525e18p-2f, -0x1.c5017cp-6f, -0x1.4d9bb6p+0f, 0x1.909ae6p-1f, Float.POSITIVE_INFINITY, 0, 0, 0};
        float[] numpy32 = {0x1.80ac26p+1f, 0x1.017fd6p-2f, -0x1.20c93ap-1f, -0x1.5ac80cp-2f, 0, -0f, Float.NaN, Float.NaN};
        assertArrayEquals(numpy32, (float[]) compute("reciprocal(z)", Map.of("z", z)));
        assertArrayEquals(numpy32, (float[]) compute("z ** -1", Map.of("z", z)));
    }

    @Test
    void computeIntoTakesFloatPairs() {
        float[] out = new float[4];
        Compute.computeInto(Expr.parse("z * 2", TYPES), Map.of("z", new float[] {1, 2, 3, 4}), out);
        assertArrayEquals(new float[] {2, 4, 6, 8}, out);
        Compute.computeInto(Expr.parse("w * 2", TYPES), Map.of("w", Complex.of(1, -1), "z", new float[] {0, 0, 0, 0}), out);
        assertArrayEquals(new float[] {2, -2, 2, -2}, out);
        assertMessage(() -> Compute.computeInto(Expr.parse("z * 2", TYPES), Map.of("z", new float[] {1, 2}),
                new double[2]), "out must be a float[]");
        assertMessage(() -> Compute.computeInto(Expr.parse("z * 2", TYPES), Map.of("z", new float[] {1, 2, 3, 4}),
                new float[2]), "out has 1 element (complex64 pairs), the bound arrays 2; pass a float[4], a (re, im) pair an element");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable run, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
