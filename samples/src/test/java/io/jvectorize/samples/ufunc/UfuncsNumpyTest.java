package io.jvectorize.samples.ufunc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.samples.UfuncsVectorized;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ufunc methods of {@code Ufuncs} against NumPy's {@code add.reduce},
 * {@code maximum.accumulate}, {@code subtract.outer} and {@code add.at}: the answers NumPy 1.24
 * gave, committed as {@code numpy-ufuncs.tsv} with the script that wrote them
 * ({@code samples/src/test/python/numpy_ufuncs.py}).
 */
class UfuncsNumpyTest {

    /** One line of the file. */
    record Case(String method, String dtype, String name, String agreement, long[] a, long[] b, int[] indices,
            long[] expected) {
        @Override
        public String toString() {
            return method + " " + dtype + " " + name;
        }

        double[] doubles(long[] bits) {
            return Arrays.stream(bits).mapToDouble(Double::longBitsToDouble).toArray();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = UfuncsNumpyTest.class.getResourceAsStream("/io/jvectorize/samples/numpy-ufuncs.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0], f[1], f[2], f[3], bits(f[4]), bits(f[5]),
                        Arrays.stream(bits(f[6])).mapToInt(i -> (int) i).toArray(), bits(f[7])));
            }
        }
        assertTrue(cases.size() >= 30, "the file has its cases");
        return cases.stream();
    }

    private static long[] bits(String field) {
        return field.isEmpty() ? new long[0]
                : Arrays.stream(field.split(" ")).mapToLong(hex -> Long.parseUnsignedLong(hex, 16)).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithNumpy(Case c) {
        switch (c.method() + " " + c.dtype()) {
            case "addReduce float64": {
                double[] a = c.doubles(c.a());
                double expected = Double.longBitsToDouble(c.expected()[0]);
                for (double actual : new double[] {UfuncsVectorized.addReduce(a), UfuncsVectorized.addReduceParallel(a)}) {
                    assertReduced(c, a, expected, actual);
                }
                break;
            }
            case "addInt64Reduce int64":
                assertEquals(c.expected()[0], UfuncsVectorized.addInt64Reduce(c.a()), c.toString());
                assertEquals(c.expected()[0], UfuncsVectorized.addInt64ReduceParallel(c.a()), c.toString());
                break;
            case "maximumAccumulate float64": {
                double[] a = c.doubles(c.a());
                assertSameDoubles(c, c.expected(), UfuncsVectorized.maximumAccumulate(a));
                UfuncsVectorized.maximumAccumulate(a, a); // in place
                assertSameDoubles(c, c.expected(), a);
                break;
            }
            case "subtractOuter float64": {
                double[][] outer = UfuncsVectorized.subtractOuter(c.doubles(c.a()), c.doubles(c.b()));
                assertEquals(c.a().length, outer.length);
                assertSameDoubles(c, c.expected(), Arrays.stream(outer).flatMapToDouble(Arrays::stream).toArray());
                break;
            }
            case "addAt float64": {
                double[] a = c.doubles(c.a());
                UfuncsVectorized.addAt(a, c.indices(), c.doubles(c.b()));
                assertSameDoubles(c, c.expected(), a);
                break;
            }
            default:
                throw new AssertionError("no check for " + c);
        }
    }

    private static void assertReduced(Case c, double[] a, double expected, double actual) {
        switch (c.agreement()) {
            case "exact":
                assertSame(c, expected, actual);
                break;
            case "zero-sign":
                assertEquals(0.0, expected, c.toString());
                assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(actual),
                        c + ": the left fold of negative zeros is -0.0, where NumPy 1.24 seeds it with +0.0");
                break;
            default: {
                double magnitudes = Arrays.stream(a).map(Math::abs).sum();
                assertEquals(expected, actual, 1e-12 * magnitudes, c + ": NumPy sums pairwise, jvectorize from the left");
            }
        }
    }

    private static void assertSameDoubles(Case c, long[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, c.toString());
        for (int i = 0; i < expected.length; i++) {
            assertSame(c, Double.longBitsToDouble(expected[i]), actual[i]);
        }
    }

    /** Bit for bit, except that NaNs are equal whatever their payload. */
    private static void assertSame(Case c, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), c + ": expected NaN, got " + actual);
        } else {
            assertArrayEquals(new long[] {Double.doubleToRawLongBits(expected)},
                    new long[] {Double.doubleToRawLongBits(actual)}, c + ": expected " + expected + ", got " + actual);
        }
    }
}
