package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reductions against plain loops, in both engines, serial and parallel, over several block sizes. */
class ComputeReductionsTest {

    private static final Expr X = Expr.symbol("x");

    /** Both engines, several block sizes, serial and parallel: all must give the same bits. */
    private static final List<Compute.Options> ENGINES = List.of(
            Compute.Options.defaults(),
            Compute.Options.defaults().optimize(false),
            Compute.Options.defaults().blockSize(3),
            Compute.Options.defaults().blockSize(3).optimize(false),
            Compute.Options.defaults().blockSize(1000).parallel(true));

    private static Object reduce(Function<Expr, Expr> reduction, Expr operand, Map<String, ?> data, Compute.Options options) {
        return Compute.compute(reduction.apply(operand), data, options);
    }

    /** The documented float sum: per block, four interleaved sums from -0.0; blocks added in order. */
    static double documentedSum(double[] v, int blockSize, boolean skipNaN) {
        double total = -0.0;
        for (int start = 0; start < v.length; start += blockSize) {
            double[] lanes = {-0.0, -0.0, -0.0, -0.0};
            for (int i = start; i < Math.min(v.length, start + blockSize); i++) {
                lanes[(i - start) % 4] += skipNaN && Double.isNaN(v[i]) ? 0.0 : v[i];
            }
            total += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        }
        return v.length == 0 ? 0.0 : total;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, 4096})
    void floatSumsFollowTheDocumentedOrderExactly(int blockSize) {
        Random random = new Random(blockSize);
        double[] x = ComputeTesting.doubles(random, 10_007);
        double[] finite = Arrays.stream(x).map(v -> Double.isFinite(v) ? v : 1.5).toArray();
        for (boolean optimize : new boolean[] {true, false}) {
            Compute.Options options = Compute.Options.defaults().blockSize(blockSize).optimize(optimize);
            assertSame(documentedSum(finite, blockSize, false), reduce(Expr::sum, X, Map.of("x", finite), options));
            assertSame(documentedSum(x, blockSize, true), reduce(Expr::nansum, X, Map.of("x", x), options));
            assertSame(documentedSum(finite, blockSize, false) / finite.length, reduce(Expr::mean, X, Map.of("x", finite), options));
        }
    }

    private static void assertSame(Object expected, Object actual) {
        ComputeTesting.assertSameBits(expected, actual, "reduction");
    }

    @Test
    void floatReductionsAgainstPlainLoops() {
        Random random = new Random(11);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 10 + 3;
        }
        double plainSum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            plainSum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = plainSum / x.length;
        double m2 = 0;
        for (double v : x) {
            m2 += (v - mean) * (v - mean);
        }
        double var = m2 / x.length;
        Map<String, Object> data = Map.of("x", x);
        for (Compute.Options engine : ENGINES) {
            assertEquals(plainSum, (Double) reduce(Expr::sum, X, data, engine), Math.abs(plainSum) * 1e-12);
            assertEquals(mean, (Double) reduce(Expr::mean, X, data, engine), Math.abs(mean) * 1e-12);
            assertEquals(var, (Double) reduce(Expr::var, X, data, engine), var * 1e-12);
            assertEquals(Math.sqrt(var), (Double) reduce(Expr::std, X, data, engine), Math.sqrt(var) * 1e-12);
            assertSame(min, reduce(Expr::min, X, data, engine));
            assertSame(max, reduce(Expr::max, X, data, engine));
            assertSame(min, reduce(Expr::nanmin, X, data, engine));
            assertSame((long) x.length, reduce(Expr::count, X, data, engine));
            assertSame((long) x.length, reduce(Expr::nancount, X, data, engine));
        }
    }

    @Test
    void varianceIsStableFarFromZero() {
        // A naive sum of squares loses everything here; Chan's per-block combine does not.
        double[] x = new double[50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e9 + (i % 2 == 0 ? 1 : -1);
        }
        for (Compute.Options engine : ENGINES) {
            assertEquals(1.0, (Double) reduce(Expr::var, X, Map.of("x", x), engine), 1e-6);
            assertEquals(1.0, (Double) reduce(Expr::std, X, Map.of("x", x), engine), 1e-6);
        }
    }

    @Test
    void nanPropagatesAndTheNanVariantsSkipIt() {
        double[] x = {1, Double.NaN, -3, 7, Double.NaN, 0.5};
        Map<String, Object> data = Map.of("x", x);
        for (Compute.Options engine : ENGINES) {
            for (Function<Expr, Expr> r : List.<Function<Expr, Expr>>of(Expr::sum, Expr::mean, Expr::min, Expr::max,
                    Expr::var, Expr::std)) {
                assertTrue(Double.isNaN((Double) reduce(r, X, data, engine)), r.apply(X) + " " + engine);
            }
            assertSame(5.5, reduce(Expr::nansum, X, data, engine));
            assertSame(5.5 / 4, reduce(Expr::nanmean, X, data, engine));
            assertSame(-3.0, reduce(Expr::nanmin, X, data, engine));
            assertSame(7.0, reduce(Expr::nanmax, X, data, engine));
            assertSame(4L, reduce(Expr::nancount, X, data, engine));
            assertSame(6L, reduce(Expr::count, X, data, engine));
        }
    }

    @Test
    void allNaNAndEmpty() {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN};
        double[] empty = {};
        for (Compute.Options engine : ENGINES) {
            assertSame(0.0, reduce(Expr::nansum, X, Map.of("x", nan), engine)); // +0.0, as NumPy
            assertSame(Double.NaN, reduce(Expr::nanmean, X, Map.of("x", nan), engine));
            assertSame(Double.NaN, reduce(Expr::nanmin, X, Map.of("x", nan), engine));
            assertSame(Double.NaN, reduce(Expr::nanmax, X, Map.of("x", nan), engine));
            assertSame(0L, reduce(Expr::nancount, X, Map.of("x", nan), engine));

            assertSame(0.0, reduce(Expr::sum, X, Map.of("x", empty), engine));
            assertSame(0.0, reduce(Expr::nansum, X, Map.of("x", empty), engine));
            assertSame(Double.NaN, reduce(Expr::mean, X, Map.of("x", empty), engine));
            assertSame(Double.NaN, reduce(Expr::var, X, Map.of("x", empty), engine));
            assertSame(Double.NaN, reduce(Expr::std, X, Map.of("x", empty), engine));
            assertSame(0L, reduce(Expr::count, X, Map.of("x", empty), engine));
            for (Function<Expr, Expr> r : List.<Function<Expr, Expr>>of(Expr::min, Expr::max, Expr::nanmin, Expr::nanmax)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> reduce(r, X, Map.of("x", empty), engine));
                String name = r.apply(X).toString().replace("(x)", "");
                assertEquals("zero-size array to reduction operation " + name + " which has no identity: " + name
                        + "(x) over 0 elements", e.getMessage());
            }
        }
    }

    @Test
    void signedZeros() {
        for (Compute.Options engine : ENGINES) {
            assertSame(-0.0, reduce(Expr::sum, X, Map.of("x", new double[] {-0.0, -0.0}), engine));
            assertSame(0.0, reduce(Expr::sum, X, Map.of("x", new double[] {-0.0, 0.0}), engine));
            assertSame(-0.0, reduce(Expr::min, X, Map.of("x", new double[] {0.0, -0.0}), engine));
            assertSame(0.0, reduce(Expr::max, X, Map.of("x", new double[] {-0.0, 0.0}), engine));
        }
    }

    @Test
    void integerReductions() {
        Random random = new Random(3);
        long[] l = ComputeTesting.longs(random, 9_999);
        int[] i = ComputeTesting.ints(random, 9_999);
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : l) {
            sum += v; // wraps, as NumPy's int64 sum does
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long intSum = 0;
        int intMin = Integer.MAX_VALUE;
        double intMean = 0;
        for (int v : i) {
            intSum += v; // int32 sums are int64, as in NumPy
            intMin = Math.min(intMin, v);
            intMean += v;
        }
        intMean /= i.length;
        Expr li = Expr.symbol("l", DType.INT64);
        Expr ii = Expr.symbol("i", DType.INT32);
        Map<String, Object> data = Map.of("l", l, "i", i);
        for (Compute.Options engine : ENGINES) {
            assertSame(sum, reduce(Expr::sum, li, data, engine));
            assertSame(sum, reduce(Expr::nansum, li, data, engine));
            assertSame(min, reduce(Expr::min, li, data, engine));
            assertSame(max, reduce(Expr::nanmax, li, data, engine));
            assertSame(intSum, reduce(Expr::sum, ii, data, engine));
            assertSame(intMin, reduce(Expr::min, ii, data, engine)); // Integer for int32
            assertSame((long) i.length, reduce(Expr::nancount, ii, data, engine));
            assertEquals(intMean, (Double) reduce(Expr::mean, ii, data, engine), Math.abs(intMean) * 1e-12 + 1e-9);
            assertTrue(reduce(Expr::var, ii, data, engine) instanceof Double);
        }
    }

    @Test
    void float32ReductionsAccumulateInDoubleAndRoundOnce() {
        float[] f = new float[30_000];
        Random random = new Random(8);
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) (random.nextDouble() * 0.1);
            sum += f[k];
            min = Math.min(min, f[k]);
        }
        Expr x = Expr.symbol("f", DType.FLOAT32);
        Map<String, Object> data = Map.of("f", f);
        for (Compute.Options engine : ENGINES) {
            Object total = reduce(Expr::sum, x, data, engine);
            assertTrue(total instanceof Float, total.getClass().toString());
            // Within a float ulp of the double sum: no float-by-float drift.
            assertEquals((float) sum, (Float) total, Math.ulp((float) sum));
            assertSame(min, reduce(Expr::min, x, data, engine));
            assertTrue(reduce(Expr::mean, x, data, engine) instanceof Float);
            assertTrue(reduce(Expr::std, x, data, engine) instanceof Float);
            assertSame((long) f.length, reduce(Expr::count, x, data, engine));
        }
    }

    @Test
    void booleanReductions() {
        boolean[] p = {true, false, true, true};
        Expr b = Expr.symbol("p", DType.BOOLEAN);
        Map<String, Object> data = Map.of("p", p);
        for (Compute.Options engine : ENGINES) {
            assertSame(3L, reduce(Expr::sum, b, data, engine));
            assertSame(0.75, reduce(Expr::mean, b, data, engine));
            assertSame(false, reduce(Expr::min, b, data, engine));
            assertSame(true, reduce(Expr::max, b, data, engine));
            assertSame(4L, reduce(Expr::count, b, data, engine));
            assertEquals(0.1875, (Double) reduce(Expr::var, b, data, engine), 1e-15); // exact in one block
        }
    }

    @Test
    void reductionsOfExpressionsAndNestedReductions() {
        Random random = new Random(21);
        double[] x = new double[12_345];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian() * 4 + 10;
        }
        Map<String, Object> data = Map.of("x", x);
        // mean(x - mean(x)) is about 0; std of the standardized values is 1.
        Expr centered = X.sub(X.mean());
        Expr standardized = centered.div(X.std());
        for (Compute.Options engine : ENGINES) {
            assertEquals(0.0, (Double) Compute.compute(centered.mean(), data, engine), 1e-12);
            assertEquals(1.0, (Double) Compute.compute(standardized.std(), data, engine), 1e-12);
            double[] z = (double[]) Compute.compute(standardized, data, engine);
            assertEquals(x.length, z.length);
            // A reduction of a nested reduction inside a nested reduction.
            Expr deep = X.sub(X.sub(X.mean()).abs().max()).sum();
            assertTrue(Compute.compute(deep, data, engine) instanceof Double);
        }
        for (Expr e : List.of(centered.mean(), standardized.std(), standardized, X.sub(X.sub(X.mean()).abs().max()).sum())) {
            Object expected = Compute.compute(e, data, false);
            for (Compute.Options engine : ENGINES) {
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data, engine.blockSize(4096)), e + " " + engine);
            }
        }
    }

    @Test
    void reductionOfScalarsIsOverOneElement() {
        Map<String, Object> data = Map.of("s", 2.5);
        Expr s = Expr.symbol("s");
        for (Compute.Options engine : ENGINES) {
            assertSame(2.5, Compute.compute(s.sum(), data, engine));
            assertSame(1L, Compute.compute(s.count(), data, engine));
            assertSame(0.0, Compute.compute(s.var(), data, engine));
        }
    }
}
