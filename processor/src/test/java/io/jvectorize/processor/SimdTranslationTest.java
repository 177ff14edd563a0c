package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.processor.model.LaneProgram;
import io.jvectorize.runtime.KernelLibrary;
import io.jvectorize.runtime.VectorizedFunction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD translation of @Vectorize bodies, at compile time: which methods get a Vector API
 * loop (and what it calls), which keep their scalar loop (and the NOTE that says why), and what
 * happens where {@code jdk.incubator.vector} is not visible to javac; and, where the test JVM has
 * the module (surefire's argLine {@code --add-modules jdk.incubator.vector}), runs the generated
 * loops against the scalar methods: bit for bit for arithmetic, comparisons, blends and integer
 * operations, within a few ulps for transcendental functions.
 */
class SimdTranslationTest {
    static final String MODULE = "jdk.incubator.vector";
    /** javac's mandatory warning whenever an incubator module is resolved; the only warning allowed. */
    static final String INCUBATING = "using incubating module(s): " + MODULE;
    static final List<String> WITH_MODULE = List.of("--add-modules", MODULE, "-Xlint:all");
    static final String NOT_VISIBLE = "jdk.incubator.vector is not visible to javac, so jvectorize generates scalar"
            + " kernels only; compile with --add-modules jdk.incubator.vector for SIMD kernels";

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Compiles with the module visible, under -Xlint:all, and checks that it succeeded with no
     * warning but javac's incubating-module one (which must be there: else the module was not added).
     */
    static Compilation compileWithSimd(Source... sources) {
        return compileWithSimd(List.of(), sources);
    }

    static Compilation compileWithSimd(List<String> moreOptions, Source... sources) {
        List<String> options = new ArrayList<>(WITH_MODULE);
        options.addAll(moreOptions);
        Compilation compilation = compile(options, sources);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        return compilation;
    }

    static void assertOnlyTheIncubatingWarningAndNoNotes(Compilation compilation) {
        assertOnlyTheIncubatingWarning(compilation);
        assertEquals(List.of(), messages(compilation.notes()), "notes");
    }

    static void assertOnlyTheIncubatingWarning(Compilation compilation) {
        List<String> warnings = messages(compilation.warnings());
        assertTrue(warnings.contains(INCUBATING), "javac warns that it uses the incubating module: " + warnings);
        assertEquals(List.of(), warnings.stream().filter(w -> !w.equals(INCUBATING)).toList(),
                "warnings other than javac's incubating-module warning");
    }

    static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** The generated SIMD class of {@code p.<simpleName>}. */
    static String simdClass(Compilation compilation, String simpleName) {
        return generated(compilation, "p." + simpleName + "VectorizedSimd");
    }

    /** The generated companion of {@code p.<simpleName>}. */
    static String companion(Compilation compilation, String simpleName) {
        return generated(compilation, "p." + simpleName + "Vectorized");
    }

    /** The texts of the methods named {@code name} of a generated source, each from its header to its closing brace. */
    static List<String> methods(String source, String name) {
        List<String> found = new ArrayList<>();
        Matcher header = Pattern.compile("(?m)^ {4}(?:private )?static void " + Pattern.quote(name) + "\\(").matcher(source);
        while (header.find()) {
            int end = source.indexOf("\n    }\n", header.start());
            found.add(source.substring(header.start(), end + "\n    }".length()));
        }
        return found;
    }

    /**
     * Checks that method {@code m} of {@code p.<simpleName>} got SIMD loops (one per loop variant
     * of its own signature), that its first loop (all arguments arrays) contains each of
     * {@code snippets}, and that every such loop of the companion dispatches to its SIMD loop.
     * Gives the first SIMD loop's text.
     */
    static String assertSimdLoop(Compilation compilation, String simpleName, String m, String... snippets) {
        String simd = simdClass(compilation, simpleName);
        List<String> loops = methods(simd, m + "Loop");
        assertFalse(loops.isEmpty(), "no SIMD loop " + m + "Loop in\n" + simd);
        for (String snippet : snippets) {
            assertTrue(loops.get(0).contains(snippet), "\"" + snippet + "\" is not in\n" + loops.get(0));
        }
        List<String> companionLoops = methods(companion(compilation, simpleName), m + "Loop");
        int dispatching = 0;
        for (String loop : companionLoops) {
            if (loop.contains("if (Simd.ENABLED) {")) {
                assertTrue(loop.contains(simpleName + "VectorizedSimd." + m + "Loop("), loop);
                assertTrue(loop.indexOf("if (Simd.ENABLED)") < loop.indexOf("for (int"),
                        "the SIMD dispatch comes before the scalar loop:\n" + loop);
                dispatching++;
            }
        }
        assertEquals(loops.size(), dispatching, "companion loops of " + m + " that dispatch to SIMD loops");
        return loops.get(0);
    }

    /** Checks that method {@code m} has no SIMD loop and that its companion loops do not dispatch. */
    static void assertScalarLoopOnly(Compilation compilation, String simpleName, String m) {
        compilation.generatedSourceFile("p." + simpleName + "VectorizedSimd").ifPresent(file -> {
            String simd = generated(compilation, "p." + simpleName + "VectorizedSimd");
            assertEquals(List.of(), methods(simd, m + "Loop"), "SIMD loops of " + m);
        });
        List<String> loops = methods(companion(compilation, simpleName), m + "Loop");
        assertFalse(loops.isEmpty(), "the companion has loops for " + m);
        for (String loop : loops) {
            assertFalse(loop.contains("Simd"), loop);
        }
    }

    static void assertNoScalarLoopNotes(Compilation compilation) {
        List<String> notes = messages(compilation.notes());
        assertEquals(List.of(), notes.stream().filter(n -> n.contains("keeps its scalar loop")).toList());
    }

    // ---- which methods get SIMD ---------------------------------------------------------------

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
                "xV.mul(yV).add(2.0).sub(DoubleVector.broadcast(DOUBLES, 0.5).mul(xV)).add(3.0).add(1.5).intoArray(out, i);",
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
                "DoubleVector.broadcast(DOUBLES, -0.5).mul(square).lanewise(VectorOperators.EXP).intoArray(out, i);");
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
                "aV.sub(aV.div(divisor).mul(divisor)).add(aV.div(divisor2)).intoArray(out, i);");
        assertSimdLoop(compilation, "Foo", "g",
                "LongVector dividend = aV.add(1L);",
                "dividend.sub(dividend.div(divisor).mul(divisor)).intoArray(out, i);");
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

    @ParameterizedTest
    @ValueSource(strings = {"Math", "StrictMath"})
    void mathFunctionsBecomeLanewiseOperations(String math) {
        String[][] functions = {
            {"sqrt", "1", "lanewise(VectorOperators.SQRT)"}, {"cbrt", "1", "lanewise(VectorOperators.CBRT)"},
            {"exp", "1", "lanewise(VectorOperators.EXP)"}, {"expm1", "1", "lanewise(VectorOperators.EXPM1)"},
            {"log", "1", "lanewise(VectorOperators.LOG)"}, {"log10", "1", "lanewise(VectorOperators.LOG10)"},
            {"log1p", "1", "lanewise(VectorOperators.LOG1P)"}, {"sin", "1", "lanewise(VectorOperators.SIN)"},
            {"cos", "1", "lanewise(VectorOperators.COS)"}, {"tan", "1", "lanewise(VectorOperators.TAN)"},
            {"asin", "1", "lanewise(VectorOperators.ASIN)"}, {"acos", "1", "lanewise(VectorOperators.ACOS)"},
            {"atan", "1", "lanewise(VectorOperators.ATAN)"}, {"sinh", "1", "lanewise(VectorOperators.SINH)"},
            {"cosh", "1", "lanewise(VectorOperators.COSH)"}, {"tanh", "1", "lanewise(VectorOperators.TANH)"},
            {"atan2", "2", "xV.lanewise(VectorOperators.ATAN2, yV)"},
            {"hypot", "2", "xV.lanewise(VectorOperators.HYPOT, yV)"},
            {"pow", "2", "VectorMath.pow(xV, yV)"},
            {"abs", "1", "xV.abs()"}, {"min", "2", "xV.min(yV)"}, {"max", "2", "xV.max(yV)"},
            {"fma", "3", "xV.fma(yV, zV)"},
        };
        List<String> body = new ArrayList<>();
        for (String[] function : functions) {
            String parameters = function[1].equals("1") ? "double x"
                    : function[1].equals("2") ? "double x, double y" : "double x, double y, double z";
            String arguments = function[1].equals("1") ? "x" : function[1].equals("2") ? "x, y" : "x, y, z";
            body.addAll(List.of("@Vectorize",
                    "static double " + function[0] + "Of(" + parameters + ") {",
                    "    return " + math + "." + function[0] + "(" + arguments + ");",
                    "}", ""));
        }
        Compilation compilation = compileWithSimd(classP("Foo", body.toArray(String[]::new)));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        for (String[] function : functions) {
            assertSimdLoop(compilation, "Foo", function[0] + "Of", function[2] + ".intoArray(out, i);");
        }
    }

    @Test
    void mathFunctionsOfConstantsStayScalarExpressions() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * Math.sqrt(2 * Math.PI) + StrictMath.exp(1);",
                "}"));
        assertSimdLoop(compilation, "Foo", "f", "xV.mul(Math.sqrt((2 * Math.PI))).add(StrictMath.exp(1))");
    }

    @Test
    void staticImportsOfMathAreMathFunctionsAndConstants() {
        Source source = Source.of("p.Foo",
                "package p;",
                "",
                "import static java.lang.Math.*;",
                "import static java.lang.StrictMath.cbrt;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Foo {",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return exp(-x) * PI + sqrt(x) - cbrt(x) * E + abs(x);",
                "    }",
                "}");
        Compilation compilation = compileWithSimd(source);
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "xV.neg().lanewise(VectorOperators.EXP).mul(Math.PI)",
                "xV.lanewise(VectorOperators.SQRT)", "xV.lanewise(VectorOperators.CBRT).mul(Math.E)", "xV.abs()");
    }

    @Test
    void staticFinalConstantsAreReadOrInlinedWhenPrivate() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "public static final double PUBLIC = 1.25;",
                "static final double PACKAGE = 2.5;",
                "private static final double PRIVATE = 0.75;",
                "private static final int PRIVATE_INT = 3;",
                "static final double COMPUTED = Math.sqrt(2);",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * PUBLIC + Foo.PACKAGE - PRIVATE * x / PRIVATE_INT + COMPUTED + Math.PI - Math.E;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f",
                "xV.mul(Foo.PUBLIC).add(Foo.PACKAGE).sub(DoubleVector.broadcast(DOUBLES, 0.75).mul(xV).div(3.0))"
                        + ".add(Foo.COMPUTED).add(Math.PI).sub(Math.E)");
    }

    @Test
    void constantsOfAnEnclosingClassAndOfANestedClassesOwnCompile() {
        Source source = Source.of("p.Outer",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Outer {",
                "    static final double SCALE = 3;",
                "",
                "    static class Inner {",
                "        static final double OFFSET = 1;",
                "",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x * SCALE + OFFSET;",
                "        }",
                "    }",
                "}");
        Compilation compilation = compileWithSimd(source);
        assertNoScalarLoopNotes(compilation);
        String simd = generated(compilation, "p.Outer_InnerVectorizedSimd");
        assertTrue(simd.contains("xV.mul(Outer.SCALE).add(Outer.Inner.OFFSET)"), simd);
    }

    @Test
    void aClassInTheUnnamedPackageGetsItsSimdClassThere() {
        Source source = Source.of("Foo",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Foo {",
                "    static final double K = 2;",
                "",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return x * K;",
                "    }",
                "}");
        Compilation compilation = compileWithSimd(source);
        String simd = generated(compilation, "FooVectorizedSimd");
        assertFalse(simd.contains("package "), simd);
        assertTrue(simd.contains("xV.mul(Foo.K).intoArray(out, i);"), simd);
        assertTrue(generated(compilation, "FooVectorized").contains("FooVectorizedSimd.fLoop(x, out, from, to);"));
    }

    @Test
    void aStaticMethodOfAnInterfaceReadsTheInterfacesConstants() {
        Source source = Source.of("p.Shapes",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public interface Shapes {",
                "    double HALF = 0.5;",
                "",
                "    @Vectorize",
                "    static double area(double r) {",
                "        return Math.PI * r * r * HALF;",
                "    }",
                "}");
        Compilation compilation = compileWithSimd(source);
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Shapes", "area",
                "DoubleVector.broadcast(DOUBLES, Math.PI).mul(rV).mul(rV).mul(Shapes.HALF).intoArray(out, i);");
    }

    @Test
    void callsToOtherVectorizeMethodsOfTheClassAreInlined() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double sq(double v) {",
                "    return v * v;",
                "}",
                "",
                "@Vectorize",
                "static double gauss(double x, double mu, double sigma) {",
                "    double z = (x - mu) / sigma;",
                "    return Math.exp(-0.5 * sq(z));",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return Foo.sq(x) + gauss(x, 0, 1) + sq(3);",
                "}"));
        assertNoScalarLoopNotes(compilation);
        String f = assertSimdLoop(compilation, "Foo", "f",
                "DoubleVector z = xV.sub(0.0).div(1.0);",
                "xV.mul(xV).add(DoubleVector.broadcast(DOUBLES, -0.5).mul(z.mul(z)).lanewise(VectorOperators.EXP))"
                        + ".add((3.0 * 3.0))");
        assertEquals(1, f.split("Foo\\.").length - 1, "only the scalar tail calls the method:\n" + f);
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

    @Test
    void parametersAndLocalsNamedLikeGeneratedNamesAreRenamed() {
        Compilation compilation = compileWithSimd(classP("Foo",
                "@Vectorize",
                "static double f(double out, double i, double upper, double DOUBLES) {",
                "    double xV = out + i;",
                "    double from = xV * upper;",
                "    return from - DOUBLES;",
                "}",
                "",
                "@Vectorize",
                "static double g(double x, double xV) {",
                "    double Math = x * xV;",
                "    return Math;",
                "}",
                "",
                "@Vectorize",
                "static double h(double Foo, double to) {",
                "    return Foo - to;",
                "}"));
        assertOnlyTheIncubatingWarningAndNoNotes(compilation);
        assertSimdLoop(compilation, "Foo", "f");
        assertSimdLoop(compilation, "Foo", "g");
        assertSimdLoop(compilation, "Foo", "h");
    }

    @Test
    void aMethodWithItsOwnAndConvertingSignaturesGetsSimdForItsOwnOnly() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double poly(double t) {",
                "    return (5.0 * t + 4.0) * t + 1.0;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        assertThat(compilation).hadNoteContaining("poly keeps its scalar loop for float32(float32), which converts to"
                        + " the method's own types; SIMD runs for float64(float64)")
                .inFile(source.file()).onLine(source.line("double poly("));
        assertEquals(1, compilation.notes().size(), messages(compilation.notes()).toString());
        String simd = simdClass(compilation, "Foo");
        assertEquals(1, methods(simd, "polyLoop").size(), simd);
        assertSimdLoop(compilation, "Foo", "poly", "static void polyLoop(double[] t, double[] out, int from, int to)",
                "DoubleVector.broadcast(DOUBLES, 5.0).mul(tV).add(4.0).mul(tV).add(1.0).intoArray(out, i);");
        List<String> companionLoops = methods(companion(compilation, "Foo"), "polyLoop");
        assertEquals(2, companionLoops.size());
        String floatLoop = companionLoops.stream().filter(l -> l.contains("float[] t")).findFirst().orElseThrow();
        assertFalse(floatLoop.contains("Simd"), floatLoop);
    }

    @Test
    void aClassWhoseMethodsAllKeepTheirScalarLoopsGetsNoSimdClass() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    while (x > 1) {",
                "        x = x / 2;",
                "    }",
                "    return x;",
                "}"));
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
        assertFalse(companion(compilation, "Foo").contains("Simd"), companion(compilation, "Foo"));
    }

    @Test
    void onlyTheMethodsThatTranslateGetSimdLoops() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double scalar(double x) {",
                "    for (int k = 0; k < 2; k++) {",
                "        x = x * x;",
                "    }",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double simd(double x) {",
                "    return x * x;",
                "}"));
        assertThat(compilation).succeeded();
        assertSimdLoop(compilation, "Foo", "simd", "xV.mul(xV)");
        assertScalarLoopOnly(compilation, "Foo", "scalar");
    }

    @Test
    void float64MethodsGetALaneFunctionThatTheLibraryNames() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double poly(double t) {",
                "    double u = 5.0 * t;",
                "    return (u + 4.0) * t + 1.0;",
                "}",
                "",
                "@Vectorize",
                "static double mix(double a, double b) {",
                "    return a < b ? a : b * 2;",
                "}",
                "",
                "@Vectorize",
                "static float half(float x) {",
                "    return x / 2;",
                "}",
                "",
                "@Vectorize",
                "static long twice(long x) {",
                "    return 2 * x;",
                "}",
                "",
                "@Vectorize",
                "static double mixed(double x, int k) {",
                "    return x * k;",
                "}");
        Compilation compilation = compileWithSimd(source);
        String simd = simdClass(compilation, "Foo");
        assertTrue(simd.contains("""
                    /**
                     * Computes {@code poly(tV)} on each lane: one vector of what {@link #polyLoop} computes.
                     * {@code Compute} calls it in the loops it generates for expressions.
                     */
                    static DoubleVector polyLanes(DoubleVector tV) {
                        DoubleVector u = DoubleVector.broadcast(DOUBLES, 5.0).mul(tV);
                        return u.add(4.0).mul(tV).add(1.0);
                    }
                """), simd);
        assertTrue(simd.contains("static DoubleVector mixLanes(DoubleVector aV, DoubleVector bV) {\n"
                + "        return bV.mul(2.0).blend(aV, aV.compare(VectorOperators.LT, bV));\n"), simd);
        for (String none : List.of("halfLanes", "twiceLanes", "mixedLanes")) {
            assertFalse(simd.contains(none), "a lane function is float64 only: " + none);
        }
        String library = generated(compilation, "p.FooVectorizedKernels");
        assertTrue(library.contains("VectorizedFunction.laneFunction(MethodHandles.lookup(), \"p.FooVectorizedSimd\","
                + " \"polyLanes\", 1)"), library);
        assertTrue(library.contains("VectorizedFunction.laneFunction(MethodHandles.lookup(), \"p.FooVectorizedSimd\","
                + " \"mixLanes\", 2)"), library);
        assertEquals(2, library.split("laneFunction\\(", -1).length - 1, library);
    }

    @Test
    void aMethodTooLargeToInlineGetsNoLaneFunctionButKeepsItsSimdLoop() throws ReflectiveOperationException {
        // 28 operations: 14 multiplications by a constant, each broadcast; 29 with one more.
        StringBuilder text = new StringBuilder("x");
        for (int i = 1; i <= 14; i++) {
            text.append(" * ").append(i).append(".5");
        }
        String limit = text.toString();
        Source source = classP("Foo",
                "@Vectorize",
                "static double fits(double x) {",
                "    return " + limit + ";",
                "}",
                "",
                "@Vectorize",
                "static double tooLarge(double x) {",
                "    return " + limit + " - x;",
                "}",
                "",
                "@Vectorize",
                "static double identity(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compileWithSimd(source);
        String simd = simdClass(compilation, "Foo");
        assertTrue(simd.contains("static DoubleVector fitsLanes(DoubleVector xV)"), simd);
        assertFalse(simd.contains("tooLargeLanes"), simd);
        assertTrue(simd.contains("static void tooLargeLoop("), simd);
        String library = generated(compilation, "p.FooVectorizedKernels");
        assertTrue(library.contains("\"fitsLanes\", 1), 28)"), library);
        assertTrue(library.contains("\"identityLanes\", 1), 0)"), library);
        assertEquals(2, library.split("laneFunction\\(", -1).length - 1, library);
        // The library loads, and each overload says how large its lane function is.
        assumeSimdRuns();
        KernelLibrary kernels = (KernelLibrary) new CompiledClasses(compilation).loadClass("p.FooVectorizedKernels")
                .getConstructor().newInstance();
        for (VectorizedFunction function : kernels.functions()) {
            int expected = function.name().equals("fits") ? 28 : 0;
            assertEquals(expected, function.overloads().get(0).laneOperations(), function.name());
        }
    }

    /**
     * The largest lane functions the limit allows, in the forms that take the most bytecode
     * per operation (constants broadcast on the left of comparisons and blends, mask blends),
     * stay within C2's 325 bytes for inlining a hot method.
     */
    @Test
    void laneFunctionsAtTheLimitAreSmallEnoughToInline() throws IOException {
        StringBuilder multiplies = new StringBuilder("x");
        for (int i = 1; i <= 14; i++) {
            multiplies.append(" * ").append(i).append(".5");
        }
        Source source = classP("Foo",
                "@Vectorize",
                "static double multiplies(double x) {",
                "    return " + multiplies + ";",
                "}",
                "",
                "@Vectorize",
                "static double compares(double x) {", // 4 operations a line
                "    double a = 1.5 < x ? x : 2.5;",
                "    double b = 3.5 < a ? a : 4.5;",
                "    double c = 5.5 < b ? b : 6.5;",
                "    double d = 7.5 < c ? c : 8.5;",
                "    double e = 9.5 < d ? d : 10.5;",
                "    double f = 11.5 < e ? e : 12.5;",
                "    return 13.5 < f ? f : 14.5;",
                "}",
                "",
                "@Vectorize",
                "static double masks(double x) {", // 14 operations a line
                "    double a = (x < 1.0 ? x > 0.5 : x < 2.0) ? x : 3.0;",
                "    return (a < 4.0 ? a > 4.5 : a < 5.0) ? a : 6.0;",
                "}");
        Compilation compilation = compileWithSimd(source);
        byte[] simd = new CompiledClasses(compilation).classFile("p.FooVectorizedSimd");
        for (String method : List.of("multipliesLanes", "comparesLanes", "masksLanes")) {
            int length = codeLength(simd, method);
            assertTrue(length > 0 && length <= 325, method + ": " + length + " bytes");
        }
    }

    /** The length of {@code method}'s bytecode in a class file, as javap shows it; 0 if it has none. */
    private static int codeLength(byte[] classFile, String method) throws IOException {
        Path file = Files.createTempFile("lanes", ".class");
        try {
            Files.write(file, classFile);
            StringWriter text = new StringWriter();
            int status = ToolProvider.findFirst("javap").orElseThrow()
                    .run(new PrintWriter(text), new PrintWriter(text), "-c", "-p", file.toString());
            assertEquals(0, status, text.toString());
            int length = 0;
            boolean inMethod = false;
            for (String line : text.toString().split("\n")) {
                if (line.startsWith("  static") || line.startsWith("  public") || line.startsWith("  private")) {
                    inMethod = line.contains(" " + method + "(");
                }
                Matcher instruction = Pattern.compile("^\\s+(\\d+): areturn").matcher(line);
                if (inMethod && instruction.find()) {
                    length = Integer.parseInt(instruction.group(1)) + 1; // areturn is its last byte
                }
            }
            return length;
        } finally {
            Files.delete(file);
        }
    }

    // ---- which keep the scalar loop, and the NOTE that says why --------------------------------

    /**
     * Compiles a class whose method {@code f} keeps its scalar loop, and checks the NOTE: on the
     * method, naming {@code construct} and the line that holds {@code constructText}.
     */
    static void assertKeepsScalarLoop(String construct, String constructText, String... body) {
        Source source = classP("Foo", body);
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: " + construct + " at line "
                        + source.line(constructText) + " has no SIMD translation")
                .inFile(source.file()).onLine(source.line(" f("));
        assertEquals(1, compilation.notes().stream().filter(n -> n.getMessage(Locale.ROOT).contains("keeps")).count(),
                messages(compilation.notes()).toString());
        assertScalarLoopOnly(compilation, "Foo", "f");
    }

    @Test
    void aForLoopKeepsTheScalarLoop() {
        assertKeepsScalarLoop("for loop", "for (",
                "@Vectorize",
                "static double f(double x) {",
                "    double s = 0;",
                "    for (int k = 0; k < 3; k++) {",
                "        s += x;",
                "    }",
                "    return s;",
                "}");
    }

    @Test
    void aWhileLoopKeepsTheScalarLoop() {
        assertKeepsScalarLoop("while loop", "while (",
                "@Vectorize",
                "static double f(double x) {",
                "    while (x > 1) {",
                "        x = x / 2;",
                "    }",
                "    return x;",
                "}");
    }

    @Test
    void anArrayAccessKeepsTheScalarLoop() {
        assertKeepsScalarLoop("array access", "W[0]",
                "static final double[] W = {1, 2};",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    double w = x;",
                "    return w * W[0];",
                "}");
    }

    @Test
    void aCallToAMethodThatIsNotVectorizeKeepsTheScalarLoop() {
        assertKeepsScalarLoop("call to helper", "helper(x)",
                "static double helper(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return 1 + helper(x);",
                "}");
    }

    @Test
    void aCallToAMathFunctionWithoutAVectorOperatorKeepsTheScalarLoop() {
        assertKeepsScalarLoop("call to Math.floor", "Math.floor",
                "@Vectorize",
                "static double f(double x) {",
                "    return Math.floor(x);",
                "}");
    }

    @Test
    void integerDivisionInABranchOfAConditionalExpressionKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    return b != 0",
                "            ? a / b",
                "            : 0;",
                "}");
    }

    @Test
    void integerRemainderInABranchOfAnIfKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a % b",
                "@Vectorize",
                "static long f(long a, long b) {",
                "    if (b != 0) {",
                "        return a % b;",
                "    }",
                "    return 0;",
                "}");
    }

    @Test
    void integerDivisionAfterAnIfThatReturnsKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b;",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    if (b == 0) {",
                "        return 0;",
                "    }",
                "    int q = a / b;",
                "    return q;",
                "}");
    }

    @Test
    void integerDivisionOnTheRightOfAndKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b >",
                "@Vectorize",
                "static boolean f(int a, int b) {",
                "    return b != 0",
                "            && a / b > 1;",
                "}");
    }

    @Test
    void integerDivisionOnTheRightOfOrKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b <",
                "@Vectorize",
                "static boolean f(int a, int b) {",
                "    return b == 0",
                "            || a / b < 1;",
                "}");
    }

    @Test
    void floatingPointRemainderKeepsTheScalarLoop() {
        assertKeepsScalarLoop("floating-point remainder %", "x % 2",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
    }

    /** The NOTE is on the method's line, and its "at line N" names the declaration, not the @Vectorize annotation. */
    @Test
    void aMixOfTypesKeepsTheScalarLoop() {
        assertKeepsScalarLoop("a mix of types [double, int]", " f(",
                "@Vectorize",
                "static double f(double x, int n) {",
                "    return x * n;",
                "}");
    }

    @Test
    void floatCodeWithADoubleLiteralKeepsTheScalarLoop() {
        assertKeepsScalarLoop("an operation in double inside a float kernel", "x * 0.5",
                "@Vectorize",
                "static float f(float x) {",
                "    return (float) (x * 0.5);",
                "}");
    }

    @Test
    void floatCodeCallingMathExpKeepsTheScalarLoop() {
        assertKeepsScalarLoop("Math.exp in double inside a float kernel", "Math.exp",
                "@Vectorize",
                "static float f(float x) {",
                "    return (float) Math.exp(x);",
                "}");
    }

    @Test
    void aPrivateStaticFinalFieldThatIsNoConstantKeepsTheScalarLoop() {
        assertKeepsScalarLoop("private field SCALE, whose initializer is not made of constants and Math"
                        + " (make it package-private so that generated code can read it),",
                "x * SCALE",
                "private static final double SCALE = System.nanoTime();",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * SCALE;",
                "}");
    }

    /** Generated code cannot read a private field, but computes its initializer of constants and Math again. */
    @Test
    void aPrivateStaticFinalFieldOfConstantsAndMathIsComputedAgain() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "static final double SIGMA = 1.25;",
                "private static final double SCALE = 1.0 / (SIGMA * Math.sqrt(2.0 * Math.PI));",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * SCALE;",
                "}"));
        assertThat(compilation).succeeded();
        assertTrue(generated(compilation, "p.FooVectorizedSimd")
                .contains("xV.mul((1.0 / (Foo.SIGMA * Math.sqrt((2.0 * Math.PI)))))"),
                generated(compilation, "p.FooVectorizedSimd"));
    }

    @Test
    void aStaticFieldThatIsNotFinalKeepsTheScalarLoop() {
        assertKeepsScalarLoop("field scale, which is not static final,", "x * scale",
                "static double scale = 2;",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * scale;",
                "}");
    }

    @Test
    void aThrowStatementKeepsTheScalarLoop() {
        assertKeepsScalarLoop("throw", "throw new",
                "@Vectorize",
                "static double f(double x) {",
                "    if (x < 0) {",
                "        throw new IllegalArgumentException(\"negative\");",
                "    }",
                "    return Math.sqrt(x);",
                "}");
    }

    /** Like every other construct's NOTE, the recursion NOTE names the line of the call. */
    @Test
    void recursionKeepsTheScalarLoopWithTheLineOfTheCall() {
        assertKeepsScalarLoop("recursive call to f", "(f(x / 2))",
                "@Vectorize",
                "static double f(double x) {",
                "    return x > 1 ? (f(x / 2)) : x;",
                "}");
    }

    @Test
    void recursionThroughAnotherVectorizeMethodKeepsBothScalarLoops() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x > 1 ? g(x / 2) : x;",
                "}",
                "",
                "@Vectorize",
                "static double g(double x) {",
                "    return f(x) + 1;",
                "}"));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: recursive call to f");
        assertThat(compilation).hadNoteContaining("g keeps its scalar loop: recursive call to g");
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
    }

    @Test
    void aBodyOfMoreThan300OperationsKeepsTheScalarLoop() {
        StringBuilder sum = new StringBuilder("x");
        for (int k = 0; k < 301; k++) {
            sum.append(" + x");
        }
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return " + sum + ";",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: its body has more than 300 operations")
                .inFile(source.file()).onLine(source.line(" f("));
        assertScalarLoopOnly(compilation, "Foo", "f");
    }

    @Test
    void aConvertingSignatureGetsItsNoteOnTheMethod() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float64(float64, float64)\", \"float64(int32, float64)\"})",
                "static double f(double a, double b) {",
                "    return a + b;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop for float64(int32, float64), which converts"
                        + " to the method's own types; SIMD runs for float64(float64, float64)")
                .inFile(source.file()).onLine(source.line(" f("));
        assertEquals(1, compilation.notes().size(), messages(compilation.notes()).toString());
        assertEquals(3, methods(simdClass(compilation, "Foo"), "fLoop").size());
        List<String> intLoops = methods(companion(compilation, "Foo"), "fLoop").stream()
                .filter(l -> l.contains("int[] a") || l.contains("(int a")).toList();
        assertEquals(3, intLoops.size());
        intLoops.forEach(l -> assertFalse(l.contains("Simd"), l));
    }

    /** Where no signature is the method's own, no SIMD loop runs: the NOTE must not say one does. */
    @Test
    void aMethodWithOnlyConvertingSignaturesIsNotSaidToRunSimd() {
        Source source = classP("Foo",
                "@Vectorize(signature = \"float32(float32)\")",
                "static double f(double x) {",
                "    return x * 2;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
        List<String> notes = messages(compilation.notes());
        assertEquals(List.of(), notes.stream().filter(n -> n.contains("SIMD runs for float64(float64)")).toList(),
                "there is no float64(float64) kernel, so no SIMD loop runs for it");
    }

    @Test
    void warnScalarTurnsTheScalarLoopNoteIntoAWarning() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("f keeps its scalar loop: floating-point remainder % at line "
                        + source.line("x % 2") + " has no SIMD translation")
                .inFile(source.file()).onLine(source.line(" f("));
        assertTrue(messages(compilation.notes()).stream().noneMatch(n -> n.contains("keeps its scalar loop")),
                messages(compilation.notes()).toString());
    }

    @Test
    void warnScalarTurnsTheConvertingSignatureNoteIntoAWarning() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double f(double x) {",
                "    return x * 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("f keeps its scalar loop for float32(float32)")
                .inFile(source.file()).onLine(source.line(" f("));
        assertTrue(messages(compilation.notes()).isEmpty(), messages(compilation.notes()).toString());
    }

    @Test
    void warnScalarFalseKeepsNotes() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=false"), source);
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: floating-point remainder %");
        assertEquals(List.of(INCUBATING), messages(compilation.warnings()).stream().distinct().toList());
    }

    @Test
    void exactSimdKeepsTheScalarLoopForFunctionsWhoseVectorRoutinesAreNotBitExact() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return Math.exp(x);",
                "}",
                "",
                "@Vectorize",
                "static double g(double x, double y) {",
                "    return Math.fma(Math.sqrt(Math.abs(x)), Math.min(x, y), Math.max(x, y));",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.exactSimd=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: Math.exp")
                .inFile(source.file()).onLine(source.line(" f("));
        assertScalarLoopOnly(compilation, "Foo", "f");
        assertSimdLoop(compilation, "Foo", "g", "lanewise(VectorOperators.SQRT)", ".fma(");
    }

    // ---- without the module ------------------------------------------------------------------

    @Test
    void withoutTheModuleOneNoteSaysSoAndNoSimdClassIsWritten() {
        Source foo = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return Math.exp(x) * 2;",
                "}",
                "",
                "@Vectorize",
                "static double g(double x) {",
                "    return x % 2;",
                "}");
        Source bar = classP("Bar",
                "@Vectorize",
                "static int h(int a, int b) {",
                "    return a + b;",
                "}");
        Compilation compilation = compile(List.of("-Xlint:all"), foo, bar);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of(NOT_VISIBLE), messages(compilation.notes()));
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
        assertTrue(compilation.generatedSourceFile("p.BarVectorizedSimd").isEmpty());
        for (String companion : List.of(companion(compilation, "Foo"), companion(compilation, "Bar"))) {
            assertFalse(companion.contains("Simd"), companion);
        }
        assertScalarLoopOnly(compilation, "Foo", "f");
        assertScalarLoopOnly(compilation, "Bar", "h");
    }

    @Test
    void withoutTheModuleTheNoteIsOnTheFirstClass() {
        Source foo = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(foo);
        assertThat(compilation).hadNoteContaining(NOT_VISIBLE).inFile(foo.file()).onLine(foo.line("public class Foo"));
    }

    // ---- corner cases: each test says what the generated code must do ---------------------------

    /** javac types {@code short s = 3} fine; so must the translator. */
    @Test
    void aShortLocalInitializedByALiteralDoesNotCrashTheProcessor() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static int f(int a) {",
                "    short s = 3;",
                "    return a + s;",
                "}"));
        assertThat(compilation).succeeded();
    }

    @Test
    void aCastOfALiteralToByteDoesNotCrashTheProcessor() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static int f(int a) {",
                "    return a & (byte) 0x7F;",
                "}"));
        assertThat(compilation).succeeded();
    }

    /** A private constant NaN or infinity has no literal: it is inlined as Double.NaN, Float.NEGATIVE_INFINITY, .... */
    @Test
    void privateConstantsThatAreNaNOrInfiniteCompile() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "private static final double MISSING = 0.0 / 0.0;",
                "private static final double HUGE = 1.0 / 0;",
                "private static final float FLOAT_HUGE = -1f / 0;",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x > 0 ? x : x < -1 ? HUGE : MISSING;",
                "}",
                "",
                "@Vectorize",
                "static float g(float x) {",
                "    return x > 0 ? x : FLOAT_HUGE;",
                "}"));
        assertThat(compilation).succeeded();
    }

    /** {@code (float) 1e40} is float infinity: inlined as Float.POSITIVE_INFINITY. */
    @Test
    void aCastOfALiteralThatOverflowsToInfinityCompiles() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static float f(float x) {",
                "    return Math.min(x, (float) 1e40);",
                "}"));
        assertThat(compilation).succeeded();
    }

    /**
     * A method named like a Math function, declared in the class, hides a static import of Math's;
     * {@code exp(x)} here calls Foo.exp, which returns 42. The translation must not use EXP.
     */
    @Test
    void aMethodOfTheClassHidesAStaticallyImportedMathFunction() {
        Source source = Source.of("p.Foo",
                "package p;",
                "",
                "import static java.lang.Math.*;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Foo {",
                "    static double exp(double x) {",
                "        return 42;",
                "    }",
                "",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return exp(x);",
                "    }",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        compilation.generatedSourceFile("p.FooVectorizedSimd").ifPresent(file -> {
            String simd = simdClass(compilation, "Foo");
            assertFalse(simd.contains("VectorOperators.EXP"), simd);
        });
    }

    /**
     * Java calls the overload g(int) for {@code g(2)}; the translator inlines the @Vectorize g(double)
     * instead (giving {@code x * (2.0 + 1)} where the method computes {@code x * 200}).
     */
    @Test
    void anOverloadThatJavaPicksIsNotReplacedByTheVectorizeMethodOfTheSameName() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double g(double x) {",
                "    return x + 1;",
                "}",
                "",
                "static double g(int n) {",
                "    return n * 100.0;",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * g(2);",
                "}"));
        assertThat(compilation).succeeded();
        compilation.generatedSourceFile("p.FooVectorizedSimd").ifPresent(file -> {
            for (String loop : methods(simdClass(compilation, "Foo"), "fLoop")) {
                assertFalse(loop.contains("2.0 + 1"), loop);
            }
        });
    }

    /**
     * Each use of an inlined method's parameter repeats the argument's whole expression, so nested
     * calls grow the SIMD loop exponentially (2^depth copies of {@code x + 1} here) while the
     * operation count stays at depth + 1. At depth 16 the loop no longer compiles ("code too large").
     */
    @Test
    void nestedCallsOfAnInlinedMethodDoNotGrowTheLoopExponentially() {
        int depth = 16;
        String call = "x + 1";
        for (int k = 0; k < depth; k++) {
            call = "sq(" + call + ")";
        }
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double sq(double v) {",
                "    return v * v;",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return " + call + ";",
                "}"));
        assertThat(compilation).succeeded();
        compilation.generatedSourceFile("p.FooVectorizedSimd").ifPresent(file -> {
            for (String loop : methods(simdClass(compilation, "Foo"), "fLoop")) {
                assertTrue(loop.length() < 10_000, "the SIMD loop has " + loop.length() + " characters");
            }
        });
    }

    // ---- behaviour: the generated SIMD loops, run ------------------------------------------------

    /** Values where floating-point code differs: NaN, infinities, signed zeros, subnormals, extremes. */
    static final double[] DOUBLE_SPECIALS = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL / 3, Double.MAX_VALUE, -Double.MAX_VALUE,
        1, -1, 0.5, 2, 3, -3.5, 1e-300, 1e300, 100, -100, Math.ulp(1.0),
    };
    static final float[] FLOAT_SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL / 3, Float.MAX_VALUE, -Float.MAX_VALUE, 1, -1, 0.5f, 2, 3, -3.5f,
        1e-40f, 1e30f, 100, -100, Math.ulp(1f),
    };
    static final int[] INT_SPECIALS = {
        0, 1, -1, 2, 3, 7, -7, 31, 32, 33, -31, -32, 64, 100, -100, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 0x5555_5555,
    };
    static final long[] LONG_SPECIALS = {
        0, 1, -1, 2, 3, 7, -7, 31, 32, 33, 63, 64, 65, -63, -64, 100, -100, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE, Long.MAX_VALUE - 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x5555_5555_5555_5555L,
    };

    /** Kernels whose SIMD results must equal the scalar method's bit for bit. */
    static final String[] EXACT = {
        "public static final double PUB = 1.25;",
        "static final double PKG = -2.5;",
        "private static final double PRIV = 0.75;",
        "private static final int IPRIV = 3;",
        "static final float FPKG = 0.1f;",
        "",
        "@Vectorize",
        "static double arith(double x, double y) {",
        "    return (x + 2) * y - x / 3.5 + -x - y * 0.1;",
        "}",
        "",
        "@Vectorize",
        "static double compare(double x, double y) {",
        "    return x < y && !(x == 0) || x >= 2 * y ? x - y : x != y ? x * y : x <= -1 ? -0.0 : y > 3 ? y : x;",
        "}",
        "",
        "@Vectorize",
        "static double branches(double x, double y) {",
        "    double s;",
        "    if (x < y) {",
        "        s = x * 2;",
        "    } else if (x > 1) {",
        "        s = y;",
        "    } else {",
        "        s = -y;",
        "    }",
        "    double t = s + 1;",
        "    if (t != t) {",
        "        return PUB;",
        "    }",
        "    if (x >= 0 && y <= 0) {",
        "        t = t * PKG;",
        "    }",
        "    t -= PRIV;",
        "    return t / IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static double exactMath(double x, double y, double z) {",
        "    return Math.fma(x, y, z) + Math.min(Math.abs(x), Math.max(y, 0.5)) - StrictMath.sqrt(Math.abs(z))",
        "            + StrictMath.max(x, z) * Math.sqrt(y) - StrictMath.min(-0.0, y) * StrictMath.fma(z, 2, x);",
        "}",
        "",
        "@Vectorize",
        "static double constants(double x) {",
        "    return x * PUB + PKG - PRIV * x / IPRIV + Math.PI - Math.E * FPKG;",
        "}",
        "",
        "@Vectorize",
        "static double sq(double v) {",
        "    return v * v;",
        "}",
        "",
        "@Vectorize",
        "static double inlined(double x, double y) {",
        "    double d = x - y;",
        "    return sq(d) - sq(y) + sq(3);",
        "}",
        "",
        "@Vectorize",
        "static boolean inside(double x, boolean open) {",
        "    return open ? x > 0 && x < 1 : x >= 0 && x <= 1;",
        "}",
        "",
        "@Vectorize",
        "static double pick(boolean a, double x, boolean b) {",
        "    boolean p = a || x > 0;",
        "    return !p ? x : a & !b ? -x : x * 2;",
        "}",
        "",
        "@Vectorize",
        "static float farith(float x, float y) {",
        "    return (x + 2) * y - x / 3.5f + -x - y * FPKG;",
        "}",
        "",
        "@Vectorize",
        "static float fcompare(float x, float y) {",
        "    return x < y || x != x ? Math.abs(x) : Math.max(x, y) - Math.min(x, 1);",
        "}",
        "",
        "@Vectorize",
        "static float ffma(float x, float y, float z) {",
        "    return Math.fma(x, y, z);",
        "}",
        "",
        "@Vectorize",
        "static boolean fsign(float x) {",
        "    return x >= 0 ? !(x == 0) : x != x;",
        "}",
        "",
        "@Vectorize",
        "static int ibits(int a, int b) {",
        "    return (a * 31 + b) ^ (a << 3) | (b >>> 2) & ~a - (a >> b) + (b << a) - (a >>> 33) + -a;",
        "}",
        "",
        "@Vectorize",
        "static int idiv(int a, int b) {",
        "    return a / b + a % b * 7 + a / 3 - a % IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static int imath(int a, int b) {",
        "    return Math.abs(a) + Math.max(a, b) - Math.min(a, -b);",
        "}",
        "",
        "@Vectorize",
        "static int icompare(int a, int b) {",
        "    if (a < b) {",
        "        return a;",
        "    }",
        "    if (a == b) {",
        "        return 0;",
        "    }",
        "    int d = a - b;",
        "    return d >= 100 || d <= -100 ? -d : d * 2;",
        "}",
        "",
        "@Vectorize",
        "static long lbits(long a, long b) {",
        "    return (a * 31 + b) ^ (a << 3) | (b >>> 2) & ~a - (a >> b) + (b << a) - (a >>> 65) + -a;",
        "}",
        "",
        "@Vectorize",
        "static long ldiv(long a, long b) {",
        "    return a / b + a % b * 7 + a / 3 - a % IPRIV;",
        "}",
        "",
        "@Vectorize",
        "static long lmath(long a, long b) {",
        "    return Math.abs(a) + Math.max(a, b) - Math.min(a, -b);",
        "}",
        "",
        "@Vectorize",
        "static boolean lcompare(long a, long b) {",
        "    return (a & b) != 0 && a > b || a <= -b;",
        "}",
    };

    /** (method, parameter types) of {@link #EXACT}; a and b of idiv and ldiv are never 0 as divisors. */
    static final Object[][] EXACT_METHODS = {
        {"arith", double.class, double.class}, {"compare", double.class, double.class},
        {"branches", double.class, double.class}, {"exactMath", double.class, double.class, double.class},
        {"constants", double.class}, {"inlined", double.class, double.class},
        {"inside", double.class, boolean.class}, {"pick", boolean.class, double.class, boolean.class},
        {"farith", float.class, float.class}, {"fcompare", float.class, float.class},
        {"ffma", float.class, float.class, float.class}, {"fsign", float.class},
        {"ibits", int.class, int.class}, {"idiv", int.class, int.class}, {"imath", int.class, int.class},
        {"icompare", int.class, int.class},
        {"lbits", long.class, long.class}, {"ldiv", long.class, long.class}, {"lmath", long.class, long.class},
        {"lcompare", long.class, long.class},
    };

    private static CompiledClasses exactKernels;

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Skips a run-time test where generated kernels would not run their SIMD loops. */
    static void assumeSimdRuns() {
        assumeTrue(vectorModulePresent(), "the test JVM lacks " + MODULE
                + "; run surefire with argLine --add-modules " + MODULE);
        assumeTrue(io.jvectorize.runtime.Simd.ENABLED, "SIMD loops are turned off (-Djvectorize.simd=false)");
    }

    static synchronized CompiledClasses exactKernels() {
        if (exactKernels == null) {
            Compilation compilation = compileWithSimd(classP("E", EXACT));
            assertNoScalarLoopNotes(compilation);
            for (Object[] method : EXACT_METHODS) {
                assertSimdLoop(compilation, "E", (String) method[0]);
            }
            exactKernels = new CompiledClasses(compilation);
        }
        return exactKernels;
    }

    /** Inputs for parameters of {@code types}: every combination of special values, then random ones, {@code length} in all. */
    static Object[] inputs(Class<?>[] types, int length, long seed) {
        Random random = new Random(seed);
        Object[] arrays = new Object[types.length];
        for (int p = 0; p < types.length; p++) {
            arrays[p] = java.lang.reflect.Array.newInstance(types[p], length);
        }
        int combinations = 1;
        for (Class<?> type : types) {
            combinations *= specials(type);
        }
        for (int i = 0; i < length; i++) {
            int digits = i;
            for (int p = 0; p < types.length; p++) {
                int n = specials(types[p]);
                Object value = i < combinations ? special(types[p], digits % n) : randomValue(types[p], random);
                digits /= n;
                java.lang.reflect.Array.set(arrays[p], i, value);
            }
        }
        return arrays;
    }

    static int specials(Class<?> type) {
        return type == double.class ? DOUBLE_SPECIALS.length : type == float.class ? FLOAT_SPECIALS.length
                : type == int.class ? INT_SPECIALS.length : type == long.class ? LONG_SPECIALS.length : 2;
    }

    static Object special(Class<?> type, int k) {
        return type == double.class ? (Object) DOUBLE_SPECIALS[k] : type == float.class ? (Object) FLOAT_SPECIALS[k]
                : type == int.class ? (Object) INT_SPECIALS[k] : type == long.class ? (Object) LONG_SPECIALS[k]
                : (Object) (k == 1);
    }

    static Object randomValue(Class<?> type, Random random) {
        int kind = random.nextInt(4);
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (kind == 0) {
            return special(type, random.nextInt(specials(type)));
        }
        if (type == double.class) {
            return kind == 1 ? Double.longBitsToDouble(random.nextLong()) : kind == 2 ? (double) (random.nextInt(7) - 3)
                    : random.nextDouble() * 20 - 10;
        }
        if (type == float.class) {
            return kind == 1 ? Float.intBitsToFloat(random.nextInt()) : kind == 2 ? (float) (random.nextInt(7) - 3)
                    : random.nextFloat() * 20 - 10;
        }
        if (type == int.class) {
            return kind == 1 ? random.nextInt() : random.nextInt(201) - 100;
        }
        return kind == 1 ? random.nextLong() : (long) (random.nextInt(201) - 100);
    }

    /** Replaces zeros by 7 in an int or long array: divisors. */
    static void noZeros(Object array) {
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            Object value = java.lang.reflect.Array.get(array, i);
            if (((Number) value).longValue() == 0) {
                java.lang.reflect.Array.set(array, i, value instanceof Integer ? (Object) 7 : (Object) 7L);
            }
        }
    }

    static boolean sameBits(Object expected, Object actual) {
        if (expected instanceof Double d) {
            return Double.doubleToLongBits(d) == Double.doubleToLongBits((Double) actual);
        }
        if (expected instanceof Float f) {
            return Float.floatToIntBits(f) == Float.floatToIntBits((Float) actual);
        }
        return expected.equals(actual);
    }

    static Method scalarMethod(CompiledClasses classes, String className, String name, Class<?>[] types) throws Exception {
        Method method = classes.loadClass(className).getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method;
    }

    /**
     * Calls the companion's allocating kernel {@code name} on {@code arguments} (arrays, or boxed
     * scalars for broadcast forms) and checks each element against the scalar method, bit for bit.
     */
    static void assertKernelMatchesScalar(CompiledClasses classes, String className, String name, Class<?>[] types,
            Object... arguments) throws Throwable {
        Class<?>[] kernelTypes = new Class<?>[types.length];
        int length = -1;
        for (int p = 0; p < types.length; p++) {
            boolean array = arguments[p].getClass().isArray();
            kernelTypes[p] = array ? arguments[p].getClass() : types[p];
            if (array) {
                length = java.lang.reflect.Array.getLength(arguments[p]);
            }
        }
        Object result = classes.call(className + "Vectorized", name, kernelTypes, arguments);
        assertKernelResult(classes, className, name, types, arguments, result, length);
    }

    static void assertKernelResult(CompiledClasses classes, String className, String name, Class<?>[] types,
            Object[] arguments, Object result, int length) throws Throwable {
        Method scalar = scalarMethod(classes, className, name, types);
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < length; i++) {
            Object[] element = new Object[types.length];
            for (int p = 0; p < types.length; p++) {
                element[p] = arguments[p].getClass().isArray() ? java.lang.reflect.Array.get(arguments[p], i) : arguments[p];
            }
            Object expected = scalar.invoke(null, element);
            Object actual = java.lang.reflect.Array.get(result, i);
            if (!sameBits(expected, actual)) {
                count++;
                if (mismatches.size() < 8) {
                    mismatches.add(name + java.util.Arrays.toString(element) + " = " + expected + ", SIMD gives " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches, count + " of " + length + " elements differ");
    }

    static Class<?>[] types(Object[] method) {
        Class<?>[] types = new Class<?>[method.length - 1];
        for (int p = 1; p < method.length; p++) {
            types[p - 1] = (Class<?>) method[p];
        }
        return types;
    }

    static Object[] exactInputs(Object[] method, int length, long seed) {
        Object[] arguments = inputs(types(method), length, seed);
        if (method[0].equals("idiv") || method[0].equals("ldiv")) {
            noZeros(arguments[1]);
        }
        return arguments;
    }

    static List<Object[]> exactMethods() {
        return java.util.Arrays.asList(EXACT_METHODS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactMethodNames")
    void simdKernelsEqualTheScalarMethodBitForBit(String name) throws Throwable {
        assumeSimdRuns();
        Object[] method = exactMethods().stream().filter(m -> m[0].equals(name)).findFirst().orElseThrow();
        // Every combination of special values, then random values; an odd length leaves a scalar tail.
        Object[] arguments = exactInputs(method, 20_001, name.hashCode());
        assertKernelMatchesScalar(exactKernels(), "p.E", name, types(method), arguments);
    }

    static List<String> exactMethodNames() {
        return exactMethods().stream().map(m -> (String) m[0]).toList();
    }

    static List<String> exactMethodNamesWithSeveralParameters() {
        return exactMethods().stream().filter(m -> m.length > 2).map(m -> (String) m[0]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactMethodNamesWithSeveralParameters")
    void broadcastSimdKernelsEqualTheScalarMethodBitForBit(String name) throws Throwable {
        assumeSimdRuns();
        Object[] method = exactMethods().stream().filter(m -> m[0].equals(name)).findFirst().orElseThrow();
        Class<?>[] types = types(method);
        Object[] arrays = exactInputs(method, 1_001, name.hashCode() + 1);
        Random random = new Random(name.hashCode());
        for (int mask = 1; mask < (1 << types.length) - 1; mask++) {
            for (int trial = 0; trial < 6; trial++) {
                Object[] arguments = arrays.clone();
                for (int p = 0; p < types.length; p++) {
                    if ((mask & (1 << p)) != 0) {
                        Object scalar = trial < 3 ? special(types[p], random.nextInt(specials(types[p])))
                                : randomValue(types[p], random);
                        if ((name.equals("idiv") || name.equals("ldiv")) && p == 1 && ((Number) scalar).longValue() == 0) {
                            scalar = types[p] == int.class ? (Object) 5 : (Object) 5L;
                        }
                        arguments[p] = scalar;
                    }
                }
                assertKernelMatchesScalar(exactKernels(), "p.E", name, types, arguments);
            }
        }
    }

    @Test
    void everyLengthAroundTheVectorSizeGivesTheScalarResults() throws Throwable {
        assumeSimdRuns();
        Class<?>[] doubles = {double.class, double.class};
        Class<?>[] ints = {int.class, int.class};
        for (int length = 0; length <= 70; length++) {
            assertKernelMatchesScalar(exactKernels(), "p.E", "compare", doubles, inputs(doubles, length, length));
            assertKernelMatchesScalar(exactKernels(), "p.E", "ibits", ints, inputs(ints, length, length));
            Class<?>[] mixed = {double.class, boolean.class};
            assertKernelMatchesScalar(exactKernels(), "p.E", "inside", mixed, inputs(mixed, length, length));
        }
    }

    @Test
    void theSimdKernelMayWriteIntoItsInput() throws Throwable {
        assumeSimdRuns();
        Class<?>[] doubles = {double.class, double.class};
        Object[] arguments = inputs(doubles, 1_003, 3);
        double[] x = ((double[]) arguments[0]).clone();
        double[] expected = (double[]) exactKernels().call("p.EVectorized", "arith",
                new Class<?>[] {double[].class, double[].class}, arguments);
        exactKernels().call("p.EVectorized", "arith", new Class<?>[] {double[].class, double[].class, double[].class},
                x, arguments[1], x);
        assertArrayEquals(expected, x);
        assertKernelResult(exactKernels(), "p.E", "arith", doubles, arguments, x, x.length);
    }

    @Test
    void parallelSimdKernelsEqualSerialOnesAndTheScalarMethod() throws Throwable {
        assumeSimdRuns();
        for (Object[] method : EXACT_METHODS) {
            String name = (String) method[0];
            Object[] arguments = exactInputs(method, 100_003, 11);
            Class<?>[] arrayTypes = java.util.Arrays.stream(arguments).map(Object::getClass).toArray(Class<?>[]::new);
            Object serial = exactKernels().call("p.EVectorized", name, arrayTypes, arguments);
            Object parallel = exactKernels().call("p.EVectorized", name + "Parallel", arrayTypes, arguments);
            for (int i = 0; i < java.lang.reflect.Array.getLength(serial); i++) {
                Object s = java.lang.reflect.Array.get(serial, i);
                Object p = java.lang.reflect.Array.get(parallel, i);
                assertTrue(sameBits(s, p), name + " element " + i + ": serial " + s + ", parallel " + p);
            }
            assertKernelResult(exactKernels(), "p.E", name, types(method), arguments, parallel,
                    java.lang.reflect.Array.getLength(parallel));
        }
    }

    @Test
    void integerDivisionByZeroThrowsArithmeticExceptionFromTheSimdLoopToo() throws Throwable {
        assumeSimdRuns();
        int[] a = new int[64];
        int[] b = new int[64];
        java.util.Arrays.fill(a, 10);
        java.util.Arrays.fill(b, 3);
        b[5] = 0;
        ArithmeticException simd = assertThrows(ArithmeticException.class, () -> exactKernels().call("p.EVectorized",
                "idiv", new Class<?>[] {int[].class, int[].class}, a, b));
        long[] la = new long[64];
        long[] lb = new long[64];
        java.util.Arrays.fill(la, 10);
        java.util.Arrays.fill(lb, 3);
        lb[9] = 0;
        assertThrows(ArithmeticException.class, () -> exactKernels().call("p.EVectorized",
                "ldiv", new Class<?>[] {long[].class, long[].class}, la, lb));
        // The scalar method throws its own exception for the element, as DESIGN.md promises.
        assertEquals("/ by zero", simd.getMessage());
    }

    @Test
    void laneFunctionsComputeTheScalarMethodBitForBit() throws Throwable {
        assumeSimdRuns();
        CompiledClasses classes = exactKernels();
        KernelLibrary library = (KernelLibrary) classes.loadClass("p.EVectorizedKernels").getConstructor().newInstance();
        Class<?> vectorClass = Class.forName(MODULE + ".DoubleVector");
        Object species = vectorClass.getField("SPECIES_PREFERRED").get(null);
        MethodHandle load = MethodHandles.publicLookup().findStatic(vectorClass, "fromArray", MethodType.methodType(
                vectorClass, Class.forName(MODULE + ".VectorSpecies"), double[].class, int.class)).bindTo(species);
        MethodHandle store = MethodHandles.publicLookup().findVirtual(vectorClass, "intoArray",
                MethodType.methodType(void.class, double[].class, int.class));
        int lanes = (int) Class.forName(MODULE + ".VectorSpecies").getMethod("length").invoke(species);
        int tested = 0;
        List<String> tooLarge = new ArrayList<>();
        for (Object[] method : EXACT_METHODS) {
            Class<?>[] types = Arrays.copyOfRange(method, 1, method.length, Class[].class);
            VectorizedFunction function = library.functions().stream()
                    .filter(f -> f.name().equals(method[0])).findFirst().orElseThrow();
            MethodHandle laneFunction = function.overloads().get(0).lanes();
            if (!Arrays.stream(types).allMatch(t -> t == double.class)) {
                assertEquals(null, laneFunction, (String) method[0]);
                continue;
            }
            if (laneFunction == null) {
                tooLarge.add((String) method[0]);
                continue;
            }
            Method scalar = classes.loadClass("p.E").getDeclaredMethod((String) method[0], types);
            scalar.setAccessible(true);
            int length = 4000 / lanes * lanes;
            Object[] inputs = inputs(types, length, 31);
            double[] out = new double[length];
            for (int i = 0; i < length; i += lanes) {
                Object[] vectors = new Object[types.length];
                for (int p = 0; p < types.length; p++) {
                    vectors[p] = load.invoke((double[]) inputs[p], i);
                }
                store.invoke(laneFunction.invokeWithArguments(vectors), out, i);
            }
            for (int i = 0; i < length; i++) {
                Object[] arguments = new Object[types.length];
                for (int p = 0; p < types.length; p++) {
                    arguments[p] = ((double[]) inputs[p])[i];
                }
                double expected = (double) scalar.invoke(null, arguments);
                assertTrue(Double.doubleToLongBits(expected) == Double.doubleToLongBits(out[i])
                        || Double.isNaN(expected) && Double.isNaN(out[i]),
                        method[0] + Arrays.toString(arguments) + ": " + out[i] + ", expected " + expected);
            }
            tested++;
        }
        assertEquals(List.of(), tooLarge, "float64 methods of EXACT without a lane function");
        assertEquals(6, tested, "float64 methods of EXACT");
    }

    // ---- transcendental functions: ulps against the scalar method --------------------------------

    /** A Math function of the translation, the values it is measured on, and the largest ulp error allowed. */
    record Transcendental(String name, int arity, java.util.function.Function<Random, double[]> values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final double ULP_BOUND = 2;
    static final int ULP_VALUES = 100_000;
    /** Calls per function: the first run interpreted or by C1, later ones by C2 with the vector intrinsics. */
    static final int ULP_ROUNDS = 8;

    static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A positive value whose logarithm is uniform between 10^low and 10^high. */
    static double logUniform(Random random, double low, double high) {
        return Math.pow(10, uniform(random, low, high));
    }

    static double signed(Random random, double value) {
        return random.nextBoolean() ? value : -value;
    }

    static List<Transcendental> transcendentals() {
        return List.of(
                new Transcendental("sqrt", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 100) : logUniform(r, -300, 300)}),
                new Transcendental("cbrt", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -100, 100) : signed(r, logUniform(r, -300, 300))}),
                new Transcendental("exp", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -745, 709) : uniform(r, -2, 2)}),
                new Transcendental("expm1", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -40, 709) : uniform(r, -1, 1)}),
                new Transcendental("log", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 4) : logUniform(r, -300, 300)}),
                new Transcendental("log10", 1, r -> new double[] {r.nextBoolean() ? uniform(r, 0, 4) : logUniform(r, -300, 300)}),
                new Transcendental("log1p", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -1, 1) : logUniform(r, -300, 300)}),
                new Transcendental("sin", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI, Math.PI) : uniform(r, -1e4, 1e4)}),
                new Transcendental("cos", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI, Math.PI) : uniform(r, -1e4, 1e4)}),
                new Transcendental("tan", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -Math.PI / 2, Math.PI / 2) : uniform(r, -1e4, 1e4)}),
                new Transcendental("asin", 1, r -> new double[] {uniform(r, -1, 1)}),
                new Transcendental("acos", 1, r -> new double[] {uniform(r, -1, 1)}),
                new Transcendental("atan", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : signed(r, logUniform(r, -10, 10))}),
                new Transcendental("sinh", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : uniform(r, -710, 710)}),
                new Transcendental("cosh", 1, r -> new double[] {r.nextBoolean() ? uniform(r, -4, 4) : uniform(r, -710, 710)}),
                new Transcendental("tanh", 1, r -> new double[] {uniform(r, -20, 20)}),
                new Transcendental("atan2", 2, r -> new double[] {uniform(r, -100, 100), uniform(r, -100, 100)}),
                new Transcendental("hypot", 2, r -> new double[] {signed(r, logUniform(r, -300, 300)), signed(r, logUniform(r, -300, 300))}),
                new Transcendental("pow", 2, r -> r.nextBoolean()
                        ? new double[] {logUniform(r, -5, 5), uniform(r, -50, 50)}
                        : new double[] {uniform(r, -10, 10), r.nextInt(41) - 20}));
    }

    static List<String> mathClasses() {
        return List.of("Math", "StrictMath");
    }

    private static CompiledClasses transcendentalKernels;

    /** Class p.T: for each function f, {@code mf} calls Math.f and {@code sf} calls StrictMath.f. */
    static synchronized CompiledClasses transcendentalKernels() {
        if (transcendentalKernels == null) {
            List<String> body = new ArrayList<>();
            for (Transcendental f : transcendentals()) {
                for (String math : mathClasses()) {
                    String parameters = f.arity() == 1 ? "double x" : "double x, double y";
                    String arguments = f.arity() == 1 ? "x" : "x, y";
                    body.addAll(List.of("@Vectorize",
                            "static double " + kernelName(math, f) + "(" + parameters + ") {",
                            "    return " + math + "." + f.name() + "(" + arguments + ");",
                            "}", ""));
                }
            }
            Compilation compilation = compileWithSimd(classP("T", body.toArray(String[]::new)));
            assertOnlyTheIncubatingWarningAndNoNotes(compilation);
            transcendentalKernels = new CompiledClasses(compilation);
        }
        return transcendentalKernels;
    }

    static String kernelName(String math, Transcendental f) {
        return (math.equals("Math") ? "M" : "S") + f.name();
    }

    /** The error of {@code actual} in ulps of {@code expected}: 0 where equal, infinite where one is NaN or infinite and the other is not the same. */
    static double ulps(double expected, double actual) {
        if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
            return 0;
        }
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    static List<org.junit.jupiter.params.provider.Arguments> transcendentalCases() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        for (Transcendental f : transcendentals()) {
            for (String math : mathClasses()) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(math, f));
            }
        }
        return cases;
    }

    static double[] scalarResults(MethodHandle scalar, int arity, double[] x, double[] y) throws Throwable {
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = arity == 1 ? (double) scalar.invokeExact(x[i]) : (double) scalar.invokeExact(x[i], y[i]);
        }
        return expected;
    }

    static MethodHandle scalarHandle(String name, int arity) throws Exception {
        Class<?>[] types = arity == 1 ? new Class<?>[] {double.class} : new Class<?>[] {double.class, double.class};
        return MethodHandles.lookup().unreflect(scalarMethod(transcendentalKernels(), "p.T", name, types));
    }

    static Object runKernel(String name, int arity, double[] x, double[] y) throws Throwable {
        return arity == 1
                ? transcendentalKernels().call("p.TVectorized", name, new Class<?>[] {double[].class}, (Object) x)
                : transcendentalKernels().call("p.TVectorized", name, new Class<?>[] {double[].class, double[].class}, x, y);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("transcendentalCases")
    void transcendentalSimdKernelsAreWithinTwoUlpsOfTheScalarMethod(String math, Transcendental f) throws Throwable {
        assumeSimdRuns();
        Random random = new Random(f.name().hashCode() * 31L + math.length());
        double[] x = new double[ULP_VALUES];
        double[] y = new double[ULP_VALUES];
        for (int i = 0; i < ULP_VALUES; i++) {
            double[] values = f.values().apply(random);
            x[i] = values[0];
            y[i] = values.length > 1 ? values[1] : 0;
        }
        String name = kernelName(math, f);
        double[] expected = scalarResults(scalarHandle(name, f.arity()), f.arity(), x, y);
        double worst = 0;
        double lastRound = 0;
        int worstAt = -1;
        for (int round = 0; round < ULP_ROUNDS; round++) {
            double[] actual = (double[]) runKernel(name, f.arity(), x, y);
            lastRound = 0;
            for (int i = 0; i < ULP_VALUES; i++) {
                double error = ulps(expected[i], actual[i]);
                lastRound = Math.max(lastRound, error);
                if (error > worst) {
                    worst = error;
                    worstAt = i;
                }
            }
        }
        String where = worstAt < 0 ? "" : String.format(Locale.ROOT, " at %s(%s%s) = %s", name,
                x[worstAt], f.arity() > 1 ? ", " + y[worstAt] : "", expected[worstAt]);
        System.out.printf(Locale.ROOT, "SIMD ulps %-16s max %.4f, in the last call %.4f%s%n",
                math + "." + f.name(), worst, lastRound, where);
        assertTrue(worst <= ULP_BOUND, math + "." + f.name() + ": " + worst + " ulps" + where);
    }

    /** Special arguments: the results must agree in NaN, infinity and the sign of zero, and otherwise be within the bound. */
    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("transcendentalCases")
    void transcendentalSimdKernelsAgreeOnSpecialValues(String math, Transcendental f) throws Throwable {
        assumeSimdRuns();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1, -1, 0.5, -0.5, 2, -2, 3, 1e-300, -1e-300, 1e300, -1e300, 710, -746, Math.PI / 2};
        int n = f.arity() == 1 ? specials.length : specials.length * specials.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = specials[i % specials.length];
            y[i] = specials[i / specials.length % specials.length];
        }
        String name = kernelName(math, f);
        double[] expected = scalarResults(scalarHandle(name, f.arity()), f.arity(), x, y);
        List<String> mismatches = new ArrayList<>();
        for (int round = 0; round < ULP_ROUNDS; round++) {
            double[] actual = (double[]) runKernel(name, f.arity(), x, y);
            for (int i = 0; i < n; i++) {
                boolean zeroSign = expected[i] == 0 && actual[i] == 0
                        && Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i]);
                if (zeroSign || ulps(expected[i], actual[i]) > ULP_BOUND) {
                    String mismatch = math + "." + f.name() + "(" + x[i] + (f.arity() > 1 ? ", " + y[i] : "") + ") = "
                            + expected[i] + ", SIMD gives " + actual[i];
                    if (!mismatches.contains(mismatch)) {
                        mismatches.add(mismatch);
                    }
                }
            }
        }
        mismatches.forEach(m -> System.out.println("SIMD special value differs: " + m));
        assertEquals(List.of(), mismatches);
    }

    // ---- corner cases at run time ------------------------------------------------------------

    private static CompiledClasses cornerCaseKernels;

    static synchronized CompiledClasses cornerCaseKernels() {
        if (cornerCaseKernels == null) {
            cornerCaseKernels = new CompiledClasses(compile(WITH_MODULE, Source.of("p.B",
                    "package p;",
                    "",
                    "import static java.lang.Math.*;",
                    "",
                    "import io.jvectorize.Vectorize;",
                    "",
                    "public class B {",
                    "    static final double K = 2.0;",
                    "    public static final int ZERO = Integer.parseInt(\"0\");",
                    "",
                    "    @Vectorize",
                    "    static int div(int a, int b) {",
                    "        return a / b;",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static int safe(int a, int b) {",
                    "        return b == 0 ? 0 : div(a, b);",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static int scalarDivision(int a) {",
                    "        return a > 0 ? a : 1 / ZERO;",
                    "    }",
                    "",
                    "    static double exp(double x) {",
                    "        return 42;",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static double ownExp(double x) {",
                    "        return exp(x);",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static double g(double x) {",
                    "        return x + 1;",
                    "    }",
                    "",
                    "    static double g(int n) {",
                    "        return n * 100.0;",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static double overload(double x) {",
                    "        return x * g(2);",
                    "    }",
                    "",
                    "    @Vectorize",
                    "    static double blockLocal(double x) {",
                    "        {",
                    "            double K = x;",
                    "        }",
                    "        return K * x;",
                    "    }",
                    "}")));
        }
        return cornerCaseKernels;
    }

    static final Class<?>[] ONE_DOUBLE = {double.class};

    static double[] someDoubles() {
        double[] x = new double[67];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.75 - 20;
        }
        return x;
    }

    /**
     * An integer division inlined from another @Vectorize method into a branch is not refused like
     * one written in the branch (the inlined body starts again at depth 0), so the SIMD loop divides
     * on every lane; its check for zero divisors must hand such lanes to the scalar method.
     */
    @Test
    void integerDivisionInAnInlinedMethodCalledFromABranchDoesNotThrow() throws Throwable {
        assumeSimdRuns();
        int[] a = new int[64];
        int[] b = new int[64];
        for (int i = 0; i < 64; i++) {
            a[i] = i * 5;
            b[i] = i % 3;
        }
        assertKernelMatchesScalar(cornerCaseKernels(), "p.B", "safe", new Class<?>[] {int.class, int.class}, a, b);
    }

    /** {@code 1 / ZERO} is computed on every lane though the scalar method never reaches it for a > 0. */
    @Test
    void integerDivisionOfConstantsInABranchIsNotComputedOnEveryLane() throws Throwable {
        assumeSimdRuns();
        int[] a = new int[64];
        java.util.Arrays.fill(a, 5);
        assertKernelMatchesScalar(cornerCaseKernels(), "p.B", "scalarDivision", new Class<?>[] {int.class}, (Object) a);
    }

    /** See {@link #aMethodOfTheClassHidesAStaticallyImportedMathFunction}: ownExp gives 42 everywhere. */
    @Test
    void aMethodOfTheClassNamedLikeAStaticallyImportedMathFunctionIsTheOneCalled() throws Throwable {
        assumeSimdRuns();
        assertKernelMatchesScalar(cornerCaseKernels(), "p.B", "ownExp", ONE_DOUBLE, (Object) someDoubles());
    }

    /** See {@link #anOverloadThatJavaPicksIsNotReplacedByTheVectorizeMethodOfTheSameName}. */
    @Test
    void theOverloadJavaPicksIsTheOneCalled() throws Throwable {
        assumeSimdRuns();
        assertKernelMatchesScalar(cornerCaseKernels(), "p.B", "overload", ONE_DOUBLE, (Object) someDoubles());
    }

    /**
     * A local declared in a nested block goes out of scope at the block's end; after it, K is the
     * field again (K * x = 2x), but the translation still reads the local (x * x).
     */
    @Test
    void aLocalOfANestedBlockDoesNotHideAFieldAfterTheBlock() throws Throwable {
        assumeSimdRuns();
        assertKernelMatchesScalar(cornerCaseKernels(), "p.B", "blockLocal", ONE_DOUBLE, (Object) someDoubles());
    }
}
