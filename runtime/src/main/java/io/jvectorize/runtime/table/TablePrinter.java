package io.jvectorize.runtime.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's first rows as aligned text, as pandas and Blaze print a frame (without pandas'
 * index column):
 *
 * <pre>
 * name    amount  id
 * Alice    100.5   1
 * Bob       null   2
 * ... 8 more rows
 * </pre>
 *
 * <ul>
 *   <li>The first {@value #ROWS} rows, then a line {@code ... N more rows}.
 *   <li>Numbers and bools right-aligned, strings left-aligned, each header aligned as its
 *       column; two spaces between columns.
 *   <li>A missing value is {@code null}; NaN is {@code NaN}, infinities {@code inf} and
 *       {@code -inf}; bools {@code true} and {@code false}.
 *   <li>Floats as pandas prints them: per column, rounded to 6 decimals with the trailing
 *       zeros all its shown values have dropped (at least one decimal stays:
 *       {@code 1.50, 100.25, 3.00}); in scientific notation with 6 decimals
 *       ({@code 1.234000e-07}) where a nonzero value is below 1e-6 in magnitude or one is
 *       1e16 or more.
 *   <li>Strings longer than {@value #WIDTH} characters are cut to {@value #WIDTH} with
 *       {@code ...} at the end; line breaks, tabs and other control characters are shown as
 *       escapes ({@code \n}, {@code \t}, {@code \u0001}), so that each row is one line.
 * </ul>
 */
public final class TablePrinter {

    /** How many rows are shown. */
    public static final int ROWS = 10;

    /** The widest string value shown whole. */
    public static final int WIDTH = 40;

    private TablePrinter() {}

    /** The text for columns {@code names} holding {@code columns}, all of {@code rowCount} rows. */
    public static String print(List<String> names, List<ColumnData> columns, int rowCount) {
        if (names.isEmpty()) {
            return "(no columns, " + rows(rowCount) + ")";
        }
        int shown = Math.min(ROWS, rowCount);
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String[] column = cells(columns.get(c), shown);
            cells.add(column);
            widths[c] = width(names.get(c));
            for (String cell : column) {
                widths[c] = Math.max(widths[c], width(cell));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int row = -1; row < shown; row++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < names.size(); c++) {
                String cell = row < 0 ? names.get(c) : cells.get(c)[row];
                boolean left = columns.get(c).type() == ColumnType.STRING;
                int pad = widths[c] - width(cell);
                if (c > 0) {
                    line.append("  ");
                }
                if (!left) {
                    line.append(" ".repeat(pad));
                }
                line.append(cell);
                if (left) {
                    line.append(" ".repeat(pad));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        if (rowCount == 0) {
            text.append("(0 rows)\n");
        } else if (rowCount > shown) {
            int more = rowCount - shown;
            text.append("... ").append(String.format(Locale.ROOT, "%,d", more)).append(more == 1 ? " more row\n" : " more rows\n");
        }
        return text.toString();
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    /** Code points, so that a character beyond the BMP counts once. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String[] cells(ColumnData column, int shown) {
        String[] cells = new String[shown];
        Object values = column.values();
        if (values instanceof double[] || values instanceof float[]) {
            double[] numbers = new double[shown];
            for (int row = 0; row < shown; row++) {
                numbers[row] = values instanceof double[] ? ((double[]) values)[row] : ((float[]) values)[row];
            }
            String[] formatted = FloatText.format(numbers, column.validity());
            System.arraycopy(formatted, 0, cells, 0, shown);
        } else {
            for (int row = 0; row < shown; row++) {
                Object value = column.get(row);
                cells[row] = value instanceof String ? shortened((String) value) : String.valueOf(value);
            }
        }
        for (int row = 0; row < shown; row++) {
            if (column.isMissing(row)) {
                cells[row] = "null";
            }
        }
        return cells;
    }

    /** At most WIDTH characters, escapes counted; only the start of a long value is looked at. */
    private static String shortened(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length() && width(text.toString()) <= WIDTH; ) {
            int c = value.codePointAt(i);
            text.append(escaped(c));
            i += Character.charCount(c);
        }
        String shown = text.toString();
        return width(shown) <= WIDTH ? shown : shown.substring(0, shown.offsetByCodePoints(0, WIDTH - 3)) + "...";
    }

    private static String escaped(int c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR) {
                    return String.format(Locale.ROOT, "\\u%04x", c);
                }
                return new String(Character.toChars(c));
        }
    }

    /** Floats as pandas prints a column of them. */
    static final class FloatText {

        private static final int DECIMALS = 6;

        private FloatText() {}

        /** The values' texts; where {@code validity} says a value is missing, its text is left null. */
        static String[] format(double[] values, boolean[] validity) {
            String[] text = new String[values.length];
            boolean scientific = false;
            for (int i = 0; i < values.length; i++) {
                double a = Math.abs(values[i]);
                boolean shown = validity == null || validity[i];
                if (shown && Double.isFinite(a) && (a >= 1e16 || a != 0 && a < 1e-6)) {
                    scientific = true;
                }
            }
            int decimals = 1;
            List<Integer> finite = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if ((validity == null || validity[i]) && Double.isFinite(values[i])) {
                    finite.add(i);
                    if (!scientific) {
                        BigDecimal rounded = new BigDecimal(values[i]).setScale(DECIMALS, RoundingMode.HALF_EVEN)
                                .stripTrailingZeros();
                        decimals = Math.max(decimals, rounded.scale());
                    }
                } else if (validity == null || validity[i]) {
                    text[i] = Double.isNaN(values[i]) ? "NaN" : values[i] > 0 ? "inf" : "-inf";
                }
            }
            for (int i : finite) {
                double v = values[i];
                if (scientific) {
                    text[i] = String.format(Locale.ROOT, "%." + DECIMALS + "e", v);
                } else {
                    String digits = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
                    // BigDecimal has no -0.0; pandas shows its sign.
                    text[i] = v == 0 && 1 / v < 0 && !digits.startsWith("-") ? "-" + digits : digits;
                }
            }
            return text;
        }
    }
}
