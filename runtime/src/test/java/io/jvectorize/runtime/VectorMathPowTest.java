package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath#pow}, which generated SIMD classes call for {@code Math.pow}: the special
 * cases of Math.pow's specification exactly (NaN, infinities and signed zeros), other values
 * within the vector math bound, on every pair of special values and on random pairs. Compared
 * with StrictMath, which keeps that specification: HotSpot's Math.pow takes some
 * half-integers in [2^51, 2^52) for odd integers ({@code Math.pow(-0.0, -2494584600965508.5)}
 * is -Infinity, the specification says +Infinity).
 */
class VectorMathPowTest {

    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, 1, -1, 2, -2, 3, -3, 0.5, -0.5, 1.5, -2.5, 1e-300, -1e-300, -5.527548898286678E-109, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p52, 0x1p52 + 1, -(0x1p52 + 1), 0x1p53,
        -0x1p53, 0x1p53 - 1, -(0x1p53 - 1), 1e300, -2.4945846009655085E15, 1023, -1075, 0.1, -7};

    private static final int ULPS = Compute.VECTOR_MATH_ULPS;

    @Test
    void doublesFollowThePowSpecification() {
        assumeTrue(Simd.ENABLED, "VectorMath needs the Vector API");
        int n = SPECIALS.length * SPECIALS.length + 200_000;
        double[] x = new double[n + 64];
        double[] y = new double[n + 64];
        int k = 0;
        for (double a : SPECIALS) {
            for (double b : SPECIALS) {
                x[k] = a;
                y[k++] = b;
            }
        }
        Random random = new Random(7);
        for (; k < x.length; k++) {
            x[k] = (random.nextBoolean() ? -1 : 1) * Math.scalb(random.nextDouble(), random.nextInt(80) - 40);
            y[k] = random.nextInt(3) == 0 ? random.nextInt(61) - 30 : (random.nextDouble() - 0.5) * 40;
        }
        double[] actual = VectorPowProbe.pow(x, y);
        int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        for (int i = 0; i < x.length / lanes * lanes; i++) {
            double expected = StrictMath.pow(x[i], y[i]);
            boolean exact = Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0;
            boolean agrees = exact ? Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual[i])
                    || Double.isNaN(expected) && Double.isNaN(actual[i])
                    : ComputeTesting.ulps(expected, actual[i]) <= ULPS;
            assertTrue(agrees, "pow(" + x[i] + ", " + y[i] + ") = " + actual[i] + ", StrictMath.pow: " + expected);
        }
    }

    @Test
    void floatsFollowThePowSpecificationRoundedToFloat() {
        assumeTrue(Simd.ENABLED, "VectorMath needs the Vector API");
        int n = SPECIALS.length * SPECIALS.length + 200_000;
        float[] x = new float[n + 64];
        float[] y = new float[n + 64];
        int k = 0;
        for (double a : SPECIALS) {
            for (double b : SPECIALS) {
                x[k] = (float) a;
                y[k++] = (float) b;
            }
        }
        Random random = new Random(8);
        for (; k < x.length; k++) {
            x[k] = (random.nextBoolean() ? -1 : 1) * Math.scalb(random.nextFloat(), random.nextInt(30) - 15);
            y[k] = random.nextInt(3) == 0 ? random.nextInt(21) - 10 : (random.nextFloat() - 0.5f) * 20;
        }
        float[] actual = VectorPowProbe.pow(x, y);
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        for (int i = 0; i < x.length / lanes * lanes; i++) {
            float expected = (float) StrictMath.pow(x[i], y[i]);
            boolean exact = Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0;
            boolean agrees = exact ? Float.floatToIntBits(expected) == Float.floatToIntBits(actual[i])
                    || Float.isNaN(expected) && Float.isNaN(actual[i])
                    : Math.abs(expected - actual[i]) <= ULPS * Math.ulp(expected);
            assertTrue(agrees, "pow(" + x[i] + "f, " + y[i] + "f) = " + actual[i] + ", (float) StrictMath.pow: " + expected);
        }
    }
}
