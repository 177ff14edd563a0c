package io.jvectorize.samples;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Parallel;
import io.jvectorize.runtime.Simd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * The seed's story as a table: the copy kernel {@code x + 1} (memory speed); poly and the
 * Gaussian the NumPy way (a temporary array per operator), as plain scalar loops, as the
 * kernels jvectorize generated for them (SIMD where the Vector API is present), and through
 * {@link Compute} with and without fusion. Each row gives its median time and its ratio to
 * {@code x + 1}, measured in this one run; then every variant is checked against the scalar
 * method. Then Blaze's story on a table ({@link TableDemo}).
 *
 * <pre>{@code java io.jvectorize.samples.Demo [--size N] [--repeats R]}</pre>
 */
public final class Demo {
    private static final int DEFAULT_SIZE = 10_000_000;
    private static final int DEFAULT_REPEATS = 15;
    /** Small arrays run a batch of calls per timing, so that the timer's resolution does not matter. */
    private static final long ELEMENTS_PER_SAMPLE = 10_000_000;
    /** Untimed samples per row first, so that every kernel is JIT-compiled before it is timed. */
    private static final int WARMUP_SAMPLES = 5;
    /** Elements of the in-cache rows: 32 KiB for input and output, which stay in a core's own caches. */
    private static final int IN_CACHE = 2048;
    /** The gufunc rows: x cut into rows of this many elements, and the moving mean's window. */
    private static final int ROW_LENGTH = 10_000;
    private static final long WINDOW = 20;

    private Demo() {}

    /** The seed's Gaussian as an expression, computed by {@link Compute}. */
    static final String GAUSSIAN = "1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))";
    /** A condition, as masks inside the generated loop. */
    static final String LEAKY_RELU = "where(x > 0, x, 0.01 * x)";
    /** Transcendental functions on Vector API routines stay within this many ulps of Math's; see docs/simd.md. */
    static final int VECTOR_MATH_ULPS = 2;

    /**
     * One line of the table: what it computes, how, what it must agree with, and how closely:
     * the error allowed for an expected value (0: bit for bit).
     */
    private record Row(String name, Supplier<double[]> kernel, Supplier<double[]> expected,
            DoubleUnaryOperator tolerance) {}

    private static final DoubleUnaryOperator EXACT = expected -> 0;

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        int n = options.size;
        double[] x = new SplittableRandom(42).doubles(n, -4.0, 2.0).toArray();
        double[] out = new double[n];
        // What each row must give, computed when checked: at 10^8 elements, arrays are 800 MB each.
        Supplier<double[]> plusOne = () -> scalarLoop(x, v -> v + 1.0);
        Supplier<double[]> poly = () -> scalarLoop(x, Seed::poly);
        Supplier<double[]> gaussian = () -> scalarLoop(x, Seed::gaussian);
        Supplier<double[]> wave = () -> scalarLoop(x, Waves::wave);
        Supplier<double[]> withoutExp = () -> scalarLoop(x, GaussianParts::withoutExp);
        Supplier<double[]> exp = () -> scalarLoop(x, Math::exp);
        // The in-cache rows run a kernel over the first elements again and again, as many elements
        // in all as the others: what it costs to compute when memory costs nothing.
        double[] head = Arrays.copyOf(x, Math.min(n, IN_CACHE));
        double[] headOut = new double[head.length];
        int passes = (n + head.length - 1) / head.length;
        Map<String, Object> data = Map.of("x", x, "mu", Seed.MU, "sigma", Seed.SIGMA);
        Expr gaussianExpr = Expr.parse(GAUSSIAN);
        Supplier<double[]> gaussianReference = () -> (double[]) Compute.compute(gaussianExpr, data, false);
        Expr polyPlusOne = Expr.parse("Seed.poly(x) + 1");
        Expr leakyRelu = Expr.parse(LEAKY_RELU);
        Supplier<double[]> leakyReluExpected = () -> scalarLoop(x, v -> v > 0 ? v : 0.01 * v);
        Supplier<double[]> polyPlusOneExpected = () -> scalarLoop(x, v -> Seed.poly(v) + 1.0);
        // Exact kernels agree bit for bit; those on vector math routines within the bound: of the
        // result for the Gaussian (a product); for the wave, a sum of terms below 1, 1 ulp of 1.0
        // (docs/simd.md, asserted by the samples' tests).
        DoubleUnaryOperator vectorMath = Simd.ENABLED ? expected -> VECTOR_MATH_ULPS * Math.ulp(expected) : EXACT;
        DoubleUnaryOperator vectorTerms = Simd.ENABLED ? expected -> Math.ulp(1.0) : EXACT;
        Compute.Options blockByBlock = Compute.Options.defaults().generateLoops(false);
        Compute.Options parallel = Compute.Options.defaults().parallel(true);
        // Powers and tanh: Math's (the engine's only way before the vector library computed them) and the default.
        // A power by a number bound at compute time is Math.pow; by a written 3 it is x * x * x in every engine.
        Compute.Options mathOnly = Compute.Options.defaults().vectorMath(false);
        Expr cube = Expr.parse("x ** 3");
        Expr boundPower = Expr.parse("x ** n");
        Map<String, Object> powerData = Map.of("x", x, "n", 3.0);
        Expr tanh = Expr.parse("tanh(x)");
        Supplier<double[]> powExpected = () -> scalarLoop(x, v -> Math.pow(v, 3));
        Supplier<double[]> cubeExpected = () -> scalarLoop(x, v -> v * v * v);
        Supplier<double[]> tanhExpected = () -> scalarLoop(x, Math::tanh);
        String generated = Simd.ENABLED ? "generated, SIMD" : "generated, scalar path";
        // Ufunc methods: the sum of x as a left fold and by fixed chunks; a gufunc over rows of x.
        Supplier<double[]> leftFold = () -> new double[] {sumLoop(x)};
        DoubleUnaryOperator regrouped = expected -> 1e-12 * Arrays.stream(x).map(Math::abs).sum();
        double[][] xRows = rowsOf(x, ROW_LENGTH);
        double[][] rowsOut = new double[xRows.length][];
        for (int r = 0; r < xRows.length; r++) {
            rowsOut[r] = new double[xRows[r].length];
        }
        // The row kernels return their last row, which is checked against the method called on it alone.
        double[] lastRow = xRows[xRows.length - 1];
        Supplier<double[]> lastRowMean = () -> {
            double[] expected = new double[lastRow.length];
            Gufuncs.movingMean(lastRow, WINDOW, expected);
            return expected;
        };

