package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code VectorMath.tanhFromExpm1}, float64 tanh on the vector library's expm1 (what AVX2 runs):
 * special values exactly, every other value within 2 ulps of Math.tanh and within 1 ulp of the
 * correctly rounded tanh, over every range and once C2 has compiled the loop onto the library.
 */
class VectorTanhTest {
    private static final int ROUND = 1 << 14;

    private UnaryOperator<jdk.incubator.vector.DoubleVector> formula;

    @BeforeEach
    void needsTheVectorApi() {
        assumeTrue(Simd.ENABLED, "VectorMath needs the Vector API");
        formula = VectorMathPathsProbe.doubleTanh("formula");
    }

    @Test
    void specialValuesExactly() {
        double[][] cases = {{0.0, 0.0}, {-0.0, -0.0}, {Double.NaN, Double.NaN},
            {Double.POSITIVE_INFINITY, 1}, {Double.NEGATIVE_INFINITY, -1}, {Double.MAX_VALUE, 1}, {-Double.MAX_VALUE, -1},
            {Double.MIN_VALUE, Double.MIN_VALUE}, {-Double.MIN_VALUE, -Double.MIN_VALUE}, {0x1p-1030, 0x1p-1030},
            {-0x1.8p-1070, -0x1.8p-1070}, {Double.MIN_NORMAL, Double.MIN_NORMAL}, {1e-300, 1e-300}, {-1e-20, -1e-20},
            {19.1, 1}, {-19.1, -1}, {22, 1}, {710, 1}, {-711, -1}};
        double[] x = new double[round(cases.length)];
        for (int i = 0; i < cases.length; i++) {
            x[i] = cases[i][0];
        }
        double[] actual = VectorMathPathsProbe.run(formula, x);
        for (int i = 0; i < cases.length; i++) {
            assertEquals(Double.doubleToLongBits(cases[i][1]), Double.doubleToLongBits(actual[i]),
                    "tanh(" + x[i] + ") = " + actual[i] + ", expected " + cases[i][1]);
        }
    }

    /** Rounds of 2^14 values each from several ranges, both signs; the later rounds run compiled. */
    @Test
    void withinTwoUlpsOfMathOverEveryRange() {
        Random random = new Random(2027);
        DoubleSupplier[] ranges = {
            () -> random.nextDouble() * 1.2, // where Math.tanh is itself up to 2 ulps off
            () -> 0.4 + (random.nextDouble() - 0.5) * 1e-3, // where the polynomial hands over
            () -> Math.scalb(1 + random.nextDouble(), -random.nextInt(1075)), // subnormal to 1
            () -> 1 + random.nextDouble() * 19, // up to saturation
            () -> 18.5 + random.nextDouble(), // where e + 2 rounds by more than 2
            () -> (random.nextDouble() - 0.5) * 100};
        for (int round = 0; round < 120; round++) {
            DoubleSupplier range = ranges[round % ranges.length];
            double[] x = new double[ROUND];
            for (int i = 0; i < ROUND; i++) {
                x[i] = random.nextBoolean() ? range.getAsDouble() : -range.getAsDouble();
            }
            double[] actual = VectorMathPathsProbe.run(formula, x);
            for (int i = 0; i < ROUND; i++) {
                double expected = Math.tanh(x[i]);
                assertTrue(ComputeTesting.ulps(expected, actual[i]) <= 2,
                        "tanh(" + x[i] + ") = " + actual[i] + ", Math.tanh: " + expected + " (round " + round + ")");
            }
        }
    }

    /** Against tanh computed in 40 digits: where Math.tanh is 2 ulps off, this is within 1 of the truth. */
    @Test
    void withinOneUlpOfTheCorrectlyRoundedTanh() {
        Random random = new Random(31);
        double[] x = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 6 ? new double[] {0.2321498684981701, 0.21199201880187715, 0.2284863254406888, 0.39999999999999997,
                0.4, 18.889724500866237}[i] : Math.scalb(1 + random.nextDouble(), -random.nextInt(12) + 3);
        }
        for (int round = 0; round < 30; round++) { // until compiled
            VectorMathPathsProbe.run(formula, x);
        }
        double[] actual = VectorMathPathsProbe.run(formula, x);
        for (int i = 0; i < x.length; i++) {
            double exact = exactTanh(x[i]);
            assertTrue(ComputeTesting.ulps(exact, actual[i]) <= 1, "tanh(" + x[i] + ") = " + actual[i]
                    + ", correctly rounded: " + exact + ", Math.tanh: " + Math.tanh(x[i]));
        }
    }

    /** tanh(x) = e / (e + 2), e = expm1(2x) in 40 digits: a Taylor series at 2x / 2^k, doubled back k times. */
    private static double exactTanh(double x) {
        MathContext context = new MathContext(40);
        BigDecimal y = new BigDecimal(x).multiply(BigDecimal.valueOf(2));
        int halvings = 0;
        while (y.abs().compareTo(BigDecimal.valueOf(0.01)) > 0) {
            y = y.divide(BigDecimal.valueOf(2), context);
            halvings++;
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal e = BigDecimal.ZERO;
        for (int n = 1; n < 30; n++) {
            term = term.multiply(y, context).divide(BigDecimal.valueOf(n), context);
            e = e.add(term, context);
        }
        for (int k = 0; k < halvings; k++) { // expm1(2y) = expm1(y) * (expm1(y) + 2)
            e = e.multiply(e.add(BigDecimal.valueOf(2)), context);
        }
        return e.divide(e.add(BigDecimal.valueOf(2)), context).doubleValue();
    }

    private static int round(int n) {
        int lanes = VectorMathPathsProbe.doubleLanes();
        return (n + lanes - 1) / lanes * lanes;
    }
}
