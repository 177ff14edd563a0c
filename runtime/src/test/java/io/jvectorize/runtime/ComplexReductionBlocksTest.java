package io.jvectorize.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every reduction that takes complex values, over inputs that are chosen (where), special
 * values, complex scalars, complex64 and int32/float32 mixes, across block boundaries: the
 * block engine (serial, parallel, with and without loops, vector math on) gives the reference's
 * bits for the same blocks.
 */
class ComplexReductionBlocksTest {

    private static final Map<String, DType> SYMBOLS = Map.of("z", DType.COMPLEX128, "w", DType.COMPLEX128,
            "y", DType.COMPLEX64, "a", DType.FLOAT64, "f", DType.FLOAT32, "j", DType.INT32, "p", DType.BOOLEAN,
            "c", DType.COMPLEX128, "k", DType.COMPLEX64);

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("z", special(random, 2 * n));
        data.put("w", special(random, 2 * n));
        float[] y = new float[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(3) == 0 ? ComputeTesting.SPECIAL_FLOATS[random.nextInt(ComputeTesting.SPECIAL_FLOATS.length)]
                    : (float) random.nextGaussian();
        }
        data.put("y", y);
        data.put("a", special(random, n));
        data.put("f", ComputeTesting.floats(random, n));
        data.put("j", ComputeTesting.ints(random, n));
        data.put("p", ComputeTesting.booleans(random, n));
        data.put("c", Complex.of(1.5, Double.NaN));
        data.put("k", Complex.of(-0.0, 2.25));
        return data;
    }

    private static double[] special(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(3) == 0
                    ? ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]
                    : random.nextGaussian() * 100;
        }
        return values;
    }

    @Test
    void reductionsOverBlocksAreTheReferenceBits() {
        Random random = new Random(14);
        List<String> inner = List.of("z", "z * conj(w)", "where(p, z, 0j)", "where(p, z * 2j, w - c)", "y * f + k",
                "y * j - 1j", "complex(a, f) * c", "where(isnan(z), w, z)", "z / (w + 1)", "y * y", "exp(z) * 1j",
                "z ** 2 - k", "f * 1j + j");
        List<String> kinds = List.of("sum", "mean", "nansum", "nanmean", "var", "std");
        int compared = 0;
        for (int n : new int[] {1, 4, 5, 6, 4095, 4096, 4097, 8193, 40_003}) {
            Map<String, Object> data = data(random, n);
            for (String kind : kinds) {
                for (String text : inner) {
                    Expr e;
                    try {
                        e = Expr.parse(kind + "(" + text + ")", SYMBOLS);
                    } catch (IllegalArgumentException notForComplex) {
                        continue;
                    }
                    for (int blockSize : new int[] {4096, 5, 7}) {
                        Compute.Options options = Compute.Options.defaults().blockSize(blockSize);
                        Object expected = Compute.compute(e, data, options.optimize(false));
                        String what = e + " over " + n + " in blocks of " + blockSize;
                        for (Compute.Options fused : List.of(options, options.parallel(true), options.generateLoops(false),
                                options.parallel(true).generateLoops(false))) {
                            ComputeTesting.assertSameBits(expected, Compute.compute(e, data, fused), what + " with " + fused);
                            compared++;
                        }
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared >= 9 * 6 * 13 * 3 * 4, "compared " + compared);
    }
}
