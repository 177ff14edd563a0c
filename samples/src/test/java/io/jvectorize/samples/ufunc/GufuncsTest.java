package io.jvectorize.samples.ufunc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.samples.Gufuncs;
import io.jvectorize.samples.GufuncsVectorized;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row loops of the numbagg-style gufuncs: one call of the method per row, in every form
 * (into, allocating, per-row or broadcast scalars, parallel), Numba's semantics for shared,
 * fixed and output-only dimensions, and argument errors before anything is written.
 */
class GufuncsTest {
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -1.5};

    private static double[][] rows(int rows, int length, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][length];
        for (double[] row : x) {
            for (int i = 0; i < length; i++) {
                row[i] = random.nextInt(40) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)] : random.nextGaussian();
            }
        }
        return x;
    }

    /** A fresh sum per window: what the running sum must match up to rounding. */
    private static double windowMean(double[] x, int end, int window) {
        if (end + 1 < window) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - window + 1; i <= end; i++) {
            sum += x[i];
        }
        return sum / window;
    }

    @Test
    void movingMeanIsTheMeanOfEachFullWindow() {
        double[][] x = rows(20, 300, 1);
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                // A running sum loses the digits of the values beside a huge one that leaves (documented).
                row[i] = Math.abs(row[i]) == Double.MAX_VALUE ? 1e3 : row[i];
            }
        }
        for (int window : new int[] {1, 2, 5, 300, 301}) {
            double[][] out = GufuncsVectorized.movingMean(x, window);
            for (int r = 0; r < x.length; r++) {
                for (int i = 0; i < x[r].length; i++) {
                    double expected = windowMean(x[r], i, window);
                    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
                        assertEquals(expected, out[r][i], "row " + r + ", index " + i + ", window " + window);
                    } else {
                        assertEquals(expected, out[r][i], 1e-12, "row " + r + ", index " + i + ", window " + window);
                    }
                }
            }
        }
    }

    @Test
    void everyFormGivesWhatOneCallPerRowGives() {
        double[][] x = rows(1000, 50, 2);
        long[] windows = new long[x.length];
        double[][] expected = new double[x.length][50];
        for (int r = 0; r < x.length; r++) {
            windows[r] = 1 + r % 9;
            Gufuncs.movingMean(x[r], windows[r], expected[r]);
        }
        assertArrayEquals(expected, GufuncsVectorized.movingMean(x, windows));
        assertArrayEquals(expected, GufuncsVectorized.movingMeanParallel(x, windows));
        double[][] out = new double[x.length][50];
        GufuncsVectorized.movingMeanParallel(x, windows, out);
        assertArrayEquals(expected, out);
        double[][] broadcast = new double[x.length][50];
        for (int r = 0; r < x.length; r++) {
            Gufuncs.movingMean(x[r], 4, broadcast[r]);
        }
        assertArrayEquals(broadcast, GufuncsVectorized.movingMean(x, 4));
        assertArrayEquals(broadcast, GufuncsVectorized.movingMeanParallel(x, 4L));
    }

    @Test
    void minMaxHasAFixedOutputDimension() {
        double[][] x = {{3, -1, 2}, {Double.NaN, 1, 2}, {-0.0, 0.0, -0.0}, {Double.NEGATIVE_INFINITY, 5, 5}};
        double[][] expected = {{-1, 3}, {Double.NaN, Double.NaN}, {-0.0, 0.0}, {Double.NEGATIVE_INFINITY, 5}};
        assertArrayEquals(expected, GufuncsVectorized.minMax(x));
        assertArrayEquals(expected, GufuncsVectorized.minMaxParallel(x));
    }

    @Test
    void minMaxOutputMustHaveTwoColumns() {
        double[][] out = {{0, 0}, {0, 0, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.minMax(new double[][] {{1}, {2}}, out));
        assertEquals("minMax: the layout fixes the rows of out at 2 elements, but out[1] has 3; nothing was written",
                e.getMessage());
        assertArrayEquals(new double[][] {{0, 0}, {0, 0, 0}}, out);
    }

    @Test
    void aSharedDimensionMustHaveOneLengthBeforeAnythingIsWritten() {
        double[][] x = {{1, 2, 3}, {4, 5, 6}};
        double[][] out = {{9, 9, 9}, {9, 9}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.movingMeanParallel(x, 2, out));
        assertEquals("movingMean: core dimension n must have one length, but x[0] has 3 elements and out[1] has 2;"
                + " nothing was written", e.getMessage());
        assertArrayEquals(new double[][] {{9, 9, 9}, {9, 9}}, out);
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.movingMean(new double[][] {{1, 2}, {3}}, 1));
        assertEquals("movingMean: core dimension n must have one length, but x[0] has 2 elements and x[1] has 1;"
                + " nothing was written", ragged.getMessage());
    }

    @Test
    void argumentsMustHaveOneEntryPerRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.movingMean(new double[2][3], new long[] {1, 2, 3}));
        assertEquals("movingMean: array lengths differ: x has 2 elements, window has 3", e.getMessage());
        NullPointerException row = assertThrows(NullPointerException.class,
                () -> GufuncsVectorized.minMax(new double[][] {{1}, null}));
        assertEquals("minMax: row x[1] is null", row.getMessage());
        NullPointerException argument = assertThrows(NullPointerException.class,
                () -> GufuncsVectorized.minMax(null));
        assertEquals("minMax: array argument 'x' is null", argument.getMessage());
    }

    @Test
    void severalOutputsAreWrittenPerRow() {
        double[][] x = rows(500, 64, 3);
        double[] mean = new double[x.length];
        double[] variance = new double[x.length];
        GufuncsVectorized.meanVarianceParallel(x, mean, variance);
        for (int r = 0; r < x.length; r++) {
            double[] m = new double[1];
            double[] v = new double[1];
            Gufuncs.meanVariance(x[r], m, v);
            assertEquals(m[0], mean[r]);
            assertEquals(v[0], variance[r]);
        }
        double[] emptyMean = new double[1];
        double[] emptyVariance = new double[1];
        GufuncsVectorized.meanVariance(new double[][] {{}}, emptyMean, emptyVariance);
        assertEquals(Double.NaN, emptyMean[0]);
        assertEquals(Double.NaN, emptyVariance[0]);
    }

    @Test
    void anOutputOnlyDimensionIsSizedByOutOrByAnInt() {
        double[] x = {2, -0.5, Double.NaN};
        double[][] expected = {{1, 2, 4, 8}, {1, -0.5, 0.25, -0.125}, {1, Double.NaN, Double.NaN, Double.NaN}};
        assertArrayEquals(expected, GufuncsVectorized.powers(x, 4));
        assertArrayEquals(expected, GufuncsVectorized.powersParallel(x, 4));
        double[][] out = new double[3][4];
        GufuncsVectorized.powers(x, out);
        assertArrayEquals(expected, out);
        assertArrayEquals(new double[][] {{}, {}, {}}, GufuncsVectorized.powers(x, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.powers(x, -1));
        assertEquals("powers: dimension k must not be negative: -1", e.getMessage());
    }

    @Test
    void noRowsIsNoCall() {
        assertEquals(0, GufuncsVectorized.movingMean(new double[0][], 3).length);
        assertEquals(0, GufuncsVectorized.minMaxParallel(new double[0][]).length);
        assertEquals(0, GufuncsVectorized.powers(new double[0], 5).length);
    }

    @Test
    void anExceptionOfTheMethodReachesTheCallerAsItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.minMaxParallel(new double[][] {{}, {}}));
        assertEquals("minMax: an empty row has no minimum and no maximum", e.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> GufuncsVectorized.movingMeanParallel(rows(100_000, 1, 4), 0));
        assertEquals("movingMean: window must be at least 1, but is 0", window.getMessage());
    }

    @Test
    void theAllocatingFormReturnsANewArrayEachCall() {
        double[][] x = rows(3, 4, 5);
        double[][] first = GufuncsVectorized.minMax(x);
        double[][] second = GufuncsVectorized.minMax(x);
        assertArrayEquals(first, second);
        assertEquals(false, first == second);
        assertSame(first.getClass(), double[][].class);
    }
}
