package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expressions built in code meet the parser's limits: at most {@link Expr#MAX_DEPTH} levels,
 * refused with a clear error rather than a stack overflow later; every one the builders accept
 * prints as text that parses back; names and arguments are checked as the parser checks them.
 */
class ExprLimitsTest {
    private static final Expr X = Expr.symbol("x");
    private static final String TOO_DEEP = "expression nested deeper than 256 levels (an operator in a chain such as"
            + " a + b + c counts as one): split long chains in parentheses, as in (a + b) + (c + d)";

    @Test
    void buildersRefuseTheLevelAfterTheLast() {
        Expr sum = X;
        for (int i = 0; i < Expr.MAX_DEPTH; i++) {
            sum = sum.add(X);
        }
        Expr full = sum;
        assertEquals(256, full.height());
        assertEquals(TOO_DEEP, assertThrows(IllegalArgumentException.class, () -> full.add(X)).getMessage());
        assertEquals(TOO_DEEP, assertThrows(IllegalArgumentException.class, () -> full.neg()).getMessage());
        assertEquals(TOO_DEEP, assertThrows(IllegalArgumentException.class, () -> full.sum()).getMessage());
        assertEquals(TOO_DEEP,
                assertThrows(IllegalArgumentException.class, () -> Expr.call("sqrt", full)).getMessage());
        assertEquals(TOO_DEEP, assertThrows(IllegalArgumentException.class,
                () -> Expr.where(X.gt(0.0), X, full)).getMessage());
        // Literals do not deepen anything: 2 ** 3 is the literal 8.
        assertEquals(Expr.literal(8), Expr.literal(2).pow(Expr.literal(3)));
    }

    @Test
    void buildersRefuseMoreThanMaxSizeNodes() {
        Expr doubled = X;
        for (int i = 0; i < 15; i++) {
            doubled = doubled.add(doubled);
        }
        Expr shared = doubled; // 2^16 - 1 nodes
        assertEquals(65_535, shared.size());
        assertEquals("expression of more than 100000 operators and operands (counting a shared subexpression as often"
                + " as it occurs): compute its parts separately",
                assertThrows(IllegalArgumentException.class, () -> shared.add(shared)).getMessage());
    }

    @Test
    void everyExpressionTheBuildersAcceptReadsBack() {
        Random random = new Random(97);
        Map<String, Object> data = Map.of("x", new double[] {0.5, -2, 3}, "y", new double[] {1, 0, -1});
        for (int t = 0; t < 300; t++) {
            Expr e = random.nextBoolean() ? X : Expr.symbol("y");
            while (e.height() < Expr.MAX_DEPTH - 1) {
                e = wrap(random, e);
            }
            if (e.height() < Expr.MAX_DEPTH) {
                e = random.nextBoolean() ? e.neg() : Expr.symbol("y").pow(e);
            }
            String text = e.toString();
            Expr back = Expr.parse(text);
            assertEquals(e, back, text);
            assertEquals(e.hashCode(), back.hashCode());
            assertEquals(text, back.toString());
            // Walking it does not exhaust the stack either.
            ComputeTesting.assertSameBits(Compute.compute(e, data, false), Compute.compute(e, data), text);
        }
    }

    /** {@code e} one or two levels deeper, in a random way that needs signs, parentheses or calls around it in text. */
    private static Expr wrap(Random random, Expr e) {
        Expr other = random.nextInt(4) == 0 ? Expr.literal(random.nextInt(5) - 2.5) : Expr.symbol("y");
        switch (random.nextInt(12)) {
            case 0: return e.neg();
            case 1: return e.pow(other);
            case 2: return other.pow(e);
            case 3: return other.sub(e);
            case 4: return other.div(e);
            case 5: return e.mul(other);
            case 6: return Expr.call("sin", e);
            case 7: return random.nextBoolean() ? Expr.where(e.gt(0.0), other, X)
                    : Expr.where(X.lt(Expr.literal(1)), e, other);
            case 8: return e.abs();
            case 9: return Expr.literal(random.nextInt(3) - 1).pow(e);
            case 10: return e.atan2(other);
            default: return other.add(e.neg());
        }
    }

    @Test
    void namesAreLettersDigitsAndUnderscores() {
        ExprSyntaxException invisible = assertThrows(ExprSyntaxException.class, () -> Expr.parse("x\u200b + 1"));
        assertEquals("unexpected character U+200B at column 2",
                invisible.getMessage().lines().findFirst().orElseThrow());
        assertThrows(ExprSyntaxException.class, () -> Expr.parse("x\u0000"));
        assertThrows(ExprSyntaxException.class, () -> Expr.parse("x\u00ad"));
        assertThrows(ExprSyntaxException.class, () -> Expr.parse("a$b"));
        assertEquals("symbol name \"x\u200b\" is not a name: use letters, digits and _, not starting with a digit",
                assertThrows(IllegalArgumentException.class, () -> Expr.symbol("x\u200b")).getMessage());
        assertEquals(Expr.symbol("\u00e9t\u00e9_2"), Expr.parse("\u00e9t\u00e9_2"));
        assertEquals(Expr.symbol("_x9"), Expr.parse("_x9"));
        // Java identifiers but for $ and the invisible: every @Vectorize method can be named.
        assertEquals(Expr.symbol("p€"), Expr.parse("p€"));
        assertEquals(Expr.symbol("q‿r"), Expr.parse("q‿r"));
    }

    @Test
    void nullsAreNamed() {
        assertEquals("name", assertThrows(NullPointerException.class, () -> Expr.call(null, X)).getMessage());
        assertEquals("an argument of sqrt",
                assertThrows(NullPointerException.class, () -> Expr.call("sqrt", (Expr) null)).getMessage());
        assertEquals("b", assertThrows(NullPointerException.class, () -> Expr.where(X.gt(0.0), X, null)).getMessage());
        Map<String, DType> types = new HashMap<>();
        types.put("x", null);
        assertEquals("the type of symbol x is null; give a DType, such as DType.INT64, or leave the symbol out for"
                + " float64",
                assertThrows(IllegalArgumentException.class, () -> Expr.parse("x + 1", types)).getMessage());
        assertTrue(Expr.parse("1 + 2").height() == 0);
    }
}
