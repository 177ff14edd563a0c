package io.jvectorize.runtime.numexpr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * numexpr's test expressions with their data and NumPy's answers, as
 * {@code src/test/python/numexpr_corpus.py} wrote them into {@code numexpr/corpus.txt}.
 */
record NumexprCorpus(Map<String, Map<String, Value>> datasets, List<Case> cases) {

    /** A bound value or an answer: NumPy's dtype name, whether 0-d, and its elements as text (complex: re, im pairs). */
    record Value(String dtype, boolean scalar, String[] elements) {}

    /**
     * One expression on one dataset: NumPy's answer ({@code error} null) or the exception NumPy
     * raised ({@code answer} null); {@code warnings} are NumPy's RuntimeWarnings, ";"-separated.
     */
    record Case(String dataset, String section, String expression, Value answer, String warnings,
                String error) {

        /** How the expected-refusals file names it. */
        String key() {
            return dataset + "\t" + expression;
        }

        @Override
        public String toString() {
            return dataset + ": " + expression;
        }
    }

    static NumexprCorpus load() {
        Map<String, Map<String, Value>> datasets = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        for (String line : lines("numexpr/corpus.txt")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("data")) {
                datasets.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                        .put(f[2], new Value(f[3], f[4].equals("scalar"), f[5].split(" ")));
            } else if (f[4].equals("error")) {
                cases.add(new Case(f[1], f[2], f[3], null, "", f[5] + ": " + f[6]));
            } else {
                cases.add(new Case(f[1], f[2], f[3], new Value(f[5], f[6].equals("scalar"), f[7].split(" ")),
                        f[8], null));
            }
        }
        return new NumexprCorpus(datasets, cases);
    }

    /** The lines of a resource that are neither empty nor comments. */
    static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = NumexprCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Python's and NumPy's text of a float as Java reads it. */
    static double parseDouble(String text) {
        switch (text) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(text);
        }
    }

    static double[] doubles(String[] elements) {
        return Arrays.stream(elements).mapToDouble(NumexprCorpus::parseDouble).toArray();
    }
}
