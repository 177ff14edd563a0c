package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reductions of complex values: sum, mean, count and their nan forms give NumPy's complex
 * values, var and std NumPy's real ones; min and max are refused. NumPy 1.24's values are
 * written out (from {@code np.sum(z)} etc. on the array below).
 */
class ComplexReductionTest {

    private static final Map<String, DType> TYPES = Map.of("z", DType.COMPLEX128, "y", DType.COMPLEX64);
    /** Engines that fold the same blocks (a reduction's value depends on the block size, as for real values). */
    private static final List<List<Compute.Options>> ENGINES = List.of(
            List.of(Compute.Options.defaults(), Compute.Options.defaults().parallel(true),
                    Compute.Options.defaults().optimize(false)),
            List.of(Compute.Options.defaults().blockSize(3), Compute.Options.defaults().blockSize(3).parallel(true),
                    Compute.Options.defaults().blockSize(3).optimize(false)));

    /** 0.1+0.7j, -2.5+1e-3j, 3.25-4j, 1e10+0.3j, -0.2-0.2j, 7+πj, 0.3+0.1j. */
    private static final double[] Z = {0.1, 0.7, -2.5, 1e-3, 3.25, -4, 1e10, 0.3, -0.2, -0.2, 7, Math.PI, 0.3, 0.1};

    /** Every engine folding the same blocks gives the same value; this is the default blocks' value. */
    private static Object compute(String text, Map<String, ?> data) {
        Expr e = Expr.parse(text, TYPES);
        Object value = null;
        for (List<Compute.Options> sameBlocks : ENGINES) {
            Object first = null;
            for (Compute.Options engine : sameBlocks) {
                Object result = Compute.compute(e, data, engine);
                if (first == null) {
                    first = result;
                } else {
                    assertEquals(first, result, text + " with " + engine); // Complex and Double compare bits
                }
            }
            value = value == null ? first : value;
        }
        return value;
    }

    private static void assertNear(double expected, double actual, double scale, String what) {
        assertTrue(Math.abs(expected - actual) <= 4 * Math.ulp(scale), what + ": " + actual + ", NumPy " + expected);
    }

    private static void assertNear(Complex expected, Object actual) {
        Complex z = (Complex) actual;
        double scale = Math.max(Math.abs(expected.re()), Math.abs(expected.im()));
        assertNear(expected.re(), z.re(), scale, "real part");
        assertNear(expected.im(), z.im(), scale, "imaginary part");
    }

    @Test
    void sumsAndMeansAreNumPys() {
        Map<String, Object> data = Map.of("z", Z);
        assertNear(Complex.of(10000000007.949999, 0.042592653589792834), compute("sum(z)", data));
        assertNear(Complex.of(1428571429.7071426, 0.006084664798541833), compute("mean(z)", data));
        assertNear(Complex.of(1.4285714285714285e+19, 857142859.7510425), compute("mean(z * z)", data));
        assertEquals(7L, compute("count(z)", data));
        double[] withNaN = Z.clone();
        withNaN[4] = Double.NaN; // 3.25-4j becomes nan-4j
        assertNear(Complex.of(10000000004.699999, 4.042592653589793), compute("nansum(z)", Map.of("z", withNaN)));
        assertNear(Complex.of(1666666667.4499998, 0.6737654422649655), compute("nanmean(z)", Map.of("z", withNaN)));
        assertEquals(6L, compute("nancount(z)", Map.of("z", withNaN)));
        Complex nanSum = (Complex) compute("sum(z)", Map.of("z", withNaN));
        // NumPy: nan+0.042592653589792834j, the NaN in one part only; a sum of parts up to 4 in
        // magnitude, so within ulps of 4 (the order of the additions differs from NumPy's).
        assertTrue(Double.isNaN(nanSum.re()), "" + nanSum);
        assertNear(0.042592653589792834, nanSum.im(), 4, "imaginary part");
    }

