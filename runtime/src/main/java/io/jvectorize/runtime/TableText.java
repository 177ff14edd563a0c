package io.jvectorize.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Expression text over a table, made readable to {@link ExprParser}: each string literal
 * ({@code 'Bob'} or {@code "Bob"}, a backslash escaping the next character) and each column
 * name between backticks ({@code `first name`}) is replaced by a name of the same length that
 * nothing else uses, so that every column the parser's errors give stays right.
 */
final class TableText {

    /** The text with placeholders in it. */
    final String text;
    /** Each placeholder's string literal (its value, without quotes). */
    final Map<String, String> literals = new HashMap<>();
    /** Each placeholder's column name (without backticks). */
    final Map<String, String> quotedNames = new HashMap<>();
    /** The index of each name's first occurrence in the text, for carets. */
    final Map<String, Integer> positions = new LinkedHashMap<>();
    /** The original text, which errors show. */
    final String original;

    private TableText(String original, String text) {
        this.original = original;
        this.text = text;
        indexNames();
    }

    /**
     * Replaces the literals and quoted names of {@code text}.
     *
     * @param taken names a placeholder must not be (the table's columns)
     * @param reservedPrefix a prefix no placeholder may start with (the scope's own symbols)
     * @throws ExprSyntaxException for a quote or backtick that is not closed
     */
    static TableText of(String text, Set<String> taken, String reservedPrefix) {
        StringBuilder out = new StringBuilder(text);
        Map<String, String> literals = new HashMap<>();
        Map<String, String> quotedNames = new HashMap<>();
        Set<String> used = new java.util.HashSet<>(taken);
        used.addAll(identifiers(text).keySet());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (c != '`' && text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i));
                    i++;
                }
                if (i >= text.length()) {
                    throw ExprParser.syntaxError(text, start, (c == '`' ? "backtick" : "quote") + " at column "
                            + (start + 1) + " is not closed: end the " + (c == '`' ? "column name" : "string")
                            + " with " + c);
                }
                i++;
                String placeholder = placeholder(i - start, used, reservedPrefix, text, start);
                used.add(placeholder);
                out.replace(start, i, placeholder);
                (c == '`' ? quotedNames : literals).put(placeholder, value.toString());
            } else {
                i++;
            }
        }
        TableText result = new TableText(text, out.toString());
        result.literals.putAll(literals);
        result.quotedNames.putAll(quotedNames);
        return result;
    }

    /** A name of {@code length} characters, not used and not starting with the reserved prefix. */
    private static String placeholder(int length, Set<String> used, String reservedPrefix, String text, int at) {
        for (int k = 0; ; k++) {
            String name = "_" + Integer.toString(k, 36);
            if (name.length() > length) {
                throw ExprParser.syntaxError(text, at, "too many two-character strings ('' or \"\") at column "
                        + (at + 1) + ": compare with fewer of them");
            }
            name = name + "_".repeat(length - name.length());
            if (!used.contains(name) && !name.startsWith(reservedPrefix)) {
                return name;
            }
        }
    }

    private void indexNames() {
        positions.putAll(identifiers(text));
    }

    /** The names in {@code text} (not the letters of numbers such as 1e5) with their first index. */
    private static Map<String, Integer> identifiers(String text) {
        Map<String, Integer> names = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.') {
                while (i < text.length() && (Symbol.isNamePart(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
            } else if (Symbol.isNameStart(c)) {
                int start = i;
                while (i < text.length() && Symbol.isNamePart(text.charAt(i))) {
                    i++;
                }
                names.putIfAbsent(text.substring(start, i), start);
            } else {
                i++;
            }
        }
        return names;
    }

    /** An error at {@code name}'s first occurrence, with a caret; at column 1 where it is not found. */
    ExprSyntaxException errorAt(String name, String message) {
        int index = positions.getOrDefault(name, 0);
        return ExprParser.syntaxError(original, index, message + " at column " + (index + 1));
    }
}
