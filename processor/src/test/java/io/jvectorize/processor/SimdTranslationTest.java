package io.jvectorize.processor;

import static io.jvectorize.processor.SimdTesting.assertNoScalarLoopNotes;
import static io.jvectorize.processor.SimdTesting.assertOnlyTheIncubatingWarningAndNoNotes;
import static io.jvectorize.processor.SimdTesting.assertSimdLoop;
import static io.jvectorize.processor.SimdTesting.compileWithSimd;
import static io.jvectorize.processor.SimdTesting.methods;
import static io.jvectorize.processor.SimdTesting.simdClass;
import static io.jvectorize.processor.Source.classP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * What each construct of a @Vectorize body becomes in the generated Vector API loop: operators
 * and literals, locals, branches as blends, conditions as masks, and the code of each lane type.
 */
class SimdTranslationTest {
    @Test
    void parametersAndLiteralsOfEveryKindBecomeVectorsAndBroadcastConstants() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x, double y) {",
                "    return x * y + 2 - 0.5 * x + 3L + 1.5f;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        String loop = assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(double[] x, double[] y, double[] out, int from, int to)",
                "DoubleVector xV = DoubleVector.fromArray(DOUBLES, x, i);",
                "DoubleVector yV = DoubleVector.fromArray(DOUBLES, y, i);",
                // The int literal 2 in double code is 2.0; order of operations as in the source.
                "((DoubleVector) DOUBLES_CLASS.cast(xV.mul(yV).add(2.0).sub(DoubleVector.broadcast(DOUBLES, 0.5).mul(xV)).add(3.0).add(1.5))).intoArray(out, i);",
                "for (int upper = from + DOUBLES.loopBound(to - from); i < upper; i += DOUBLES.length())",
                "out[i] = Foo.f(x[i], y[i]);");
        assertTrue(simdClass(compilation, "Foo").contains(
                "private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;"));
        assertFalse(loop.contains("FLOATS"));
    }

    @Test
    void everyBroadcastFormGetsItsSimdLoopWithTheScalarBroadcastOnce() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double a, double b, double c) {",
                "    return a * b + c;",
                "}"));
        String simd = simdClass(compilation, "Foo");
        assertEquals(7, methods(simd, "fLoop").size(), simd);
        assertSimdLoop(compilation, "Foo", "f");
        assertTrue(simd.contains("static void fLoop(double a, double[] b, double c, double[] out, int from, int to) {\n"
                + "        DoubleVector aV = DoubleVector.broadcast(DOUBLES, a);\n"
                + "        DoubleVector cV = DoubleVector.broadcast(DOUBLES, c);\n"), simd);
    }

    @Test
    void additionSubtractionMultiplicationDivisionAndUnaryMinus() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x, double y) {",
                "    return -(x - y) / (x * y) + -x;",
                "}"));
        assertSimdLoop(compilation, "Foo", "f", "xV.sub(yV).neg().div(xV.mul(yV)).add(xV.neg())");
    }

    @Test
    void effectivelyFinalLocalsBecomeNamedVectors() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x, double mu, double sigma) {",
                "    double z = (x - mu) / sigma;",
                "    final double half = -0.5;",
                "    var square = z * z;",
                "    return Math.exp(half * square);",
                "}"));
        assertNoScalarLoopNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "DoubleVector z = xV.sub(muV).div(sigmaV);",
                "DoubleVector square = z.mul(z);",
                "((DoubleVector) DOUBLES_CLASS.cast(DoubleVector.broadcast(DOUBLES, -0.5).mul(square).lanewise(VectorOperators.EXP))).intoArray(out, i);");
    }

    @Test
    void localsAssignedInIfAndElseAreBlended() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x, double y) {",
                "    double s;",
                "    if (x < y) {",
                "        s = x;",
                "    } else {",
                "        s = y * 2;",
                "    }",
                "    double t = s;",
                "    t += 1;",
                "    if (t > 10) {",
                "        t = 10;",
                "    }",
                "    return s * t;",
                "}"));
        assertNoScalarLoopNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "DoubleVector s = yV.mul(2.0);",
                "DoubleVector s2 = s.blend(xV, xV.compare(VectorOperators.LT, yV));",
                "compare(VectorOperators.GT, 10.0)",
                ".blend(");
    }

    @Test
    void integerRemainderIsDividendMinusQuotientTimesDivisor() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    return a % b + a / b;",
                "}",
                "",
                "@Vectorize",
                "static long g(long a, long b) {",
                "    return (a + 1) % b;",
                "}"));
        assertNoScalarLoopNotes(compilation);
        // Each divisor is a named vector that the loop checks for zero lanes: then the scalar tail takes over.
        assertSimdLoop(compilation, "Foo", "f",
                "IntVector aV = IntVector.fromArray(INTS, a, i);",
                "IntVector divisor = bV;",
                "if (divisor.compare(VectorOperators.EQ, 0).anyTrue()) {",
                "((IntVector) INTS_CLASS.cast(aV.sub(aV.div(divisor).mul(divisor)).add(aV.div(divisor2)))).intoArray(out, i);");
        assertSimdLoop(compilation, "Foo", "g",
                "LongVector dividend = aV.add(1L);",
                "((LongVector) LONGS_CLASS.cast(dividend.sub(dividend.div(divisor).mul(divisor)))).intoArray(out, i);");
    }

    @Test
    void everyComparisonAndLogicalOperatorFeedsAConditionalExpression() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x, double y) {",
                "    return x < y && !(x <= 0) || x > 2 && y >= 3 || x == 1 && y != 2 ? x : y;",
                "}"));
        assertSimdLoop(compilation, "Foo", "f",
                "compare(VectorOperators.LT, yV)", "compare(VectorOperators.LE, 0.0).not()",
                "compare(VectorOperators.GT, 2.0)", "compare(VectorOperators.GE, 3.0)",
                "compare(VectorOperators.EQ, 1.0)", "compare(VectorOperators.NE, 2.0)",
                ".and(", ".or(", "yV.blend(xV, ");
    }

    @Test
    void aConstantOnTheLeftOfAComparisonIsMirrored() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static boolean f(double x) {",
                "    return 0 < x && 1 >= x;",
                "}"));
        assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(double[] x, boolean[] out, int from, int to)",
                "xV.compare(VectorOperators.GT, 0.0).and(xV.compare(VectorOperators.LE, 1.0)).intoArray(out, i);");
    }

    /**
     * Every path returns here, but the translator evaluates the else-if as a statement of its own,
     * without the statements after the outer if as its fall-through, and gives up with "a path
     * that does not end in a return" (the NOTE names the line of the else-if).
     */
    @Test
    void ifAndElseThatReturnBecomeBlends() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    if (x < 0) {",
                "        return -x;",
                "    } else if (x > 100) {",
                "        return 100;",
                "    }",
                "    double y = x * 2;",
                "    if (y != y) {",
                "        return 0;",
                "    }",
                "    return y;",
                "}"));
        assertNoScalarLoopNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "compare(VectorOperators.LT, 0.0)", "compare(VectorOperators.GT, 100.0)",
                "compare(VectorOperators.NE, y)", "xV.neg()", ".blend(");
    }

    /** The same without else: the rest of the body is the other path of each if. */
    @Test
    void aSequenceOfIfsThatReturnBecomesBlends() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    if (x < 0) {",
                "        return -x;",
                "    }",
                "    if (x > 100) {",
                "        return 100;",
                "    }",
                "    return x;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f", "xV.blend(100.0, xV.compare(VectorOperators.GT, 100.0))",
                "compare(VectorOperators.LT, 0.0)", "xV.neg()");
    }

    @Test
    void booleanParametersAndResultsAreMasks() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static boolean f(double x, boolean open) {",
                "    boolean inside = open ? x > 0 && x < 1 : x >= 0 && x <= 1;",
                "    return inside || !open & x == 2;",
                "}",
                "",
                "@Vectorize",
                "static double g(boolean negate, double x) {",
                "    return negate ? -x : x;",
                "}"));
        assertNoScalarLoopNotes(compilation);
        String f = assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(double[] x, boolean[] open, boolean[] out, int from, int to)",
                "VectorMask<Double> openV = VectorMask.fromArray(DOUBLES, open, i);",
                "VectorMask<Double> inside = ",
                ".intoArray(out, i);");
        assertTrue(f.contains("openV.not()"), f);
        String simd = simdClass(compilation, "Foo");
        assertTrue(simd.contains("VectorMask<Double> openV = DOUBLES.maskAll(open);"), simd);
        assertSimdLoop(compilation, "Foo", "g", "xV.blend(xV.neg(), negateV)");
        assertTrue(simd.contains("VectorMask<Double> negateV = DOUBLES.maskAll(negate);"), simd);
    }

    @Test
    void shiftsAndBitwiseOperatorsOnInt() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    return (a << 3) ^ (b >> 1) | (a >>> b) & ~b;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(int[] a, int[] b, int[] out, int from, int to)",
                "aV.lanewise(VectorOperators.LSHL, 3).lanewise(VectorOperators.XOR, bV.lanewise(VectorOperators.ASHR, 1))"
                        + ".or(aV.lanewise(VectorOperators.LSHR, bV).and(bV.not()))");
        assertTrue(simdClass(compilation, "Foo").contains(
                "private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;"));
    }

    @Test
    void shiftsAndBitwiseOperatorsOnLong() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static long f(long a, long b) {",
                "    return (a << 3) ^ (b >> 1) | (a >>> b) & ~b;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(long[] a, long[] b, long[] out, int from, int to)",
                "aV.lanewise(VectorOperators.LSHL, 3L).lanewise(VectorOperators.XOR, bV.lanewise(VectorOperators.ASHR, 1L))"
                        + ".or(aV.lanewise(VectorOperators.LSHR, bV).and(bV.not()))");
        assertTrue(simdClass(compilation, "Foo").contains(
                "private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;"));
    }

    @Test
    void floatCodeStaysInFloat() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "private static final float HALF = 0.5f;",
                "",
                "@Vectorize",
                "static float f(float x, float y) {",
                "    float s = x * 2 + HALF;",
                "    return x < y ? Math.fma(s, y, 1) : Math.max(Math.abs(s), Math.min(y, 3L));",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(float[] x, float[] y, float[] out, int from, int to)",
                "FloatVector s = xV.mul(2.0f).add(0.5f);",
                "s.fma(yV, FloatVector.broadcast(FLOATS, 1.0f))",
                "s.abs().max(yV.min(3.0f))",
                "compare(VectorOperators.LT, yV)");
        assertTrue(simdClass(compilation, "Foo").contains(
                "private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;"));
    }

    @Test
    void longCodeWithComparisonsAndMath() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static long f(long a, long b) {",
                "    if (a >= b) {",
                "        return Math.abs(a) - Math.min(a, b) * 3;",
                "    }",
                "    return Math.max(a, -b) + 1;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "aV.abs().sub(aV.min(bV).mul(3L))", "aV.max(bV.neg()).add(1L)", "compare(VectorOperators.GE, bV)");
    }

    @Test
    void intCodeWithComparisonsAndBooleanResults() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static boolean f(int a, int b) {",
                "    return (a & 1) == 0 && a != b || a > 100;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "static void fLoop(int[] a, int[] b, boolean[] out, int from, int to)",
                "aV.and(1).compare(VectorOperators.EQ, 0).and(aV.compare(VectorOperators.NE, bV))"
                        + ".or(aV.compare(VectorOperators.GT, 100)).intoArray(out, i);");
    }
}
