package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.Vectorize;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/simd.md's accuracy table states, per function, the bound {@link SimdKernelsTest} holds
 * that function's kernel in {@link TranscendentalKernels} to: a bound changed on one side only
 * fails here.
 */
class AccuracyTableTest {
    /** A row of the table: {@code | 1 ulp | exp, expm1, ... |}; the first cell may say more after the number. */
    private static final Pattern ROW = Pattern.compile("\\| (\\d+) ulps?\\b[^|]*\\| ([^|]+) \\|");
    /** A function's name in a row; the rest of a cell ("every operator and comparison") names no function. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    @Test
    void theTableStatesTheBoundEachTranscendentalKernelIsHeldTo() throws IOException {
        Map<String, Integer> stated = statedBounds(docsPage("simd.md"));
        Map<String, Integer> asserted = new TreeMap<>();
        for (Method method : TranscendentalKernels.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Vectorize.class)) {
                asserted.put(method.getName(), method.getAnnotation(Approximate.class).ulps());
            }
        }
        Map<String, Integer> statedForThem = new TreeMap<>(stated);
        statedForThem.keySet().retainAll(asserted.keySet());
        assertEquals(asserted, statedForThem, "docs/simd.md's accuracy table against TranscendentalKernels' bounds");
        stated.forEach((function, ulps) -> assertTrue(ulps == 0 || asserted.containsKey(function),
                () -> "docs/simd.md states " + ulps + " ulps for " + function + ", which no kernel of"
                        + " TranscendentalKernels measures"));
    }

    /** The bound each function's row of the page's table states, by function name. */
    private static Map<String, Integer> statedBounds(String page) {
        Map<String, Integer> bounds = new TreeMap<>();
        for (String line : page.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            for (String name : row.group(2).split(",")) {
                if (NAME.matcher(name.strip()).matches()) {
                    Integer previous = bounds.put(name.strip(), Integer.valueOf(row.group(1)));
                    assertEquals(null, previous, () -> "docs/simd.md states two bounds for " + name.strip());
                }
            }
        }
        assertTrue(bounds.containsKey("exp"), () -> "no accuracy table found in docs/simd.md:\n" + page);
        return bounds;
    }

    /** A page of docs/, read from the repository this module's build runs in. */
    private static String docsPage(String name) throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path page = module.toAbsolutePath().resolveSibling("docs").resolve(name);
        assertTrue(Files.isRegularFile(page), () -> page + " not found: run the tests from the samples module");
        return Files.readString(page);
    }
}
