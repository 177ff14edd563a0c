package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.runtime.internal.op.Conversions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Compute#computeInto}: the values of compute, written into the caller's array, or a clear error and no write. */
class ComputeIntoTest {

    private static final Expr X = Expr.symbol("x");
    private static final Expr L = Expr.symbol("l", DType.INT64);
    private static final Expr K = Expr.symbol("k", DType.INT64);

    private static Map<String, Object> data(int n) {
        Random random = new Random(n);
        Map<String, Object> data = new HashMap<>();
        data.put("x", ComputeTesting.doubles(random, n));
        data.put("f", ComputeTesting.floats(random, n));
        data.put("l", ComputeTesting.longs(random, n));
        data.put("i", ComputeTesting.ints(random, n));
        data.put("mu", -1.33);
        data.put("sigma", 1.25);
        data.put("k", 3L);
        return data;
    }

    @Test
    void writesWhatComputeReturnsForEveryTypeAndEngine() {
        Expr f = Expr.symbol("f", DType.FLOAT32);
        Expr i = Expr.symbol("i", DType.INT32);
        List<Expr> expressions = List.of(ComputeTesting.gaussian(), X.mul(2.0).add(X.exp()), f.mul(2.5f).add(f.sin()),
                L.mul(Expr.literal(3)).add(L.mod(K)), i.add(Expr.literal(1)), X.gt(0.0), X.sub(X.mean()).div(X.std()),
                new Call(TestFunctions.POLY, List.of(X.sub(1.0))));
        for (int n : new int[] {0, 1, 13, 100_003}) {
            Map<String, Object> data = data(n);
            for (Expr e : expressions) {
                for (Compute.Options options : List.of(Compute.Options.defaults(),
                        Compute.Options.defaults().parallel(true), Compute.Options.defaults().optimize(false),
                        Compute.Options.defaults().generateLoops(false))) {
                    Object expected = Compute.compute(e, data, options.vectorMath(false));
                    Object out = Conversions.newArray(e.dtype().arrayType(), n);
                    Compute.computeInto(e, data, out, options.vectorMath(false));
                    ComputeTesting.assertSameBits(expected, out, e + " with " + options + " over " + n);
                }
            }
        }
    }

    @Test
    void outMayBeAnInput() {
        Map<String, Object> data = data(10_001);
        double[] x = (double[]) data.get("x");
        for (Expr e : List.of(X.mul(2.0).add(X), X.mul(X.sum()), new Call(TestFunctions.POLY, List.of(X)).sub(X))) {
            double[] copy = x.clone();
            Object expected = Compute.compute(e, Map.of("x", copy), Compute.Options.defaults().vectorMath(false));
            Compute.computeInto(e, Map.of("x", copy), copy, Compute.Options.defaults().vectorMath(false));
            ComputeTesting.assertSameBits(expected, copy, e.toString());
        }
    }

    @Test
    void aPassWithoutArraysFillsOut() {
        double[] out = new double[5];
        Compute.computeInto(Expr.symbol("mu").mul(2.0), Map.of("mu", 1.5), out);
        assertArrayEquals(new double[] {3, 3, 3, 3, 3}, out);
        long[] sums = new long[3];
        Compute.computeInto(L.sum().add(Expr.literal(1)), Map.of("l", new long[] {1, 2}), sums);
        assertArrayEquals(new long[] {4, 4, 4}, sums);
    }

    @Test
    void badOutIsAClearErrorAndNothingIsWritten() {
        Map<String, Object> data = data(10);
        double[] out = new double[10];
        Arrays.fill(out, 7.0);
        assertEquals("computeInto needs an elementwise expression, and sum(x) is a reduction: compute returns its value",
                assertThrows(IllegalArgumentException.class, () -> Compute.computeInto(X.sum(), data, out)).getMessage());
        assertEquals("out must be a double[] for the float64 expression x + 1.0, not null",
                assertThrows(IllegalArgumentException.class, () -> Compute.computeInto(X.add(1.0), data, null))
                        .getMessage());
        assertEquals("out must be a double[] for the float64 expression x + 1.0, not float[]",
                assertThrows(IllegalArgumentException.class,
                        () -> Compute.computeInto(X.add(1.0), data, new float[10])).getMessage());
        assertEquals("out has 9 elements, the bound arrays 10; pass a double[10]",
                assertThrows(IllegalArgumentException.class,
                        () -> Compute.computeInto(X.add(1.0), data, new double[9])).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Compute.computeInto(X.add(Expr.symbol("nope")), data, out));
        // Fails in the middle of the pass: out is untouched.
        long[] longs = new long[10];
        Arrays.fill(longs, 7);
        Map<String, Object> zero = new HashMap<>(data);
        zero.put("k", 0L);
        for (Compute.Options options : List.of(Compute.Options.defaults(), Compute.Options.defaults().optimize(false))) {
            assertThrows(ArithmeticException.class, () -> Compute.computeInto(L.mod(K), zero, longs, options));
        }
        assertArrayEquals(new long[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, longs);
        // ... after its first blocks, on the block engine, which writes into out only what cannot fail.
        long[] divisors = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        zero.put("q", divisors);
        Expr lastFails = L.add(Expr.literal(1)).mul(L.mod(Expr.symbol("q", DType.INT64)));
        for (Compute.Options options : List.of(Compute.Options.defaults().generateLoops(false).blockSize(3),
                Compute.Options.defaults().blockSize(3))) {
            assertThrows(ArithmeticException.class, () -> Compute.computeInto(lastFails, zero, longs, options));
        }
        assertArrayEquals(new long[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, longs);
        double[] sevens = new double[10];
        Arrays.fill(sevens, 7.0);
        assertArrayEquals(sevens, out);
    }
}
