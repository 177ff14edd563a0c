package io.jvectorize.runtime.internal.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each operator's scalar form, which {@link Operator} builds on first use (#18): every entry has
 * one that fits its arity, built once, and the table's class initialisation builds none.
 */
class ScalarFormsTest {

    @Test
    void everyOperatorHasAScalarFormOfItsArity() {
        for (Operator op : Operator.values()) {
            Scalar scalar = op.scalar();
            assertNotNull(scalar, op.name());
            boolean appliesToSome = false;
            for (Kind kind : Kind.values()) {
                if (scalar.appliesTo(kind)) {
                    appliesToSome = true;
                    assertEquals(op.arity(), scalar.methodOf(kind).getParameterCount(),
                            op + "'s " + kind + " form takes another number of operands than the operator");
                }
            }
            // Only complex(re, im) has no real form: ComplexKernels computes it.
            assertEquals(op != Operator.COMPLEX, appliesToSome, op + " applies to no kind of operand");
        }
    }

    @Test
    void aScalarFormIsBuiltOnce() {
        for (Operator op : Operator.values()) {
            assertSame(op.scalar(), op.scalar(), op.name());
        }
    }

    @Test
    void exactlyTheIntegerDivisionsAndPowersThrow() {
        Set<Operator> throwing = EnumSet.noneOf(Operator.class);
        for (Operator op : Operator.values()) {
            if (op.scalar().isThrowing()) {
                throwing.add(op);
            }
        }
        assertEquals(EnumSet.of(Operator.MOD, Operator.FLOOR_DIVIDE, Operator.POW, Operator.FMOD, Operator.RECIPROCAL),
                throwing);
    }

    /**
     * In a class loader of its own, so that no other test has used an operator yet: loading the
     * table and reading its entries builds no scalar form, and asking for one builds that one.
     */
    @Test
    void theTableBuildsAFormOnlyWhenItIsFirstUsed() throws Exception {
        URL classes = Operator.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> table = Class.forName(Operator.class.getName(), true, fresh);
            assertTrue(table != Operator.class, "the test needs the table loaded anew");
            Field scalar = table.getDeclaredField("scalar");
            scalar.setAccessible(true);
            Object[] entries = table.getEnumConstants();
            for (Object entry : entries) {
                assertNull(scalar.get(entry), entry + "'s scalar form was built before its first use");
            }
            Object exp = table.getMethod("valueOf", String.class).invoke(null, "EXP");
            Method scalarOf = table.getMethod("scalar");
            Object built = scalarOf.invoke(exp);
            assertNotNull(built);
            for (Object entry : entries) {
                if (entry != exp) {
                    assertNull(scalar.get(entry), "asking for EXP's scalar form built " + entry + "'s");
                }
            }
            assertSame(built, scalar.get(exp));
        }
    }
}
