package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the infix text of {@link Expr#parse}: Python's expression grammar for numbers, by
 * recursive descent.
 *
 * <pre>
 * or         := xor ('|' xor)*                                     (left-associative, as all binary operators but **)
 * xor        := and ('^' and)*
 * and        := comparison ('&amp;' comparison)*
 * comparison := shift [('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') shift]  (no chains: a &lt; b &lt; c is an error)
 * shift      := sum (('&lt;&lt;' | '&gt;&gt;') sum)*
 * sum        := product (('+' | '-') product)*                     (left-associative)
 * product    := unary (('*' | '/' | '//' | '%') unary)*
 * unary      := '-' unary | '+' unary | '~' unary | power
 * power      := atom ['**' unary]                                  (right-associative; -x**2 is -(x**2))
 * atom       := number | name | name '(' [or (',' or)*] ')' | '(' or ')'
 * </pre>
 *
 * <p>{@code & ^ |} bind as in Java and in pandas' {@code query}, not as in Python: looser than
 * comparisons, so that {@code x > 0 & y < 1} needs no parentheses; {@code ~} binds as unary minus.
 *
 * <p>Integers are weak int64 literals, numbers with a point or an exponent weak float64 ones;
 * a minus sign directly before a number or a constant folds into the literal ({@code -5},
 * {@code -inf}), but not before parentheses or a power ({@code -(5)}, {@code -2**2}). The names
 * {@code pi}, {@code e}, {@code nan} and {@code inf} are constants unless the symbol types bind
 * them; other names are symbols. A call names a built-in function ({@link Operator#function}),
 * a reduction ({@code min} and {@code max} with one argument are reductions), or a @Vectorize
 * function known to {@link Functions}; nothing else can be called, and no reflection is used.
 *
 * <p>Limits, so that no text can exhaust the stack here or in whatever walks the expression
 * later: at most {@value #MAX_LENGTH} characters; a tree at most {@link Expr#MAX_DEPTH} levels
 * high (so a chain of more than 256 {@code +} needs parentheses to split it); and parentheses,
 * calls, signs and {@code **} nested at most as deep (each takes several frames of this
 * recursive descent). {@link Expr#toString} never nests them deeper than the tree is high, so
 * the text of every expression reads back.
 * Every error is an {@link ExprSyntaxException} whose message shows the text with a caret under
 * the column.
 */
final class ExprParser {
    static final int MAX_LENGTH = 100_000;
    static final int MAX_NESTING = Expr.MAX_DEPTH;

    private static final Map<String, Double> CONSTANTS =
            Map.of("pi", Math.PI, "e", Math.E, "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY);
    /** Longest first, so that "**" is not read as two "*". */
    private static final List<String> PUNCTUATION =
            List.of("**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "<", ">", "(", ")", ",", "&", "|", "^", "~",
                    ".");
    /** The attributes of a value: {@code z.real}, {@code z.imag}. */
    private static final Map<String, Operator> ATTRIBUTES = Map.of("real", Operator.REAL, "imag", Operator.IMAG);
    /** The binary operators by precedence, loosest first (** apart: it is right-associative and binds to unary). */
    private static final List<Map<String, Operator>> LEVELS = List.of(
            Map.of("|", Operator.OR),
            Map.of("^", Operator.XOR),
            Map.of("&", Operator.AND),
            Map.of("<", Operator.LT, "<=", Operator.LE, ">", Operator.GT, ">=", Operator.GE, "==", Operator.EQ,
                    "!=", Operator.NE),
            Map.of("<<", Operator.LEFT_SHIFT, ">>", Operator.RIGHT_SHIFT),
            Map.of("+", Operator.ADD, "-", Operator.SUB),
            Map.of("*", Operator.MUL, "/", Operator.DIV, "%", Operator.MOD, "//", Operator.FLOOR_DIVIDE));
    private static final int COMPARISON_LEVEL = 3;

    private enum Kind { NUMBER, NAME, PUNCTUATION, END }

    private record Token(Kind kind, String text, int index) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCTUATION && text.equals(punctuation);
        }

        int column() {
            return index + 1;
        }

        String describe() {
            return kind == Kind.END ? "end of text" : "'" + text + "'";
        }
    }

    private final String text;
    private final Map<String, DType> symbolTypes;
    /** Functions a caller adds by name (a table's fillnull and isnull), built before the built-ins are looked up. */
    private final Map<String, Function<List<Expr>, Expr>> extraFunctions;
    /** The tokens read so far, and the index in the text after the last. */
    private final List<Token> tokens = new ArrayList<>();
    private int end;
    private int position;
    /** Open parentheses, calls, unary operators and exponents around the current token. */
    private int depth;

    private ExprParser(String text, Map<String, DType> symbolTypes, Map<String, Function<List<Expr>, Expr>> extraFunctions) {
        this.text = text;
        this.symbolTypes = symbolTypes;
        this.extraFunctions = extraFunctions;
    }

    static Expr parse(String text, Map<String, DType> symbolTypes) {
        return parse(text, symbolTypes, Map.of());
    }

    /**
     * As {@link #parse(String, Map)}, where a call of a name in {@code extraFunctions} is built by
     * that function from its arguments (its IllegalArgumentException shown at the name, with a caret).
     */
    static Expr parse(String text, Map<String, DType> symbolTypes, Map<String, Function<List<Expr>, Expr>> extraFunctions) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symbolTypes, "symbolTypes");
        for (Map.Entry<String, DType> symbol : symbolTypes.entrySet()) { // a loop, not a lambda to link (#18)
            if (symbol.getValue() == null) {
                throw new IllegalArgumentException("the type of symbol " + symbol.getKey() + " is null; give a DType,"
                        + " such as DType.INT64, or leave the symbol out for float64");
            }
            if (Symbol.isBoolLiteral(symbol.getKey())) {
                throw new IllegalArgumentException("symbol " + symbol.getKey() + " is given a type, but " + symbol.getKey()
                        + " is the bool literal in expressions, so the symbol could never be read; rename it");
            }
        }
        if (text.length() > MAX_LENGTH) {
            throw syntaxError(text, MAX_LENGTH, "text longer than " + MAX_LENGTH + " characters (it has " + text.length()
                    + ") at column " + (MAX_LENGTH + 1));
        }
        ExprParser parser = new ExprParser(text, symbolTypes, extraFunctions);
        Expr expr = parser.expression();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw parser.unexpected(rest);
        }
        return expr;
    }

    /** {@code name(arguments)}, resolved as the parser resolves it. */
    static Expr call(String name, List<Expr> arguments) {
        return isBuiltIn(name) ? builtIn(name, arguments) : new Call(Functions.resolve(name), arguments);
    }

    // ---- grammar ------------------------------------------------------------------------------

    private Expr expression() {
        return binary(0);
    }

    /**
     * The binary operators of {@link #LEVELS} level {@code lowest} and tighter, by precedence
     * climbing: one frame per level the text goes up, so that nesting costs the stack as little as
     * the grammar's levels allow. Every level is left-associative; comparisons do not chain.
     */
    private Expr binary(int lowest) {
        Expr left = unary();
        for (int level = levelOf(peek()); level >= lowest; level = levelOf(peek())) {
            Token token = next();
            Expr right = binary(level + 1);
            left = build(token, LEVELS.get(level).get(token.text), left, right);
            if (level == COMPARISON_LEVEL && levelOf(peek()) == COMPARISON_LEVEL) {
                throw error(unexpectedText(peek()) + ": comparisons cannot be chained as in a < b < c", peek());
            }
        }
        return left;
    }

    /** The level of the binary operator {@code token} is, or -1. */
    private static int levelOf(Token token) {
        if (token.kind == Kind.PUNCTUATION) {
            for (int level = 0; level < LEVELS.size(); level++) {
                if (LEVELS.get(level).containsKey(token.text)) {
                    return level;
                }
            }
        }
        return -1;
    }

    private Expr unary() {
        Token token = peek();
        if (!token.is("-") && !token.is("+") && !token.is("~")) {
            return power();
        }
        next();
        if (token.is("-")) {
            Expr literal = negativeLiteral();
            if (literal != null) {
                return literal;
            }
        }
        enter(token);
        Expr operand = unary();
        depth--;
        if (token.is("-")) {
            return build(token, Operator.NEG, operand);
        }
        if (token.is("~")) {
            return build(token, Operator.INVERT, operand);
        }
        if (operand.dtype() == DType.BOOLEAN) {
            throw error("cannot apply + to bool " + operand + "; use where(condition, 1, 0) to turn a condition"
                    + " into a number", token);
        }
        return operand;
    }

    /** The literal a minus sign folds into: a bare number or constant, not the base of a power; null otherwise. */
    private Expr negativeLiteral() {
        Token token = peek();
        boolean constant = token.kind == Kind.NAME && isConstant(token.text);
        if (token.kind != Kind.NUMBER && !constant) {
            return null;
        }
        Token after = token(1);
        // -2j is -(0+2j), whose real part is -0.0, as in Python.
        if (after.is("**") || after.is("(") || after.is(".") || isImaginary(token.text)) {
            return null;
        }
        next();
        return constant ? Literal.of(-CONSTANTS.get(token.text), true) : number(token, "-");
    }

    private Expr power() {
        Expr base = attributes(atom());
        if (!peek().is("**")) {
            return base;
        }
        Token token = next();
        enter(token);
        Expr exponent = unary();
        depth--;
        return build(token, Operator.POW, base, exponent);
    }

    private Expr atom() {
        Token token = next();
        if (token.kind == Kind.NUMBER) {
            return number(token, "");
        }
        if (token.kind == Kind.NAME) {
            return peek().is("(") ? call(token) : name(token);
        }
        if (token.is("(")) {
            enter(token);
            Expr inner = expression();
            close(token, "')'");
            depth--;
            return inner;
        }
        throw unexpected(token);
    }

    /** {@code value.real}, {@code value.imag}, as often as written. */
    private Expr attributes(Expr value) {
        while (peek().is(".")) {
            Token dot = next();
            Token attribute = next();
            Operator op = attribute.kind == Kind.NAME ? ATTRIBUTES.get(attribute.text) : null;
            if (op == null) {
                throw error("expected real or imag after '.' at column " + dot.column() + ", found "
                        + attribute.describe(), attribute);
            }
            value = build(attribute, op, value);
        }
        return value;
    }

    private Expr number(Token token, String sign) {
        if (isImaginary(token.text)) {
            // 2j is complex(0, 2), weak as Python's complex numbers are under NEP 50.
            double imaginary = Double.parseDouble(sign + token.text.substring(0, token.text.length() - 1));
            return build(token, Operator.COMPLEX, Literal.of(0.0, true), Literal.of(imaginary, true));
        }
        String digits = sign + token.text;
        if (allDigits(token.text)) {
            try {
                return Literal.of(Long.parseLong(digits), true);
            } catch (NumberFormatException e) {
                throw error("integer " + digits + " at column " + token.column() + " is out of the range of int64;"
                        + " write it as a float, " + digits + ".0", token);
            }
        }
        return Literal.of(Double.parseDouble(digits), true);
    }

    private static boolean isImaginary(String number) {
        return number.endsWith("j") || number.endsWith("J");
    }

    private Expr name(Token token) {
        String name = token.text;
        int dot = name.indexOf('.');
        if (dot > 0 && ATTRIBUTES.containsKey(name.substring(dot + 1))) {
            // z.real lexes as one dotted name.
            Expr value = name(new Token(Kind.NAME, name.substring(0, dot), token.index));
            return build(token, ATTRIBUTES.get(name.substring(dot + 1)), value);
        }
        if (name.indexOf('.') >= 0) {
            throw error(unexpectedText(token) + ": a dotted name can only call a function, as in Foo.m(x), or take a part, as in z.real or z.imag", token);
        }
        if (Symbol.isBoolLiteral(name)) {
            return Literal.of(name.equals("True")); // Python's keywords: never a symbol's name (Symbol refuses them)
        }
        DType type = symbolTypes.get(name);
        if (type == null && CONSTANTS.containsKey(name)) {
            return Literal.of(CONSTANTS.get(name), true);
        }
        return new Symbol(name, type == null ? DType.FLOAT64 : type);
    }

    private boolean isConstant(String name) {
        return CONSTANTS.containsKey(name) && !symbolTypes.containsKey(name);
    }

    private Expr call(Token name) {
        Token open = next();
        Function<List<Expr>, Expr> extra = extraFunctions.get(name.text);
        // Unknown names fail before their arguments are read, at the name.
        VectorizedFunction function = extra != null || isBuiltIn(name.text) ? null : build(name, () -> Functions.resolve(name.text));
        enter(open);
        List<Expr> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            arguments.add(expression());
            while (peek().is(",")) {
                next();
                arguments.add(expression());
            }
        }
        close(open, "',' or ')'");
        depth--;
        checkHeight(name, arguments);
        if (extra != null) {
            return build(name, () -> extra.apply(arguments));
        }
        return build(name, () -> function == null ? builtIn(name.text, arguments) : new Call(function, arguments));
    }

    private static boolean isBuiltIn(String name) {
        return Operator.isFunctionName(name) || name.equals(SQUARE) || ReductionKind.named(name).isPresent();
    }

    /** NumPy's square(x), which is x ** 2 (x * x, exactly) but for bools. */
    private static final String SQUARE = "square";

    private static Expr builtIn(String name, List<Expr> arguments) {
        if (name.equals(SQUARE) && arguments.size() == 1) {
            if (arguments.get(0).dtype() == DType.BOOLEAN) {
                throw new IllegalArgumentException("square of bool gives int8 in NumPy, a type expressions do not have,"
                        + " in square(" + arguments.get(0) + "); make numbers of them first, as in where(c, 1, 0)");
            }
            return Operation.of(Operator.POW, List.of(arguments.get(0), Literal.of(2, true)));
        }
        Optional<Operator> op = Operator.function(name, arguments.size());
        if (op.isPresent()) {
            return Operation.of(op.get(), arguments);
        }
        Optional<ReductionKind> kind = ReductionKind.named(name);
        if (kind.isPresent() && arguments.size() == 1) {
            return new Reduction(kind.get(), arguments.get(0));
        }
        TreeSet<Integer> arities = new TreeSet<>(Operator.arities(name));
        kind.ifPresent(k -> arities.add(1));
        if (name.equals(SQUARE)) {
            arities.add(1);
        }
        String counts = arities.stream().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElseThrow();
        throw new IllegalArgumentException(name + " takes " + counts + " argument"
                + (counts.equals("1") ? "" : "s") + ", not " + arguments.size());
    }

    // ---- building nodes -----------------------------------------------------------------------

    private Expr build(Token token, Operator op, Expr... operands) {
        checkHeight(token, List.of(operands));
        return build(token, () -> Operation.of(op, List.of(operands)));
    }

    /** Runs a node constructor, turning its typing error into one that points at {@code token}. */
    private <T> T build(Token token, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            ExprSyntaxException error = syntaxError(text, token.index, e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    /** Refuses, at {@code token}, a node over {@code operands} higher than {@link Expr#MAX_DEPTH}. */
    private void checkHeight(Token token, List<Expr> operands) {
        for (Expr operand : operands) {
            if (operand.height() >= Expr.MAX_DEPTH) {
                throw error("expression nested deeper than " + Expr.MAX_DEPTH + " levels at column " + token.column()
                        + " " + Expr.CHAINS, token);
            }
        }
    }

    private void enter(Token token) {
        if (++depth > MAX_NESTING) {
            throw error("expression nested deeper than " + MAX_NESTING + " levels at column " + token.column(), token);
        }
    }

    // ---- tokens -------------------------------------------------------------------------------

    private Token peek() {
        return token(0);
    }

    private Token next() {
        Token token = token(0);
        if (token.kind != Kind.END) {
            position++;
        }
        return token;
    }

    private void close(Token open, String expected) {
        Token token = next();
        if (!token.is(")")) {
            throw error("expected " + expected + " at column " + token.column() + " to close the '(' at column "
                    + open.column() + ", found " + token.describe(), token);
        }
    }

    /** The token {@code ahead} places after the current one, read on demand so that errors come in text order. */
    private Token token(int ahead) {
        while (tokens.size() <= position + ahead) {
            tokens.add(lex()); // at the end, END again
        }
        return tokens.get(position + ahead);
    }

    private Token lex() {
        int i = end;
        while (i < text.length() && " \t\n\r\f".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        int start = i;
        Kind kind;
        char c = i < text.length() ? text.charAt(i) : ' ';
        if (i == text.length()) {
            kind = Kind.END;
        } else if (isDigit(c) || c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
            kind = Kind.NUMBER;
            i = endOfNumber(i);
        } else if (isNameStart(c)) {
            kind = Kind.NAME;
            i = endOfName(i);
            while (i + 1 < text.length() && text.charAt(i) == '.' && isNameStart(text.charAt(i + 1))) {
                i = endOfName(i + 1);
            }
        } else {
            kind = Kind.PUNCTUATION;
            i += punctuationAt(start).length();
        }
        end = i;
        return new Token(kind, text.substring(start, i), start);
    }

    /** Whether every character is a digit; a loop, as {@link #punctuationAt}. */
    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The punctuation that starts at {@code start}. A loop, not a stream: a fresh JVM's first
     * parse would load the stream classes and bootstrap its lambdas for it (#18).
     */
    private String punctuationAt(int start) {
        for (String punctuation : PUNCTUATION) {
            if (text.startsWith(punctuation, start)) {
                return punctuation;
            }
        }
        char c = text.charAt(start);
        throw syntaxError(text, start, "unexpected " + describe(c) + " at column " + (start + 1)
                + (c == '=' ? " (compare with ==)" : ""));
    }

    /** digits ['.' digits] [('e' | 'E') ['+' | '-'] digits] ['j' | 'J'], either side of the point may be empty. */
    private int endOfNumber(int i) {
        i = endOfDigits(i);
        if (i < text.length() && text.charAt(i) == '.') {
            i = endOfDigits(i + 1);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && isDigit(text.charAt(exponent))) {
                i = endOfDigits(exponent);
            }
        }
        if (i < text.length() && (text.charAt(i) == 'j' || text.charAt(i) == 'J')) {
            i++; // an imaginary number, 2j
        }
        return i;
    }

    private int endOfDigits(int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int endOfName(int i) {
        i++;
        while (i < text.length() && Symbol.isNamePart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return Symbol.isNameStart(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(char c) {
        return c > ' ' && c <= '~' ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }

    // ---- errors -------------------------------------------------------------------------------

    private ExprSyntaxException unexpected(Token token) {
        return error(unexpectedText(token), token);
    }

    private static String unexpectedText(Token token) {
        return "unexpected " + token.describe() + " at column " + token.column();
    }

    private ExprSyntaxException error(String message, Token token) {
        return syntaxError(text, token.index, message);
    }

    /** The message, then the line of the text holding {@code index}, then a caret under it. */
    static ExprSyntaxException syntaxError(String text, int index, String message) {
        int start = index;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        int end = index;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        // Long lines show 60 characters either side of the caret.
        int from = Math.max(start, index - 60);
        int to = Math.min(end, index + 60);
        String before = from > start ? "..." : "";
        StringBuilder caret = new StringBuilder(" ".repeat(before.length()));
        for (int i = from; i < index; i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return new ExprSyntaxException(message + "\n" + before + text.substring(from, to) + (to < end ? "..." : "")
                + "\n" + caret, index + 1);
    }
}
