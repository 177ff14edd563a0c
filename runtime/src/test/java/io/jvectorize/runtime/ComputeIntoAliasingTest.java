package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Compute#computeInto} with {@code out} one of the bound arrays (complex and real, with
 * pre-passes such as {@code z - mean(z)}), serial and parallel, in odd blocks, with and without
 * generated loops: the reference's bits; and where the reference throws (an integer {@code //}
 * or {@code %} by zero, a call that throws), the same error, and out as it was.
 */
class ComputeIntoAliasingTest {

    private static final Map<String, DType> SYMBOLS = Map.ofEntries(Map.entry("z", DType.COMPLEX128),
            Map.entry("w", DType.COMPLEX128), Map.entry("y", DType.COMPLEX64), Map.entry("a", DType.FLOAT64),
            Map.entry("b", DType.FLOAT64), Map.entry("f", DType.FLOAT32), Map.entry("i", DType.INT64),
            Map.entry("j", DType.INT32), Map.entry("p", DType.BOOLEAN), Map.entry("c", DType.COMPLEX128),
            Map.entry("k", DType.COMPLEX64));
    private static final List<String> NAMES = List.copyOf(new TreeSet<>(SYMBOLS.keySet()));
    private static final Operator[] OPERATORS = ComputeTesting.writtenOperators().toArray(new Operator[0]);