        List<Row> rows = List.of(
                new Row("x + 1 (copy kernel)", () -> plusOne(x, out), plusOne, EXACT),
                new Row("poly, NumPy way (a temporary per operator)", () -> NumpyStyle.poly(x), poly, EXACT),
                new Row("poly, scalar loop (no Vector API)", () -> polyLoop(x, out), poly, EXACT),
                new Row("poly, " + generated, () -> { SeedVectorized.poly(x, out); return out; }, poly, EXACT),
                new Row("poly, " + generated + ", parallel",
                        () -> { SeedVectorized.polyParallel(x, out); return out; }, poly, EXACT),
                new Row("poly, " + generated + ", new result array", () -> SeedVectorized.poly(x), poly, EXACT),
                new Row("Gaussian, NumPy way (a temporary per operator)", () -> NumpyStyle.gaussian(x), gaussian, EXACT),
                new Row("Gaussian, scalar loop (no Vector API)", () -> gaussianLoop(x, out), gaussian, EXACT),
                new Row("Gaussian, " + generated,
                        () -> { SeedVectorized.gaussian(x, out); return out; }, gaussian, vectorMath),
                new Row("Gaussian, " + generated + ", parallel",
                        () -> { SeedVectorized.gaussianParallel(x, out); return out; }, gaussian, vectorMath),
                new Row("Gaussian without exp, " + generated,
                        () -> { GaussianPartsVectorized.withoutExp(x, out); return out; }, withoutExp, EXACT),
                new Row("exp alone, " + generated,
                        () -> { GaussianPartsVectorized.exp(x, out); return out; }, exp, vectorMath),
                new Row("Gaussian, " + generated + ", in cache",
                        () -> inCache(SeedVectorized::gaussian, head, headOut, passes),
                        () -> scalarLoop(head, Seed::gaussian), vectorMath),
                new Row("exp alone, " + generated + ", in cache",
                        () -> inCache(GaussianPartsVectorized::exp, head, headOut, passes),
                        () -> scalarLoop(head, Math::exp), vectorMath),
                new Row("wave (sin, cos), scalar loop (no Vector API)", () -> waveLoop(x, out), wave, EXACT),
                new Row("wave (sin, cos), " + generated,
                        () -> { WavesVectorized.wave(x, out); return out; }, wave, vectorTerms),
                new Row("Gaussian, Compute, optimize = false",
                        () -> (double[]) Compute.compute(gaussianExpr, data, false), gaussianReference, EXACT),
                new Row("Gaussian, Compute, optimize = true, block by block",
                        () -> (double[]) Compute.compute(gaussianExpr, data, blockByBlock), gaussianReference, vectorMath),
                new Row("Gaussian, Compute, optimize = true",
                        () -> (double[]) Compute.compute(gaussianExpr, data, true), gaussianReference, vectorMath),
                new Row("Gaussian, Compute, optimize = true, into out",
                        () -> { Compute.computeInto(gaussianExpr, data, out); return out; }, gaussianReference,
                        vectorMath),
                new Row("Gaussian, Compute, optimize = true, parallel, into out",
                        () -> { Compute.computeInto(gaussianExpr, data, out, parallel); return out; },
                        gaussianReference, vectorMath),
                new Row("poly(x) + 1, Compute through the registry",
                        () -> (double[]) Compute.compute(polyPlusOne, data, true), polyPlusOneExpected, EXACT),
                new Row("poly(x) + 1, Compute through the registry, into out",
                        () -> { Compute.computeInto(polyPlusOne, data, out); return out; }, polyPlusOneExpected,
                        EXACT),
                new Row(LEAKY_RELU + ", Compute, block by block, into out",
                        () -> { Compute.computeInto(leakyRelu, data, out, blockByBlock); return out; },
                        leakyReluExpected, EXACT),
                new Row(LEAKY_RELU + ", Compute, into out",
                        () -> { Compute.computeInto(leakyRelu, data, out); return out; }, leakyReluExpected, EXACT),
                new Row("x ** n (n = 3.0 bound), Compute, Math.pow (vectorMath = false), into out",
                        () -> { Compute.computeInto(boundPower, powerData, out, mathOnly); return out; }, powExpected, EXACT),
                new Row("x ** 3, Compute (x * x * x), into out",
                        () -> { Compute.computeInto(cube, data, out); return out; }, cubeExpected, EXACT),
                new Row("tanh(x), Compute, Math.tanh (vectorMath = false), into out",
                        () -> { Compute.computeInto(tanh, data, out, mathOnly); return out; }, tanhExpected, EXACT),
                new Row("tanh(x), Compute, into out",
                        () -> { Compute.computeInto(tanh, data, out); return out; }, tanhExpected, vectorMath),
                new Row("sum, scalar loop (left fold)", leftFold, leftFold, EXACT),
                new Row("sum, addReduce (generated left fold)",
                        () -> new double[] {UfuncsVectorized.addReduce(x)}, leftFold, EXACT),
                new Row("sum, addReduceParallel (fixed chunks, " + generated + ")",
                        () -> new double[] {UfuncsVectorized.addReduceParallel(x)}, leftFold, regrouped),
                new Row("moving mean (window " + WINDOW + ", rows of " + ROW_LENGTH + "), per row by hand",
                        () -> movingMeanByHand(xRows, rowsOut), lastRowMean, EXACT),
                new Row("moving mean, generated row loop",
                        () -> { GufuncsVectorized.movingMean(xRows, WINDOW, rowsOut); return rowsOut[rowsOut.length - 1]; },
                        lastRowMean, EXACT),
                new Row("moving mean, generated row loop, parallel",
                        () -> {
                            GufuncsVectorized.movingMeanParallel(xRows, WINDOW, rowsOut);
                            return rowsOut[rowsOut.length - 1];
                        }, lastRowMean, EXACT));

