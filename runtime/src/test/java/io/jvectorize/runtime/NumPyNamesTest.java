package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** NumPy's names for the built-in functions, and what an unknown or miscounted call says. */
class NumPyNamesTest {

    @Test
    void aliasesAreTheSameFunctions() {
        String[][] pairs = {{"arcsin(x)", "asin(x)"}, {"arccos(x)", "acos(x)"}, {"arctan(x)", "atan(x)"},
            {"arctan2(x, y)", "atan2(x, y)"}, {"arcsinh(x)", "asinh(x)"}, {"arccosh(x)", "acosh(x)"},
            {"arctanh(x)", "atanh(x)"}, {"maximum(x, y)", "max(x, y)"}, {"minimum(x, y)", "min(x, y)"},
            {"absolute(x)", "abs(x)"}, {"power(x, y)", "x ** y"}, {"floor_divide(x, y)", "x // y"},
            {"remainder(x, y)", "x % y"}, {"square(x)", "x ** 2"}};
        for (String[] pair : pairs) {
            assertEquals(Expr.parse(pair[1]), Expr.parse(pair[0]), pair[0]);
        }
        Map<String, DType> ints = Map.of("i", DType.INT64, "j", DType.INT64);
        assertEquals(Expr.parse("i << j", ints), Expr.parse("left_shift(i, j)", ints));
        assertEquals(Expr.parse("~i", ints), Expr.parse("invert(i)", ints));
        assertEquals(Expr.parse("i & j", ints), Expr.parse("bitwise_and(i, j)", ints));
    }

    @Test
    void unknownNamesListNearMatches() {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> Expr.parse("arcsinn(x)"));
        assertTrue(e.getMessage().startsWith("unknown function arcsinn; did you mean arcsin or arcsinh"), e.getMessage());
        ExprSyntaxException sign = assertThrows(ExprSyntaxException.class, () -> Expr.parse("signum(x)"));
        assertTrue(sign.getMessage().contains("did you mean sign"), sign.getMessage());
    }

    @Test
    void miscountedCallsSayTheArity() {
        assertEquals("maximum takes 2 arguments, not 1",
                assertThrows(ExprSyntaxException.class, () -> Expr.parse("maximum(x)")).getMessage().lines()
                        .findFirst().orElseThrow());
        assertEquals("clip takes 3 arguments, not 2",
                assertThrows(ExprSyntaxException.class, () -> Expr.parse("clip(x, 1)")).getMessage().lines()
                        .findFirst().orElseThrow());
        assertEquals("square takes 1 argument, not 2",
                assertThrows(ExprSyntaxException.class, () -> Expr.parse("square(x, 1)")).getMessage().lines()
                        .findFirst().orElseThrow());
    }
}
