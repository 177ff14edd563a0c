package io.jvectorize.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine the report is written on (the benchmarks' machine: the report runs right after
 * them): the CPU model and its widest vector instructions from {@code /proc/cpuinfo}, and the
 * number of cores the JVM sees.
 *
 * @param cpu the CPU model, e.g. {@code AMD EPYC 9654}; the architecture where it is unknown
 * @param cores {@link Runtime#availableProcessors()}
 * @param vectorIsa the widest SIMD instruction set, e.g. {@code AVX-512}; empty if unknown
 */
record Machine(String cpu, int cores, String vectorIsa) {

    static Machine here() {
        List<String> cpuinfo;
        try {
            cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            cpuinfo = List.of();
        }
        return of(cpuinfo, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
    }

    /** From the lines of {@code /proc/cpuinfo} (x86 or ARM), the core count and the architecture. */
    static Machine of(List<String> cpuinfo, int cores, String arch) {
        String model = field(cpuinfo, "model name");
        if (model.isEmpty()) {
            model = field(cpuinfo, "Model");
        }
        if (model.isEmpty()) {
            model = arch;
        }
        Set<String> flags = Arrays.stream((field(cpuinfo, "flags") + " " + field(cpuinfo, "Features")).split("\\s+"))
                .collect(Collectors.toSet());
        String isa = flags.contains("avx512f") ? "AVX-512"
                : flags.contains("avx2") ? "AVX2"
                : flags.contains("avx") ? "AVX"
                : flags.contains("sve") ? "SVE"
                : flags.contains("asimd") ? "NEON"
                : flags.contains("sse4_2") ? "SSE4.2" : "";
        return new Machine(model.replaceAll("\\s+", " "), cores, isa);
    }

    /** As the chart's subtitle and the table's caption say it: "AMD EPYC, 2 cores, AVX-512". */
    String describe() {
        return cpu + ", " + cores + (cores == 1 ? " core" : " cores") + (vectorIsa.isEmpty() ? "" : ", " + vectorIsa);
    }

    /** The value of the first line {@code key : value}, or empty. */
    private static String field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
