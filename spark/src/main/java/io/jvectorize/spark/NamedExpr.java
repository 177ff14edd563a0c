package io.jvectorize.spark;

import io.jvectorize.runtime.Expr;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;

/**
 * An expression of a table operation and the name of the column it makes: {@code "amount * 2 as
 * doubled"}, or {@code "amount"} (named by its text), read as table text ({@link SparkTableText}).
 */
record NamedExpr(Expr expr, String name, SparkTableText.Bindings bindings) {
    private static final Pattern AS = Pattern.compile("(?s)(.*\\S)\\s+as\\s+(\\S+)\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    /**
     * Reads {@code text} over the columns of {@code schema}.
     *
     * @throws IllegalArgumentException for a name after {@code as} that is not an identifier
     * @throws io.jvectorize.runtime.ExprSyntaxException for text that is not an expression
     */
    static NamedExpr parse(String text, StructType schema) {
        Matcher as = AS.matcher(text);
        if (as.matches()) {
            String name = as.group(2);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("in \"" + text + "\": the name after as, " + name
                        + ", must be an identifier (letters, digits and _, not first a digit)");
            }
            SparkTableText.Parsed parsed = SparkTableText.parse(as.group(1), schema);
            return new NamedExpr(parsed.expr(), name, parsed.bindings());
        }
        SparkTableText.Parsed parsed = SparkTableText.parse(text, schema);
        return new NamedExpr(parsed.expr(), text.strip(), parsed.bindings());
    }
}
