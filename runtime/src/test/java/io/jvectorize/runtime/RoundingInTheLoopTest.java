package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * floor, ceil, trunc, rint, sign and clip (and isnan, isinf, isfinite as conditions of where) run
 * in the generated loop where there is one, and give the reference engine's values bit for bit: on the edges of rounding (halves, which rint rounds
 * to even, values just under and over 2^52 or 2^23, signed zeros from ceil and trunc of small
 * negatives), on NaN, infinities, subnormals and extremes, float64 and float32, cold and compiled.
 */
class RoundingInTheLoopTest {
    private static final double[] EDGES = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.3, -0.3, 0.7, -0.7, 0.49999999999999994,
        -0.49999999999999994, 0x1p52 - 0.5, -(0x1p52 - 0.5), 0x1p52, 0x1p52 + 1, 0x1p53 + 2, 0x1p51 + 0.5, -(0x1p51 + 1.5),
        0x1p23 - 0.5, 0x1p23 + 1, -(0x1p22 + 0.5), 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE, 1, -1,
        3, -7, 1e300, -1e-300};

    @Test
    void inTheGeneratedLoopAsTheReferenceComputesThem() {
        Random random = new Random(1414);
        int n = 4099;
        double[] a = new double[n];
        double[] lo = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < EDGES.length ? EDGES[i] : random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)]
                    : random.nextGaussian() * Math.scalb(1.0, random.nextInt(60) - 5);
            lo[i] = random.nextInt(8) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextGaussian();
            f[i] = (float) a[i];
        }
        Map<String, Object> data = Map.of("a", a, "lo", lo, "f", f);
        Map<String, DType> types = Map.of("f", DType.FLOAT32);
        for (String text : List.of("floor(a)", "ceil(a)", "trunc(a)", "rint(a)", "sign(a)", "clip(a, lo, lo + 1)",
                "floor(f)", "ceil(f)", "trunc(f)", "rint(f)", "sign(f)", "clip(f, -1.5, 2.5)", "floor(a * 3) - ceil(a)",
                "where(isnan(a) | isinf(a), 0.0, a)", "where(isfinite(f), f, 0)")) {
            Expr e = Expr.parse(text, types);
            Object expected = Compute.compute(e, data, false);
            String explained = Compute.explain(e, data);
            String function = text.substring(0, text.indexOf('(') + 1);
            List<String> steps = explained.lines().filter(line -> line.contains(function)).toList();
            assertEquals(true, !steps.isEmpty() && steps.stream().allMatch(
                    step -> step.contains("[in the generated loop]") == ComputeTesting.LOOPS), text + ":\n" + explained);
            for (int round = 0; round < 300; round++) { // cold, then compiled
                if (round == 0 || round == 299) {
                    ComputeTesting.assertSameBits(expected, Compute.compute(e, data), text + " in round " + round);
                } else {
                    Compute.compute(e, data);
                }
            }
        }
    }
}
