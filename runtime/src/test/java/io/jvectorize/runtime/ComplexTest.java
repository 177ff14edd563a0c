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
 * complex128: binding and results as interleaved (re, im) pairs, Complex scalars, the syntax
 * ({@code 2j}, {@code z.real}, {@code complex(re, im)}), NEP 50 typing, every engine, and the
 * errors. Values against NumPy are NumexprCorpusTest's; here, NumPy's values written out.
 */
class ComplexTest {

    private static final Map<String, DType> Z = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128);
    private static Object compute(String text, Map<String, ?> data) {
        return ComputeTesting.computeOnEveryEngine(Expr.parse(text, Z), data);
    }

    @Test
    void theTypeHasNumPysNameAndHoldsEveryNumber() {
        assertEquals(DType.COMPLEX128, DType.forName("complex128").orElseThrow());
        assertEquals("complex128", DType.COMPLEX128.numpyName());
        assertEquals(double[].class, DType.COMPLEX128.arrayType());
        assertEquals(DType.FLOAT64, DType.ofArray(new double[0]).orElseThrow(), "a double[] is float64 unless declared");
        for (DType type : List.of(DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32, DType.BOOLEAN)) {
            assertEquals(DType.COMPLEX128, DType.promote(type, DType.COMPLEX128));
            assertTrue(type.widensTo(DType.COMPLEX128));
            assertTrue(!DType.COMPLEX128.widensTo(type));
        }
    }

    @Test
    void arithmeticOnInterleavedPairs() {
        double[] z = {1, 2, 3, -4, 0, 0};
        double[] w = {0.5, 0, -1, 1, 2, -3};
        assertArrayEquals(new double[] {1.5, 2, 2, -3, 2, -3}, (double[]) compute("z + w", Map.of("z", z, "w", w)));
        // (1+2j)(0.5) = 0.5+1j; (3-4j)(-1+1j) = 1+7j; 0
        assertArrayEquals(new double[] {0.5, 1, 1, 7, 0, 0}, (double[]) compute("z * w", Map.of("z", z, "w", w)));
        // NumPy: (1+2j)/(0.5) = 2+4j; (3-4j)/(-1+1j) = -3.5+0.5j; 0/(2-3j) = -0+0j (Smith's division)
        assertArrayEquals(new double[] {2, 4, -3.5, 0.5, -0.0, 0}, (double[]) compute("z / w", Map.of("z", z, "w", w)));
        assertArrayEquals(new double[] {-3, 4, -7, -24, 0, 0}, (double[]) compute("z ** 2", Map.of("z", z)));
        assertArrayEquals(new double[] {Math.sqrt(5), 5, 0}, (double[]) compute("abs(z)", Map.of("z", z)));
        assertArrayEquals(new double[] {1, 3, 0}, (double[]) compute("z.real", Map.of("z", z)));
        assertArrayEquals(new double[] {2, -4, 0}, (double[]) compute("(z).imag", Map.of("z", z)));
        assertArrayEquals(new double[] {1, -2, 3, 4, 0, -0.0}, (double[]) compute("conj(z)", Map.of("z", z)));
        assertArrayEquals(new boolean[] {false, false, true}, (boolean[]) compute("z == w * 0", Map.of("z", z, "w", w)));
    }

    @Test
    void numPysSpecialCasesOfDivisionAndPowers() {
        // NumPy: (1+1j)/0 = inf+infj (each part divided by 0); 0**(1+0j) = 0; 0**(-1) = nan+nanj; z**0 = 1.
        double[] z = {1, 1, 0, 0};
        double[] r = (double[]) compute("z / 0", Map.of("z", z));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN}, r);
        assertArrayEquals(new double[] {1, 1, 0, 0}, (double[]) compute("z ** 1", Map.of("z", z)));
        r = (double[]) compute("z ** -1", Map.of("z", z));
        assertArrayEquals(new double[] {0.5, -0.5, Double.NaN, Double.NaN}, r);
        assertArrayEquals(new double[] {1, 0, 1, 0}, (double[]) compute("z ** 0", Map.of("z", z)));
        // exp of a real value keeps the imaginary zero exactly, as NumPy.
        assertArrayEquals(new double[] {Math.exp(1), 0, 1, 0}, (double[]) compute("exp(z.real + 0j)", Map.of("z", z)));
    }

    @Test
    void literalsAndConstructors() {
        assertArrayEquals(new double[] {0, 2}, (double[]) compute("2j", Map.of()));
        assertArrayEquals(new double[] {0, 2.5e3}, (double[]) compute("2.5e3J", Map.of()));
        double[] negative = (double[]) compute("-1j", Map.of());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(negative[0]), "Python's -1j is (-0-1j)");
        assertEquals(-1.0, negative[1]);
        double[] x = {1, 2};
        assertArrayEquals(new double[] {1, 3, 2, 3}, (double[]) compute("complex(x, 3)", Map.of("x", x)));
        assertArrayEquals(new double[] {1, 1, 2, 1}, (double[]) compute("x + 1j", Map.of("x", x)));
        assertEquals(Expr.parse("complex(0.0, 2.0)"), Expr.parse("2j"));
        assertArrayEquals(new double[] {-3, 4}, (double[]) compute("square(z)", Map.of("z", new double[] {1, 2})));
        assertEquals(Expr.parse("real(z)", Z), Expr.parse("z.real", Z));
        assertEquals(Expr.symbol("z", DType.COMPLEX128).imag(), Expr.parse("z.imag", Z));
    }

    @Test
    void typesFollowNep50() {
        assertEquals(DType.COMPLEX128, Expr.parse("x + 1j").dtype());
        assertEquals(DType.COMPLEX128, Expr.parse("i * 1j", Map.of("i", DType.INT32)).dtype());
        // A complex literal takes float32's precision, as in NumPy: complex64.
        assertEquals(DType.COMPLEX64, Expr.parse("f * 1j", Map.of("f", DType.FLOAT32)).dtype());
        assertEquals(DType.FLOAT64, Expr.parse("abs(z)", Z).dtype());
        assertEquals(DType.FLOAT64, Expr.parse("z.real + z.imag", Z).dtype());
        assertEquals(DType.BOOLEAN, Expr.parse("z != w", Z).dtype());
        assertEquals(DType.BOOLEAN, Expr.parse("isnan(z)", Z).dtype());
        assertEquals(DType.COMPLEX128, Expr.parse("where(z.real > 0, z, 0)", Z).dtype());
        assertEquals(DType.INT64, Expr.parse("i.real + i.imag", Map.of("i", DType.INT64)).dtype(), "parts of reals keep their type");
    }

    @Test
    void scalarsAreComplexOrRealNumbers() {
        double[] z = {1, 2, 3, 4};
        assertArrayEquals(new double[] {1, 3, 3, 5}, (double[]) compute("z + w", Map.of("z", z, "w", Complex.of(0, 1))));
        assertArrayEquals(new double[] {3, 2, 5, 4}, (double[]) compute("z + w", Map.of("z", z, "w", 2.0)));
        assertArrayEquals(new double[] {3, 2, 5, 4}, (double[]) compute("z + w", Map.of("z", z, "w", 2L)));
        assertArrayEquals(new double[] {2, 3}, (double[]) compute("w + 1", Map.of("w", Complex.of(1, 3))));
        // Real arrays other than double[] are converted: a double[] bound to a complex symbol is pairs.
        assertArrayEquals(new double[] {1, 0, 2, 0}, (double[]) compute("z", Map.of("z", new long[] {1, 2})));
        assertArrayEquals(new double[] {1.5, 0}, (double[]) compute("z", Map.of("z", new float[] {1.5f})));
        assertEquals("(1-0j)", Complex.of(1, -0.0).toString());
        assertEquals("(1.5+infj)", Complex.of(1.5, Double.POSITIVE_INFINITY).toString());
    }

    @Test
    void resultsNeverShareTheBoundArrays() {
        double[] z = {1, 2};
        double[] result = (double[]) Compute.compute(Expr.parse("z", Z), Map.of("z", z));
        assertArrayEquals(z, result);
        assertTrue(result != z);
    }

    @Test
    void computeIntoTakesPairs() {
        double[] z = {1, 2, 3, 4};
        double[] out = new double[4];
        Compute.computeInto(Expr.parse("z * 2", Z), Map.of("z", z), out);
        assertArrayEquals(new double[] {2, 4, 6, 8}, out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compute.computeInto(Expr.parse("z * 2", Z), Map.of("z", z), new double[2]));
        assertTrue(e.getMessage().contains("complex128"), e.getMessage());
    }

    @Test
    void randomValuesAgreeAcrossEngines() {
        Random random = new Random(7);
        double[] z = new double[2 * 1001];
        double[] w = new double[2 * 1001];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian() * 3;
            w[i] = random.nextGaussian() * 3;
        }
        for (String text : List.of("z * w + conj(z) / w", "exp(z) - log(w) ** 2", "sqrt(z) * tanh(w) + sin(z) * cosh(w)",
                "where(abs(z) > 1, arcsin(z), arctanh(w))", "z ** w", "z ** 3 - z ** -2", "abs(z) + z.imag * w.real")) {
            compute(text, Map.of("z", z, "w", w));
        }
    }

    @Test
    void explainSaysWhichEngineRunsIt() {
        String plan = Compute.explain(Expr.parse("z * 2 + 1j", Z), Map.of("z", new double[] {1, 2}));
        assertTrue(plan.startsWith("fused pass over 1 element in blocks of 4096, complex values on scalar kernels without a"
                + " generated loop (1 thread)") && plan.contains("1. t0 = z * 2  [fused block evaluation, complex kernel]"), plan);
        String reference = Compute.explain(Expr.parse("z * 2 + 1j", Z), Map.of("z", new double[] {1, 2}),
                Compute.Options.defaults().optimize(false));
        assertTrue(reference.contains("over whole arrays") && reference.contains("operator by operator"), reference);
    }

    @Test
    void whatComplexNumbersDoNotHaveIsAnError() {
        assertMessage("z < w", "cannot apply < to complex128 in z < w: complex numbers are not ordered (as in Python"
                + " and the array API standard; NumPy orders them lexicographically); compare abs(z), z.real or z.imag");
        assertMessage("z % 2", "cannot apply % to complex128 in z % 2: it is defined for real numbers only; apply it to"
                + " z.real, z.imag or abs(z)");
        assertMessage("floor(z)", "cannot apply floor to complex128 in floor(z)");
        assertMessage("max(z, w)", "cannot apply max to complex128");
        assertMessage("z & w", "it takes booleans or integers");
        assertMessage("complex(z, 1)", "complex(z, 1) takes real parts, not complex128");
        assertMessage("max(z)", "max(z) takes the maximum of complex128 values, which are not ordered; take it of a real"
                + " value, such as max(abs(z)) or max((z).real)");
        assertMessage("nanmin(z * 2)", "nanmin(z * 2) takes the minimum of complex128 values");
        assertMessage("z.size", "a dotted name can only call a function, as in Foo.m(x), or take a part, as in z.real or z.imag");
        assertMessage("(z).size", "expected real or imag after '.' at column 4, found 'size'");
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> Compute.compute(Expr.parse("z", Z), Map.of("z", new double[3])));
        assertEquals("symbol z is complex128, bound to a double[] of 3 values; complex data is (re, im) pairs, so the"
                + " length must be even", odd.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> Compute.compute(Expr.parse("z + x", Z), Map.of("z", new double[4], "x", new double[4])));
        assertTrue(lengths.getMessage().startsWith("array lengths differ: "), lengths.getMessage());
        assertTrue(lengths.getMessage().contains("z has 2") && lengths.getMessage().contains("x has 4"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Compute.compute(Expr.parse("x"), Map.of("x", Complex.of(1, 2))), "a complex number for a float64 symbol");
    }

    private static void assertMessage(String text, String expected) {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> Expr.parse(text, Z));
        String first = e.getMessage().lines().findFirst().orElseThrow();
        assertTrue(first.contains(expected), first);
    }
}
