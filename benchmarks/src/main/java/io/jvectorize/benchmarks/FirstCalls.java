package io.jvectorize.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fresh-JVM call sequences of the Gaussian, as a user timing a few calls, a short batch job or
 * a test suite sees them: the first 2,000 calls at 1,000 elements, 300 at 10,000 and 30 at
 * 10^7, each sequence in a JVM of its own ({@link FirstCallSequence}), for a plain Java loop,
 * the generated kernel and {@code Compute}, the latter two with the warm-up on (the default)
 * and off ({@code -Djvectorize.warmup=false}: the SIMD loop from the first call, compiled or
 * not). JMH measures the steady state only; this measures what comes before it. Not a test:
 * its figures are for the report (docs/performance.md), and depend on the machine and its load.
 *
 * <p>Usage: {@code FirstCalls [--chart PNG] [JVM_FLAG ...]}; the flags go to every child JVM,
 * e.g. {@code -XX:UseAVX=2} to run as on an AVX2 machine. Every child also gets
 * {@code --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages}. With {@code --chart}
 * it also draws every call's time ({@link FirstCallsChart}).
 */
public final class FirstCalls {

    /** A call sequence: size and number of calls. */
    private record Sequence(int size, int calls) {}

    private static final List<Sequence> SEQUENCES = List.of(new Sequence(1_000, 2_000), new Sequence(10_000, 300),
            new Sequence(10_000_000, 30));

    /** A row of the table: a variant of {@link FirstCallSequence}, with or without the warm-up. */
    private record Row(String label, String variant, boolean warmup) {}

    private static final List<Row> ROWS = List.of(
            new Row("plain Java loop", "java-loop", true),
            new Row("generated kernel", "generated", true),
            new Row("generated kernel, warm-up off", "generated", false),
            new Row("Compute", "compute", true),
            new Row("Compute, warm-up off", "compute", false));

    /** The window the target is about: consecutive calls after the first. */
    static final int WINDOW = 10;

    private FirstCalls() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(List.of(args));
        Path chart = null;
        if (!flags.isEmpty() && flags.get(0).equals("--chart")) {
            if (flags.size() < 2) {
                throw new IllegalArgumentException("--chart needs the path of the PNG file to write");
            }
            chart = Path.of(flags.get(1));
            flags = flags.subList(2, flags.size());
        }
        String title = String.format(Locale.ROOT, "First calls of the Gaussian, each sequence in a fresh JVM: %s, Java %s%s",
                Machine.here().describe(), System.getProperty("java.version"),
                flags.isEmpty() ? "" : ", flags " + String.join(" ", flags));
        System.out.println(title);
        Map<String, Map<String, double[]>> panels = new LinkedHashMap<>();
        System.out.println("Times in ms per call; call 1 CPU: the calling thread's CPU time in parse and first call. steady: median of the last quarter of the calls. worst window: the"
                + " slowest mean of " + WINDOW + " consecutive calls after the first, and its ratios to the"
                + " row's steady state, to the plain Java loop's steady state and to its worst window (/Java w.).");
        for (Sequence sequence : SEQUENCES) {
            System.out.printf(Locale.ROOT, "%n%,d elements, %,d calls%n", sequence.size(), sequence.calls());
            System.out.printf(Locale.ROOT, "%-31s %8s %9s %9s %9s %9s %9s %12s %8s %8s %8s %10s%n", "variant", "parse",
                    "call 1", "call 1 CPU", "call 2", "3-10 max", "steady", "worst window", "/steady", "/Java", "/Java w.",
                    "all calls");
            double javaSteady = Double.NaN;
            double javaWindow = Double.NaN;
            Map<String, double[]> panel = new LinkedHashMap<>();
            panels.put(String.format(Locale.ROOT, "%,d elements", sequence.size()), panel);
            for (Row row : ROWS) {
                Run run = run(row, sequence, flags);
                double[] t = run.millis;
                panel.put(row.label, t);
                double steady = steady(t);
                double window = worstWindow(t);
                if (row.variant.equals("java-loop")) {
                    javaSteady = steady;
                    javaWindow = window;
                }
                System.out.printf(Locale.ROOT, "%-31s %8s %9.3f %9.3f %9.3f %9.3f %9.4f %12.4f %7.1fx %7.1fx %7.1fx %10.1f%n",
                        row.label, Double.isNaN(run.parseMillis) ? "" : String.format(Locale.ROOT, "%.1f", run.parseMillis),
                        t[0], run.firstCallCpuMillis, t.length > 1 ? t[1] : Double.NaN, max(t, 2, Math.min(10, t.length)), steady, window,
                        window / steady, window / javaSteady, window / javaWindow, Arrays.stream(t).sum());
            }
        }
        if (chart != null) {
            FirstCallsChart.write(title, panels, chart);
            System.out.println("\nChart: " + chart);
        }
    }

    /**
     * One child's times, in milliseconds: each call's, the parse's (NaN where it parses nothing),
     * and the calling thread's CPU time in parse and first call.
     */
    private record Run(double[] millis, double parseMillis, double firstCallCpuMillis) {}

    private static Run run(Row row, Sequence sequence, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xmx2g",
                "-Djvectorize.warmup=" + row.warmup));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstCallSequence.class.getName(),
                row.variant, String.valueOf(sequence.size()), String.valueOf(sequence.calls())));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the child " + String.join(" ", command) + " failed:\n" + output);
        }
        List<Double> times = new ArrayList<>();
        double parse = Double.NaN;
        double cpu = Double.NaN;
        for (String line : output.split("\n")) {
            if (line.startsWith("parse ")) {
                parse = Long.parseLong(line.substring(6).trim()) / 1e6;
            } else if (line.startsWith("cpu ")) {
                cpu = Long.parseLong(line.substring(4).trim()) / 1e6;
            } else if (!line.isBlank()) {
                times.add(Long.parseLong(line.trim()) / 1e6);
            }
        }
        return new Run(times.stream().mapToDouble(Double::doubleValue).toArray(), parse, cpu);
    }

    /** The median of the last quarter of the calls. */
    static double steady(double[] t) {
        double[] last = Arrays.copyOfRange(t, t.length - Math.max(1, t.length / 4), t.length);
        Arrays.sort(last);
        return last[last.length / 2];
    }

    /** The slowest mean of {@link #WINDOW} consecutive calls after the first. */
    static double worstWindow(double[] t) {
        double worst = 0;
        for (int start = 1; start + WINDOW <= t.length; start++) {
            double sum = 0;
            for (int k = start; k < start + WINDOW; k++) {
                sum += t[k];
            }
            worst = Math.max(worst, sum / WINDOW);
        }
        return worst;
    }

    private static double max(double[] t, int from, int to) {
        double max = Double.NaN;
        for (int k = from; k < to; k++) {
            max = Double.isNaN(max) ? t[k] : Math.max(max, t[k]);
        }
        return max;
    }
}
