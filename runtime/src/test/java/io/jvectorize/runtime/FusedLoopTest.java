package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated loop of float64 passes ({@link FusedLoop}): where it runs, and that it computes
 * what the block engine and the reference compute, over random trees of every operator it
 * covers, lengths around the vector size (its tail goes to the block engine), special values
 * and threads. Without the Vector API no loop is generated, and the same tests check that
 * the block engine answers instead.
 */
class FusedLoopTest {

    private static final Expr A = Expr.symbol("a");
    private static final Expr B = Expr.symbol("b");
    private static final Expr S = Expr.symbol("s");
    private static final Expr FLAG = Expr.symbol("flag", DType.BOOLEAN);
    private static final Operator[] ARITHMETIC = {Operator.NEG, Operator.ABS, Operator.SQRT, Operator.ADD,
        Operator.SUB, Operator.MUL, Operator.DIV, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW};
    private static final Operator[] COMPARISONS = {Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.EQ,
        Operator.NE};
    private static final String LOOP = "in one generated Vector API loop";
    /** What explain says of a reduction whose operand runs in the loop. */
    private static final String REDUCTION_LOOP = "each through one generated Vector API loop";

    /**
     * Random float64 trees of the operators a loop covers: arithmetic (powers only of 2), and
     * where on comparisons or a bool array.
     */
    private static Expr tree(Random random, int depth) {
        int pick = random.nextInt(10);
        if (depth >= 5 || pick < 3) {
            switch (random.nextInt(5)) {
                case 0: return B;
                case 1: return S;
                case 2: return Expr.literal(random.nextBoolean() ? random.nextGaussian()
                        : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
                default: return A;
            }
        }
        if (pick == 3) {
            Operator comparison = COMPARISONS[random.nextInt(COMPARISONS.length)];
            Expr condition = random.nextInt(4) == 0 ? FLAG
                    : new Operation(comparison, List.of(tree(random, depth + 2), tree(random, depth + 2)));
            return Expr.where(condition, tree(random, depth + 1), tree(random, depth + 1));
        }
        Operator op = ARITHMETIC[random.nextInt(ARITHMETIC.length)];
        if (op == Operator.POW) {
            return tree(random, depth + 1).pow(Expr.literal(2.0));
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            operands.add(tree(random, depth + 1));
        }
        return new Operation(op, operands);
    }

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("b", ComputeTesting.doubles(random, n));
        data.put("flag", ComputeTesting.booleans(random, n));
        data.put("s", random.nextBoolean() ? random.nextGaussian()
                : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
        return data;
    }

    private static boolean hasArrays(Expr e) {
        if (e instanceof Symbol symbol) {
            return !symbol.name().equals("s"); // parsed trees have symbols of their own
        }
        for (Expr child : e.children()) {
            if (hasArrays(child)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void arithmeticTreesRunInTheLoopBitForBit() {
        Random random = new Random(8128);
        int lanes = Simd.ENABLED ? LaneOps.LANES : 8;
        int[] lengths = {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 2, 1000, 4099};
        int looped = 0;
        for (int t = 0; t < 1500; t++) {
            Expr e = tree(random, 0);
            int n = lengths[random.nextInt(lengths.length)];
            Map<String, Object> data = data(random, n);
            String plan = Compute.explain(e, data);
            if (plan.contains(LOOP)) {
                looped++;
            }
            Object expected = Compute.compute(e, data, false);
            String what = e + " over " + n;
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
            ComputeTesting.assertSameBits(expected,
                    Compute.compute(e, data, Compute.Options.defaults().generateLoops(false)), what);
        }
        assertEquals(0, FusedLoop.failedLoops(), "loop classes the JVM refused");
        if (ComputeTesting.LOOPS) {
            assertTrue(looped > 600, "trees run in a generated loop: " + looped);
        } else {
            assertEquals(0, looped);
        }
    }

    /** The same trees in float32: symbols typed float32, so their literals are float32 too. */
    @Test
    void float32TreesRunInTheirOwnLoopBitForBit() {
        Random random = new Random(3232);
        Map<String, DType> types = Map.of("a", DType.FLOAT32, "b", DType.FLOAT32, "s", DType.FLOAT32,
                "flag", DType.BOOLEAN);
        int lanes = Simd.ENABLED ? FloatLaneOps.LANES : 16;
        int[] lengths = {1, lanes - 1, lanes, 3 * lanes + 2, 1001, 4099};
        int looped = 0;
        int reductionsLooped = 0;
        for (int t = 0; t < 800; t++) {
            Expr e = Expr.parse(tree(random, 0).toString(), types);
            int n = lengths[random.nextInt(lengths.length)];
            Map<String, Object> data = new HashMap<>();
            data.put("a", ComputeTesting.floats(random, n));
            data.put("b", ComputeTesting.floats(random, n));
            data.put("s", (float) random.nextGaussian());
            data.put("flag", ComputeTesting.booleans(random, n));
            if (Compute.explain(e, data).contains(LOOP)) {
                looped++;
            }
            String what = e + " over " + n;
            Object expected = Compute.compute(e, data, false);
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
            if (e.dtype() == DType.FLOAT32 && n > 0) {
                float[] out = new float[((float[]) expected).length];
                Compute.computeInto(e, data, out, Compute.Options.defaults().parallel(true));
                ComputeTesting.assertSameBits(expected, out, what + " into out");
                // A reduction's operand too, its float lanes widened into the register the fold reads.
                Compute.Options blocks = Compute.Options.defaults().blockSize(1001);
                assertEquals(Compute.compute(e.sum(), data, blocks.optimize(false)), Compute.compute(e.sum(), data, blocks),
                        "sum of " + what);
                assertEquals(Compute.compute(e.nanmax(), data, blocks.optimize(false)),
                        Compute.compute(e.nanmax(), data, blocks), "nanmax of " + what);
                if (Compute.explain(e.sum(), data, blocks).contains(REDUCTION_LOOP)) {
                    reductionsLooped++;
                }
            }
        }
        assertEquals(ComputeTesting.LOOPS, looped > 300, "float32 trees in a generated loop: " + looped);
        assertEquals(ComputeTesting.LOOPS, reductionsLooped > 300,
                "float32 sums in a generated loop: " + reductionsLooped);
        assertEquals(0, FusedLoop.failedLoops(), "loop classes the JVM refused");
    }

    private static final Operator[] INTEGER_ARITHMETIC = {Operator.NEG, Operator.ABS, Operator.ADD, Operator.SUB,
        Operator.MUL, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW};

    /** Random integer trees of the operators an integer loop covers: wrapping arithmetic, and where. */
    private static Expr integerTree(Random random, int depth, DType type) {
        int pick = random.nextInt(10);
        if (depth >= 5 || pick < 3) {
            switch (random.nextInt(5)) {
                case 0: return Expr.symbol("b", type);
                case 1: return Expr.symbol("s", type);
                case 2: return Expr.literal(random.nextBoolean() ? random.nextInt(21) - 10
                        : ComputeTesting.SPECIAL_INTS[random.nextInt(ComputeTesting.SPECIAL_INTS.length)]);
                default: return Expr.symbol("a", type);
            }
        }
        if (pick == 3) {
            Operator comparison = COMPARISONS[random.nextInt(COMPARISONS.length)];
            Expr condition = random.nextInt(4) == 0 ? FLAG
                    : new Operation(comparison, List.of(integerTree(random, depth + 2, type),
                            integerTree(random, depth + 2, type)));
            return Expr.where(condition, integerTree(random, depth + 1, type), integerTree(random, depth + 1, type));
        }
        Operator op = INTEGER_ARITHMETIC[random.nextInt(INTEGER_ARITHMETIC.length)];
        if (op == Operator.POW) {
            return integerTree(random, depth + 1, type).pow(Expr.literal(2));
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            operands.add(integerTree(random, depth + 1, type));
        }
        return new Operation(op, operands);
    }

    /** int64 and int32 trees run in loops of LongVector and IntVector lanes, wrapping as Java does. */
    @Test
    void integerTreesRunInTheirOwnLoopBitForBit() {
        Random random = new Random(6432);
        int looped = 0;
        int reductionsLooped = 0;
        for (int t = 0; t < 1200; t++) {
            DType type = t % 2 == 0 ? DType.INT64 : DType.INT32;
            Expr e = integerTree(random, 0, type);
            int lanes = Simd.ENABLED ? (type == DType.INT64 ? LongLaneOps.LANES : IntLaneOps.LANES) : 8;
            int[] lengths = {1, lanes - 1, lanes, 3 * lanes + 2, 1001, 4099};
            int n = lengths[random.nextInt(lengths.length)];
            Map<String, Object> data = new HashMap<>();
            data.put("a", type == DType.INT64 ? ComputeTesting.longs(random, n) : ComputeTesting.ints(random, n));
            // b the other integer type, at times: the loop loads int32 arrays widened into int64 lanes.
            data.put("b", type == DType.INT32 || random.nextBoolean() ? ComputeTesting.ints(random, n)
                    : ComputeTesting.longs(random, n));
            data.put("s", type == DType.INT64 ? (Object) ComputeTesting.SPECIAL_LONGS[random.nextInt(
                    ComputeTesting.SPECIAL_LONGS.length)] : (Object) (random.nextInt(41) - 20));
            data.put("flag", ComputeTesting.booleans(random, n));
            Expr typed = Expr.parse(e.toString(), Map.of("a", type, "b", data.get("b") instanceof int[] ? DType.INT32
                    : DType.INT64, "s", type, "flag", DType.BOOLEAN));
            if (Compute.explain(typed, data).contains(LOOP)) {
                looped++;
            }
            String what = typed + " over " + n;
            Object expected = Compute.compute(typed, data, false);
            ComputeTesting.assertSameBits(expected, Compute.compute(typed, data), what);
            if (typed.dtype() != DType.BOOLEAN) {
                Object out = java.lang.reflect.Array.newInstance(typed.dtype().arrayType().getComponentType(),
                        java.lang.reflect.Array.getLength(expected));
                Compute.computeInto(typed, data, out, Compute.Options.defaults().parallel(true));
                ComputeTesting.assertSameBits(expected, out, what + " into out");
                Compute.Options blocks = Compute.Options.defaults().blockSize(1001);
                for (Expr reduction : List.of(typed.sum(), typed.max())) {
                    assertEquals(Compute.compute(reduction, data, blocks.optimize(false)),
                            Compute.compute(reduction, data, blocks), reduction + " over " + n);
                }
                if (Compute.explain(typed.sum(), data, blocks).contains(REDUCTION_LOOP)) {
                    reductionsLooped++;
                }
            }
        }
        assertEquals(ComputeTesting.LOOPS, looped > 400, "integer trees in a generated loop: " + looped);
        assertEquals(ComputeTesting.LOOPS, reductionsLooped > 300,
                "integer sums in a generated loop: " + reductionsLooped);
        assertEquals(0, FusedLoop.failedLoops(), "loop classes the JVM refused");
    }

    /** The same once the JIT has compiled the loops (int64 multiplication, for one, is emulated on AVX2). */
    @Test
    void integerLoopsCompiledByTheJitWrapAsJava() {
        Random random = new Random(6433);
        int n = 1 << 14;
        Map<String, Object> data = Map.of("q", ComputeTesting.longs(random, n), "r", ComputeTesting.longs(random, n),
                "i", ComputeTesting.ints(random, n), "j", ComputeTesting.ints(random, n));
        Map<String, DType> types = Map.of("q", DType.INT64, "r", DType.INT64, "i", DType.INT32, "j", DType.INT32);
        for (String text : List.of("q * r - abs(q) * 3", "where(q < r, -q, max(q, r)) + i", "i * j + min(i, -j) ** 2",
                "sum(i * j)", "max(abs(i) - j)", "sum(q * i)")) {
            Expr e = Expr.parse(text, types);
            Object expected = Compute.compute(e, data, false);
            Object actual = null;
            for (int call = 0; call < 200; call++) {
                actual = Compute.compute(e, data);
            }
            if (expected instanceof Number) {
                assertEquals(expected, actual, text);
            } else {
                ComputeTesting.assertSameBits(expected, actual, text);
            }
        }
    }

    /**
     * The float64 trees with b an int64, int32 or float32 array: the loop loads it converted to
     * float64 lanes, as exactly as the block engine converts it.
     */
    @Test
    void mixedTypeTreesLoadTheirOtherArraysConverted() {
        Random random = new Random(6464);
        DType[] others = {DType.INT64, DType.INT32, DType.FLOAT32};
        int lanes = Simd.ENABLED ? LaneOps.LANES : 8;
        int[] lengths = {1, lanes - 1, lanes, 3 * lanes + 2, 1001, 4099};
        int looped = 0;
        for (int t = 0; t < 900; t++) {
            DType other = others[t % others.length];
            Expr e = Expr.parse(tree(random, 0).toString(), Map.of("b", other, "flag", DType.BOOLEAN));
            int n = lengths[random.nextInt(lengths.length)];
            Map<String, Object> data = data(random, n);
            data.put("b", other == DType.INT64 ? ComputeTesting.longs(random, n)
                    : other == DType.INT32 ? ComputeTesting.ints(random, n) : ComputeTesting.floats(random, n));
            if (Compute.explain(e, data).contains(LOOP)) {
                looped++;
            }
            String what = e + " with b " + other + " over " + n;
            Object expected = Compute.compute(e, data, false);
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
            if (e.dtype() == DType.FLOAT64) {
                Compute.Options blocks = Compute.Options.defaults().blockSize(1001);
                assertEquals(Compute.compute(e.sum(), data, blocks.optimize(false)), Compute.compute(e.sum(), data, blocks),
                        "sum of " + what);
            }
        }
        assertEquals(ComputeTesting.LOOPS, looped > 300, "mixed trees in a generated loop: " + looped);
        assertEquals(0, FusedLoop.failedLoops(), "loop classes the JVM refused");
    }

    /** Every int64 rounds as Java's cast rounds it: the loop builds the conversion from bit operations. */
    @Test
    void int64ArraysConvertAsJavaCastsThem() {
        Random random = new Random(53);
        long[] special = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, (1L << 53) + 1, -(1L << 53) - 1, (1L << 54) + 2,
            (1L << 54) + 6, 0xFFFF_FFFFL, -0x1_0000_0000L, 0x8000_0000_0000_0001L, 0x7FFF_FFFF_FFFF_FDFFL,
            0x7FFF_FFFF_FFFF_FC00L, Integer.MIN_VALUE, Integer.MAX_VALUE};
        int n = 1 << 16;
        long[] q = new long[n];
        for (int i = 0; i < n; i++) {
            q[i] = i < special.length ? special[i] : random.nextInt(8) == 0 ? special[random.nextInt(special.length)]
                    : random.nextLong() >> random.nextInt(64);
        }
        Expr e = Expr.parse("q * 1.0", Map.of("q", DType.INT64));
        Map<String, Object> data = Map.of("q", q);
        double[] cast = new double[n];
        for (int i = 0; i < n; i++) {
            cast[i] = q[i];
        }
        assertEquals(ComputeTesting.LOOPS, Compute.explain(e, data).contains(LOOP));
        for (int call = 0; call < 50; call++) { // and once the JIT has compiled the loop
            ComputeTesting.assertSameBits(cast, Compute.compute(e, data), "call " + call);
        }
    }

    @Test
    void everyTreeWithArraysRunsInTheLoop() {
        Random random = new Random(3);
        for (int t = 0; t < 300; t++) {
            Expr e = tree(random, 0);
            if (hasArrays(e) && e instanceof Operation) {
                assertEquals(ComputeTesting.LOOPS, Compute.explain(e, data(random, 100)).contains(LOOP), e.toString());
            }
        }
    }

    @Test
    void mathFunctionsInTheLoopAreWithinTheVectorMathBound() {
        Random random = new Random(99);
        List<Operator> functions = new ArrayList<>(Step.Op.VECTOR_MATH);
        for (int t = 0; t < 600; t++) {
            Operator f = functions.get(t % functions.size());
            List<Expr> operands = new ArrayList<>();
            for (int i = 0; i < f.arity(); i++) {
                operands.add(random.nextBoolean() ? A.mul(Expr.literal(random.nextGaussian())) : tree(random, 3));
            }
            Expr e = new Operation(f, operands);
            int n = 1 + random.nextInt(300);
            Map<String, Object> data = data(random, n);
            double[] expected = (double[]) Compute.compute(e, data, false);
            double[] actual = (double[]) Compute.compute(e, data);
            assertEquals(hasArrays(e) && ComputeTesting.LOOPS && n >= LaneOps.LANES, Compute.explain(e, data).contains(LOOP),
                    e.toString());
            for (int i = 0; i < expected.length; i++) {
                long ulps = ComputeTesting.ulps(expected[i], actual[i]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, e + " at element " + i + ": " + actual[i]
                        + " is " + ulps + " ulp from " + expected[i]);
            }
            // Bit-exact math keeps the block engine, with Math's functions.
            Compute.Options exact = Compute.Options.defaults().vectorMath(false);
            assertTrue(!Compute.explain(e, data, exact).contains(LOOP), e.toString());
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, exact), e.toString());
        }
    }

    /**
     * float32 math functions run on the vector library's float routines in a float32 loop:
     * within the bound of {@link Math}'s result rounded to float, in float ulps.
     */
    @Test
    void float32MathFunctionsInTheLoopAreWithinTheVectorMathBound() {
        Random random = new Random(3299);
        Map<String, DType> types = Map.of("a", DType.FLOAT32, "b", DType.FLOAT32, "s", DType.FLOAT32,
                "flag", DType.BOOLEAN);
        List<Operator> functions = new ArrayList<>(Step.Op.VECTOR_MATH);
        int looped = 0;
        for (int t = 0; t < 600; t++) {
            Operator f = functions.get(t % functions.size());
            List<Expr> operands = new ArrayList<>();
            for (int i = 0; i < f.arity(); i++) {
                operands.add(random.nextBoolean() ? A.mul(Expr.literal(random.nextGaussian())) : tree(random, 3));
            }
            Expr e = Expr.parse(new Operation(f, operands).toString(), types);
            int n = 1 + random.nextInt(300);
            Map<String, Object> data = new HashMap<>();
            data.put("a", ComputeTesting.floats(random, n));
            data.put("b", ComputeTesting.floats(random, n));
            data.put("s", (float) random.nextGaussian());
            data.put("flag", ComputeTesting.booleans(random, n));
            if (e.dtype() != DType.FLOAT32) {
                continue; // a float64 literal made it a float64 pass
            }
            float[] expected = (float[]) Compute.compute(e, data, false);
            float[] actual = (float[]) Compute.compute(e, data);
            boolean inLoop = Compute.explain(e, data).contains(LOOP);
            assertEquals(hasArrays(e) && ComputeTesting.LOOPS && n >= FloatLaneOps.LANES, inLoop, e.toString());
            looped += inLoop ? 1 : 0;
            for (int i = 0; i < expected.length; i++) {
                long ulps = ComputeTesting.ulps(expected[i], actual[i]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, e + " at element " + i + ": " + actual[i]
                        + " is " + ulps + " float ulp from " + expected[i]);
            }
            Compute.Options exact = Compute.Options.defaults().vectorMath(false);
            assertTrue(!Compute.explain(e, data, exact).contains(LOOP), e.toString());
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, exact), e.toString());
        }
        assertEquals(ComputeTesting.LOOPS, looped > 300, "float32 math in a generated loop: " + looped);
        assertEquals(0, FusedLoop.failedLoops(), "loop classes the JVM refused");
    }

    /** The same once the JIT has compiled the loops: the vector library's routines, not Math's. */
    @Test
    void float32MathFunctionsInCompiledLoopsAreWithinTheVectorMathBound() {
        Random random = new Random(77);
        Map<String, Object> data = Map.of("a", ComputeTesting.floats(random, 1 << 14),
                "b", ComputeTesting.floats(random, 1 << 14));
        Expr a = Expr.symbol("a", DType.FLOAT32);
        Expr b = Expr.symbol("b", DType.FLOAT32);
        for (Operator f : Step.Op.VECTOR_MATH) {
            Expr e = f.arity() == 1 ? new Operation(f, List.of(a)) : new Operation(f, List.of(a, b));
            float[] expected = (float[]) Compute.compute(e, data, false);
            float[] actual = null;
            for (int call = 0; call < 300; call++) {
                actual = (float[]) Compute.compute(e, data);
            }
            for (int i = 0; i < expected.length; i++) {
                long ulps = ComputeTesting.ulps(expected[i], actual[i]);
                assertTrue(ulps <= Compute.VECTOR_MATH_ULPS, e + " at element " + i + " (a = " + ((float[]) data.get("a"))[i]
                        + "): " + actual[i] + " is " + ulps + " float ulp from " + expected[i]);
            }
        }
    }

    @Test
    void callsWithLaneFunctionsRunInTheLoop() {
        Random random = new Random(23);
        Expr f = Expr.symbol("f", DType.FLOAT32);
        for (int n : new int[] {0, 1, 7, 1001, 100_003}) {
            Map<String, Object> data = data(random, n);
            data.put("f", ComputeTesting.floats(random, n));
            for (Expr e : List.of(poly(A).add(1.0), poly(A), mix(poly(A.mul(2.0)), B.sub(S)).div(S),
                    mix(A, poly(S)), poly(poly(A)).sqrt())) {
                String what = e + " over " + n;
                // Fewer elements than a vector: the block engine computes them all.
                assertEquals(ComputeTesting.LOOPS && n >= LaneOps.LANES, Compute.explain(e, data).contains(LOOP), what);
                Object expected = Compute.compute(e, data, false);
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data), what);
                ComputeTesting.assertSameBits(expected, Compute.compute(e, data,
                        Compute.Options.defaults().parallel(true)), what);
                double[] out = new double[n];
                Compute.computeInto(e, data, out);
                ComputeTesting.assertSameBits(expected, out, what);
            }
            // A float32 argument goes to the float32 overload, which has no lane function.
            assertTrue(!Compute.explain(poly(f).add(1.0f), data).contains(LOOP));
        }
    }

    private static Expr poly(Expr t) {
        return new Call(TestFunctions.POLY, List.of(t));
    }

    private static Expr mix(Expr a, Expr b) {
        return new Call(TestFunctions.MIX, List.of(a, b));
    }

    @Test
    void reductionsFoldBlocksTheLoopComputed() {
        Random random = new Random(61);
        Reduction.Kind[] kinds = Reduction.Kind.values();
        int looped = 0;
        for (int t = 0; t < 600; t++) {
            Expr operand = tree(random, 1);
            Expr e = new Reduction(kinds[random.nextInt(kinds.length)], operand);
            int n = new int[] {1, 9, 1000, 4096, 10_007}[random.nextInt(5)];
            int blockSize = new int[] {7, 64, 1001, 4096}[random.nextInt(4)];
            Map<String, Object> data = data(random, n);
            Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
            String plan = Compute.explain(e, data, options);
            if (plan.contains("each through one generated Vector API loop")) {
                looped++;
            }
            Object expected = outcome(() -> Compute.compute(e, data, options.optimize(false)));
            String what = e + " over " + n + " in blocks of " + blockSize;
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options)), what);
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options.generateLoops(false))), what);
            assertEquals(expected, outcome(() -> Compute.compute(e, data, options.parallel(true))), what);
        }
        assertEquals(ComputeTesting.LOOPS, looped > 150, "reductions through a generated loop: " + looped);
    }

    /** A reduction's value, boxed, with NaN as one value; or its error. */
    private static Object outcome(java.util.function.Supplier<Object> reduction) {
        try {
            Object value = reduction.get();
            return value instanceof Double d && d.isNaN() ? "NaN" : value;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void parallelEqualsSerialBitForBit() {
        Random random = new Random(17);
        int n = Math.max(3 * Parallel.serialCutoff(), 100_003);
        for (int t = 0; t < 40; t++) {
            Expr e = tree(random, 0);
            Map<String, Object> data = data(random, n);
            ComputeTesting.assertSameBits(Compute.compute(e, data),
                    Compute.compute(e, data, Compute.Options.defaults().parallel(true)), "parallel " + e);
        }
    }

    @Test
    void passesTooLargeForTheJitStayWithTheBlockEngine() {
        Map<String, Object> data = data(new Random(5), 1001);
        // 16 terms: 2 loads, 16 multiplications, 15 additions and the store, 34 operations.
        // 17 terms are 36; 18 terms, 38, are more than C2 inlines into one loop.
        for (int terms : new int[] {16, 17, 18, 1200}) {
            Expr e = sumOfTerms(terms);
            String plan = Compute.explain(e, data);
            boolean fits = 2 + terms + (terms - 1) + 1 <= FusedLoop.MAX_OPERATIONS;
            assertEquals(ComputeTesting.LOOPS && fits, plan.contains(LOOP), terms + " terms: " + plan.substring(0, 80));
            assertEquals(terms <= 17, fits, terms + " terms");
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), terms + " terms");
        }
    }

    @Test
    void aCallCountsItsLaneFunctionsOperations() {
        Map<String, Object> data = data(new Random(6), 1001);
        // t terms and a call: 2 loads, t multiplications, t additions, the call's own
        // operations and the store.
        int call = TestFunctions.MIX.overloads().get(0).laneOperations();
        int terms = (FusedLoop.MAX_OPERATIONS - 3 - call) / 2;
        Expr fits = sumOfTerms(terms).add(mix(A, B));
        Expr tooLarge = sumOfTerms(terms + 1).add(mix(A, B));
        assertEquals(ComputeTesting.LOOPS, Compute.explain(fits, data).contains(LOOP), Compute.explain(fits, data));
        assertTrue(!Compute.explain(tooLarge, data).contains(LOOP), Compute.explain(tooLarge, data));
        ComputeTesting.assertSameBits(Compute.compute(fits, data, false), Compute.compute(fits, data), "fits");
    }

    @Test
    void aLoopRefusesACallLargerThanItsBudget() {
        Map<String, Object> data = data(new Random(10), 1001);
        VectorizedFunction.Overload poly = TestFunctions.POLY.overloads().get(1);
        for (int operations : new int[] {7, FusedLoop.MAX_OPERATIONS, Integer.MAX_VALUE}) {
            VectorizedFunction large = new VectorizedFunction(TestFunctions.class, "poly", List.of(
                    new VectorizedFunction.Overload(poly.returnType(), poly.argumentTypes(), poly.implementation(),
                            poly.kernel(), poly.lanes(), operations)));
            Expr e = new Call(large, List.of(A.mul(2.0)));
            // With the load, the multiplication and the store, only 7 fits.
            assertEquals(ComputeTesting.LOOPS && operations == 7, Compute.explain(e, data).contains(LOOP), "" + operations);
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), "" + operations);
        }
    }

    @Test
    void expressionsThatDifferOnlyInConstantsShareOneLoop() {
        Map<String, Object> data = data(new Random(7), 100);
        // A shape no other test computes, so that its first run defines a new loop.
        Expr first = shape(1.5, 3.0, 0.25);
        Expr second = shape(2.5, -7.0, 1e300);
        long before = FusedLoop.definedLoops();
        ComputeTesting.assertSameBits(Compute.compute(first, data, false), Compute.compute(first, data), "first");
        long defined = FusedLoop.definedLoops() - before;
        ComputeTesting.assertSameBits(Compute.compute(second, data, false), Compute.compute(second, data), "second");
        assertEquals(ComputeTesting.LOOPS ? 1L : 0L, defined);
        assertEquals(before + defined, FusedLoop.definedLoops(), "the second expression defined no loop");
    }

    /** {@code sqrt(abs(a * p - b / q)) * a - min(b, q) ** 2 + r}: a shape no random tree reaches. */
    private static Expr shape(double p, double q, double r) {
        Expr left = A.mul(Expr.literal(p)).sub(B.div(Expr.literal(q))).abs().sqrt().mul(A);
        return left.sub(new Operation(Operator.MINIMUM, List.of(B, Expr.literal(q))).pow(Expr.literal(2.0)))
                .add(Expr.literal(r));
    }

    @Test
    void aRunWithoutGeneratedLoopsDefinesNone() {
        Map<String, Object> data = data(new Random(8), 100);
        Expr e = A.sub(B).abs().div(A.add(Expr.literal(0.25))).sqrt().neg();
        long before = FusedLoop.definedLoops();
        Compute.Options blocks = Compute.Options.defaults().generateLoops(false);
        ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data, blocks), "blocks");
        assertTrue(Compute.explain(e, data, blocks).contains("in blocks of 4096"));
        assertEquals(before, FusedLoop.definedLoops());
    }

    @Test
    void explainClaimsTheLoopOnlyWhereItComputesAWholeVector() {
        int lanes = Simd.ENABLED ? LaneOps.LANES : 8;
        Expr e = A.mul(B).add(Expr.literal(1.0));
        for (int n : new int[] {lanes - 1, lanes, 1001}) {
            Map<String, Object> data = data(new Random(n), n);
            assertEquals(ComputeTesting.LOOPS && n >= lanes, Compute.explain(e, data).contains(LOOP), "n = " + n);
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), "n = " + n);
        }
        Expr sum = e.sum();
        Map<String, Object> data = data(new Random(9), 1001);
        for (int blockSize : new int[] {lanes - 1, lanes, 1001}) {
            Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
            String plan = Compute.explain(sum, data, options);
            assertEquals(ComputeTesting.LOOPS && blockSize >= lanes, plan.contains("each through one generated Vector API loop"),
                    plan);
            assertEquals(Compute.compute(sum, data, options.optimize(false)), Compute.compute(sum, data, options),
                    "blocks of " + blockSize);
        }
    }

    /** {@code a*1 + b*2 + a*3 + ...}, summed pairwise: deep enough for any loop, shallow enough for the stack. */
    private static Expr sumOfTerms(int n) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            terms.add((i % 2 == 0 ? B : A).mul(Expr.literal(i)));
        }
        while (terms.size() > 1) {
            List<Expr> sums = new ArrayList<>();
            for (int i = 0; i + 1 < terms.size(); i += 2) {
                sums.add(terms.get(i).add(terms.get(i + 1)));
            }
            if (terms.size() % 2 == 1) {
                sums.add(terms.get(terms.size() - 1));
            }
            terms = sums;
        }
        return terms.get(0);
    }

    @Test
    void otherPassesKeepTheBlockEngine() {
        Map<String, Object> data = Map.of("a", new double[100], "f", new float[100], "l", new long[100],
                "flag", new boolean[100]);
        // Integer modulo and powers but 2, integer comparisons in a float64 pass, comparisons of
        // bools, functions without a vector counterpart, a reduction of an input alone.
        Expr l = Expr.symbol("l", DType.INT64);
        for (Expr e : List.of(A.sum(), l.mod(3), l.pow(Expr.literal(3)), Expr.where(l.gt(Expr.literal(0)), A, B),
                FLAG.eq(A.gt(B)), A.tanh(), A.pow(Expr.literal(3.0)), A.mod(2.0))) {
            Map<String, Object> withB = new HashMap<>(data);
            withB.put("b", new double[100]);
            assertTrue(!Compute.explain(e, withB).contains("generated Vector API loop"), e.toString());
            Compute.compute(e, withB);
        }
    }

    @Test
    void comparisonsAndWhereRunInTheLoopBitForBit() {
        Random random = new Random(404);
        Map<String, Object> data = data(random, 1003);
        double[] a = (double[]) data.get("a");
        double[] b = (double[]) data.get("b");
        for (int i = 0; i < 40; i++) {
            b[i * 7] = a[i * 7]; // equal lanes, for == and !=
        }
        Expr on = Expr.symbol("on", DType.BOOLEAN);
        for (boolean value : new boolean[] {true, false}) {
            // A bool number is a mask of one value in every lane.
            data.put("on", value);
            Expr e = Expr.where(on, A, B.neg()).add(Expr.where(on, S, A.mul(2.0)));
            assertEquals(ComputeTesting.LOOPS, Compute.explain(e, data).contains(LOOP), Compute.explain(e, data));
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), e + " on " + value);
        }
        boolean[] greater = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            greater[i] = a[i] > b[i];
        }
        // A bool result stays with the block engine: JDK 17 allocates to store a mask.
        assertTrue(!Compute.explain(A.gt(B), data).contains(LOOP));
        ComputeTesting.assertSameBits(greater, Compute.compute(A.gt(B), data), "a > b");
        boolean[] into = new boolean[a.length];
        Compute.computeInto(A.gt(B), data, into);
        ComputeTesting.assertSameBits(greater, into, "a > b into out");
        // A bool array as the condition: the loop loads it as a mask.
        Expr chosen = Expr.where(FLAG, A, B.mul(S));
        assertEquals(ComputeTesting.LOOPS, Compute.explain(chosen, data).contains(LOOP));
        ComputeTesting.assertSameBits(Compute.compute(chosen, data, false), Compute.compute(chosen, data), "flag");
        Expr counted = Expr.where(A.gt(S), Expr.literal(1.0), Expr.literal(0.0)).sum();
        assertEquals(ComputeTesting.LOOPS, Compute.explain(counted, data).contains("each through one generated Vector API loop"));
        assertEquals(Compute.compute(counted, data, false), Compute.compute(counted, data));
        for (Operator comparison : COMPARISONS) {
            Expr condition = new Operation(comparison, List.of(A, B));
            Expr scaled = new Operation(comparison, List.of(A.mul(2.0), S));
            for (Expr e : List.of(Expr.where(condition, A, B.neg()), Expr.where(condition, S, Expr.literal(0.0)).mul(A),
                    Expr.where(scaled, A.sqrt(), B).sum())) {
                String plan = Compute.explain(e, data);
                assertEquals(ComputeTesting.LOOPS, plan.contains("generated Vector API loop"), plan);
                Object expected = Compute.compute(e, data, false);
                if (e instanceof Reduction) {
                    assertEquals(expected, Compute.compute(e, data), e.toString());
                } else {
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data), e.toString());
                    double[] out = new double[a.length];
                    Compute.computeInto(e, data, out, Compute.Options.defaults().parallel(true));
                    ComputeTesting.assertSameBits(expected, out, e + " into out");
                }
            }
        }
    }
}
