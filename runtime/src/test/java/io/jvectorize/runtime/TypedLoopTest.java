package io.jvectorize.runtime;

import static io.jvectorize.runtime.LoopTrees.A;
import static io.jvectorize.runtime.LoopTrees.LOOP;
import static io.jvectorize.runtime.LoopTrees.REDUCTION_LOOP;
import static io.jvectorize.runtime.LoopTrees.data;
import static io.jvectorize.runtime.LoopTrees.hasArrays;
import static io.jvectorize.runtime.LoopTrees.integerTree;
import static io.jvectorize.runtime.LoopTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated loops of the other types ({@link Element}): float32 loops, their math
 * functions within the bound, int64 and int32 loops that wrap as Java does, reductions of
 * them, and float64 loops that load int64, int32 and float32 arrays converted. Each against the
 * reference and the block engine, cold and once the JIT has compiled the loop.
 */
class TypedLoopTest {

    /** The same trees in float32: symbols typed float32, so their literals are float32 too. */
    @Test
    void float32TreesRunInTheirOwnLoopBitForBit() {
        Random random = new Random(3232);
        Map<String, DType> types = Map.of("a", DType.FLOAT32, "b", DType.FLOAT32, "s", DType.FLOAT32,
                "flag", DType.BOOLEAN);
        int lanes = Simd.ENABLED ? Element.FLOAT32.lanes() : 16;
        int[] lengths = {1, Math.max(1, lanes - 1), lanes, 3 * lanes + 2, 1001, 4099};
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
        // Fewer than float64 trees: float32 powers of several products run block by block.
        assertEquals(ComputeTesting.LOOPS, looped > 250, "float32 trees in a generated loop: " + looped);
        assertEquals(ComputeTesting.LOOPS, reductionsLooped > 250,
                "float32 sums in a generated loop: " + reductionsLooped);
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
            int lanes = Simd.ENABLED ? (type == DType.INT64 ? Element.INT64.lanes() : Element.INT32.lanes()) : 8;
            int[] lengths = {1, Math.max(1, lanes - 1), lanes, 3 * lanes + 2, 1001, 4099};
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
        int lanes = Simd.ENABLED ? Element.FLOAT64.lanes() : 8;
        int[] lengths = {1, Math.max(1, lanes - 1), lanes, 3 * lanes + 2, 1001, 4099};
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

    /**
     * float32 math functions run on the vector library's float routines in a float32 loop:
     * within the bound of {@link Math}'s result rounded to float, in float ulps.
     */
    @Test
    void float32MathFunctionsInTheLoopAreWithinTheVectorMathBound() {
        Random random = new Random(3299);
        Map<String, DType> types = Map.of("a", DType.FLOAT32, "b", DType.FLOAT32, "s", DType.FLOAT32,
                "flag", DType.BOOLEAN);
        List<Operator> functions = new ArrayList<>(ComputeTesting.VECTOR_MATH);
        functions.remove(Operator.POW); // block by block: see VectorPowTanhTest
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
            // float32 powers of more than one product (** 3, ** -2, ...) compute in double, block by block.
            boolean products = Compute.explain(e, data).lines().anyMatch(step -> step.matches(" *\\d+\\..* \\*\\* (-?[34]|-2) .*"));
            assertEquals(hasArrays(e) && ComputeTesting.LOOPS && n >= Element.FLOAT32.lanes() && !products, inLoop,
                    e.toString());
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
    }

    /** The same once the JIT has compiled the loops: the vector library's routines, not Math's. */
    @Test
    void float32MathFunctionsInCompiledLoopsAreWithinTheVectorMathBound() {
        Random random = new Random(77);
        Map<String, Object> data = Map.of("a", ComputeTesting.floats(random, 1 << 14),
                "b", ComputeTesting.floats(random, 1 << 14));
        Expr a = Expr.symbol("a", DType.FLOAT32);
        Expr b = Expr.symbol("b", DType.FLOAT32);
        for (Operator f : ComputeTesting.VECTOR_MATH) {
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

    /**
     * Comparisons of int64 values as conditions of a float64 where, and of float64 values in an
     * int64 one: compared as their own vectors, the masks cast lane for lane.
     */
    @Test
    void partnerComparisonsAreConditionsBitForBit() {
        Random random = new Random(4664);
        String[] comparisons = {"<", "<=", ">", ">=", "==", "!="};
        int looped = 0;
        for (int t = 0; t < 600; t++) {
            boolean floatWhere = t % 2 == 0;
            int n = 1 + random.nextInt(300);
            Map<String, Object> data = new HashMap<>();
            data.put("flag", ComputeTesting.booleans(random, n));
            String condition;
            Expr branch1;
            Expr branch2;
            Map<String, DType> types;
            if (floatWhere) { // int64 q, r, k compared; float64 a, b, s in the branches
                data.putAll(LoopTrees.data(random, n));
                data.put("q", ComputeTesting.longs(random, n));
                data.put("r", ComputeTesting.longs(random, n));
                data.put("k", ComputeTesting.SPECIAL_LONGS[random.nextInt(ComputeTesting.SPECIAL_LONGS.length)]);
                String[] operands = {"q", "r", "k", String.valueOf(random.nextInt(7) - 3)};
                condition = operands[random.nextInt(4)] + " " + comparisons[random.nextInt(6)] + " "
                        + operands[random.nextInt(4)];
                branch1 = tree(random, 3);
                branch2 = tree(random, 3);
                types = Map.of("q", DType.INT64, "r", DType.INT64, "k", DType.INT64, "flag", DType.BOOLEAN);
            } else { // float64 x, y, z compared; int64 a, b, s in the branches
                data.put("a", ComputeTesting.longs(random, n));
                data.put("b", ComputeTesting.longs(random, n));
                data.put("s", ComputeTesting.SPECIAL_LONGS[random.nextInt(ComputeTesting.SPECIAL_LONGS.length)]);
                data.put("x", ComputeTesting.doubles(random, n));
                data.put("y", ComputeTesting.doubles(random, n));
                data.put("z", ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
                String[] operands = {"x", "y", "z", String.valueOf(random.nextGaussian())};
                condition = operands[random.nextInt(4)] + " " + comparisons[random.nextInt(6)] + " "
                        + operands[random.nextInt(4)];
                branch1 = integerTree(random, 3, DType.INT64);
                branch2 = integerTree(random, 3, DType.INT64);
                types = Map.of("a", DType.INT64, "b", DType.INT64, "s", DType.INT64, "flag", DType.BOOLEAN);
            }
            Expr e = Expr.parse("where(" + condition + ", " + branch1 + ", " + branch2 + ")", types);
            if (Compute.explain(e, data).contains(LOOP)) {
                looped++;
            }
            Object expected = Compute.compute(e, data, false);
            ComputeTesting.assertSameBits(expected, Compute.compute(e, data), e + " over " + n);
        }
        assertEquals(ComputeTesting.LOOPS, looped > 250, "partner comparisons in a generated loop: " + looped);
        // And once the JIT has compiled the loops.
        Map<String, Object> data = LoopTrees.data(random, 1 << 14);
        data.put("q", ComputeTesting.longs(random, 1 << 14));
        data.put("r", ComputeTesting.longs(random, 1 << 14));
        data.put("k", 3L);
        Map<String, DType> types = Map.of("q", DType.INT64, "r", DType.INT64, "k", DType.INT64);
        for (String text : List.of("where(q > k, a * q, b)", "where(q == r, a, b / 2)", "where(a < b, q, r * k)",
                "where(a != s, -q, k)")) {
            Expr e = Expr.parse(text, types);
            Object expected = Compute.compute(e, data, false);
            Object actual = null;
            for (int call = 0; call < 200; call++) {
                actual = Compute.compute(e, data);
            }
            ComputeTesting.assertSameBits(expected, actual, text);
        }
    }
}
