package io.jvectorize.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.Ulps;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import java.lang.reflect.Array;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator's generated block kernels against its scalar form, straight from the table: a
 * new operator is tested here without a line added. Each kernel on every kind it applies to,
 * with every choice of scalar operands, at offsets, over special values and every pair of them:
 * the scalar kernel equal to the form element by element, the Vector API kernel equal to the
 * scalar kernel bit for bit (within {@link Compute#VECTOR_MATH_ULPS} for the vector library's
 * math functions), on lengths around the vector size and once C2 has compiled it.
 */
class KernelsTest {

    private static final double[] DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 2.0, 0.5, -0.5, 3.0, Math.PI, 700.0, -745.0, 0x1p52 + 1, 1e16};
    private static final long[] LONGS = {0, 1, -1, 2, 3, -7, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 1L << 53, (1L << 53) + 1, 46341};
    private static final boolean[] BOOLEANS = {false, true};
    /** Elements before the operands' first one: offsets are honoured. */
    private static final int OFFSET = 3;

    @ParameterizedTest
    @EnumSource(Operator.class)
    void everyScalarKernelComputesItsScalarForm(Operator op) {
        Assumptions.assumeFalse(op == Operator.COMPLEX, "complex(re, im) has no real form: ComplexTest tests it");
        Random random = new Random(op.ordinal());
        int kinds = 0;
        for (Kind kind : Kind.values()) {
            if (!op.scalar().appliesTo(kind)) {
                continue;
            }
            kinds++;
            Class<?>[] elements = op.scalar().methodOf(kind).getParameterTypes();
            for (int scalars = 0; scalars < (1 << elements.length) - 1; scalars++) {
                Object[] operands = operands(elements, scalars, random, 500, op.scalar().isThrowing());
                Object out = Array.newInstance(op.scalar().methodOf(kind).getReturnType(), OFFSET + 500);
                Kernels.scalar(op, kind, scalars).run(operand(operands, 0), offset(scalars, 0), operand(operands, 1),
                        offset(scalars, 1), operand(operands, 2), offset(scalars, 2), out, OFFSET, 500);
                for (int i = 0; i < 500; i++) {
                    Object[] values = new Object[elements.length];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = Array.get(operands[k], (scalars & 1 << k) != 0 ? 0 : OFFSET + i);
                    }
                    Object expected = op.scalar().apply(kind, values);
                    if (!expected.equals(Array.get(out, OFFSET + i))) {
                        fail(op + " on " + kind + "s (scalars " + scalars + ") at " + java.util.Arrays.toString(values)
                                + ": " + Array.get(out, OFFSET + i) + ", expected " + expected);
                    }
                }
            }
        }
        assertTrue(kinds > 0, op + " applies to no kind");
    }

    /** The integer forms that throw (modulo by zero, negative powers) throw from their kernels too. */
    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"MOD", "POW"})
    void integerKernelsThrowAsTheirForms(Operator op) {
        long[] a = {5, 6, 7};
        long[] b = {1, op == Operator.MOD ? 0 : -1, 2};
        String message = assertThrows(ArithmeticException.class,
                () -> op.scalar().apply(Kind.LONG, 6L, op == Operator.MOD ? 0L : -1L)).getMessage();
        ArithmeticException thrown = assertThrows(ArithmeticException.class,
                () -> Kernels.scalar(op, Kind.LONG, 0).run(a, 0, b, 0, null, 0, new long[3], 0, 3));
        assertEquals(message, thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void everyVectorKernelEqualsItsScalarKernel(Operator op) {
        assumeTrue(Simd.ENABLED && VectorSupport.WIDE, "Vector API kernels need the module and 256-bit vectors");
        Lane lane = op.lane().orElse(null);
        boolean expected = lane != null && lane.form() != Lane.Form.COMPARE && lane.form() != Lane.Form.PREDICATE
                && lane.form() != Lane.Form.BLEND
                && op.scalar().appliesTo(Kind.DOUBLE) && LaneCode.has(op, Element.FLOAT64);
        int lanes = Element.FLOAT64.lanes();
        Random random = new Random(op.ordinal());
        for (int scalars = 0; scalars < (1 << op.arity()) - 1; scalars++) {
            assertEquals(expected, Kernels.vector(op, scalars).isPresent(), op + " with scalars " + scalars);
            if (!expected) {
                continue;
            }
            BlockKernel vector = Kernels.vector(op, scalars).orElseThrow();
            BlockKernel scalar = Kernels.scalar(op, Kind.DOUBLE, scalars);
            Class<?>[] elements = op.scalar().methodOf(Kind.DOUBLE).getParameterTypes();
            for (int n : new int[] {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 2, 1000}) {
                compare(op, vector, scalar, operands(elements, scalars, random, n, false), scalars, n, 1, lane.vectorMath());
            }
            // Once C2 has compiled the loop onto the vector instructions.
            compare(op, vector, scalar, operands(elements, scalars, random, 1000, false), scalars, 1000, 800,
                    lane.vectorMath());
        }
    }

    private static void compare(Operator op, BlockKernel vector, BlockKernel scalar, Object[] operands, int scalars, int n,
            int rounds, boolean vectorMath) {
        double[] expected = new double[OFFSET + n];
        double[] actual = new double[OFFSET + n];
        scalar.run(operand(operands, 0), offset(scalars, 0), operand(operands, 1), offset(scalars, 1),
                operand(operands, 2), offset(scalars, 2), expected, OFFSET, n);
        for (int round = 0; round < rounds; round++) {
            vector.run(operand(operands, 0), offset(scalars, 0), operand(operands, 1), offset(scalars, 1),
                    operand(operands, 2), offset(scalars, 2), actual, OFFSET, n);
        }
        for (int i = OFFSET; i < OFFSET + n; i++) {
            // Exact forms equal bit for bit (signed zeros too; any NaN equals any NaN).
            boolean within = vectorMath ? Ulps.between(expected[i], actual[i]) <= Compute.VECTOR_MATH_ULPS
                    : Double.valueOf(expected[i]).equals(actual[i]);
            if (!within) {
                fail(op + " (scalars " + scalars + ") over " + n + " at " + (i - OFFSET) + ": " + actual[i]
                        + ", the scalar kernel's " + expected[i]);
            }
        }
    }

    /**
     * Operands of these element types: arrays of {@code OFFSET + n} elements, the first ones
     * every pair of special values, or for a scalar operand a one-element array. {@code safe}:
     * integers that no throwing form throws on (no zero, no negative).
     */
    private static Object[] operands(Class<?>[] elements, int scalars, Random random, int n, boolean safe) {
        Object[] operands = new Object[elements.length];
        for (int k = 0; k < elements.length; k++) {
            boolean scalar = (scalars & 1 << k) != 0;
            int length = scalar ? 1 : OFFSET + n;
            Object array = Array.newInstance(elements[k], length);
            for (int i = 0; i < length; i++) {
                int special = scalar ? random.nextInt(1000) : i - OFFSET;
                // A unary throwing form (integer reciprocal) throws on its only operand.
                Array.set(array, i, value(elements[k], elements.length == 1 ? 1 : k, special, random, safe));
            }
            operands[k] = array;
        }
        return operands;
    }

    /** Value {@code i} of operand {@code k}: pairs of specials first (operand 0 the slow index), then random ones. */
    private static Object value(Class<?> element, int k, int i, Random random, boolean safe) {
        if (element == double.class) {
            int pairs = DOUBLES.length * DOUBLES.length;
            return i >= 0 && i < pairs ? DOUBLES[k == 0 ? i / DOUBLES.length : i % DOUBLES.length]
                    : random.nextBoolean() ? random.nextGaussian() * 1e3 : DOUBLES[random.nextInt(DOUBLES.length)];
        }
        if (element == long.class) {
            long value;
            int pairs = LONGS.length * LONGS.length;
            if (i >= 0 && i < pairs) {
                value = LONGS[k == 0 ? i / LONGS.length : i % LONGS.length];
            } else {
                value = random.nextBoolean() ? random.nextLong() : random.nextInt(21) - 10;
            }
            return safe && k > 0 ? Math.floorMod(value, 9) + 1 : value;
        }
        return i >= 0 ? BOOLEANS[(k == 0 ? i / 2 : i) % 2] : random.nextBoolean();
    }

    private static Object operand(Object[] operands, int k) {
        return k < operands.length ? operands[k] : null;
    }

    private static int offset(int scalars, int k) {
        return (scalars & 1 << k) != 0 ? 0 : OFFSET;
    }
}
