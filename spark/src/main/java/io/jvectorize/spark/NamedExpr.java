package io.jvectorize.spark;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression of a table operation and the name of the column it makes: {@code "amount * 2 as
 * doubled"}, or {@code "amount"} (named by its text).
 */
record NamedExpr(Expr expr, String name) {
    private static final Pattern AS = Pattern.compile("(?s)(.*\\S)\\s+as\\s+(\\S+)\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    /**
     * Reads {@code text}, its names typed as {@code columnTypes} gives.
     *
     * @throws IllegalArgumentException for a name after {@code as} that is not an identifier
     * @throws io.jvectorize.runtime.ExprSyntaxException for text that is not an expression
     */
    static NamedExpr parse(String text, Map<String, DType> columnTypes) {
        Matcher as = AS.matcher(text);
        if (as.matches()) {
            String name = as.group(2);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("in \"" + text + "\": the name after as, " + name
                        + ", must be an identifier (letters, digits and _, not first a digit)");
            }
            return new NamedExpr(Expr.parse(as.group(1), columnTypes), name);
        }
        return new NamedExpr(Expr.parse(text, columnTypes), text.strip());
    }
}
