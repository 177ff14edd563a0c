package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A compute or computeInto that binds as the expression's last one did runs its plan at once
 * ({@link RepeatedCall}): its values and its errors must be those of a first call, whatever
 * changed in between (numbers, arrays, lengths, types, options, out).
 */
class RepeatedComputeIntoTest {

    private static final String TEXT = "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2)) + k";

    /** What a first call gives: a fresh expression, and so no repeat. */
    private static double[] fresh(Map<String, ?> data, int n) {
        double[] out = new double[n];
        Compute.computeInto(Expr.parse(TEXT), data, out);
        return out;
    }

    private static double[] doubles(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(10) == 0 ? ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]
                    : random.nextGaussian() * 3;
        }
        return x;
    }

    @Test
    void everyChangeBetweenCallsGivesWhatAFirstCallGives() {
        Expr e = Expr.parse(TEXT);
        Random random = new Random(18);
        Object[] numbers = {0.5, -0.0, 0.0, Double.NaN, 1e-310, -2.5, 3, 3L, 2.5f};
        for (int c = 0; c < 400; c++) {
            int n = new int[] {1, 3, 4, 100, 1000}[random.nextInt(5)];
            Map<String, Object> data = new HashMap<>();
            if (random.nextInt(4) == 0) {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                data.put("x", x);
            } else {
                data.put("x", doubles(random, n));
            }
            data.put("mu", numbers[random.nextInt(numbers.length)]);
            data.put("sigma", numbers[random.nextInt(numbers.length)]);
            data.put("k", random.nextInt(3) == 0 ? doubles(random, n) : numbers[random.nextInt(numbers.length)]);
            double[] out = new double[n];
            Compute.computeInto(e, data, out);
            ComputeTesting.assertSameBits(fresh(data, n), out, "call " + c + " with " + data);
            Compute.computeInto(e, data, out); // the same data again: the repeat
            ComputeTesting.assertSameBits(fresh(data, n), out, "repeat of call " + c + " with " + data);
            // compute, which returns a new array, repeats alike.
            ComputeTesting.assertSameBits(fresh(data, n), Compute.compute(e, data), "compute after call " + c);
            double[] computed = (double[]) Compute.compute(e, data);
            ComputeTesting.assertSameBits(fresh(data, n), computed, "repeated compute after call " + c);
            assertTrue(computed != Compute.compute(e, data), "each compute returns a new array");
        }
    }

    @Test
    void aRepeatThatBindsWronglyFailsAsAFirstCallDoes() {
        Expr e = Expr.parse(TEXT);
        Map<String, Object> data = new HashMap<>(Map.of("x", new double[8], "mu", 1.0, "sigma", 2.0, "k", 0.5));
        Compute.computeInto(e, data, new double[8]);
        Compute.computeInto(e, data, new double[8]);
        assertEquals(message(Expr.parse(TEXT), data, new double[7]), message(e, data, new double[7]));
        assertEquals(message(Expr.parse(TEXT), data, new float[8]), message(e, data, new float[8]));
        assertEquals(message(Expr.parse(TEXT), data, null), message(e, data, null));
        assertEquals(message(Expr.parse(TEXT), null, new double[8]), message(e, null, new double[8]));
        data.put("k", new double[9]);
        assertEquals(message(Expr.parse(TEXT), data, new double[8]), message(e, data, new double[8]));
        data.remove("k");
        assertEquals(message(Expr.parse(TEXT), data, new double[8]), message(e, data, new double[8]));
        data.put("k", "text");
        assertEquals(message(Expr.parse(TEXT), data, new double[8]), message(e, data, new double[8]));
    }

    private static String message(Expr e, Map<String, ?> data, Object out) {
        return assertThrows(IllegalArgumentException.class, () -> Compute.computeInto(e, data, out)).getMessage();
    }

    @Test
    void aMutableNumberIsReadAgainOnEveryCall() {
        Expr e = Expr.parse("x * n", Map.of("x", DType.INT64, "n", DType.INT64));
        AtomicLong n = new AtomicLong(2);
        Map<String, Object> data = Map.of("x", new long[] {1, 2, 3}, "n", n);
        long[] out = new long[3];
        Compute.computeInto(e, data, out);
        Compute.computeInto(e, data, out);
        n.set(5);
        Compute.computeInto(e, data, out);
        assertArrayEquals(new long[] {5, 10, 15}, out);
    }

    @Test
    void aRepeatThatThrowsLeavesOutAsItWas() {
        Expr e = Expr.parse("x % d + 1", Map.of("x", DType.INT64, "d", DType.INT64));
        long[] d = {3, 3, 3};
        Map<String, Object> data = Map.of("x", new long[] {7, 8, 9}, "d", d);
        long[] out = new long[3];
        Compute.computeInto(e, data, out);
        Compute.computeInto(e, data, out);
        assertArrayEquals(new long[] {2, 3, 1}, out);
        d[1] = 0;
        assertThrows(ArithmeticException.class, () -> Compute.computeInto(e, data, out));
        assertArrayEquals(new long[] {2, 3, 1}, out);
    }

    @Test
    void otherOptionsTakeThemIntoAccount() {
        Expr e = Expr.parse("sum(x) + x * mu");
        Map<String, Object> data = Map.of("x", new double[] {1, 2, 3, 4, 5}, "mu", 2.0);
        double[] out = new double[5];
        Compute.computeInto(e, data, out);
        Compute.computeInto(e, data, out, Compute.Options.defaults().blockSize(2).optimize(false));
        assertArrayEquals(new double[] {17, 19, 21, 23, 25}, out);
        Expr g = Expr.parse("x * mu");
        Compute.computeInto(g, data, out);
        Compute.computeInto(g, data, out, Compute.Options.defaults().blockSize(2).parallel(true));
        Compute.computeInto(g, data, out, Compute.Options.defaults().optimize(false));
        assertArrayEquals(new double[] {2, 4, 6, 8, 10}, out);
    }
}
