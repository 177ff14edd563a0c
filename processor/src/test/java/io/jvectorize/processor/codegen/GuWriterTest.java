package io.jvectorize.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.processor.model.GuMethod;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.spec.GuParameter;
import io.jvectorize.spec.NumericType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gufunc row loops from a model alone, without javac. */
class GuWriterTest {
    private static final NumericType F8 = NumericType.FLOAT64;

    private static String write(GuMethod method) {
        return new CompanionWriter().write(new KernelClass("p", List.of("Foo"), List.of(), List.of(method)))
                .toString();
    }

    @Test
    void parametersNamedLikeTheLoopsLocalsKeepTheirNames() {
        GuMethod method = new GuMethod("g", List.of("rows", "r", "n"), List.of(
                new GuParameter(F8, true, Optional.of("n"), false),
                new GuParameter(F8, false, Optional.empty(), false),
                new GuParameter(F8, true, Optional.of("n"), true)), "(n),()->(n)");
        String text = write(method);
        assertTrue(text.contains("public static void g(double[][] rows, double[] r, double[][] n)"), text);
        assertTrue(text.contains("int rows_ = GuArguments.rows(\"g\", \"rows, r, n\", new Object[] {rows, r, n});"),
                text);
        assertTrue(text.contains("Foo.g(rows[r_], r[r_], n[r_]);"), text);
        assertTrue(text.contains("Foo.g(rows[r_], r, n[r_]);"), "the broadcast loop: " + text);
    }

    @Test
    void aScalarOutputIsPassedAsACellThatHoldsItsValue() {
        GuMethod method = new GuMethod("mean", List.of("x", "out"), List.of(
                new GuParameter(F8, true, Optional.of("n"), false),
                new GuParameter(F8, true, Optional.empty(), true)), "(n)->()");
        String text = write(method);
        assertTrue(text.contains("outCell[0] = out[r];"), text);
        assertTrue(text.contains("out[r] = outCell[0];"), text);
        assertTrue(text.contains("public static double[] mean(double[][] x)"), text);
        assertFalse(text.contains("BroadcastRows"), "no scalar input, no broadcast forms: " + text);
    }

    @Test
    void twoOutputsHaveNoAllocatingForm() {
        GuMethod method = new GuMethod("mv", List.of("x", "m", "v"), List.of(
                new GuParameter(F8, true, Optional.of("n"), false),
                new GuParameter(F8, true, Optional.empty(), true),
                new GuParameter(F8, true, Optional.empty(), true)), "(n)->(),()");
        String text = write(method);
        assertTrue(text.contains("public static void mv(double[][] x, double[] m, double[] v)"), text);
        assertFalse(text.contains("public static double[] mv("), text);
    }

    @Test
    void aFixedDimensionIsCheckedAndAllocated() {
        GuMethod method = new GuMethod("mm", List.of("x", "out"), List.of(
                new GuParameter(F8, true, Optional.of("n"), false),
                new GuParameter(F8, true, Optional.of("2"), true)), "(n)->(2)");
        String text = write(method);
        assertTrue(text.contains("GuArguments.fixed(\"mm\", 2, \"out\", out);"), text);
        assertTrue(text.contains("double[][] out = new double[rows][2];"), text);
    }
}
