package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.SimdTesting.WITH_MODULE;
import static io.jvectorize.processor.SimdTesting.assertKernelMatchesScalar;
import static io.jvectorize.processor.SimdTesting.assumeSimdRuns;
import static io.jvectorize.processor.SimdTesting.methods;
import static io.jvectorize.processor.SimdTesting.simdClass;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Corner cases of the translation: each test says what the generated code must do, at compile
 * time and, where the Vector API runs, at run time.
 */
class SimdCornerCasesTest {
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
