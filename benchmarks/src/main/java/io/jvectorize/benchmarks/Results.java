package io.jvectorize.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a JMH run wrote with {@code -rf json}: one {@link Measurement} per benchmark method and
 * size, and the settings of the run.
 *
 * @param measurements the results, in the file's order
 * @param run how they were measured
 */
record Results(List<Measurement> measurements, Run run) {

    /**
     * One benchmark method at one size.
     *
     * @param method the benchmark method's name, e.g. {@code polyGeneratedSimd}
     * @param size the value of the {@code size} parameter: elements per call
     * @param nanosPerCall the time per call: the median of the measurement iterations (robust to
     *     one disturbed iteration in a short run), or JMH's score where the file has no raw data
     * @param spread how much the iterations differ: (slowest - fastest) / median; NaN for fewer than two
     * @param bytesPerCall bytes allocated per call ({@code gc.alloc.rate.norm}), NaN without {@code -prof gc}
     */
    record Measurement(String method, int size, double nanosPerCall, double spread, double bytesPerCall) {

        double nanosPerElement() {
            return nanosPerCall / size;
        }

        double bytesPerElement() {
            return bytesPerCall / size;
        }
    }

    /**
     * The run's settings, from its first result.
     *
     * @param jmhVersion e.g. {@code 1.37}
     * @param jdkVersion e.g. {@code 17.0.15}
     * @param vm e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6}
     * @param forks forks per benchmark and size
     * @param warmup e.g. {@code 2 × 1 s}
     * @param measurement e.g. {@code 3 × 1 s}
     */
    record Run(String jmhVersion, String jdkVersion, String vm, int forks, String warmup, String measurement) {}

    /** Reads a JMH JSON result file. */
    static Results read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(JsonParser.parseReader(reader), file.toString());
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a JMH JSON result file (run JMH with -rf json): " + e.getMessage(), e);
        }
    }

    /** Parses JMH's JSON: an array of results; {@code source} names it in messages. */
    static Results parse(JsonElement json, String source) {
        if (!json.isJsonArray() || json.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException(source + " holds no results");
        }
        JsonArray array = json.getAsJsonArray();
        List<Measurement> measurements = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject result = element.getAsJsonObject();
            String benchmark = result.get("benchmark").getAsString();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonObject params = result.getAsJsonObject("params");
            if (params == null || !params.has("size")) {
                throw new IllegalArgumentException(benchmark + " has no size parameter");
            }
            int size = Integer.parseInt(params.get("size").getAsString());
            JsonObject primary = result.getAsJsonObject("primaryMetric");
            double toNanos = nanosPerCall(primary.get("scoreUnit").getAsString(), benchmark);
            double bytes = Double.NaN;
            JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
                    // Older JMH versions prefix secondary metrics with a middle dot.
                    if (metric.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                        bytes = number(metric.getValue().getAsJsonObject().get("score"));
                    }
                }
            }
            List<Double> iterations = new ArrayList<>();
            JsonElement raw = primary.get("rawData");
            if (raw != null && raw.isJsonArray()) {
                for (JsonElement fork : raw.getAsJsonArray()) {
                    for (JsonElement iteration : fork.getAsJsonArray()) {
                        iterations.add(number(iteration) * toNanos);
                    }
                }
            }
            double time = number(primary.get("score")) * toNanos;
            double spread = Double.NaN;
            if (!iterations.isEmpty()) {
                Collections.sort(iterations);
                int n = iterations.size();
                time = n % 2 == 1 ? iterations.get(n / 2) : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
                spread = n < 2 ? Double.NaN : (iterations.get(n - 1) - iterations.get(0)) / time;
            }
            measurements.add(new Measurement(method, size, time, spread, bytes));
        }
        JsonObject first = array.get(0).getAsJsonObject();
        Run run = new Run(text(first, "jmhVersion"), text(first, "jdkVersion"),
                (text(first, "vmName") + " " + text(first, "vmVersion")).trim(),
                first.has("forks") ? first.get("forks").getAsInt() : 0,
                iterations(first, "warmupIterations", "warmupTime"),
                iterations(first, "measurementIterations", "measurementTime"));
        return new Results(List.copyOf(measurements), run);
    }

    /** The factor from the score's unit to nanoseconds per call: the report needs time per call (mode avgt). */
    private static double nanosPerCall(String unit, String benchmark) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException(benchmark + " is scored in " + unit
                        + "; the report needs time per call: run JMH in mode avgt (-bm avgt)");
        }
    }

    /** A JSON number; JMH writes NaN as the string "NaN". */
    private static double number(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return Double.NaN;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isNumber() ? primitive.getAsDouble() : Double.parseDouble(primitive.getAsString());
    }

    private static String text(JsonObject object, String key) {
        JsonElement element = object.get(key);
        return element == null || element.isJsonNull() ? "" : element.getAsString();
    }

    private static String iterations(JsonObject object, String count, String time) {
        if (!object.has(count)) {
            return "";
        }
        return String.format(Locale.ROOT, "%d × %s", object.get(count).getAsInt(), text(object, time));
    }
}