    /** A @Vectorize function that throws on a NaN argument: a call step that can fail halfway. */
    private static final VectorizedFunction STRICT = new VectorizedFunction(ComputeIntoAliasingTest.class, "strict",
            List.of(new VectorizedFunction.Overload(DType.FLOAT64, List.of(DType.FLOAT64),
                    VectorizedFunction.Implementation.GENERATED_SCALAR, (arguments, out, from, to) -> {
                        double[] x = (double[]) arguments[0];
                        double[] r = (double[]) out;
                        for (int k = from; k < to; k++) {
                            if (Double.isNaN(x[k])) {
                                throw new ArithmeticException("strict: NaN");
                            }
                            r[k] = x[k] * 3;
                        }
                    })));

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("z", ComputeTesting.doubles(random, 2 * n));
        data.put("w", ComputeTesting.doubles(random, 2 * n));
        data.put("y", ComputeTesting.floats(random, 2 * n));
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("b", ComputeTesting.doubles(random, n));
        data.put("f", ComputeTesting.floats(random, n));
        data.put("i", ComputeTesting.longs(random, n));
        data.put("j", ComputeTesting.ints(random, n));
        data.put("p", ComputeTesting.booleans(random, n));
        // Complex symbols bound to numbers of every kind they widen from.
        int pick = random.nextInt(4);
        data.put("c", pick == 0 ? Complex.of(random.nextGaussian(), random.nextGaussian()) : pick == 1
                ? (Object) random.nextGaussian() : pick == 2 ? (Object) (random.nextInt(5) - 2) : (Object) Complex.of(0.0, Double.NaN));
        data.put("k", random.nextBoolean() ? Complex.of((float) random.nextGaussian(), (float) random.nextGaussian())
                : (Object) (float) random.nextGaussian());
        return data;
    }

    private static Expr tree(Random random) {
        while (true) {
            try {
                Expr e = node(random, 0);
                if (!e.isReduction()) {
                    return e;
                }
            } catch (IllegalArgumentException typingError) {
                // try another
            }
        }
    }

    private static Expr node(Random random, int depth) {
        int pick = random.nextInt(12);
        if (depth >= 4 || pick < 3) {
            return leaf(random);
        }
        if (pick == 3 && depth > 0) {
            // A reduction inside: a pass before the one that writes out.
            return new Reduction(ReductionKind.values()[random.nextInt(ReductionKind.values().length)], node(random, depth + 1));
        }
        Operator op = OPERATORS[random.nextInt(OPERATORS.length)];
        List<Expr> operands = new ArrayList<>();
        for (int k = 0; k < op.arity(); k++) {
            operands.add(node(random, depth + 1));
        }
        return new Operation(op, operands);
    }

    private static Expr leaf(Random random) {
        return ComputeTesting.randomComplexLeaf(random, NAMES, SYMBOLS);
    }

    private static Map<String, Object> copy(Map<String, Object> data) {
        Map<String, Object> copy = new HashMap<>();
        data.forEach((name, value) -> copy.put(name, value instanceof double[] d ? d.clone() : value instanceof float[] f
                ? f.clone() : value instanceof long[] l ? l.clone() : value instanceof int[] k ? k.clone()
                : value instanceof boolean[] p ? p.clone() : value));
        return copy;
    }

    /** Each way to run computeInto, out aliased with each bound array of its class and length, against the reference. */
    private static int check(Expr e, Map<String, Object> data, int n, List<String> aliases) {
        int compared = 0;
        for (int blockSize : new int[] {5, 7, 4096}) {
            Compute.Options reference = Compute.Options.defaults().optimize(false).vectorMath(false).blockSize(blockSize);
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, reference));
            for (boolean parallel : new boolean[] {false, true}) {
                for (boolean loops : new boolean[] {true, false}) {
                    Compute.Options options = Compute.Options.defaults().vectorMath(false).blockSize(blockSize)
                            .parallel(parallel).generateLoops(loops);
                    for (String alias : aliases) {
                        Map<String, Object> copy = copy(data);
                        Object out = copy.get(alias);
                        if (!(out != null && out.getClass() == e.dtype().arrayType()
                                && java.lang.reflect.Array.getLength(out) == (e.dtype().isComplex() ? 2 * n : n))) {
                            continue;
                        }
                        Object before = copy(Map.of("o", out)).get("o");
                        String what = e + " into " + alias + " over " + n + " with " + options;
                        Object actual = ComputeRandomTreesTest.outcome(() -> {
                            Compute.computeInto(e, copy, out, options);
                            return out;
                        });
                        if (!(expected instanceof String)
                                && java.lang.reflect.Array.getLength(expected) != java.lang.reflect.Array.getLength(out)) {
                            continue; // no array in the elementwise part: out is filled (ComputeIntoTest)
                        }
                        if (expected instanceof String) {
                            assertEquals(expected, actual, what);
                            ComputeTesting.assertSameBits(before, out, "out changed by a failing " + what);
                        } else {
                            ComputeTesting.assertSameBits(expected, actual, what);
                        }
                        compared++;
                    }
                }
            }
        }
        return compared;
    }

    @Test
    void outAliasedWithAnInputIsTheReferenceOnRandomTrees() {
        Random random = new Random(2026);
        int compared = 0;
        for (int t = 0; t < 400; t++) {
            Expr e = tree(random);
            int n = t % 20 == 0 ? 40_003 : new int[] {1, 2, 9, 13, 100}[random.nextInt(5)];
            compared += check(e, data(random, n), n, NAMES);
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void writtenCasesIntoTheirOwnInputs() {
        Random random = new Random(3);
        List<String> texts = List.of("z - mean(z)", "z * conj(z)", "conj(z) * z + z", "(z - mean(z)) / std(z)",
                "a - mean(a)", "(a - mean(a)) / std(a)", "y * conj(y) - sum(y)", "where(p, z, w) - z", "z * 2 + w",
                "-z", "z.real * 1j + z", "i // j", "i % j", "j // i + i", "(i % 3) * i", "a + i // j", "complex(a, b) * z",
                "a * (i // j)", "z * (i % j)", "abs(z) + a", "y * f + y");
        for (int n : new int[] {1, 4, 5, 7, 11, 4097, 40_003}) {
            Map<String, Object> data = data(random, n);
            long[] i = (long[]) data.get("i");
            int[] j = (int[]) data.get("j");
            j[n - 1] = 0; // fails in the last block
            i[n / 2] = 0;
            for (String text : texts) {
                check(Expr.parse(text, SYMBOLS), data, n, NAMES);
            }
            Expr a = Expr.symbol("a", DType.FLOAT64);
            Expr z = Expr.symbol("z", DType.COMPLEX128);
            Expr strict = new Call(STRICT, List.of(a));
            for (Expr e : List.of(strict, strict.add(a), z.mul(strict), z.abs().add(strict), a.sub(new Call(STRICT,
                    List.of(a.mean()))), new Call(STRICT, List.of(a.mul(2.0))).mul(Expr.parse("1j")).add(z))) {
                check(e, data, n, NAMES);
                double[] nanAtTheEnd = ((double[]) data.get("a")).clone();
                nanAtTheEnd[n - 1] = Double.NaN;
                Map<String, Object> failing = new HashMap<>(data);
                failing.put("a", nanAtTheEnd);
                check(e, failing, n, NAMES);
            }
        }
    }
}
