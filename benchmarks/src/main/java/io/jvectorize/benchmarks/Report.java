package io.jvectorize.benchmarks;

import io.jvectorize.benchmarks.Results.Measurement;
import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Simd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns the JSON result file of a JMH run of this module ({@code -rf json}, with
 * {@code -prof gc}) into a report: {@value #TABLE}, a Markdown table with a row per variant and
 * a column per size, each cell the variant's time relative to the copy kernel {@code x + 1}
 * at that size, its nanoseconds per element and its bytes allocated per element; and
 * {@value #CHART}, the ratios as grouped bars, drawn with JFreeChart.
 *
 * <pre>{@code java --add-modules jdk.incubator.vector -Djava.awt.headless=true \
 *     -cp ... io.jvectorize.benchmarks.Report target/jmh.json report}</pre>
 *
 * <p>The Vector API module lets the report check which generated kernels have SIMD loops, so
 * that a label never claims SIMD for a kernel that has none.
 */
public final class Report {

    /** The table's file name. */
    static final String TABLE = "README-table.md";
    /** The chart's file name. */
    static final String CHART = "chart.png";
    /** The width the table's captions are wrapped to, as the prose of docs/performance.md, which shows the table. */
    static final int LINE_WIDTH = 96;

    /**
     * One variant's results.
     *
     * @param method its benchmark method
     * @param label as the table and the chart show it
     * @param bySize its measurements by size
     */
    record Row(String method, String label, Map<Integer, Measurement> bySize) {}

    private final Results results;
    private final Machine machine;
    private final List<Integer> sizes;
    private final List<Row> rows;
    private final Map<Integer, Measurement> copy;

    /**
     * @param hasSimdLoop whether the generated kernel of a function of {@code Seed} has a SIMD
     *     loop; where not, labels that would claim SIMD say so instead
     */
    Report(Results results, Machine machine, Predicate<String> hasSimdLoop) {
        this.results = results;
        this.machine = machine;
        this.sizes = List.copyOf(new TreeSet<>(results.measurements().stream().map(Measurement::size).toList()));
        Map<String, Map<Integer, Measurement>> byMethod = new LinkedHashMap<>();
        for (Measurement m : results.measurements()) {
            byMethod.computeIfAbsent(m.method(), k -> new TreeMap<>()).put(m.size(), m);
        }
        List<Row> rows = new ArrayList<>();
        for (Variants.Variant variant : Variants.ALL) {
            Map<Integer, Measurement> bySize = byMethod.remove(variant.method());
            if (bySize != null) {
                boolean simd = !variant.needsSimdLoop() || hasSimdLoop.test(variant.function());
                String label = simd ? variant.label() : variant.label().replace(", SIMD", " (no SIMD loop)");
                rows.add(new Row(variant.method(), label, bySize));
            }
        }
        // Benchmarks added without a label still show, under their method names.
        byMethod.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(new Row(e.getKey(), e.getKey(), e.getValue())));
        this.rows = List.copyOf(rows);
        this.copy = rows.stream().filter(r -> r.method().equals(Variants.COPY)).findFirst()
                .map(Row::bySize).orElse(Map.of());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report JMH_JSON_RESULTS OUTPUT_DIRECTORY");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        Path directory = Path.of(args[1]);
        Report report = new Report(Results.read(json), Machine.here(), simdLoops());
        Files.createDirectories(directory);
        String markdown = report.markdown();
        Files.writeString(directory.resolve(TABLE), markdown, StandardCharsets.UTF_8);
        Chart.write(report, directory.resolve(CHART));
        System.out.println();
        System.out.print(markdown);
        System.out.println();
        System.out.println("Wrote " + directory.resolve(TABLE) + " and " + directory.resolve(CHART));
    }

    /**
     * Whether {@code Seed}'s generated kernel for a function has a SIMD loop, as
     * {@link Compute#explain} tells; always true where this JVM has no Vector API and so cannot tell.
     */
    static Predicate<String> simdLoops() {
        if (!Simd.ENABLED) {
            return function -> true;
        }
        Map<String, Object> data = Map.of("x", new double[1]);
        // Block by block, explain names the kernel a call runs; a generated loop would run its lane function.
        Compute.Options blocks = Compute.Options.defaults().generateLoops(false);
        return function -> Compute.explain(Expr.parse("Seed." + function + "(x)"), data, blocks)
                .contains("generated SIMD kernel");
    }

    List<Integer> sizes() {
        return sizes;
    }

    List<Row> rows() {
        return rows;
    }

    /** The row's time per call divided by the copy kernel's at {@code size}; NaN where either is missing. */
    double ratio(Row row, int size) {
        Measurement m = row.bySize().get(size);
        Measurement floor = copy.get(size);
        return m == null || floor == null ? Double.NaN : m.nanosPerCall() / floor.nanosPerCall();
    }

    /** "AMD EPYC, 2 cores, AVX-512": the machine. */
    String machineText() {
        return machine.describe();
    }

    /** "JDK 17.0.15". */
    String jdkText() {
        return "JDK " + results.run().jdkVersion();
    }

    /** "JMH 1.37, 1 fork, warmup 2 × 1 s, measurement 3 × 1 s". */
    String settingsText() {
        Results.Run run = results.run();
        return "JMH " + run.jmhVersion() + ", " + run.forks() + (run.forks() == 1 ? " fork" : " forks")
                + ", warmup " + run.warmup() + ", measurement " + run.measurement();
    }

    /** The Markdown table, with a caption that says where and how it was measured. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(wrap(String.format(Locale.ROOT, "Measured on %s, with %s (%s), and %s, for each variant and"
                + " size. Each cell: time per call relative to `x + 1` at the same size (lower is faster)"
                + " · nanoseconds per element · bytes allocated per element (`gc.alloc.rate.norm` ÷ size).",
                machineText(), jdkText(), results.run().vm(), settingsText())));
        out.append(System.lineSeparator());
        out.append("| variant |");
        sizes.forEach(size -> out.append(String.format(Locale.ROOT, " %,d elements |", size)));
        out.append(System.lineSeparator()).append("|:--|");
        sizes.forEach(size -> out.append("--:|"));
        out.append(System.lineSeparator());
        for (Row row : rows) {
            out.append("| ").append(row.label()).append(" |");
            for (int size : sizes) {
                Measurement m = row.bySize().get(size);
                out.append(' ').append(m == null ? "–" : ratioText(ratio(row, size)) + " · "
                        + nanosText(m.nanosPerElement()) + " ns · " + bytesText(m.bytesPerElement()) + " B").append(" |");
            }
            out.append(System.lineSeparator());
        }
        out.append(System.lineSeparator()).append(wrap(noise()));
        return out.toString();
    }

    /**
     * How far to trust the table: how much the measurement iterations of one variant and size
     * differed, (slowest - fastest) / median, as the median over the table and the largest.
     * A short run on a busy machine shows it here.
     */
    String noise() {
        List<Measurement> spreads = new ArrayList<>();
        Map<Measurement, Row> rowOf = new IdentityHashMap<>();
        for (Row row : rows) {
            for (Measurement m : row.bySize().values()) {
                if (!Double.isNaN(m.spread())) {
                    spreads.add(m);
                    rowOf.put(m, row);
                }
            }
        }
        if (spreads.isEmpty()) {
            return "No iteration data: run JMH with at least two measurement iterations (-i).";
        }
        spreads.sort(Comparator.comparingDouble(Measurement::spread));
        Measurement median = spreads.get(spreads.size() / 2);
        Measurement largest = spreads.get(spreads.size() - 1);
        return String.format(Locale.ROOT, "Times are medians of the measurement iterations. Their spread,"
                + " (slowest − fastest) ÷ median: %.0f%% for the median cell, %.0f%% at most (%s, %,d elements).",
                100 * median.spread(), 100 * largest.spread(), rowOf.get(largest).label(), largest.size());
    }

    /** The text as lines of at most {@value #LINE_WIDTH} characters where words allow, each ending with a line break. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_WIDTH) {
                out.append(line).append(System.lineSeparator());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        return out.append(line).append(System.lineSeparator()).toString();
    }

    /** "1.04×", "12.3×", "140×"; "–" for NaN. */
    static String ratioText(double ratio) {
        if (Double.isNaN(ratio)) {
            return "–";
        }
        String format = ratio < 10 ? "%.2f×" : ratio < 100 ? "%.1f×" : "%.0f×";
        return String.format(Locale.ROOT, format, ratio);
    }

    /** Three significant digits: "0.412", "3.07", "41.2", "412". */
    static String nanosText(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        String format = nanos < 1 ? "%.3f" : nanos < 10 ? "%.2f" : nanos < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, format, nanos);
    }

    /** One decimal: "8.0", "32.1"; "–" without the gc profiler. */
    static String bytesText(double bytes) {
        return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f", bytes);
    }

    /** The smallest and largest ratio in the report, for the chart's axis. */
    double[] ratioRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Row row : rows) {
            for (int size : sizes) {
                double r = ratio(row, size);
                if (r > 0 && !Double.isInfinite(r)) {
                    min = Math.min(min, r);
                    max = Math.max(max, r);
                }
            }
        }
        return max == 0 ? new double[] {1, 1} : new double[] {min, max};
    }

    /** The row of a method, if measured. */
    Optional<Row> row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst();
    }
}