    @Test
    void varianceAndStdAreRealAsInNumPy() {
        Map<String, Object> data = Map.of("z", Z);
        assertEquals(DType.FLOAT64, Expr.parse("var(z)", TYPES).dtype());
        assertNear(1.2244897955938777e+19, (Double) compute("var(z)", data), 1.2244897955938777e+19, "var");
        assertNear(3499271060.655173, (Double) compute("std(z)", data), 3499271060.655173, "std");
    }

    @Test
    void thePartsAreSummedAsRealSumsAndTheMeanIsTimesOneOverN() {
        Random random = new Random(14);
        for (int n : new int[] {0, 1, 5, 1000, 5003}) {
            double[] z = new double[2 * n];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
            }
            Map<String, Object> data = Map.of("z", z);
            Complex sum = (Complex) compute("sum(z)", data);
            assertEquals(compute("sum(z.real)", data), sum.re());
            assertEquals(compute("sum(z.imag)", data), sum.im());
            Complex mean = (Complex) compute("mean(z)", data);
            if (n > 0) {
                assertEquals(sum.re() * (1.0 / n), mean.re(), "NumPy: complex sum / count is Smith's division, times 1/n");
                assertEquals(sum.im() * (1.0 / n), mean.im());
            } else {
                assertTrue(Double.isNaN(mean.re()) && Double.isNaN(mean.im()), "NumPy: the mean of nothing is nan+nanj");
            }
        }
    }

    @Test
    void aComplexReductionFeedsTheElementwiseExpression() {
        double[] centred = (double[]) Compute.compute(Expr.parse("z - mean(z)", TYPES), Map.of("z", Z));
        Complex mean = (Complex) Compute.compute(Expr.parse("mean(z)", TYPES), Map.of("z", Z));
        for (int i = 0; i < Z.length; i += 2) {
            assertEquals(Z[i] - mean.re(), centred[i]);
            assertEquals(Z[i + 1] - mean.im(), centred[i + 1]);
        }
    }

    @Test
    void complex64ReductionsAreComplex64AndFloat32() {
        float[] y = new float[Z.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Z[i];
        }
        Map<String, Object> data = Map.of("y", y);
        assertEquals(DType.COMPLEX64, Expr.parse("sum(y)", TYPES).dtype());
        assertEquals(DType.FLOAT32, Expr.parse("std(y)", TYPES).dtype());
        Complex sum = (Complex) compute("sum(y)", data);
        assertEquals((float) sum.re(), sum.re(), "float parts");
        // NumPy (complex64, summed in float): 10000000000+0.042592622j; here summed in double, rounded once.
        assertEquals(1e10f, (float) sum.re());
        double imaginary = 0;
        for (int i = 1; i < y.length; i += 2) {
            imaginary += y[i];
        }
        assertEquals((float) imaginary, sum.im(), 1e-9);
        assertTrue(Math.abs(sum.im() - 0.042592622) < 2e-7, "NumPy's float sum is this far off: " + sum);
        Object var = compute("var(y)", data);
        assertTrue(var instanceof Float, "" + var.getClass());
        assertEquals(1.2244898e+19f, (Float) var, 2 * Math.ulp(1.2244898e+19f));
    }

    @Test
    void tableColumnsOfComplexValuesAreErrorsThatNameTheParts() {
        Table table = Table.of(Map.of("x", new double[] {1, 2}));
        for (String text : List.of("x * 1j as v", "sum(x * 1j) as v")) {
            ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> {
                if (text.startsWith("sum")) {
                    table.agg(text);
                } else {
                    table.select(text);
                }
            });
            assertTrue(e.getMessage().startsWith("table columns hold real values, and ") && e.getMessage().contains(").real and ("),
                    e.getMessage());
        }
        assertEquals(2.0, ((double[]) table.select("abs(x * 1j) as v").column("v").values())[1]);
    }

    @Test
    void minAndMaxOfComplexValuesAreErrors() {
        for (String text : List.of("min(z)", "max(z)", "nanmin(z)", "nanmax(y)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expr.parse(text, TYPES));
            assertTrue(e.getMessage().contains("values, which are not ordered; take it of a real value, such as"),
                    e.getMessage());
        }
    }
}
