package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvectorize.runtime.internal.Ulps;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Test data with the values that break things, and comparisons bit for bit. */
final class ComputeTesting {

    static final double[] SPECIAL_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 2.0, 0.5, Math.PI, 700.0, -745.0};

    /** Whether Compute generates loops here: with the Vector API, on 256-bit vectors (see VectorSupport.WIDE). */
    static final boolean LOOPS = Simd.ENABLED && VectorSupport.WIDE;

    /**
     * The math functions the fused engine computes on the vector library where the Vector API is
     * present (within {@link Compute#VECTOR_MATH_ULPS}): the operators whose lane form is vector
     * math, pow and tanh only where their routines pay ({@code VectorSupport.pays}).
     */
    static final Set<Operator> VECTOR_MATH = vectorMath();

    private static Set<Operator> vectorMath() {
        Set<Operator> ops = EnumSet.noneOf(Operator.class);
        for (Operator op : Operator.values()) {
            Lane lane = op.lane().orElse(null);
            if (!op.isLowered() && lane != null && lane.vectorMath()
                    && (lane.routine() == Lane.Routine.NONE || Simd.ENABLED && VectorSupport.pays(lane.routine()))) {
                ops.add(op);
            }
        }
        return Collections.unmodifiableSet(ops);
    }

    /** The operators an expression can hold: all but those only the planner lowers to. */
    static List<Operator> writtenOperators() {
        return Arrays.stream(Operator.values()).filter(op -> !op.isLowered()).toList();
    }

    static final float[] SPECIAL_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, 2f, 88f};

    static final long[] SPECIAL_LONGS = {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 1L << 53, (1L << 53) + 1};

    static final int[] SPECIAL_INTS = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, 46341};

    private ComputeTesting() {}

    static double[] doubles(Random random, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            a[i] = pick == 0 ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
                    : pick < 4 ? random.nextGaussian() * 1e3 : random.nextGaussian() * 3;
        }
        return a;
    }

    static float[] floats(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(10) == 0 ? SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)]
                    : (float) (random.nextGaussian() * 10);
        }
        return a;
    }

    static long[] longs(Random random, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            a[i] = pick == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)]
                    : pick < 3 ? random.nextLong() : random.nextInt(21) - 10;
        }
        return a;
    }

    static int[] ints(Random random, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            a[i] = pick == 0 ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)]
                    : pick < 3 ? random.nextInt() : random.nextInt(21) - 10;
        }
        return a;
    }

    /** Small non-negative, non-zero integers: good exponents and divisors. */
    static int[] smallPositiveInts(Random random, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 + random.nextInt(6);
        }
        return a;
    }

    static boolean[] booleans(Random random, int n) {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextBoolean();
        }
        return a;
    }

    /** The engines a value must not depend on: generated loops, small blocks, threads, the reference engine. */
    static final List<Compute.Options> ENGINES = List.of(Compute.Options.defaults(),
            Compute.Options.defaults().blockSize(3), Compute.Options.defaults().parallel(true),
            Compute.Options.defaults().optimize(false));

    /** {@code e}'s value on every one of {@link #ENGINES}, checked to be the same bits on each. */
    static Object computeOnEveryEngine(Expr e, java.util.Map<String, ?> data) {
        Object first = null;
        for (Compute.Options engine : ENGINES) {
            Object result = Compute.compute(e, data, engine);
            if (first == null) {
                first = result;
            } else {
                assertSameBits(first, result, e + " with " + engine);
            }
        }
        return first;
    }

    /** Equal bit for bit, except that any NaN equals any NaN. */
    static void assertSameBits(Object expected, Object actual, String what) {
        if (expected instanceof double[] e) {
            double[] a = (double[]) actual;
            assertEquals(e.length, a.length, what);
            for (int i = 0; i < e.length; i++) {
                if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i])) {
                    fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
                }
            }
        } else if (expected instanceof float[] e) {
            float[] a = (float[]) actual;
            assertEquals(e.length, a.length, what);
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i])) {
                    fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
                }
            }
        } else if (expected instanceof long[] e) {
            assertEquals(List.of(box(e)), List.of(box((long[]) actual)), what);
        } else if (expected instanceof int[] e) {
            assertEquals(List.of(box(e)), List.of(box((int[]) actual)), what);
        } else if (expected instanceof boolean[] e) {
            assertEquals(List.of(box(e)), List.of(box((boolean[]) actual)), what);
        } else if (expected instanceof Double e) {
            assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits((Double) actual), what + ": " + actual + " vs " + e);
        } else if (expected instanceof Float e) {
            assertEquals(Float.floatToIntBits(e), Float.floatToIntBits((Float) actual), what + ": " + actual + " vs " + e);
        } else {
            assertEquals(expected, actual, what);
        }
    }

    private static Long[] box(long[] a) {
        Long[] b = new Long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    private static Integer[] box(int[] a) {
        Integer[] b = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    private static Boolean[] box(boolean[] a) {
        Boolean[] b = new Boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    /** The distance in units in the last place between two doubles; 0 for two NaNs, MAX_VALUE for NaN and a number. */
    static long ulps(double a, double b) {
        return Ulps.between(a, b);
    }

    /** The same for floats, in float ulps. */
    static long ulps(float a, float b) {
        return Ulps.between(a, b);
    }

    /** The Gaussian of the seed, built with the builders. */
    static Expr gaussian() {
        return gaussian(DType.FLOAT64);
    }

    /**
     * The seed's Gaussian, {@code 1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))}, over
     * symbols of this type; for float32 with {@code sqrt(2*pi)} written as its value (2.5066282746310002).
     */
    static Expr gaussian(DType type) {
        Expr x = Expr.symbol("x", type);
        Expr mu = Expr.symbol("mu", type);
        Expr sigma = Expr.symbol("sigma", type);
        // For float32, sqrt(2 * pi) written as its value: sqrt of written numbers is a float64 NumPy
        // value, not a weak number, and makes the Gaussian float64 (as NumPy does).
        Expr root = type == DType.FLOAT32 ? Expr.literal(Math.sqrt(2 * Math.PI))
                : Expr.literal(2).mul(Expr.literal(Math.PI)).sqrt();
        Expr normalizer = Expr.literal(1).div(sigma.mul(root));
        return normalizer.mul(x.sub(mu).pow(Expr.literal(2)).neg().div(Expr.literal(2).mul(sigma.pow(Expr.literal(2)))).exp());
    }

    /**
     * A random leaf of a complex expression tree: one of {@code names} (sorted, so that a seed
     * gives the same trees) as typed in {@code symbols} 7 times in 10, else an imaginary literal
     * from -2j to 2j, an integer from -2 to 4 or a Gaussian float64.
     */
    static Expr randomComplexLeaf(Random random, List<String> names, Map<String, DType> symbols) {
        int pick = random.nextInt(10);
        if (pick < 7) {
            String name = names.get(random.nextInt(names.size()));
            return Expr.symbol(name, symbols.get(name));
        }
        if (pick < 8) {
            return Expr.parse(random.nextInt(5) - 2 + "j");
        }
        if (pick < 9) {
            return Expr.literal((long) (random.nextInt(7) - 2));
        }
        return Expr.literal(random.nextGaussian());
    }
}
