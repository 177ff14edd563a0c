package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The types the parser gives: NumPy's promotion, with written numbers weak as in NEP 50. */
class ExprTypingTest {
    private static final Map<String, DType> TYPES = Map.of("x", DType.FLOAT64, "f", DType.FLOAT32,
            "i", DType.INT32, "j", DType.INT32, "n", DType.INT64, "b", DType.BOOLEAN, "c", DType.BOOLEAN);

    private static DType typeOf(String text) {
        return Expr.parse(text, TYPES).dtype();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // Weak numbers take the type of what they meet.
        "f * 2.0              | float32",
        "f * 2                | float32",
        "i + 1                | int32",
        "i * 1.5              | float64",
        "n - 1                | int64",
        "2.0 * f + 1          | float32",
        "(1 + 2) * f          | float32",
        "-f                   | float32",
        "f ** 2               | float32",
        "i ** 2               | int32",
        "i % 3                | int32",
        "-i                   | int32",
        "abs(i)               | int32",
        // Only weak operands: plain promotion.
        "1 + 2                | int64",
        "1 + 2.0              | float64",
        "-5                   | int64",
        "pi                   | float64",
        // Strong operands promote as NumPy does.
        "f + i                | float64",
        "f + x                | float64",
        "i + n                | int64",
        "i + j                | int32",
        "i / j                | float64",
        "i / 2                | float64",
        "f / 2                | float32",
        "n / n                | float64",
        // Math functions: float32 stays, everything else float64.
        "sqrt(i)              | float64",
        "sqrt(f)              | float32",
        "exp(2)               | float64",
        "atan2(f, f)          | float32",
        "atan2(f, i)          | float64",
        "hypot(f, 1)          | float32",
        "min(i, 0)            | int32",
        "max(f, 0.5)          | float32",
        "pow(i, 2)            | int32",
        // Comparisons and where.
        "x > 0                | bool",
        "i < f                | bool",
        "b == c               | bool",
        "(x > 0) == b         | bool",
        "where(x > 0, x, 0)   | float64",
        "where(f > 0, f, 0)   | float32",
        "where(i > 0, i, 0)   | int32",
        "where(i > 0, i, 0.5) | float64",
        "where(b, i, n)       | int64",
        "where(b, 1, 2)       | int64",
        "where(b, b, c)       | bool",
        // Reductions, with NumPy's result types.
        "sum(i)               | int64",
        "sum(f)               | float32",
        "sum(b)               | int64",
        "mean(i)              | float64",
        "mean(f)              | float32",
        "std(f)               | float32",
        "var(n)               | float64",
        "min(i)               | int32",
        "nanmax(f)            | float32",
        "count(f)             | int64",
        "nancount(x)          | int64",
        "f - mean(f)          | float32",
        "i - mean(i)          | float64"})
    void types(String text, String type) {
        assertEquals(type, typeOf(text).numpyName());
    }

    @Test
    void weaknessFollowsLiteralsOnly() {
        assertTrue(Expr.parse("2").isWeak());
        assertTrue(Expr.parse("-(2 * pi) ** 2").isWeak());
        // A function of written numbers is a NumPy value, not a Python number: cos(3) * f is float64.
        assertFalse(Expr.parse("sqrt(2)").isWeak());
        assertFalse(Expr.parse("abs(-3)").isWeak());
        assertFalse(Expr.parse("2 * x").isWeak());
        assertFalse(Expr.parse("1 < 2").isWeak());
        assertFalse(Expr.parse("sum(x)").isWeak());
    }

    @Test
    void booleansAreNumbersAsInNumPy() {
        // True is 1: a bool meets a number in the number's type, a written one in int64 or float64.
        assertEquals(DType.INT64, typeOf("b + 1"));
        assertEquals(DType.FLOAT64, typeOf("b * 0.25"));
        assertEquals(DType.INT32, typeOf("b * i"));
        assertEquals(DType.FLOAT32, typeOf("b * f"));
        assertEquals(DType.INT64, typeOf("where(b, b, 1)"));
        assertEquals(DType.BOOLEAN, typeOf("x + 1 < b"));
        assertEquals(DType.FLOAT64, typeOf("(x > 0) + 1.0"));
        // Two bools: + is or, * is and, / is float64, as in NumPy.
        assertEquals(DType.BOOLEAN, typeOf("b + b"));
        assertEquals(DType.BOOLEAN, typeOf("b * b"));
        assertEquals(DType.FLOAT64, typeOf("b / b"));
        // What NumPy refuses, or computes in int8 or float16, is an error that says what to write.
        assertMessage("-b", 1, "- of a bool is not defined (as in NumPy) in -b; use ~ for not; make numbers of them"
                + " first, as in where(c, 1, 0)");
        assertMessage("b - b", 3, "- of two bools is not defined (as in NumPy) in b - b; use ^ for exclusive or;"
                + " make numbers of them first, as in where(c, 1, 0)");
        assertMessage("sqrt(b)", 1, "sqrt of bool gives float16 in NumPy, a type expressions do not have, in"
                + " sqrt(b); make float64 of them first, as in where(c, 1.0, 0.0)");
        assertMessage("b % b", 3, "% of two bools gives int8 in NumPy, a type expressions do not have, in b % b;"
                + " make numbers of them first, as in where(c, 1, 0)");
        assertMessage("square(b)", 1, "square of bool gives int8 in NumPy, a type expressions do not have, in"
                + " square(b); make numbers of them first, as in where(c, 1, 0)");
        assertMessage("sign(b)", 1, "sign of bool is not defined (as in NumPy) in sign(b); make numbers of them first,"
                + " as in where(c, 1, 0)");
        assertMessage("conj(b)", 1, "conj of a bool gives int8 in NumPy, a type expressions do not have, in conj(b);"
                + " make numbers of them first, as in where(c, 1, 0)");
        assertMessage("real(b)", 1, "real of a bool is not defined here (NumPy gives the bool itself) in real(b);"
                + " .real and .imag are for complex values: write the bool itself, or where(c, 1, 0)");
        assertMessage("imag(b)", 1, "imag of a bool is not defined here (NumPy gives the bool's imaginary False) in"
                + " imag(b); .real and .imag are for complex values: write False");
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> typeOf("where(x, 1, 0)")).column());
    }

    private static void assertMessage(String text, int column, String message) {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> typeOf(text));
        assertEquals(column, e.column(), text);
        assertEquals(message, e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void typesAgreeWithTheBuilders() {
        Expr f = Expr.symbol("f", DType.FLOAT32);
        Expr i = Expr.symbol("i", DType.INT32);
        assertEquals(f.mul(2.0), Expr.parse("f * 2.0", TYPES));
        assertEquals(f.mul(2.0).dtype(), typeOf("f * 2.0"));
        assertEquals(i.add(Expr.literal(1)).dtype(), typeOf("i + 1"));
        assertEquals(i.div(i).dtype(), typeOf("i / i"));
    }
}
