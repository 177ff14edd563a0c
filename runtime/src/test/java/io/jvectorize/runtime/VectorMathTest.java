package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.internal.kernel.BlockConversion;
import io.jvectorize.runtime.internal.kernel.BlockKernel;
import io.jvectorize.runtime.internal.kernel.Kernels;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API math functions of the fused engine against {@link Math}: within
 * {@link Compute#VECTOR_MATH_ULPS} ulp on a million inputs each, NaN exactly where Math has NaN.
 * Without the module, the fused engine must equal Math exactly and never load the Vector API.
 */
class VectorMathTest {

    private static final int SAMPLES = 1 << 20;

    /** Inputs spread over the function's domain: many magnitudes, both signs, and the special values. */
    static double[] inputs(Operator op, Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double magnitude;
            switch (op) {
                case ASIN: case ACOS: magnitude = random.nextDouble(); break;
                case EXP: case EXPM1: magnitude = random.nextDouble() * 750; break;
                case SINH: case COSH: magnitude = random.nextDouble() * 720; break;
                case TANH: magnitude = random.nextDouble() * 25; break;
                case SIN: case COS: case TAN: magnitude = Math.scalb(random.nextDouble(), random.nextInt(40) - 25); break;
                default: magnitude = Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
            }
            x[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        System.arraycopy(ComputeTesting.SPECIAL_DOUBLES, 0, x, 0, ComputeTesting.SPECIAL_DOUBLES.length);
        return x;
    }

    static double math(Operator op, double x, double y) {
        switch (op) {
            case ATAN2: return Math.atan2(x, y);
            case HYPOT: return Math.hypot(x, y);
            default: return ComputeOperatorsTest.math(op, x);
        }
    }

    private static long maxUlps(Operator op, double[] x, double[] y, double[] actual) {
        long max = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = math(op, x[i], y == null ? 0 : y[i]);
            long ulps = ComputeTesting.ulps(expected, actual[i]);
            if (ulps > Compute.VECTOR_MATH_ULPS) {
                throw new AssertionError(op + " at " + x[i] + (y == null ? "" : ", " + y[i]) + ": " + actual[i]
                        + " vs Math's " + expected + ", " + ulps + " ulp");
            }
            max = Math.max(max, ulps);
        }
        return max;
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"EXP", "EXPM1", "LOG", "LOG10", "LOG1P", "SIN", "COS", "TAN", "ASIN",
        "ACOS", "ATAN", "SINH", "COSH"})
    void unaryWithinTheBound(Operator op) {
        assumeTrue(Simd.ENABLED, "no Vector API here");
        double[] x = inputs(op, new Random(op.ordinal()), SAMPLES);
        double[] out = new double[x.length];
        Kernels.vector(op, 0).orElseThrow().run(x, 0, null, 0, null, 0, out, 0, x.length);
        System.out.println("vector " + op + ": max " + maxUlps(op, x, null, out) + " ulp from Math");
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"ATAN2", "HYPOT"})
    void binaryWithinTheBound(Operator op) {
        assumeTrue(Simd.ENABLED, "no Vector API here");
        Random random = new Random(op.ordinal());
        double[] x = inputs(op, random, SAMPLES);
        double[] y = inputs(op, random, SAMPLES);
        double[] out = new double[x.length];
        Kernels.vector(op, 0).orElseThrow().run(x, 0, y, 0, null, 0, out, 0, x.length);
        System.out.println("vector " + op + ": max " + maxUlps(op, x, y, out) + " ulp from Math");
    }

    /**
     * The Vector API kernels of exact operators equal their scalar kernels bit for bit, also once
     * C2 has compiled them (before, the Vector API computes lane by lane in Java, which is
     * trivially the same), with operands as arrays and as scalars.
     */
    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"ADD", "SUB", "MUL", "DIV", "MINIMUM", "MAXIMUM", "NEG", "ABS", "SQRT",
        "SQUARE"})
    void arithmeticIsExactOnceCompiled(Operator op) {
        assumeTrue(Simd.ENABLED, "no Vector API here");
        Random random = new Random(op.ordinal());
        int n = 4096;
        double[] x = ComputeTesting.doubles(random, n);
        double[] y = ComputeTesting.doubles(random, n);
        for (int i = 0; i < ComputeTesting.SPECIAL_DOUBLES.length; i++) {
            for (int j = 0; j < ComputeTesting.SPECIAL_DOUBLES.length; j++) {
                x[i * ComputeTesting.SPECIAL_DOUBLES.length + j] = ComputeTesting.SPECIAL_DOUBLES[i];
                y[i * ComputeTesting.SPECIAL_DOUBLES.length + j] = ComputeTesting.SPECIAL_DOUBLES[j];
            }
        }
        double[] expected = new double[n];
        Kernels.scalar(op, Kind.DOUBLE, 0).run(x, 0, y, 0, null, 0, expected, 0, n);
        BlockKernel kernel = Kernels.vector(op, 0).orElseThrow();
        double[] out = new double[n];
        for (int round = 0; round < 20_000; round++) {
            kernel.run(x, 0, y, 0, null, 0, out, 0, n);
        }
        ComputeTesting.assertSameBits(expected, out, op + " compiled");
        if (op.arity() == 2) {
            for (int scalar = 1; scalar <= 2; scalar++) {
                BlockKernel scalarKernel = Kernels.scalar(op, Kind.DOUBLE, scalar);
                BlockKernel vectorKernel = Kernels.vector(op, scalar).orElseThrow();
                for (double s : ComputeTesting.SPECIAL_DOUBLES) {
                    double[] a = scalar == 1 ? new double[] {s} : x;
                    double[] b = scalar == 1 ? x : new double[] {s};
                    scalarKernel.run(a, 0, b, 0, null, 0, expected, 0, n);
                    for (int round = 0; round < 1_000; round++) {
                        vectorKernel.run(a, 0, b, 0, null, 0, out, 0, n);
                    }
                    ComputeTesting.assertSameBits(expected, out, op + " with " + s + (scalar == 1 ? " first" : ""));
                }
            }
        }
    }

    /** The float32 conversions equal Java's casts bit for bit, also once compiled: overflow, subnormals, ties. */
    @Test
    void float32ConversionsAreExactOnceCompiled() {
        assumeTrue(ComputeTesting.LOOPS, "no Vector API conversions here (see VectorSupport.WIDE)");
        Random random = new Random(32);
        int n = 4099;
        double[] d = ComputeTesting.doubles(random, n);
        for (int i = 0; i < n; i += 7) {
            // Halfway between two floats, and around float's range and subnormals.
            float f = (float) random.nextGaussian();
            d[i] = i % 3 == 0 ? (f + (double) Math.nextUp(f)) / 2 : Math.scalb(random.nextDouble(), random.nextInt(300) - 160);
        }
        float[] f = ComputeTesting.floats(random, n);
        float[] toFloat = new float[n];
        double[] rounded = new double[n];
        double[] widened = new double[n];
        for (int i = 0; i < n; i++) {
            toFloat[i] = (float) d[i];
            rounded[i] = (float) d[i];
            widened[i] = f[i];
        }
        BlockConversion narrow = BlockConversion.of(double[].class, float[].class, DType.FLOAT32);
        BlockConversion round = BlockConversion.of(double[].class, double[].class, DType.FLOAT32);
        BlockConversion widen = BlockConversion.of(float[].class, double[].class, DType.FLOAT64);
        float[] floats = new float[n];
        double[] doubles = new double[n];
        double[] fromFloats = new double[n];
        for (int rep = 0; rep < 20_000; rep++) {
            narrow.run(d, 0, floats, 0, n);
            round.run(d, 0, doubles, 0, n);
            widen.run(f, 0, fromFloats, 0, n);
        }
        ComputeTesting.assertSameBits(toFloat, floats, "double to float");
        ComputeTesting.assertSameBits(rounded, doubles, "double rounded to float");
        ComputeTesting.assertSameBits(widened, fromFloats, "float to double");
    }

    /** The seed's Gaussian through the fused engine with vector math, against optimize = false. */
    @Test
    void gaussianWithinTheBound() {
        Random random = new Random(3);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 5;
        }
        Map<String, Object> data = Map.of("x", x, "mu", -1.33, "sigma", 1.25);
        double[] reference = (double[]) Compute.compute(ComputeTesting.gaussian(), data, false);
        double[] fused = (double[]) Compute.compute(ComputeTesting.gaussian(), data);
        long max = 0;
        for (int i = 0; i < x.length; i++) {
            // Only exp differs; the multiplication after it rounds once more.
            max = Math.max(max, ComputeTesting.ulps(reference[i], fused[i]));
        }
        System.out.println("gaussian, vector math: max " + max + " ulp from optimize = false");
        assertTrue(max <= Compute.VECTOR_MATH_ULPS + 1, max + " ulp");
        double[] exact = (double[]) Compute.compute(ComputeTesting.gaussian(), data,
                Compute.Options.defaults().vectorMath(false));
        ComputeTesting.assertSameBits(reference, exact, "gaussian without vector math");
    }

    /** In the scalar-path run the module is absent: math functions then work, as Math's, without loading the Vector API. */
    @Test
    void withoutTheModuleMathRunsInPlainLoops() {
        if (System.getProperty("jvectorize.test.path", "").equals("scalar")) {
            assertFalse(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "the scalar-path run has the module");
        }
        assumeTrue(!Simd.ENABLED, "the Vector API is present");
        double[] x = {0.5, 1, 2, Double.NaN, 1e-310};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.exp(x[i]) + Math.pow(x[i], 3) + Math.atan2(x[i], 2);
        }
        Expr e = Expr.symbol("x").exp().add(Expr.symbol("x").pow(3.0)).add(Expr.symbol("x").atan2(Expr.literal(2.0)));
        // Loading a Vector API kernel here would throw NoClassDefFoundError.
        ComputeTesting.assertSameBits(expected, Compute.compute(e, Map.of("x", x)), e.toString());
        assertFalse(Compute.explain(e, Map.of("x", x)).contains("Vector API"));
    }
}
