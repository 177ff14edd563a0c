package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both paths of {@link VectorMath}, whichever this CPU takes (VECTOR_POW, VECTOR_TANH): on the
 * vector library and lane by lane with Math, and the path as decided. pow keeps the
 * specification's special cases exactly (compared with StrictMath.pow), other values within 1
 * ulp; tanh within 2 ulps of Math.tanh on the library, exactly Math.tanh lane by lane.
 */
class VectorMathPathsTest {
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, 1, -1, 2, -2, 3, -3, 0.5, -0.5, 1.5, -2.5, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p51 + 1, -(0x1p51 + 1), -2.4945846009655085E15, 0x1p52 - 1, 0x1p52,
        0x1p53 + 2, 1023, -1075, 0.1, -7, 20, -20, 710, -745};

    @BeforeEach
    void needsTheVectorApi() {
        assumeTrue(Simd.ENABLED, "VectorMath needs the Vector API");
    }

    @ParameterizedTest
    @ValueSource(strings = {"decided", "library", "lanes"})
    void powFollowsTheSpecificationOnEveryPath(String path) {
        int n = SPECIALS.length * SPECIALS.length + 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (double a : SPECIALS) {
            for (double b : SPECIALS) {
                x[k] = a;
                y[k++] = b;
            }
        }
        Random random = new Random(17);
        for (; k < n; k++) {
            x[k] = (random.nextBoolean() ? -1 : 1) * Math.scalb(random.nextDouble(), random.nextInt(80) - 40);
            y[k] = random.nextInt(3) == 0 ? random.nextInt(61) - 30 : (random.nextDouble() - 0.5) * 40;
        }
        double[] actual = VectorMathPathsProbe.run(VectorMathPathsProbe.doublePow(path), x, y);
        for (int i = 0; i < n / VectorMathPathsProbe.doubleLanes() * VectorMathPathsProbe.doubleLanes(); i++) {
            double expected = StrictMath.pow(x[i], y[i]);
            assertTrue(agrees(expected, actual[i], 1), path + ": pow(" + x[i] + ", " + y[i] + ") = " + actual[i]
                    + ", StrictMath.pow: " + expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"decided", "library", "lanes"})
    void floatPowFollowsTheSpecificationRoundedToFloatOnEveryPath(String path) {
        int n = SPECIALS.length * SPECIALS.length + 100_000;
        float[] x = new float[n];
        float[] y = new float[n];
        int k = 0;
        for (double a : SPECIALS) {
            for (double b : SPECIALS) {
                x[k] = (float) a;
                y[k++] = (float) b;
            }
        }
        Random random = new Random(18);
        for (; k < n; k++) {
            x[k] = (random.nextBoolean() ? -1 : 1) * Math.scalb(random.nextFloat(), random.nextInt(30) - 15);
            y[k] = random.nextInt(3) == 0 ? random.nextInt(21) - 10 : (random.nextFloat() - 0.5f) * 20;
        }
        float[] actual = VectorMathPathsProbe.run(VectorMathPathsProbe.floatPow(path), x, y);
        for (int i = 0; i < n / VectorMathPathsProbe.floatLanes() * VectorMathPathsProbe.floatLanes(); i++) {
            float expected = (float) StrictMath.pow(x[i], y[i]);
            boolean exact = Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0;
            boolean agrees = exact ? Float.floatToIntBits(expected) == Float.floatToIntBits(actual[i])
                    || Float.isNaN(expected) && Float.isNaN(actual[i])
                    : Math.abs(expected - actual[i]) <= Math.ulp(expected);
            assertTrue(agrees, path + ": pow(" + x[i] + "f, " + y[i] + "f) = " + actual[i] + ", (float) StrictMath.pow: "
                    + expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"decided", "library", "lanes"})
    void tanhIsMathsWithinItsBoundOnEveryPathAndExactLaneByLane(String path) {
        int n = SPECIALS.length + 100_000;
        double[] x = new double[n];
        System.arraycopy(SPECIALS, 0, x, 0, SPECIALS.length);
        Random random = new Random(19);
        for (int i = SPECIALS.length; i < n; i++) {
            x[i] = random.nextBoolean() ? (random.nextDouble() - 0.5) * 50 : Math.scalb(random.nextDouble(), -random.nextInt(60));
        }
        double[] actual = VectorMathPathsProbe.run(VectorMathPathsProbe.doubleTanh(path), x);
        int bound = path.equals("lanes") ? 0 : 2;
        for (int i = 0; i < n / VectorMathPathsProbe.doubleLanes() * VectorMathPathsProbe.doubleLanes(); i++) {
            assertTrue(agrees(Math.tanh(x[i]), actual[i], bound), path + ": tanh(" + x[i] + ") = " + actual[i]
                    + ", Math.tanh: " + Math.tanh(x[i]));
        }
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) x[i];
        }
        float[] actualFloat = VectorMathPathsProbe.run(VectorMathPathsProbe.floatTanh(path), xf);
        for (int i = 0; i < n / VectorMathPathsProbe.floatLanes() * VectorMathPathsProbe.floatLanes(); i++) {
            float expected = (float) Math.tanh(xf[i]);
            assertTrue(Float.isNaN(expected) ? Float.isNaN(actualFloat[i])
                    : Math.abs(expected - actualFloat[i]) <= bound * Math.ulp(expected)
                            && (expected != 0 || Float.floatToIntBits(expected) == Float.floatToIntBits(actualFloat[i])),
                    path + ": tanh(" + xf[i] + "f) = " + actualFloat[i] + ", (float) Math.tanh: " + expected);
        }
    }

    /** NaN, infinities and zeros (with their sign) exactly, other values within {@code ulps}. */
    private static boolean agrees(double expected, double actual, int ulps) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)
                    || Double.isNaN(expected) && Double.isNaN(actual);
        }
        return ComputeTesting.ulps(expected, actual) <= ulps;
    }
}
