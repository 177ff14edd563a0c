package io.jvectorize.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.plan.Term;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the in-JVM {@code Table} adds to the expression language, read for Spark: string
 * literals ({@code 'Bob'}, {@code "Bob"}, a backslash escaping the next character) compared with
 * string columns ({@code name != 'Bob'}, {@code name < 'M'}), column names in backticks
 * ({@code `unit price` * 2}), {@code fillnull(x, v)} and {@code isnull(x)}. The text is made
 * readable to {@link Expr#parse}: a literal or quoted name becomes a symbol of a name nothing else
 * uses, a string column an int64 symbol (typing only: it may only be compared), {@code fillnull(x,
 * v)} becomes {@code where(fill, x, v)} and {@code isnull(x)} becomes {@code isnan(null + (x))}
 * over two marker symbols; {@link TermColumns} translates those shapes back ({@link Bindings}).
 */
final class SparkTableText {
    private SparkTableText() {}

    /** The Spark columns some symbols stand for, and the names of the two markers. */
    record Bindings(Map<String, Column> columns, String fillMarker, String nullMarker) {
        static final Bindings NONE = new Bindings(Map.of(), null, null);

        boolean isFill(Term term) {
            return term instanceof Term.Symbol s && s.name().equals(fillMarker);
        }

        boolean isNullMarker(Term term) {
            return term instanceof Term.Symbol s && s.name().equals(nullMarker);
        }
    }

    /** An expression read from table text, with what its stand-in symbols are on Spark. */
    record Parsed(Expr expr, Bindings bindings) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Pattern CALL = Pattern.compile("\\b(fillnull|isnull)\\s*\\(");

    /**
     * Reads {@code text} over the columns of {@code schema}.
     *
     * @throws IllegalArgumentException for a quote or backtick not closed, a quoted name that is
     *     no column, a string used other than in a comparison with a string or in isnull
     * @throws io.jvectorize.runtime.ExprSyntaxException for text that is not an expression
     */
    static Parsed parse(String text, StructType schema) {
        Set<String> used = new HashSet<>();
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            used.add(names.group());
        }
        for (StructField field : schema.fields()) {
            used.add(field.name());
        }
        Map<String, DType> types = new LinkedHashMap<>();
        Map<String, Column> columns = new HashMap<>();
        Set<String> strings = new HashSet<>();
        Set<String> literals = new HashSet<>();
        for (StructField field : schema.fields()) {
            if (field.dataType().equals(DataTypes.StringType)) {
                types.put(field.name(), DType.INT64);
                columns.put(field.name(), col(quoted(field.name())));
                strings.add(field.name());
            } else {
                try {
                    types.put(field.name(), SparkTypes.dtype(field.dataType(), "column " + field.name()));
                } catch (IllegalArgumentException notANumber) {
                    // other types: an expression naming one is refused by SparkCompute's check
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\'' && c != '"' && c != '`') {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            StringBuilder value = new StringBuilder();
            for (i++; i < text.length() && text.charAt(i) != c; i++) {
                if (c != '`' && text.charAt(i) == '\\' && i + 1 < text.length()) {
                    i++;
                }
                value.append(text.charAt(i));
            }
            if (i >= text.length()) {
                throw new IllegalArgumentException("in \"" + text + "\": the " + (c == '`' ? "backtick" : "quote")
                        + " at column " + (start + 1) + " is not closed: end the "
                        + (c == '`' ? "column name" : "string") + " with " + c);
            }
            i++;
            String symbol = unused("_s", used);
            out.append(symbol);
            if (c == '`') {
                String name = value.toString();
                StructField field = java.util.Arrays.stream(schema.fields()).filter(f -> f.name().equals(name))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("in \"" + text + "\": `" + name
                                + "` is not a column; the columns are " + List.of(schema.fieldNames())));
                if (!types.containsKey(name)) {
                    throw new IllegalArgumentException("in \"" + text + "\": column `" + name + "` has Spark type "
                            + field.dataType().simpleString() + ", which expressions do not compute with");
                }
                types.put(symbol, types.get(name));
                columns.put(symbol, col(quoted(name)));
                if (strings.contains(name)) {
                    strings.add(symbol);
                }
            } else {
                types.put(symbol, DType.INT64);
                columns.put(symbol, lit(value.toString()));
                strings.add(symbol);
                literals.add(symbol);
            }
        }
        String fill = unused("_fill", used);
        String none = unused("_null", used);
        String rewritten = rewriteCalls(out.toString(), fill, none, text);
        types.put(fill, DType.BOOLEAN);
        types.put(none, DType.FLOAT64);
        Expr expr = Expr.parse(rewritten, types);
        Bindings bindings = new Bindings(columns, fill, none);
        checkStrings(Lowering.term(expr), null, strings, literals, bindings, text);
        return new Parsed(expr, bindings);
    }

    /** {@code fillnull(x, v)} as {@code where(fill, x, v)}; {@code isnull(x)} as {@code isnan(none + (x))}. */
    private static String rewriteCalls(String text, String fill, String none, String original) {
        StringBuilder out = new StringBuilder(text);
        // From the last call to the first, so that the positions before each stay valid.
        List<MatchResult> calls = CALL.matcher(text).results().map(m -> new MatchResult(m.start(), m.end(), m.group(1)))
                .toList();
        for (int k = calls.size() - 1; k >= 0; k--) {
            MatchResult call = calls.get(k);
            if (call.name().equals("fillnull")) {
                out.replace(call.start(), call.end(), "where(" + fill + ", ");
            } else {
                int close = closing(out, call.end(), original);
                out.replace(close, close + 1, "))");
                out.replace(call.start(), call.end(), "isnan(" + none + " + (");
            }
        }
        return out.toString();
    }

    private record MatchResult(int start, int end, String name) {}

    private static int closing(CharSequence text, int from, String original) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("in \"" + original + "\": isnull( is not closed: end it with )");
    }

    /**
     * Strings only in comparisons of a string with a string literal, as the in-JVM {@code Table}
     * has them (it compares a column's codes with a literal's), or as isnull's operand.
     */
    private static void checkStrings(Term term, Term parent, Set<String> strings, Set<String> literals, Bindings bindings,
            String text) {
        if (term instanceof Term.Symbol symbol && strings.contains(symbol.name())) {
            boolean compared = parent instanceof Term.Apply apply && isComparison(apply)
                    && apply.operands().stream().allMatch(o -> o instanceof Term.Symbol s && strings.contains(s.name()))
                    && apply.operands().stream().anyMatch(o -> literals.contains(((Term.Symbol) o).name()));
            boolean tested = parent instanceof Term.Apply apply && apply.op().name().equals("ADD")
                    && bindings.isNullMarker(apply.operands().get(0));
            if (!compared && !tested) {
                String what = bindings.columns().get(symbol.name()).toString();
                throw new IllegalArgumentException("in \"" + text + "\": " + what + " is a string; strings on Spark are"
                        + " compared (==, !=, <, <=, >, >=) with a string literal, as in name != 'Bob', or tested with"
                        + " isnull, and used no other way");
            }
        }
        List<Term> children = term instanceof Term.Apply a ? a.operands()
                : term instanceof Term.Invoke inv ? inv.arguments()
                : term instanceof Term.Reduce r ? List.of(r.operand()) : List.of();
        for (Term child : children) {
            checkStrings(child, term, strings, literals, bindings, text);
        }
    }

    private static boolean isComparison(Term.Apply apply) {
        return Set.of("LT", "LE", "GT", "GE", "EQ", "NE").contains(apply.op().name());
    }

    private static String unused(String prefix, Set<String> used) {
        for (int k = 0; ; k++) {
            String name = prefix + k;
            if (used.add(name)) {
                return name;
            }
        }
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
