package io.jvectorize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final Machine MACHINE = new Machine("Test CPU 9000", 2, "AVX-512");

    /** A result as JMH 1.37 writes it with -prof gc, trimmed to what the report reads. */
    private static String result(String method, int size, String score, String unit, double bytes) {
        return result(method, size, score, "[]", unit, bytes);
    }

    private static String result(String method, int size, String score, String rawData, String unit, double bytes) {
        return """
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "io.jvectorize.benchmarks.SeedBenchmarks.%s",
                    "mode" : "avgt",
                    "forks" : 1,
                    "jdkVersion" : "17.0.15",
                    "vmName" : "OpenJDK 64-Bit Server VM",
                    "vmVersion" : "17.0.15+6",
                    "warmupIterations" : 2,
                    "warmupTime" : "1 s",
                    "measurementIterations" : 3,
                    "measurementTime" : "1 s",
                    "params" : { "size" : "%d" },
                    "primaryMetric" : { "score" : %s, "scoreError" : "NaN", "scoreUnit" : "%s", "rawData" : [ %s ] },
                    "secondaryMetrics" : {
                        "gc.alloc.rate" : { "score" : 1234.5, "scoreUnit" : "MB/sec" },
                        "gc.alloc.rate.norm" : { "score" : %s, "scoreUnit" : "B/op" }
                    }
                }""".formatted(method, size, score, unit, rawData, bytes);
    }

    private static Results results(String... results) {
        return Results.parse(JsonParser.parseString("[" + String.join(",", results) + "]"), "test");
    }

    private static Results sample() {
        return results(
                result("copy", 1000, "500.0", "ns/op", 8016),
                result("copy", 10000000, "10.0", "ms/op", 80000016),
                result("polyNumpyWay", 1000, "2000.0", "ns/op", 32064),
                result("polyNumpyWay", 10000000, "21.0", "ms/op", 320000064),
                result("gaussianGeneratedSimd", 1000, "1.5", "us/op", 8016),
                result("somethingNew", 1000, "250", "ns/op", 0));
    }

    @Test
    void parsesJmhJson() {
        Results results = sample();
        assertEquals(6, results.measurements().size());
        Results.Measurement copy = results.measurements().get(1);
        assertEquals("copy", copy.method());
        assertEquals(10_000_000, copy.size());
        assertEquals(1e7, copy.nanosPerCall(), 1e-6);
        assertEquals(1.0, copy.nanosPerElement(), 1e-12);
        assertEquals(8.0000016, copy.bytesPerElement(), 1e-9);
        assertTrue(Double.isNaN(copy.spread()));
        assertEquals(new Results.Run("1.37", "17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6", 1, "2 × 1 s", "3 × 1 s"),
                results.run());
    }

    @Test
    void rejectsThroughputScores() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> results(result("copy", 1000, "5.0", "ops/us", 8016)));
        assertTrue(e.getMessage().contains("avgt"), e.getMessage());
    }

    @Test
    void tableHasARowPerVariantInOrderAndACellPerSize() {
        Report report = new Report(sample(), MACHINE, function -> true);
        List<String> lines = report.markdown().lines().toList();
        int header = lines.indexOf("| variant | 1,000 elements | 10,000,000 elements |");
        assertTrue(header > 0, String.join("\n", lines));
        String caption = String.join(" ", lines.subList(0, header));
        assertTrue(caption.contains("Test CPU 9000, 2 cores, AVX-512"), caption);
        assertTrue(caption.contains("JDK 17.0.15"), caption);
        assertTrue(caption.contains("JMH 1.37, 1 fork, warmup 2 × 1 s, measurement 3 × 1 s"), caption);
        assertTrue(lines.subList(0, header).stream().allMatch(line -> line.length() <= Report.LINE_WIDTH), caption);
        assertEquals("", lines.get(header - 1));
        assertEquals("| x + 1 (copy kernel) | 1.00× · 0.500 ns · 8.0 B | 1.00× · 1.00 ns · 8.0 B |", lines.get(header + 2));
        assertEquals("| poly: NumPy way, a temporary per operator | 4.00× · 2.00 ns · 32.1 B | 2.10× · 2.10 ns · 32.0 B |",
                lines.get(header + 3));
        assertEquals("| Gaussian: generated, SIMD | 3.00× · 1.50 ns · 8.0 B | – |", lines.get(header + 4));
        assertEquals("| somethingNew | 0.50× · 0.250 ns · 0.0 B | – |", lines.get(header + 5));
        assertEquals("", lines.get(header + 6));
        assertEquals("No iteration data: run JMH with at least two measurement iterations (-i).", lines.get(header + 7));
        assertEquals(header + 8, lines.size());
    }

    @Test
    void takesTheMedianIterationAndSaysHowNoisyTheRunWas() {
        Report report = new Report(results(
                result("copy", 1000, "600.0", "[500.0, 450.0, 550.0]", "ns/op", 8016),
                result("copy", 100000, "50.0", "[50.0, 49.0], [51.0, 50.0]", "us/op", 800016),
                result("polyNumpyWay", 1000, "9000.0", "[2000.0, 1000.0, 24000.0]", "ns/op", 32064)),
                MACHINE, function -> true);
        Results.Measurement copy = report.row("copy").orElseThrow().bySize().get(100000);
        assertEquals(50_000, copy.nanosPerCall(), 1e-9);
        assertEquals(0.04, copy.spread(), 1e-12);
        assertEquals(4.0, report.ratio(report.row("polyNumpyWay").orElseThrow(), 1000), 1e-12);
        assertEquals("Times are medians of the measurement iterations. Their spread, (slowest − fastest) ÷ median:"
                + " 20% for the median cell, 1150% at most (poly: NumPy way, a temporary per operator,"
                + " 1,000 elements).", report.noise());
    }

    @Test
    void labelsNeverClaimSimdForAKernelWithoutASimdLoop() {
        Report report = new Report(sample(), MACHINE, function -> !function.equals("gaussian"));
        assertEquals("Gaussian: generated (no SIMD loop)", report.row("gaussianGeneratedSimd").orElseThrow().label());
    }

    @Test
    void wrapsProseAtWords() {
        assertEquals("short text" + System.lineSeparator(), Report.wrap("short text"));
        String wrapped = Report.wrap("word ".repeat(50).trim());
        assertTrue(wrapped.lines().allMatch(line -> line.length() <= Report.LINE_WIDTH && !line.isEmpty()), wrapped);
        assertEquals("word ".repeat(50).trim(), String.join(" ", wrapped.lines().toList()));
    }

    @Test
    void formatsNumbers() {
        assertEquals("1.04×", Report.ratioText(1.0449));
        assertEquals("12.3×", Report.ratioText(12.34));
        assertEquals("140×", Report.ratioText(140.4));
        assertEquals("–", Report.ratioText(Double.NaN));
        assertEquals("0.412", Report.nanosText(0.4123));
        assertEquals("41.2", Report.nanosText(41.23));
        assertEquals(0.5, Chart.niceBelow(0.69), 1e-12);
        assertEquals(0.2, Chart.niceBelow(0.3), 1e-12);
        assertEquals(1.0, Chart.niceBelow(1.9), 1e-12);
    }

    @Test
    void writesTheChartAsPng(@TempDir Path directory) throws IOException {
        Report report = new Report(sample(), MACHINE, function -> true);
        Path png = directory.resolve("chart.png");
        Chart.write(report, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertTrue(image.getHeight() > 300, "height " + image.getHeight());
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void readsTheMachineFromCpuinfo() {
        Machine x86 = Machine.of(List.of("processor\t: 0", "model name\t: AMD EPYC  9654 96-Core Processor",
                "flags\t\t: fpu sse4_2 avx avx2 avx512f"), 2, "amd64");
        assertEquals(new Machine("AMD EPYC 9654 96-Core Processor", 2, "AVX-512"), x86);
        Machine arm = Machine.of(List.of("processor\t: 0", "Features\t: fp asimd sve"), 8, "aarch64");
        assertEquals(new Machine("aarch64", 8, "SVE"), arm);
        assertEquals("aarch64, 8 cores, SVE", arm.describe());
    }
}
