package io.jvectorize.processor;

import static io.jvectorize.processor.SimdTesting.assertNoScalarLoopNotes;
import static io.jvectorize.processor.SimdTesting.assertOnlyTheIncubatingWarningAndNoNotes;
import static io.jvectorize.processor.SimdTesting.assertSimdLoop;
import static io.jvectorize.processor.SimdTesting.compileWithSimd;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names in translated bodies: Math functions (also statically imported), constants of the class,
 * of the classes around it and of imports, calls to the class's other @Vectorize methods (which
 * inline), and parameters named like the names generated code uses.
 */
class SimdNamesTest {
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
            {"cosh", "1", "lanewise(VectorOperators.COSH)"}, {"tanh", "1", "VectorMath.tanh(xV)"},
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
            assertSimdLoop(compilation, "Foo", function[0] + "Of", function[2] + ")).intoArray(out, i);");
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
        assertTrue(simd.contains("((DoubleVector) DOUBLES_CLASS.cast(xV.mul(Foo.K))).intoArray(out, i);"), simd);
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
                "((DoubleVector) DOUBLES_CLASS.cast(DoubleVector.broadcast(DOUBLES, Math.PI).mul(rV).mul(rV).mul(Shapes.HALF))).intoArray(out, i);");
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
}
