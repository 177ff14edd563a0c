package io.jvectorize.runtime.table;

import io.jvectorize.runtime.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random tables full of ties, missing values and special floats, with a column {@code id}
 * holding each row's number (so that an order can be read back as a list of row numbers).
 */
public final class RandomTables {

    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 1.5, -1.5};

    private RandomTables() {}

    /**
     * Columns {@code id} (int64), {@code f} (?float64: few distinct values, NaN, ±0.0, ±inf),
     * {@code g} (?float32), {@code i} (?int64 in [-5, 5]), {@code k} (?int32 with extremes),
     * {@code b} (?bool) and {@code s} (?string over a small ASCII alphabet).
     */
    public static Table of(int rows, long seed) {
        Random random = new Random(seed);
        long[] id = new long[rows];
        Double[] f = new Double[rows];
        Float[] g = new Float[rows];
        Long[] i = new Long[rows];
        Integer[] k = new Integer[rows];
        Boolean[] b = new Boolean[rows];
        String[] s = new String[rows];
        for (int r = 0; r < rows; r++) {
            id[r] = r;
            f[r] = missing(random) ? null : random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : (double) random.nextInt(7) - 3;
            g[r] = missing(random) ? null : random.nextInt(4) == 0 ? Float.NaN : (float) (random.nextInt(5) * 0.5);
            i[r] = missing(random) ? null : (long) random.nextInt(11) - 5;
            k[r] = missing(random) ? null : random.nextInt(5) == 0 ? (random.nextBoolean() ? Integer.MIN_VALUE
                    : Integer.MAX_VALUE) : random.nextInt(4);
            b[r] = missing(random) ? null : random.nextBoolean();
            s[r] = missing(random) ? null : word(random);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("f", f);
        columns.put("g", g);
        columns.put("i", i);
        columns.put("k", k);
        columns.put("b", b);
        columns.put("s", s);
        return Table.of(columns);
    }

    private static boolean missing(Random random) {
        return random.nextInt(6) == 0;
    }

    /** "", "a", "ab", "B", ...: short, with upper and lower case and shared prefixes. */
    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = random.nextInt(3);
        for (int c = 0; c < length; c++) {
            word.append("abAB".charAt(random.nextInt(4)));
        }
        return word.toString();
    }
}
