package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What compute says about bad data, the same in both engines; and what it does with scalars only. */
class ComputeErrorsTest {

    private static final Expr X = Expr.symbol("x");
    private static final Expr Y = Expr.symbol("y");

    private static void assertMessage(String expected, Expr e, Map<String, ?> data) {
        for (boolean optimize : new boolean[] {true, false}) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> Compute.compute(e, data, optimize));
            assertEquals(expected, thrown.getMessage());
        }
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Compute.explain(e, data)).getMessage());
    }

    @Test
    void unboundSymbol() {
        assertMessage("symbol y is not bound: the data has mu, x", X.add(Y),
                Map.of("x", new double[1], "mu", 1.0));
        assertMessage("symbol x is not bound: the data has no symbols", X.sum(), Map.of());
    }

    @Test
    void nullData() {
        Map<String, Object> data = new HashMap<>();
        data.put("x", new double[2]);
        data.put("y", null);
        assertMessage("symbol y is bound to null; bind a double[], float[], long[], int[] or boolean[] array,"
                + " a Number, a Boolean or a Complex", X.add(Y), data);
        assertMessage("data is null: pass a map from symbol names to arrays or numbers (Map.of() where the"
                + " expression has no symbols)", X, null);
        assertThrows(NullPointerException.class, () -> Compute.compute(null, Map.of()));
        assertThrows(NullPointerException.class, () -> Compute.compute(X, Map.of(), (Compute.Options) null));
    }

    @Test
    void unsupportedTypes() {
        String supported = "; bind a double[], float[], long[], int[] or boolean[] array, a Number, a Boolean or a Complex";
        assertMessage("symbol x is bound to a java.lang.String, which compute does not support" + supported, X,
                Map.of("x", "1.5"));
        assertMessage("symbol x is bound to a short[], which compute does not support" + supported, X,
                Map.of("x", new short[3]));
        assertMessage("symbol x is bound to a java.lang.Double[], which compute does not support" + supported, X,
                Map.of("x", new Double[3]));
        assertMessage("symbol x is bound to a java.util.ArrayList, which compute does not support" + supported, X,
                Map.of("x", new ArrayList<>(List.of(1.0))));
    }

    @Test
    void everyNumberIsAScalar() {
        Expr n = Expr.symbol("n", DType.INT64);
        Expr i = Expr.symbol("i", DType.INT32);
        for (boolean optimize : new boolean[] {true, false}) {
            assertArrayEquals(new double[] {1.1, 2.1}, (double[]) Compute.compute(X.add(Y),
                    Map.of("x", new double[] {1, 2}, "y", new BigDecimal("0.1")), optimize));
            Expr m = Expr.symbol("m", DType.INT64);
            assertArrayEquals(new long[] {Long.MAX_VALUE}, (long[]) Compute.compute(n.add(m),
                    Map.of("n", new AtomicLong(Long.MAX_VALUE), "m", new long[1]), optimize));
            assertArrayEquals(new long[] {-3, 7}, (long[]) Compute.compute(n.add(m),
                    Map.of("n", BigInteger.valueOf(-5), "m", new long[] {2, 12}), optimize));
            assertArrayEquals(new int[] {8}, (int[]) Compute.compute(i.add(Expr.symbol("k", DType.INT32)),
                    Map.of("i", new AtomicInteger(5), "k", new int[] {3}), optimize));
            // A Long, AtomicLong or BigInteger bound to float64 rounds as Java's (double) cast.
            assertArrayEquals(new double[] {(double) (Long.MAX_VALUE - 1)}, (double[]) Compute.compute(
                    X.mul(Y), Map.of("x", new double[] {1}, "y", BigInteger.valueOf(Long.MAX_VALUE - 1)), optimize));
        }
        // One int64 cannot hold is a float64 scalar.
        assertArrayEquals(new double[] {1 + 0x1p63}, (double[]) Compute.compute(X.add(Y),
                Map.of("x", new double[] {1}, "y", BigInteger.ONE.shiftLeft(63))));
        assertMessage("symbol n is declared int64 but bound to float64 data (BigInteger), which does not widen to"
                + " int64; bind int64 data (long[]), or declare the symbol as float64", n,
                Map.of("n", BigInteger.ONE.shiftLeft(63)));
        LongAdder adder = new LongAdder();
        adder.add(-7);
        assertArrayEquals(new long[] {-7}, (long[]) Compute.compute(n, Map.of("n", adder)));
        assertMessage("symbol n is declared int64 but bound to float64 data (BigDecimal), which does not widen to"
                + " int64; bind int64 data (long[]), or declare the symbol as float64", n,
                Map.of("n", BigDecimal.ONE));
    }

    @Test
    void dataMustWidenToTheDeclaredType() {
        Expr i = Expr.symbol("i", DType.INT32);
        assertMessage("symbol i is declared int32 but bound to float64 data (double[]), which does not widen to int32;"
                + " bind int32 data (int[]), or declare the symbol as float64", i.add(Expr.literal(1)),
                Map.of("i", new double[2]));
        assertMessage("symbol i is declared int32 but bound to int64 data (long[]), which does not widen to int32;"
                + " bind int32 data (int[]), or declare the symbol as int64", i, Map.of("i", new long[2]));
        Expr f = Expr.symbol("f", DType.FLOAT32);
        assertMessage("symbol f is declared float32 but bound to float64 data (Double), which does not widen to"
                + " float32; bind float32 data (float[]), or declare the symbol as float64", f.mul(2.0),
                Map.of("f", 2.0));
        assertMessage("symbol b is declared bool but bound to float64 data (double[]), which does not widen to"
                + " bool; bind bool data (boolean[]), or declare the symbol as float64", Expr.symbol("b", DType.BOOLEAN),
                Map.of("b", new double[1]));
        // bool widens to every number, as NumPy casts it safely: False is 0, True is 1.
        assertArrayEquals(new double[] {1, 0}, (double[]) Compute.compute(X, Map.of("x", new boolean[] {true, false})));
        // Widening is fine: int32 data for float64 and int64, float32 for float64, Integer for int64.
        Object result = Compute.compute(X.add(Expr.symbol("l", DType.INT64)),
                Map.of("x", new int[] {1, 2}, "l", 3));
        assertArrayEquals(new double[] {4, 5}, (double[]) result);
    }

    @Test
    void lengthsMustAgree() {
        Map<String, Object> data = new HashMap<>();
        data.put("x", new double[3]);
        data.put("y", new double[4]);
        data.put("s", 1.0);
        assertMessage("array lengths differ: x has 3, y has 4; arrays must have one length (scalars broadcast)",
                X.add(Y).mul(Expr.symbol("s")), data);
    }

    @Test
    void optionsAreValidated() {
        assertEquals("blockSize must be from 1 to 1048576, not 0 (default 4096)",
                assertThrows(IllegalArgumentException.class, () -> Compute.Options.defaults().blockSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compute.Options.defaults().blockSize((1 << 20) + 1));
        Compute.Options options = Compute.Options.defaults().blockSize(64).parallel(true);
        assertEquals(64, options.blockSize());
        assertEquals(4096, Compute.Options.defaults().blockSize());
        assertEquals(options, Compute.Options.defaults().parallel(true).blockSize(64));
        assertNotEquals(options, options.generateLoops(false));
        assertFalse(options.generateLoops(false).generateLoops());
        assertEquals("Options[optimize=true, parallel=true, blockSize=64, vectorMath=true, generateLoops=true]", options.toString());
    }

    @Test
    void typeConflictsBetweenUsesOfOneSymbol() {
        Executable conflict = () -> Compute.compute(X.add(Expr.symbol("x", DType.INT32)), Map.of("x", new int[1]));
        assertEquals("symbol x appears as float64 and as int32; give it one type",
                assertThrows(IllegalArgumentException.class, conflict).getMessage());
    }

    /** No arrays: the result has one element, as NumPy's arithmetic on 0-d arrays. */
    @Test
    void onlyScalarsGiveOneElement() {
        for (boolean optimize : new boolean[] {true, false}) {
            assertArrayEquals(new double[] {7.0}, (double[]) Compute.compute(Expr.symbol("mu").mul(2.0).add(1.0),
                    Map.of("mu", 3.0), optimize));
            assertArrayEquals(new double[] {3.0}, (double[]) Compute.compute(Expr.literal(1.0).add(2.0), Map.of(), optimize));
            assertArrayEquals(new int[] {Integer.MIN_VALUE}, (int[]) Compute.compute(
                    Expr.symbol("k", DType.INT32).add(Expr.literal(1)), Map.of("k", Integer.MAX_VALUE), optimize));
            assertArrayEquals(new boolean[] {true}, (boolean[]) Compute.compute(Expr.symbol("q", DType.BOOLEAN)
                    .eq(Expr.symbol("q", DType.BOOLEAN)), Map.of("q", false), optimize));
        }
    }

    @Test
    void resultsAreNewArraysAndDataIsNotWritten() {
        double[] x = {1, 2, 3};
        double[] copy = x.clone();
        for (boolean optimize : new boolean[] {true, false}) {
            Object result = Compute.compute(X, Map.of("x", x), optimize);
            assertNotSame(x, result);
            assertArrayEquals(x, (double[]) result);
            Compute.compute(X.mul(2.0).add(X.exp()), Map.of("x", x), optimize);
            assertArrayEquals(copy, x);
        }
    }
}
