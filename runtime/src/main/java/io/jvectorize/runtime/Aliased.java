package io.jvectorize.runtime;

import io.jvectorize.runtime.table.ColumnNames;

/**
 * One item of {@code select} or {@code agg}: {@code "expression as name"}, or an expression
 * alone, named by its text (a column alone by its name, without backticks).
 */
record Aliased(String expression, String name) {

    /**
     * Splits {@code text} at its last {@code as} outside quotes, backticks and parentheses.
     *
     * @throws ExprSyntaxException where the name after {@code as}, or the expression before it, is missing
     *     or the name is not a column name, with the column and a caret
     */
    static Aliased of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an expression is null: pass text such as \"amount * 2 as doubled\"");
        }
        int as = lastAs(text);
        if (as < 0) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                throw ExprParser.syntaxError(text, 0, "empty expression at column 1: write one, such as amount * 2 as doubled");
            }
            boolean quoted = trimmed.length() > 1 && trimmed.startsWith("`") && trimmed.endsWith("`")
                    && trimmed.indexOf('`', 1) == trimmed.length() - 1;
            return new Aliased(text, quoted ? trimmed.substring(1, trimmed.length() - 1) : trimmed);
        }
        String expression = text.substring(0, as);
        if (expression.isBlank()) {
            throw ExprParser.syntaxError(text, as, "no expression before 'as' at column " + (as + 1)
                    + ": write one, such as amount * 2 as doubled");
        }
        int nameStart = as + 2;
        while (nameStart < text.length() && Character.isWhitespace(text.charAt(nameStart))) {
            nameStart++;
        }
        String name = text.substring(nameStart).strip();
        if (name.startsWith("`") && name.endsWith("`") && name.length() > 1) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw ExprParser.syntaxError(text, text.length(), "expected a column name after 'as' at column "
                    + (text.length() + 1) + ", as in amount * 2 as doubled");
        }
        String problem = ColumnNames.problem(name);
        if (problem != null) {
            throw ExprParser.syntaxError(text, nameStart, "column name " + ColumnNames.quoted(name) + " after 'as' at column "
                    + (nameStart + 1) + " " + problem + "; " + ColumnNames.RULE);
        }
        if (!Symbol.isName(name) && !text.substring(nameStart).strip().startsWith("`")) {
            throw ExprParser.syntaxError(text, nameStart, "column name " + ColumnNames.quoted(name) + " after 'as' at column "
                    + (nameStart + 1) + " is not a name: write it between backticks, as `" + name + "`");
        }
        return new Aliased(expression, name);
    }

    /**
     * Runs {@code work} on this item's expression, its text errors shown on the whole item
     * ({@code text}), of which the expression is the start, so the column stays.
     */
    <T> T inItem(String text, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ExprSyntaxException e) {
            String message = e.getMessage();
            int end = message.indexOf('\n');
            ExprSyntaxException whole = ExprParser.syntaxError(text, e.column() - 1, end < 0 ? message : message.substring(0, end));
            whole.initCause(e);
            throw whole;
        }
    }

    /** The index of the last word {@code as} outside quotes, backticks and parentheses; -1 if none. */
    private static int lastAs(String text) {
        int found = -1;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && text.startsWith("as", i) && (i == 0 || !Symbol.isNamePart(text.charAt(i - 1)))
                    && (i + 2 == text.length() || !Symbol.isNamePart(text.charAt(i + 2)))
                    && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == ')')) {
                found = i;
            }
        }
        return found;
    }
}
