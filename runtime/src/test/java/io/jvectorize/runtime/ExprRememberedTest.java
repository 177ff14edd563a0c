package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an Expr works out once (#18): its symbols, functions and hash, the same as walking the tree each time. */
class ExprRememberedTest {

    @Test
    void symbolsAreAFreshCopyEachTime() {
        Expr e = Expr.parse("x * y + x");
        Map<String, DType> first = e.symbols();
        assertEquals(List.of("x", "y"), List.copyOf(first.keySet()));
        first.put("z", DType.INT32); // the caller's copy: the expression keeps its own
        assertEquals(List.of("x", "y"), List.copyOf(e.symbols().keySet()));
        assertNotSame(e.symbols(), e.symbols());
        assertSame(e.symbolsInOrder(), e.symbolsInOrder());
        assertThrows(UnsupportedOperationException.class, () -> e.symbolsInOrder().put("z", DType.INT32));
    }

    @Test
    void aConflictIsReportedOnEveryAsk() {
        Expr e = Expr.symbol("x").add(Expr.symbol("x", DType.INT32));
        for (int i = 0; i < 2; i++) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, e::symbols);
            assertEquals("symbol x appears as float64 and as int32; give it one type", error.getMessage());
        }
    }

    @Test
    void equalTreesHashAlike() {
        Expr a = Expr.parse("exp(-0.5 * ((x - mu) / sigma) ** 2) / sigma");
        Expr b = Expr.parse("exp(-0.5 * ((x - mu) / sigma) ** 2) / sigma");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.hashCode(), a.hashCode());
    }

    @Test
    void functionsInTheOrderTheyAppear() {
        Expr e = new Call(TestFunctions.POLY, List.of(Expr.symbol("x"))).add(new Call(TestFunctions.CHOOSE,
                List.of(Expr.symbol("x").gt(0.0), Expr.symbol("x"), Expr.symbol("mu"))));
        assertEquals(List.of(TestFunctions.POLY, TestFunctions.CHOOSE), e.functionsInOrder());
        assertEquals(List.of(), Expr.parse("x + 1").functionsInOrder());
    }
}
