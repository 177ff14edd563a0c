package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integers written in expressions keep their value, as Python's do: arithmetic on them alone is
 * exact, and one that an int32 operand cannot hold is compared exactly and refused in arithmetic,
 * never wrapped around.
 */
class IntegerLiteralsTest {
    private static final Map<String, DType> INT32 = Map.of("j", DType.INT32);
    private static final int[] J = {1, 2000, -5, Integer.MAX_VALUE, Integer.MIN_VALUE};

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "2 ** 40                       | 1099511627776",
        "2 ** 62 + (2 ** 62 - 1)       | 9223372036854775807",
        "-2 ** 63 + 0                  | 0",
        "(-2) ** 63                    | -9223372036854775808",
        "(-1) ** 65                    | -1",
        "(-1) ** 9223372036854775807   | -1",
        "(-1) ** 64                    | 1",
        "1 ** 9223372036854775807      | 1",
        "0 ** 0                        | 1",
        "0 ** 5                        | 0",
        "-7 % 3                        | 2",
        "7 % -3                        | -2",
        "-9223372036854775808 % -1     | 0",
        "7 // -2                       | -4",
        "-7 // 2                       | -4",
        "-9223372036854775808 // 1     | -9223372036854775808",
        "1 << 62                       | 4611686018427387904",
        "-5 >> 100                     | -1",
        "~5 & 7 ^ 1                    | 3",
        "-(5)                          | -5",
    })
    void arithmeticOnIntegersAloneIsExact(String text, String value) {
        if (text.startsWith("-2 ** 63")) {
            // -(2 ** 63): the power alone is outside int64, as in Python before the minus applies.
            assertThrows(ExprSyntaxException.class, () -> Expr.parse(text));
            return;
        }
        assertEquals(Expr.literal(Long.parseLong(value)), Expr.parse(text));
    }

    @Test
    void divisionOfIntegersAloneRoundsOnce() {
        // As Python: the exact quotient, rounded once; (double) (2**54 + 3) / 3 would round twice.
        assertEquals(Expr.literal(6004799503160662.0), Expr.parse("(2**54 + 3) / 3"));
        assertEquals(Expr.literal(1 / 3.0), Expr.parse("1 / 3"));
        assertEquals(Expr.literal(-0.0), Expr.parse("0 / -5"));
        assertEquals(Expr.literal(-1.0842021724855044E-19), Expr.parse("-1 / 9223372036854775807"));
        assertEquals(Expr.literal(9.223372036854776E18), Expr.parse("-9223372036854775808 / -1"));
        assertEquals(Expr.literal(3.0744573456182584E18), Expr.parse("9223372036854775807 / 3"));
    }

    @Test
    void aNegativePowerIsAFloat() {
        assertEquals(Expr.literal(0.5), Expr.parse("2 ** -1"));
        assertEquals(Expr.literal(0.001), Expr.parse("10 ** -3"));
        assertEquals(Expr.literal(0.5), Expr.literal(2).pow(Expr.literal(-1)));
        assertEquals(DType.FLOAT32, Expr.parse("f + 2 ** -1", Map.of("f", DType.FLOAT32)).dtype());
        double[] x = {1, 2};
        assertArrayEquals(new double[] {1.5, 2.5},
                (double[]) Compute.compute(Expr.parse("x + 2 ** -1"), Map.of("x", x)));
    }

    @Test
    void resultsOutsideInt64AreErrorsNotWrappedValues() {
        assertSyntaxError("x * 2 ** 64", 7, "2 ** 64 is at least 2^64 in magnitude, outside the range of int64;"
                + " write a number in it as a float (2.0 rather than 2) to compute it in float64");
        assertSyntaxError("x * (9223372036854775807 + 1)", 26, "9223372036854775807 + 1 is 9223372036854775808,"
                + " outside the range of int64; write a number in it as a float (2.0 rather than 2) to compute it in"
                + " float64");
        assertSyntaxError("x / 10 ** 19", 8, "10 ** 19 is 10000000000000000000, outside the range of int64; write a"
                + " number in it as a float (2.0 rather than 2) to compute it in float64");
        assertSyntaxError("x + (1 << 63)", 8, "1 << 63 is 9223372036854775808, outside"
                + " the range of int64; write a number in it as a float (2.0 rather than 2) to compute it in float64");
        assertSyntaxError("x + -9223372036854775808 // -1", 26, "-9223372036854775808 // -1 is 9223372036854775808,"
                + " outside the range of int64; write a number in it as a float (2.0 rather than 2) to compute it in"
                + " float64");
        assertSyntaxError("x + 5 // 0", 7, "integer floor division by zero in 5 // 0");
        assertSyntaxError("x + (1 << -1)", 8, "negative shift count in 1 << -1");
        assertSyntaxError("x + 5 % 0", 7, "integer modulo by zero in 5 % 0");
        assertSyntaxError("x + 1 / 0", 7, "division by zero in 1 / 0");
        assertSyntaxError("x + (-2) ** 65", 10, "(-2) ** 65 is at least 2^64 in magnitude, outside the range of"
                + " int64; write a number in it as a float (2.0 rather than 2) to compute it in float64");
        assertSyntaxError("x + 9223372036854775807 ** 3", 25, "9223372036854775807 ** 3 is at least 2^188 in"
                + " magnitude, outside the range of int64; write a number in it as a float (2.0 rather than 2) to"
                + " compute it in float64");
        assertSyntaxError("x + 0 ** -1", 7, "0 cannot be raised to a negative power, in 0 ** -1");
        IllegalArgumentException built = assertThrows(IllegalArgumentException.class,
                () -> Expr.literal(3).pow(Expr.literal(41)));
        assertEquals("3 ** 41 is 36472996377170786403, outside the range of int64; write a number in it as a float"
                + " (2.0 rather than 2) to compute it in float64", built.getMessage());
        // As floats, they compute in float64.
        assertArrayEquals(new double[] {0x1p64}, (double[]) Compute.compute(Expr.parse("x * 2.0 ** 64"),
                Map.of("x", new double[] {1})));
        assertArrayEquals(new double[] {0x1p62}, (double[]) Compute.compute(Expr.parse("x * 2 ** 62"),
                Map.of("x", new double[] {1})));
    }

    @Test
    void int32ValuesCompareExactlyWithIntegersBeyondInt32() {
        for (boolean optimize : new boolean[] {true, false}) {
            assertArrayEquals(new boolean[] {true, true, true, true, true}, compute("j < 3000000000", optimize));
            assertArrayEquals(new boolean[] {false, false, false, false, false}, compute("j == 4294967297", optimize));
            assertArrayEquals(new boolean[] {true, true, true, true, true}, compute("j > -3000000000", optimize));
            assertArrayEquals(new boolean[] {true, true, true, true, true}, compute("j != 2147483648", optimize));
            assertArrayEquals(new int[] {1, 2000, 0, Integer.MAX_VALUE, Integer.MIN_VALUE},
                    (int[]) Compute.compute(Expr.parse("where(j > -2147483649, j, 7) - where(j == -5, j, 0)", INT32),
                            Map.of("j", J), optimize));
        }
        assertEquals(DType.INT64, ((Operation) Expr.parse("j < 3000000000", INT32)).operandType(0));
        assertEquals(DType.INT32, ((Operation) Expr.parse("j < 2147483647", INT32)).operandType(0));
    }

    @Test
    void int32ArithmeticWithIntegersBeyondInt32IsAnError() {
        assertSyntaxError("j + 3000000000", 3, "integer 3000000000 does not fit int32, the type it takes from the int32"
                + " values it meets in j + 3000000000; write it as a float, or give those values type int64");
        assertSyntaxError("max(j, -2147483649)", 1, "integer -2147483649 does not fit int32, the type it takes from"
                + " the int32 values it meets in max(j, -2147483649); write it as a float, or give those values type"
                + " int64");
        assertSyntaxError("(j + 1) ** 3000000000", 9, "integer 3000000000 does not fit int32, the type it takes from"
                + " the int32 values it meets in (j + 1) ** 3000000000; write it as a float, or give those values type"
                + " int64");
        IllegalArgumentException built = assertThrows(IllegalArgumentException.class,
                () -> Expr.symbol("j", DType.INT32).mul(Expr.literal(1L << 32)));
        assertEquals("integer 4294967296 does not fit int32, the type it takes from the int32 values it meets in"
                + " j * 4294967296; write it as a float, or give those values type int64", built.getMessage());
        // Within int32, or as a float, or with int64 values, or where int32 values compute in float64, they compute.
        assertArrayEquals(new double[] {1 / 3e9, Math.atan2(1, 3e9), Math.hypot(1, 3e9)}, new double[] {
            ((double[]) Compute.compute(Expr.parse("j / 3000000000", INT32), Map.of("j", new int[] {1})))[0],
            ((double[]) Compute.compute(Expr.parse("atan2(j, 3000000000)", INT32), Map.of("j", new int[] {1})))[0],
            ((double[]) Compute.compute(Expr.parse("hypot(j, 3000000000)", INT32), Map.of("j", new int[] {1})))[0]});
        assertArrayEquals(new int[] {2, 2001, -4, Integer.MIN_VALUE, Integer.MIN_VALUE + 1},
                (int[]) Compute.compute(Expr.parse("j + 1", INT32), Map.of("j", J)));
        assertArrayEquals(new double[] {3e9 + 1}, (double[]) Compute.compute(Expr.parse("j + 3000000000.0", INT32),
                Map.of("j", new int[] {1})));
        assertArrayEquals(new long[] {3_000_000_001L}, (long[]) Compute.compute(
                Expr.parse("j + 3000000000", Map.of("j", DType.INT64)), Map.of("j", new int[] {1})));
    }

    @Test
    void anInt32ParameterTakesOnlyIntegersItHolds() {
        VectorizedFunction.Overload int32 = new VectorizedFunction.Overload(DType.INT32, List.of(DType.INT32),
                VectorizedFunction.Implementation.GENERATED_SCALAR, (arguments, out, from, to) -> { });
        VectorizedFunction.Overload int64 = new VectorizedFunction.Overload(DType.INT64, List.of(DType.INT64),
                VectorizedFunction.Implementation.GENERATED_SCALAR, (arguments, out, from, to) -> { });
        VectorizedFunction narrow = new VectorizedFunction(IntegerLiteralsTest.class, "narrow", List.of(int32));
        VectorizedFunction both = new VectorizedFunction(IntegerLiteralsTest.class, "both", List.of(int32, int64));
        assertEquals(DType.INT32, new Call(narrow, List.of(Expr.literal(5))).dtype());
        assertEquals(DType.INT32, new Call(both, List.of(Expr.literal(-2147483648L))).dtype());
        assertEquals(DType.INT64, new Call(both, List.of(Expr.literal(3_000_000_000L))).dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Call(narrow, List.of(Expr.literal(3_000_000_000L))));
        assertTrue(e.getMessage().endsWith("; its signatures are int32(int32) (an int32 parameter cannot take the"
                + " integer 3000000000)"), e.getMessage());
    }

    private static boolean[] compute(String text, boolean optimize) {
        return (boolean[]) Compute.compute(Expr.parse(text, INT32), Map.of("j", J), optimize);
    }

    private static void assertSyntaxError(String text, int column, String message) {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class,
                () -> Expr.parse(text, Map.of("j", DType.INT32)), text);
        assertEquals(message, e.getMessage().lines().findFirst().orElseThrow(), text);
        assertEquals(column, e.column(), text);
    }
}
