package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {
    private static final Expr X = Expr.symbol("x");
    private static final Expr Y = Expr.symbol("y");
    private static final Expr A = Expr.symbol("a");
    private static final Expr B = Expr.symbol("b");
    private static final Expr C = Expr.symbol("c");

    private static Expr parse(String text) {
        return Expr.parse(text);
    }

    private static Expr lit(long value) {
        return Expr.literal(value);
    }

    private static Expr lit(double value) {
        return Expr.literal(value);
    }

    private static ExprSyntaxException error(String text) {
        return error(text, Map.of());
    }

    private static ExprSyntaxException error(String text, Map<String, DType> types) {
        return assertThrows(ExprSyntaxException.class, () -> Expr.parse(text, types), text);
    }

    /** Asserts the whole message: first line, the text, and the caret under the column. */
    private static void assertError(String text, int column, String firstLine) {
        ExprSyntaxException e = error(text);
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(firstLine + "\n" + text + "\n" + " ".repeat(column - 1) + "^", e.getMessage());
    }

    // ---- precedence and associativity ---------------------------------------------------------

    @Test
    void powerBindsTighterThanUnaryMinusOnItsLeft() {
        assertEquals(X.pow(lit(2)).neg(), parse("-x**2"));
        assertEquals(X.neg().pow(lit(2)), parse("(-x)**2"));
        assertEquals(lit(2).pow(lit(-1)), parse("2**-1"));
        assertEquals(lit(2).pow(X.neg()), parse("2 ** -x"));
        assertEquals(lit(2).pow(X.pow(lit(2)).neg()), parse("2 ** -x ** 2"));
    }

    @Test
    void powerIsRightAssociative() {
        assertEquals(lit(2).pow(lit(3).pow(lit(2))), parse("2**3**2"));
        assertEquals(lit(2).pow(lit(3)).pow(lit(2)), parse("(2**3)**2"));
    }

    @Test
    void sumsAndProductsAreLeftAssociative() {
        assertEquals(A.sub(B).sub(C), parse("a - b - c"));
        assertEquals(A.sub(B.sub(C)), parse("a - (b - c)"));
        assertEquals(A.div(B).mul(C), parse("a / b * c"));
        assertEquals(A.mod(B).div(C), parse("a % b / c"));
        assertEquals(A.add(B).sub(C).add(X), parse("a + b - c + x"));
    }

    @Test
    void productsBindTighterThanSums() {
        assertEquals(A.add(B.mul(C)), parse("a + b * c"));
        assertEquals(A.mul(B).add(C), parse("a * b + c"));
        assertEquals(A.add(B).mul(C), parse("(a + b) * c"));
        assertEquals(A.sub(B.mod(C)), parse("a - b % c"));
    }

    @Test
    void unaryMinusBindsTighterThanProducts() {
        assertEquals(X.neg().mul(Y), parse("-x * y"));
        assertEquals(X.mul(Y.neg()), parse("x * -y"));
        assertEquals(X.sub(Y.neg()), parse("x - -y"));
        assertEquals(X.neg().neg(), parse("--x"));
        assertEquals(X.neg().pow(Y).neg(), parse("-(-x) ** y"));
    }

    @Test
    void comparisonIsLowest() {
        assertEquals(A.add(B).lt(C.mul(X)), parse("a + b < c * x"));
        assertEquals(X.pow(lit(2)).neg().ge(lit(0)), parse("-x**2 >= 0"));
        assertEquals(A.le(B), parse("a <= b"));
        assertEquals(A.gt(B), parse("a > b"));
        assertEquals(A.eq(B), parse("a == b"));
        assertEquals(A.ne(B), parse("a != b"));
        assertEquals(A.lt(B).eq(C.gt(X)), parse("(a < b) == (c > x)"));
    }

    @Test
    void unaryPlusIsIdentity() {
        assertEquals(X, parse("+x"));
        assertEquals(lit(5), parse("+5"));
        assertEquals(lit(-5), parse("+-5"));
        assertEquals(X.add(Y), parse("x + +y"));
    }

    @Test
    void whitespaceBetweenTokensIsIgnored() {
        assertEquals(X.add(lit(1)).mul(Y), parse(" \t(x\n+\r\n1 )\f*y \n"));
        assertEquals(X.pow(lit(2)), parse("x**2"));
        assertEquals(X.sqrt(), parse("sqrt (x)"));
    }

    // ---- literals -----------------------------------------------------------------------------

    @Test
    void integersAreWeakInt64() {
        Expr five = parse("5");
        assertEquals(Literal.of(5L, true), five);
        assertEquals(DType.INT64, five.dtype());
        assertTrue(five.isWeak());
        assertEquals(lit(Long.MAX_VALUE), parse("9223372036854775807"));
        assertEquals(lit(7), parse("007"));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1.5", ".5, 0.5", "5., 5.0", "1e-3, 0.001", "1.0E10, 1e10", "2E+3, 2000", "1.e2, 100",
            "0.0, 0.0", "1e999, Infinity", "4.9E-324, 4.9E-324"})
    void decimalsAndExponentsAreWeakFloat64(String text, double value) {
        Expr literal = parse(text);
        assertEquals(Literal.of(value, true), literal);
        assertEquals(DType.FLOAT64, literal.dtype());
    }

    @Test
    void minusFoldsIntoABareNumber() {
        assertEquals(Literal.of(-5L, true), parse("-5"));
        assertEquals(Literal.of(-5L, true), parse("- 5"));
        assertEquals(Literal.of(-0.0, true), parse("-0.0"));
        assertNotEquals(parse("0.0"), parse("-0.0"));
        assertEquals(Literal.of(-2.5, true), parse("-2.5"));
        assertEquals(lit(Long.MIN_VALUE), parse("-9223372036854775808"));
        assertEquals(X.sub(lit(5)), parse("x - 5"));
        assertEquals(X.sub(lit(-5)), parse("x--5"));
        assertEquals(X.mul(lit(-1.5)), parse("x * -1.5"));
        assertEquals(lit(-5).neg(), parse("--5"));
    }

    @Test
    void minusDoesNotFoldIntoParenthesesOrAPower() {
        assertEquals(lit(5).neg(), parse("-(5)"));
        assertEquals(lit(2).pow(lit(2)).neg(), parse("-2**2"));
        assertEquals(lit(-2).pow(lit(2)), parse("(-2)**2"));
        assertEquals(lit(5).neg(), parse("-+5"));
    }

    @Test
    void integersOutOfRangeAreErrors() {
        ExprSyntaxException e = error("x + 9223372036854775808");
        assertEquals(5, e.column());
        assertTrue(e.getMessage().startsWith("integer 9223372036854775808 at column 5 is out of the range of int64"),
                e.getMessage());
        assertEquals(2, error("-9223372036854775809").column());
        assertEquals(lit(9.223372036854775808e18), parse("9223372036854775808.0"));
    }

    @Test
    void constantsAreWeakFloats() {
        assertEquals(lit(Math.PI), parse("pi"));
        assertEquals(lit(Math.E), parse("e"));
        assertEquals(lit(Double.NaN), parse("nan"));
        assertEquals(lit(Double.POSITIVE_INFINITY), parse("inf"));
        assertEquals(lit(Double.NEGATIVE_INFINITY), parse("-inf"));
        assertEquals(lit(-Math.PI), parse("-pi"));
        assertEquals(lit(Math.PI).neg(), parse("-(pi)"));
        assertEquals(lit(Math.E).pow(X).neg(), parse("-e**x"));
        assertTrue(parse("2 * pi").isWeak());
    }

    @Test
    void symbolTypesWinOverConstants() {
        Map<String, DType> types = Map.of("pi", DType.FLOAT32, "e", DType.INT32, "inf", DType.FLOAT64);
        assertEquals(Expr.symbol("pi", DType.FLOAT32), Expr.parse("pi", types));
        assertEquals(Expr.symbol("e", DType.INT32).neg(), Expr.parse("-e", types));
        assertEquals(Expr.symbol("inf").neg(), Expr.parse("-inf", types));
        assertEquals(lit(Double.NaN), Expr.parse("nan", types));
    }

    // ---- names and calls ----------------------------------------------------------------------

    @Test
    void namesAreSymbolsOfTheGivenTypeOrFloat64() {
        Map<String, DType> types = Map.of("i", DType.INT32, "f", DType.FLOAT32);
        assertEquals(Expr.symbol("i", DType.INT32).add(Expr.symbol("f", DType.FLOAT32)).add(X),
                Expr.parse("i + f + x", types));
        assertEquals(Expr.symbol("_x1"), parse("_x1"));
        assertEquals(Expr.symbol("αβ"), parse("αβ"));
        assertEquals(Expr.symbol("sqrt"), parse("sqrt"));
        assertEquals(Expr.symbol("sum").add(Expr.symbol("where")), parse("sum + where"));
    }

    @Test
    void builtInFunctions() {
        assertEquals(X.sqrt(), parse("sqrt(x)"));
        assertEquals(X.abs().exp().expm1().log().log10().log1p(), parse("log1p(log10(log(expm1(exp(abs(x))))))"));
        assertEquals(X.sin().add(X.cos()).add(X.tan()), parse("sin(x) + cos(x) + tan(x)"));
        assertEquals(X.asin().add(X.acos()).add(X.atan()), parse("asin(x) + acos(x) + atan(x)"));
        assertEquals(X.sinh().add(X.cosh()).add(X.tanh()), parse("sinh(x) + cosh(x) + tanh(x)"));
        assertEquals(Y.atan2(X), parse("atan2(y, x)"));
        assertEquals(X.hypot(Y), parse("hypot(x, y)"));
        assertEquals(X.pow(Y), parse("pow(x, y)"));
        assertEquals(X.min(Y), parse("min(x, y)"));
        assertEquals(X.max(lit(0)), parse("max(x, 0)"));
        assertEquals(Expr.where(X.gt(lit(0)), X, lit(0)), parse("where(x > 0, x, 0)"));
    }

    @Test
    void reductions() {
        assertEquals(X.mul(Y).sum(), parse("sum(x * y)"));
        assertEquals(X.min(), parse("min(x)"));
        assertEquals(X.max(), parse("max(x)"));
        assertEquals(X.sub(X.mean()), parse("x - mean(x)"));
        assertEquals(X.sub(X.mean()).pow(lit(2)).sum(), parse("sum((x - mean(x))**2)"));
        for (ReductionKind kind : ReductionKind.values()) {
            assertEquals(new Reduction(kind, X), parse(kind.text() + "(x)"));
        }
        assertTrue(parse("count(x)").isReduction());
    }

    @Test
    void callResolvesNamesAsTheParserDoes() {
        assertEquals(X.sqrt(), Expr.call("sqrt", X));
        assertEquals(X.min(), Expr.call("min", X));
        assertEquals(X.min(Y), Expr.call("min", X, Y));
        assertEquals(X.pow(Y), Expr.call("pow", X, Y));
        assertEquals(X.nanmean(), Expr.call("nanmean", X));
        assertEquals(Expr.where(X.lt(Y), X, Y), Expr.call("where", X.lt(Y), X, Y));
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> Expr.call("sum", X, Y));
        assertEquals("sum takes 1 argument, not 2", arity.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Expr.call("sqr", X));
        assertTrue(unknown.getMessage().contains("unknown function sqr"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("sqrt"), unknown.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqrt(x, y)      | sqrt takes 1 argument, not 2",
        "sqrt()          | sqrt takes 1 argument, not 0",
        "atan2(x)        | atan2 takes 2 arguments, not 1",
        "pow(x)          | pow takes 2 arguments, not 1",
        "where(x > 0, x) | where takes 3 arguments, not 2",
        "sum(x, y)       | sum takes 1 argument, not 2",
        "min(x, y, x)    | min takes 1 or 2 arguments, not 3",
        "max()           | max takes 1 or 2 arguments, not 0"})
    void wrongArityNamesTheFunctionAndItsArity(String text, String message) {
        ExprSyntaxException e = error(text);
        assertEquals(1, e.column());
        assertTrue(e.getMessage().startsWith(message + "\n" + text + "\n^"), e.getMessage());
    }

    @Test
    void unknownFunctionsListNearMatches() {
        ExprSyntaxException e = error("1 + sqr(x)");
        assertEquals(5, e.column());
        assertTrue(e.getMessage().startsWith("unknown function sqr"), e.getMessage());
        assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n1 + sqr(x)\n    ^"), e.getMessage());
        assertTrue(error("summ(x)").getMessage().contains("sum"));
        assertTrue(error("nanmaxx(x)").getMessage().contains("nanmax"));
        // An unknown name fails before its arguments are read.
        assertTrue(error("foo(x +)").getMessage().startsWith("unknown function foo"));
    }

    // ---- security: only built-ins and registered @Vectorize functions can be called -----------

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(1)", "java.lang.System.exit(1)", "Runtime.getRuntime().exec(\"x\")",
        "java.lang.Runtime.getRuntime().exec(\"rm\")", "getClass()", "x.getClass()", "a.b.c(1)", "Math.sqrt(x)",
        "Thread.sleep(100000)", "Class.forName(1)", "exit(1)", "ExprParser.parse(x)", "Functions.register(x)"})
    void onlyKnownFunctionsCanBeCalled(String text) {
        ExprSyntaxException e = error(text);
        assertEquals(1, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown function "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expr.call(text.substring(0, text.indexOf('(')), X));
    }

    @Test
    void dottedNamesOnlyCallFunctions() {
        assertError("1 + a.b", 5, "unexpected 'a.b' at column 5: a dotted name can only call a function, as in Foo.m(x), or take a part, as in z.real or z.imag");
        assertError("System.out", 1,
                "unexpected 'System.out' at column 1: a dotted name can only call a function, as in Foo.m(x), or take a part, as in z.real or z.imag");
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void unexpectedTokens() {
        assertError("(x + y) * 2.5)", 14, "unexpected ')' at column 14");
        assertError("x y", 3, "unexpected 'y' at column 3");
        assertError("x + * y", 5, "unexpected '*' at column 5");
        assertError("x // / 2", 6, "unexpected '/' at column 6");
        assertError("5x", 2, "unexpected 'x' at column 2");
        assertError("1.5.5", 4, "unexpected '.5' at column 4");
        assertError("sqrt(x,)", 8, "unexpected ')' at column 8");
        assertError("x ** ** 2", 6, "unexpected '**' at column 6");
        assertError(")", 1, "unexpected ')' at column 1");
        assertError("2e", 2, "unexpected 'e' at column 2");
    }

    @Test
    void unexpectedEndOfText() {
        assertError("", 1, "unexpected end of text at column 1");
        assertError("   ", 4, "unexpected end of text at column 4");
        assertError("x +", 4, "unexpected end of text at column 4");
        assertError("-", 2, "unexpected end of text at column 2");
        assertError("x **", 5, "unexpected end of text at column 5");
    }

    @Test
    void unclosedParentheses() {
        assertError("(x + 1", 7, "expected ')' at column 7 to close the '(' at column 1, found end of text");
        assertError("2 * (x + 1 y", 12, "expected ')' at column 12 to close the '(' at column 5, found 'y'");
        assertError("sqrt(x y)", 8, "expected ',' or ')' at column 8 to close the '(' at column 5, found 'y'");
        assertError("atan2(x, y", 11, "expected ',' or ')' at column 11 to close the '(' at column 6, found end of text");
    }

    @Test
    void unknownCharacters() {
        assertError("x @ y", 3, "unexpected '@' at column 3");
        assertError("$x", 1, "unexpected '$' at column 1");
        assertError("x$", 2, "unexpected '$' at column 2");
        assertError("x = 1", 3, "unexpected '=' at column 3 (compare with ==)");
        assertError("!x", 1, "unexpected '!' at column 1");
        assertError("x && y", 4, "unexpected '&' at column 4");
        assertError("'x'", 1, "unexpected ''' at column 1");
        assertError("x\u00a0+ 1", 2, "unexpected character U+00A0 at column 2");
        assertError(".", 1, "unexpected '.' at column 1");
    }

    @Test
    void chainedComparisonsAreErrors() {
        assertError("a < b < c", 7, "unexpected '<' at column 7: comparisons cannot be chained as in a < b < c");
        assertError("a == b != c", 8, "unexpected '!=' at column 8: comparisons cannot be chained as in a < b < c");
        assertEquals(A.lt(B).lt(C.lt(X)), parse("(a < b) < (c < x)"));
    }

    @Test
    void typingErrorsPointAtTheirOperator() {
        Map<String, DType> types = Map.of("b", DType.BOOLEAN);
        ExprSyntaxException e = error("x + (b - b)", types);
        assertEquals(8, e.column());
        IllegalArgumentException original = assertThrows(IllegalArgumentException.class,
                () -> Expr.symbol("b", DType.BOOLEAN).sub(Expr.symbol("b", DType.BOOLEAN)));
        assertEquals(original.getMessage() + "\nx + (b - b)\n       ^", e.getMessage());
        assertEquals(original.getMessage(), e.getCause().getMessage());

        assertEquals(5, error("x * -b", types).column());
        assertEquals(1, error("+b", types).column());
        assertEquals(1, error("where(x, 1, 2)").column());
        assertTrue(error("where(x, 1, 2)").getMessage().startsWith("where(condition, a, b) needs a boolean condition"));
        ExprSyntaxException nested = error("1 + sum(mean(x))");
        assertEquals(5, nested.column());
        assertTrue(nested.getMessage().startsWith("sum(mean(x)) reduces a single number"), nested.getMessage());
        assertEquals(1, error("sqrt(b) ** 2", types).column());
    }

    @Test
    void caretLineFollowsTabsAndLines() {
        ExprSyntaxException tab = error("x\t@");
        assertEquals(3, tab.column());
        assertEquals("unexpected '@' at column 3\nx\t@\n \t^", tab.getMessage());
        ExprSyntaxException lines = error("x +\n  * y");
        assertEquals(7, lines.column());
        assertEquals("unexpected '*' at column 7\n  * y\n  ^", lines.getMessage());
        ExprSyntaxException crlf = error("x +\r\ny )\r\n");
        assertEquals("unexpected ')' at column 8\ny )\n  ^", crlf.getMessage());
    }

    @Test
    void longLinesShowTheTextAroundTheColumn() {
        String text = "x + ".repeat(50) + "@" + " + x".repeat(50);
        ExprSyntaxException e = error(text);
        assertEquals(201, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals("unexpected '@' at column 201", lines[0]);
        assertEquals("..." + text.substring(140, 260) + "...", lines[1]);
        assertEquals(" ".repeat(63) + "^", lines[2]);
    }

    // ---- limits -------------------------------------------------------------------------------

    /** A tree more than 256 levels high, refused at the operator or call that would be the 257th level. */
    private static void assertTooDeep(String text, int column) {
        ExprSyntaxException e = error(text);
        assertEquals("expression nested deeper than 256 levels at column " + column + " (an operator in a chain such"
                + " as a + b + c counts as one): split long chains in parentheses, as in (a + b) + (c + d)",
                e.getMessage().lines().findFirst().orElseThrow());
        assertEquals(column, e.column());
    }

    /** Text nesting parentheses, calls, signs and ** more than 256 deep, refused at the 257th. */
    private static void assertTooNested(String text, int column) {
        ExprSyntaxException e = error(text);
        assertEquals("expression nested deeper than 256 levels at column " + column,
                e.getMessage().lines().findFirst().orElseThrow());
        assertEquals(column, e.column());
    }

    @Test
    void textsLongerThanTheLimitAreErrors() {
        ExprSyntaxException e = error("x".repeat(100_001));
        assertEquals(100_001, e.column());
        assertTrue(e.getMessage().startsWith("text longer than 100000 characters (it has 100001) at column 100001\n"));
        assertTrue(e.getMessage().length() < 300);
        assertTrue(error("-".repeat(100_000) + "x").getMessage().startsWith("text longer than 100000 characters"));
        assertEquals(Expr.symbol("x".repeat(100_000)), parse("x".repeat(100_000)));
    }

    @Test
    void nestingUpTo256LevelsIsFine() {
        assertEquals(X, parse("(".repeat(256) + "x" + ")".repeat(256)));
        Expr negs = X;
        for (int i = 0; i < 256; i++) {
            negs = negs.neg();
        }
        assertEquals(negs, parse("-".repeat(256) + "x"));
        assertEquals(X, parse("+".repeat(256) + "x"));
        Expr sum = X;
        for (int i = 0; i < 256; i++) {
            sum = sum.add(X);
        }
        assertEquals(sum, parse("x" + "+x".repeat(256)));
        assertEquals(256, parse("x" + "**x".repeat(256)).height());
        assertEquals(256, parse("sqrt(".repeat(256) + "x" + ")".repeat(256)).height());
        assertEquals(128, parse("-(".repeat(128) + "x" + ")".repeat(128)).height());
    }

    @Test
    void nestingDeeperThan256LevelsIsAnErrorNotAStackOverflow() {
        // Text: refused at the 257th level of parentheses, calls, signs and **, before its tree is built.
        assertTooNested("(".repeat(257) + "x" + ")".repeat(257), 257);
        assertTooNested("(".repeat(100_000), 257);
        assertTooNested("-".repeat(257) + "x", 257);
        assertTooNested("-".repeat(99_999) + "x", 257);
        assertTooNested("+".repeat(99_999) + "x", 257);
        assertTooNested("x" + "**x".repeat(33_333), 2 + 3 * 256);
        // "**" and "-" alternate: the 129th "**" is the 257th level.
        assertTooNested("2" + "**-2".repeat(24_999), 2 + 4 * 128);
        assertTooNested("sqrt(".repeat(257) + "x" + ")".repeat(257), 5 * 256 + 5);
        assertTooNested("sqrt(".repeat(16_000) + "x" + ")".repeat(16_000), 5 * 256 + 5);
        assertTooNested("max(x, ".repeat(12_000) + "x" + ")".repeat(12_000), 7 * 256 + 4);
        assertTooNested("-(".repeat(50_000), 2 * 128 + 1);
        assertTooNested("x" + "-(x".repeat(33_333), 3 + 3 * 256);
        // Trees: refused at the operator that would be the 257th level.
        assertTooDeep("x" + "+x".repeat(257), 2 + 2 * 256);
        assertTooDeep("x" + "+x".repeat(49_999), 2 + 2 * 256);
        assertTooDeep("x" + "*x".repeat(49_999), 2 + 2 * 256);
        assertTooDeep("x" + "<x".repeat(1) + "+x".repeat(49_998), 4 + 2 * 256);
    }
}
