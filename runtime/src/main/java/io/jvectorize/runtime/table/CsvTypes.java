package io.jvectorize.runtime.table;

/**
 * The type of a CSV column, inferred from all its cells, and its values.
 *
 * <p>An empty cell (quoted or not) is missing, in every type. Of the present cells, with
 * spaces and tabs around them ignored:
 * <ol>
 *   <li>int64 if every one is an integer that int64 holds: optional sign, ASCII digits
 *       ({@code 42}, {@code -7}, {@code +3}, {@code 007});
 *   <li>else float64 if every one is a number: an integer (also one beyond int64), a decimal
 *       with optional exponent ({@code 1.5}, {@code .5}, {@code 5.}, {@code 1e5},
 *       {@code -2.5E-3}, {@code -0.0}), or, in any case and with optional sign, {@code nan},
 *       {@code inf} or {@code infinity} ({@code NaN}, {@code -inf}, {@code Infinity}); this is
 *       what NumPy's {@code float()} and pandas accept, less Python's {@code 1_000} and Java's
 *       hexadecimal and {@code 1.5d}. Values are rounded to nearest, as Java's
 *       {@link Double#parseDouble} and NumPy do ({@code 1e400} is infinity);
 *   <li>else bool if every one is {@code true} or {@code false}, in any case, as pandas reads them;
 *   <li>else string, the cells as they are (spaces kept).
 * </ol>
 * A column without a present cell is a string column of missing values, as DuckDB reads one
 * (pandas makes it float64 of NaN).
 */
final class CsvTypes {

    private CsvTypes() {}

    static ColumnData column(CsvCells cells) {
        int n = cells.size();
        char[] c = cells.chars();
        boolean present = false;
        boolean ints = true;
        boolean numbers = true;
        boolean bools = true;
        for (int row = 0; row < n; row++) {
            if (cells.isMissing(row)) {
                continue;
            }
            present = true;
            int start = start(c, cells.start(row), cells.end(row));
            int end = end(c, start, cells.end(row));
            ints = ints && isInt64(c, start, end);
            numbers = numbers && (ints || isNumber(c, start, end));
            bools = bools && isBool(c, start, end);
            if (!numbers && !bools) {
                break;
            }
        }
        boolean[] valid = new boolean[n];
        for (int row = 0; row < n; row++) {
            valid[row] = !cells.isMissing(row);
        }
        if (!present) {
            return ColumnData.of(new String[n], valid);
        }
        if (ints) {
            long[] values = new long[n];
            for (int row = 0; row < n; row++) {
                if (valid[row]) {
                    int start = start(c, cells.start(row), cells.end(row));
                    values[row] = toLong(c, start, end(c, start, cells.end(row)));
                }
            }
            return ColumnData.of(values, valid);
        }
        if (numbers) {
            double[] values = new double[n];
            for (int row = 0; row < n; row++) {
                if (valid[row]) {
                    int start = start(c, cells.start(row), cells.end(row));
                    values[row] = toDouble(new String(c, start, end(c, start, cells.end(row)) - start));
                }
            }
            return ColumnData.of(values, valid);
        }
        if (bools) {
            boolean[] values = new boolean[n];
            for (int row = 0; row < n; row++) {
                if (valid[row]) {
                    int start = start(c, cells.start(row), cells.end(row));
                    values[row] = c[start] == 't' || c[start] == 'T';
                }
            }
            return ColumnData.of(values, valid);
        }
        String[] values = new String[n];
        for (int row = 0; row < n; row++) {
            values[row] = cells.text(row);
        }
        return ColumnData.of(values, valid);
    }

    /** The first position of {@code c[start, end)} that is not a space or tab ({@code end} if none). */
    private static int start(char[] c, int start, int end) {
        int i = start;
        while (i < end && isSpace(c[i])) {
            i++;
        }
        return i;
    }

    /** The end of {@code c[start, end)} without trailing spaces and tabs. */
    private static int end(char[] c, int start, int end) {
        int i = end;
        while (i > start && isSpace(c[i - 1])) {
            i--;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Optional sign, then ASCII digits, of a value within int64. */
    static boolean isInt64(char[] s, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        if (i == end) {
            return false;
        }
        // Accumulate negatively, so that Long.MIN_VALUE fits.
        long value = 0;
        for (; i < end; i++) {
            char c = s[i];
            if (!isDigit(c)) {
                return false;
            }
            int digit = c - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        return negative || value != Long.MIN_VALUE;
    }

    /** {@code [+-] (digits [. [digits]] | . digits) [(e|E) [+-] digits]}, or {@code [+-] (nan | inf | infinity)} in any case. */
    static boolean isNumber(char[] s, int start, int end) {
        int i = start;
        if (i < end && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        if (special(s, i, end) != 0) {
            return true;
        }
        int digits = 0;
        while (i < end && isDigit(s[i])) {
            i++;
            digits++;
        }
        if (i < end && s[i] == '.') {
            i++;
            while (i < end && isDigit(s[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < end && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(s[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    /** 1 for nan, 2 for inf or infinity (any case) filling {@code s[i, end)}; 0 otherwise. */
    private static int special(char[] s, int i, int end) {
        if (is(s, i, end, "nan")) {
            return 1;
        }
        return is(s, i, end, "inf") || is(s, i, end, "infinity") ? 2 : 0;
    }

    /** Whether {@code s[start, end)} is {@code word} (lower-case ASCII letters) in any ASCII case. */
    private static boolean is(char[] s, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((s[start + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The int64 that {@link #isInt64} accepted in {@code s[start, end)}. */
    private static long toLong(char[] s, int start, int end) {
        int i = start;
        boolean negative = s[i] == '-';
        if (s[i] == '+' || s[i] == '-') {
            i++;
        }
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 - (s[i] - '0');
        }
        return negative ? value : -value;
    }

    /** A text {@link #isNumber} accepts, as a double. */
    static double toDouble(String number) {
        boolean negative = number.startsWith("-");
        int i = negative || number.startsWith("+") ? 1 : 0;
        switch (special(number.toCharArray(), i, number.length())) {
            case 1:
                return Double.NaN;
            case 2:
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                return Double.parseDouble(number);
        }
    }

    static boolean isBool(char[] s, int start, int end) {
        return is(s, start, end, "true") || is(s, start, end, "false");
    }
}
