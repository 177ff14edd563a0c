package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code True} and {@code False}, as NumPy and numexpr read them: bool values, weak as the
 * Python bools they are, so they take the type of what they meet. Values and dtypes are NumPy
 * 1.24's (weak promotion) for the same expressions, written out.
 */
class BooleanLiteralsTest {

    private static final Map<String, DType> TYPES = Map.of("x", DType.FLOAT32, "i", DType.INT32, "b", DType.BOOLEAN);
    private static final Map<String, Object> DATA = Map.of("x", new float[] {1.5f, -2}, "i", new int[] {3, -4},
            "b", new boolean[] {true, false});
    private static final List<Compute.Options> ENGINES = List.of(Compute.Options.defaults(),
            Compute.Options.defaults().generateLoops(false).blockSize(1), Compute.Options.defaults().optimize(false));

    private static void check(String text, DType type, Object expected) {
        Expr e = Expr.parse(text, TYPES);
        assertEquals(type, e.dtype(), text);
        for (Compute.Options engine : ENGINES) {
            ComputeTesting.assertSameBits(expected, Compute.compute(e, DATA, engine), text + " " + engine);
        }
    }

    @Test
    void theyAreBoolsThatTakeTheOtherOperandsType() {
        check("x * True", DType.FLOAT32, new float[] {1.5f, -2});
        check("i + True", DType.INT32, new int[] {4, -3});
        check("i * False", DType.INT32, new int[] {0, 0});
        check("where(x > 0, True, False)", DType.BOOLEAN, new boolean[] {true, false});
        check("(x > 0) & True", DType.BOOLEAN, new boolean[] {true, false});
        check("b | False", DType.BOOLEAN, new boolean[] {true, false});
        check("x + (True + 1)", DType.FLOAT32, new float[] {3.5f, 0});
    }

    @Test
    void aloneTheyAreBoolNumbers() {
        ComputeTesting.assertSameBits(new boolean[] {true}, Compute.compute(Expr.parse("True"), Map.of()), "True");
        ComputeTesting.assertSameBits(new long[] {2}, Compute.compute(Expr.parse("True + 1"), Map.of()), "True + 1");
        assertTrue(Expr.parse("True").isWeak());
        assertEquals(DType.BOOLEAN, Expr.parse("True & False").dtype());
        assertEquals(DType.INT64, Expr.parse("True + 1").dtype());
        assertTrue(Expr.parse("True + 1").isWeak(), "True + 1 is a Python int");
    }

    @Test
    void theyPrintAsPythonWritesThem() {
        assertEquals("where(x > 0, True, False)", Expr.parse("where(x > 0, True, False)", TYPES).toString());
    }

    @Test
    void minusTrueIsNumPysError() {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> Expr.parse("-True"));
        assertTrue(e.getMessage().contains("- of a bool is not defined"), e.getMessage());
    }

    /**
     * True and False were names before they were literals: a symbol of that name would now print
     * as a literal and be shadowed by it without a word, so it is refused where it is made.
     */
    @Test
    void noSymbolIsNamedTrueOrFalse() {
        IllegalArgumentException made = assertThrows(IllegalArgumentException.class, () -> Expr.symbol("True"));
        assertEquals("symbol name \"True\" is the bool literal True in expressions, so no expression could read"
                + " the symbol; rename it", made.getMessage());
        IllegalArgumentException declared = assertThrows(IllegalArgumentException.class,
                () -> Expr.parse("False + 1", Map.of("False", DType.FLOAT64)));
        assertEquals("symbol False is given a type, but False is the bool literal in expressions, so the symbol could"
                + " never be read; rename it", declared.getMessage());
        assertEquals(DType.FLOAT64, Expr.parse("Truex + 1").dtype(), "a longer name is a name");
    }
}
