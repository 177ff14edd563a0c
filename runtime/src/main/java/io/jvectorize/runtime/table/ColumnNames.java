package io.jvectorize.runtime.table;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What a column name may be: any non-empty text without backticks, control or invisible
 * characters, and not starting or ending with white space.
 *
 * <p>Expression text refers to a column by its name where the name is an identifier
 * ({@code amount}, {@code unit_price}); any other name is meant to be quoted with backticks,
 * as in pandas' {@code query} ({@code `first name` == 'Ann'}), which is why a name holds no
 * backtick. Control and invisible characters (such as a zero-width space) would make two
 * different names print alike in every message; white space around a name is almost always a
 * formatting slip ({@code "id, amount"} in a header).
 */
public final class ColumnNames {

    /** The rule, as messages state it. */
    public static final String RULE = "a column name is any non-empty text without backticks or control characters"
            + " that does not start or end with white space";

    private ColumnNames() {}

    /** What is wrong with {@code name}, as a phrase such as {@code "is empty"}; null if it is a valid name. */
    public static String problem(String name) {
        if (name == null) {
            return "is null";
        }
        if (name.isEmpty()) {
            return "is empty";
        }
        if (isSpace(name.codePointAt(0))) {
            return "starts with white space";
        }
        if (isSpace(name.codePointBefore(name.length()))) {
            return "ends with white space";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '`') {
                return "has a backtick, which expression text uses to quote names";
            }
            if (isControlOrInvisible(c)) {
                return String.format(Locale.ROOT, "has the control or invisible character U+%04X", c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isControlOrInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Whether {@code name} is an identifier (a letter or {@code _}, then letters, digits and
     * {@code _}), which datashape and expression text write without quotes.
     */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            boolean ok = c == '_' || Character.isLetter(c) || i > 0 && Character.isDigit(c);
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** {@code name} as text shows it in quotes: with {@code "} and {@code \} escaped. */
    public static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** How many names an unknown-column message lists. */
    private static final int LISTED = 50;

    /**
     * The message for a name that is none of {@code names}: it lists them (the first
     * {@value #LISTED}), and suggests one that differs only in case or by one or two edits.
     */
    public static String unknown(String name, List<String> names) {
        StringBuilder message = new StringBuilder("unknown column ").append(name == null ? "null" : quoted(name));
        String near = name == null ? null : nearest(name, names);
        if (near != null) {
            message.append(" (did you mean ").append(quoted(near)).append("?)");
        }
        if (names.isEmpty()) {
            return message.append(": the table has no columns").toString();
        }
        StringJoiner listed = new StringJoiner(", ");
        for (int i = 0; i < Math.min(LISTED, names.size()); i++) {
            listed.add(names.get(i));
        }
        if (names.size() > LISTED) {
            listed.add("... (" + names.size() + " in all)");
        }
        return message.append(": the table has columns ").append(listed).toString();
    }

    /** The name that differs from {@code name} only in case, else the nearest by at most two edits; null if none. */
    static String nearest(String name, List<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : names) {
            int distance = candidate.equalsIgnoreCase(name) ? 0 : editDistance(candidate, name, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The Levenshtein distance of {@code a} and {@code b}, or {@code limit} where it is at least that. */
    private static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