        System.out.printf(Locale.ROOT, "jvectorize demo: %,d float64 elements, median of %d repeats, %d threads,"
                + " SIMD %s, Java %s%n%n", n, options.repeats, Parallel.parallelism(),
                Simd.ENABLED ? "on" : "off (start the JVM with --add-modules jdk.incubator.vector)", Runtime.version());
        double[] medians = measure(rows, n, options.repeats);
        printTable(rows, medians);
        System.out.println();
        System.out.println(Compute.explain(gaussianExpr, data));
        boolean agree = checkAgreement(rows);
        System.out.println();
        agree &= TableDemo.run(n, options.repeats);
        System.exit(agree ? 0 : 1);
    }

    /** The sum as a left fold, as a user writes it. */
    private static double sumLoop(double[] x) {
        double sum = x[0];
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        return sum;
    }

    /**
     * {@code x} cut into rows of {@code length} (one row of all of it, where it is shorter): a
     * gufunc's rows share their core dimension, so a remainder shorter than a row is left out.
     */
    private static double[][] rowsOf(double[] x, int length) {
        int rowLength = Math.min(length, x.length);
        double[][] result = new double[x.length / rowLength][];
        for (int r = 0; r < result.length; r++) {
            result[r] = Arrays.copyOfRange(x, r * rowLength, (r + 1) * rowLength);
        }
        return result;
    }

    private static double[] movingMeanByHand(double[][] rows, double[][] out) {
        for (int r = 0; r < rows.length; r++) {
            Gufuncs.movingMean(rows[r], WINDOW, out[r]);
        }
        return out[out.length - 1];
    }

    /** The expected results: {@code f} element by element (not timed). */
    private static double[] scalarLoop(double[] x, DoubleUnaryOperator f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }

    /** The loop a generated kernel runs without the Vector API, written out: a direct call per element. */
    private static double[] polyLoop(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Seed.poly(x[i]);
        }
        return out;
    }

    /** As {@link #polyLoop}, for the wave. */
    private static double[] waveLoop(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Waves.wave(x[i]);
        }
        return out;
    }

    /** As {@link #polyLoop}, for the Gaussian. */
    private static double[] gaussianLoop(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Seed.gaussian(x[i]);
        }
        return out;
    }

    /**
     * {@code passes} calls of {@code kernel} over the same small arrays, which stay in cache: at
     * least as many elements in all as the other rows compute, with no wait for memory.
     */
    private static double[] inCache(BiConsumer<double[], double[]> kernel, double[] x, double[] out, int passes) {
        for (int p = 0; p < passes; p++) {
            kernel.accept(x, out);
        }
        return out;
    }

    private static double[] plusOne(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + 1.0;
        }
        return out;
    }

    /** Median nanoseconds per call of each row; rows take turns, so machine noise falls on all alike. */
    private static double[] measure(List<Row> rows, int n, int repeats) {
        int calls = (int) Math.max(1, ELEMENTS_PER_SAMPLE / Math.max(1, n));
        for (Row row : rows) {
            for (int i = 0; i < WARMUP_SAMPLES * calls; i++) {
                row.kernel.get();
            }
        }
        double[][] samples = new double[rows.size()][repeats];
        for (int r = 0; r < repeats; r++) {
            for (int k = 0; k < rows.size(); k++) {
                Supplier<double[]> kernel = rows.get(k).kernel;
                long start = System.nanoTime();
                for (int c = 0; c < calls; c++) {
                    kernel.get();
                }
                samples[k][r] = (System.nanoTime() - start) / (double) calls;
            }
        }
        double[] medians = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            Arrays.sort(samples[k]);
            medians[k] = repeats % 2 == 1
                    ? samples[k][repeats / 2]
                    : (samples[k][repeats / 2 - 1] + samples[k][repeats / 2]) / 2;
        }
        return medians;
    }

    private static void printTable(List<Row> rows, double[] medians) {
        int width = rows.stream().mapToInt(row -> row.name.length()).max().orElse(0);
        String format = "%-" + width + "s  %12s  %9s%n";
        System.out.printf(Locale.ROOT, format, "variant", "median", "vs x + 1");
        for (int k = 0; k < rows.size(); k++) {
            System.out.printf(Locale.ROOT, format, rows.get(k).name, duration(medians[k]),
                    String.format(Locale.ROOT, "%.2fx", medians[k] / medians[0]));
        }
    }

    private static String duration(double nanos) {
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
    }

    /** Whether every row agrees with what it must, within its bound; prints the first difference of any that does not. */
    private static boolean checkAgreement(List<Row> rows) {
        boolean agree = true;
        for (Row row : rows) {
            double[] result = row.kernel.get();
            double[] expectedValues = row.expected.get();
            for (int i = 0; i < result.length; i++) {
                double expected = expectedValues[i];
                double allowed = row.tolerance.applyAsDouble(expected);
                if (!agrees(result[i], expected, allowed)) {
                    System.out.printf(Locale.ROOT, "MISMATCH in %s at [%d]: %s, expected %s (within %s)%n",
                            row.name, i, result[i], expected, allowed);
                    agree = false;
                    break;
                }
            }
        }
        System.out.println(agree
                ? "All variants agree: exact arithmetic bit for bit, vector math within " + VECTOR_MATH_ULPS + " ulps."
                : "Some variants disagree.");
        return agree;
    }

    private static boolean agrees(double actual, double expected, double allowed) {
        return Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected)
                || Math.abs(actual - expected) <= allowed;
    }

    /** The command line: {@code --size N} (a whole number, {@code 1e8} allowed) and {@code --repeats R}. */
    private static final class Options {
        static final String USAGE = "usage: Demo [--size N] [--repeats R]\n"
                + "  --size N     float64 elements per array (default " + DEFAULT_SIZE + "; 1e8 style allowed)\n"
                + "  --repeats R  timed repeats per variant, the median is shown (default " + DEFAULT_REPEATS + ")";

        int size = DEFAULT_SIZE;
        int repeats = DEFAULT_REPEATS;

        /** The options, or null when help was asked for. */
        static Options parse(String[] args) {
            Options options = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                switch (flag) {
                    case "--help":
                    case "-h":
                        return null;
                    case "--size":
                    case "-n":
                        options.size = count(flag, next(flag, rest), 1);
                        break;
                    case "--repeats":
                    case "-r":
                        options.repeats = count(flag, next(flag, rest), 1);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            }
            return options;
        }

        private static String next(String flag, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.remove(0);
        }

        private static int count(String flag, String text, int min) {
            double value;
            try {
                value = Double.parseDouble(text.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " takes a whole number, not '" + text + "'");
            }
            if (value != Math.rint(value) || value < min || value > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(flag + " takes a whole number from " + min + " to "
                        + (Integer.MAX_VALUE - 8) + ", not '" + text + "'");
            }
            return (int) value;
        }
    }
}
