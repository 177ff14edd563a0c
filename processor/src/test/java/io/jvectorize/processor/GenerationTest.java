package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static io.jvectorize.processor.Source.generatedDespiteErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the processor writes for valid methods, and that it compiles cleanly. */
class GenerationTest {

    /** Methods of one to four parameters, of every type, with signatures that convert arguments and results. */
    private static final String[] MANY_METHODS = {
        "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
        "static double poly(double t) {",
        "    return (5.0 * t + 4.0) * t + 1.0;",
        "}",
        "",
        "@Vectorize(signature = {\"float32(int32)\", \"float64(int64)\", \"f8(f8)\"})",
        "static double half(double x) {",
        "    return x / 2;",
        "}",
        "",
        "@Vectorize",
        "static double hypot(double a, double b) {",
        "    return Math.hypot(a, b);",
        "}",
        "",
        "@Vectorize(signature = {\"f4(f4, f4, f4)\", \"f8(f8, f8, f8)\"})",
        "static double fma(double a, double b, double c) {",
        "    return a * b + c;",
        "}",
        "",
        "@Vectorize",
        "static double mix(double a, double b, double c, double d) {",
        "    return a * b + c * d;",
        "}",
        "",
        "@Vectorize(signature = {\"int32(int32)\", \"int64(int64)\"})",
        "static long twice(long x) {",
        "    return 2 * x;",
        "}",
        "",
        "@Vectorize",
        "static int inc(int x) {",
        "    return x + 1;",
        "}",
        "",
        "@Vectorize(signature = {\"i2(i1)\", \"i2(i2)\"})",
        "static short neg(short x) {",
        "    return (short) -x;",
        "}",
        "",
        "@Vectorize",
        "static byte low(byte x) {",
        "    return (byte) (x & 0xF);",
        "}",
        "",
        "@Vectorize(signature = {\"b1(f4)\", \"b1(f8)\"})",
        "static boolean positive(double x) {",
        "    return x > 0;",
        "}",
        "",
        "@Vectorize",
        "static boolean both(boolean a, boolean b) {",
        "    return a && b;",
        "}",
        "",
        "@Vectorize(signature = \"int8(int16)\")",
        "static int narrow(int x) {",
        "    return x;",
        "}",
        "",
        "@Vectorize(signature = {\"float32(int8, int16)\", \"float64(int64, float32)\"})",
        "static double sum(double a, double b) {",
        "    return a + b;",
        "}",
        "",
        "@Vectorize(signature = \"f8(i8, f4, i4, b1)\")",
        "static double pick(double a, float b, long c, boolean d) {",
        "    return d ? a : b + c;",
        "}",
    };

    /** As {@link #MANY_METHODS}, but only methods of one parameter, which have no broadcast forms. */
    private static final String[] ONE_PARAMETER_METHODS = {
        "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
        "static double poly(double t) {",
        "    return (5.0 * t + 4.0) * t + 1.0;",
        "}",
        "",
        "@Vectorize(signature = {\"float32(int32)\", \"float64(int64)\", \"f8(f8)\"})",
        "static double half(double x) {",
        "    return x / 2;",
        "}",
        "",
        "@Vectorize(signature = {\"int32(int32)\", \"int64(int64)\"})",
        "static long twice(long x) {",
        "    return 2 * x;",
        "}",
        "",
        "@Vectorize(signature = {\"i2(i1)\", \"i2(i2)\"})",
        "static short neg(short x) {",
        "    return (short) -x;",
        "}",
        "",
        "@Vectorize",
        "static byte low(byte x) {",
        "    return (byte) (x & 0xF);",
        "}",
        "",
        "@Vectorize(signature = {\"b1(f4)\", \"b1(f8)\"})",
        "static boolean positive(double x) {",
        "    return x > 0;",
        "}",
        "",
        "@Vectorize(signature = \"int8(int16)\")",
        "static int narrow(int x) {",
        "    return x;",
        "}",
    };

    /**
     * Under -Xlint:all, which includes "processing": an annotation on the companion that no
     * processor claims (such as {@code @javax.annotation.processing.Generated}) would warn.
     */
    @Test
    void manyValidMethodsCompileWithoutWarningsUnderXlintAll() {
        Compilation compilation = compile(List.of("-Xlint:all"), classP("Kernels", MANY_METHODS));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.KernelsVectorized");
    }

    /** The options of this project's own build. */
    @Test
    void manyValidMethodsCompileWithoutWarningsUnderTheProjectsOwnLintOptions() {
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), classP("Kernels", MANY_METHODS));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** As above, for methods without broadcast forms, so a failure tells the two kinds of kernel apart. */
    @Test
    void oneParameterMethodsCompileWithoutWarningsUnderXlintAll() {
        Compilation compilation = compile(List.of("-Xlint:all"), classP("Kernels", ONE_PARAMETER_METHODS));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void generatedCodeForOneParameterMethodsHasNoLintWarningsOfItsOwn() {
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), classP("Kernels", ONE_PARAMETER_METHODS));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void parametersNamedLikeTheGeneratedLocalsAreRenamedInTheKernels() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double out, double from, double to, double i) {",
                "    return out + from + to + i;",
                "}");
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), source);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "p.FooVectorized");
        assertTrue(companion.contains("public static double[] f(double[] out, double[] from, double[] to, double[] i)"),
                "the source's names are kept for the arguments");
        assertTrue(companion.contains("out_[i_] = Foo.f(out[i_], from[i_], to[i_], i[i_]);"), companion);
    }

    @Test
    void parametersNamedLikeTheGeneratedLocalsAreRenamedInBroadcastForms() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double out, double from, double i) {",
                "    return out + from + i;",
                "}");
        assertThat(compile(source)).succeededWithoutWarnings();
    }

    /**
     * Generated code names {@code Arguments} and {@code Parallel}: a parameter of that name gets
     * another name in the kernels, so that it does not hide the class.
     */
    @Test
    void aParameterNamedLikeARuntimeClassDoesNotBreakTheCompanion() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double Arguments) {",
                "    return Arguments;",
                "}");
        assertThat(compile(source)).succeededWithoutWarnings();
    }

    /** The loop calls {@code Foo.f(...)}: a parameter named like the class gets another name. */
    @Test
    void aParameterNamedLikeItsClassDoesNotBreakTheCompanion() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double Foo) {",
                "    return Foo;",
                "}");
        assertThat(compile(source)).succeededWithoutWarnings();
    }

    /** Calling a deprecated method is the user's choice: the generated code repeats it without a warning. */
    @Test
    void aDeprecatedMethodGetsKernelsWithoutWarningsInGeneratedCode() {
        Source source = classP("Foo",
                "@Deprecated",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}");
        assertThat(compile(List.of("-Xlint:all"), source)).succeededWithoutWarnings();
    }

    @Test
    void aBadMethodGetsItsErrorWhileAGoodMethodOfTheClassStillGetsKernels() {
        Source source = classP("Foo",
                "@Vectorize",
                "private static double bad(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double good(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method bad must not be private")
                .inFile(source.file()).onLine(source.line("double bad("));
        assertThat(compilation).hadErrorCount(1);
        String companion = generatedDespiteErrors("p.FooVectorized", source).orElseThrow();
        assertTrue(companion.contains("public static double[] good(double[] x)"));
        assertTrue(companion.contains("public static double[] goodParallel(double[] x)"));
        assertFalse(companion.contains("bad"), "the bad method gets no kernels");
    }

    @Test
    void aMethodWithABadSignatureGetsNoKernelsWhileAGoodMethodDoes() {
        Source source = classP("Foo",
                "@Vectorize(signature = {",
                "        \"float64(float64)\",",
                "        \"float64(nope)\"})",
                "static double bad(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize(signature = \"float32(float32)\")",
                "static double good(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("unknown type \"nope\"")
                .inFile(source.file()).onLine(source.line("\"float64(nope)\""));
        String companion = generatedDespiteErrors("p.FooVectorized", source).orElseThrow();
        assertTrue(companion.contains("public static float[] good(float[] x)"));
        assertFalse(companion.contains("bad"), "the bad method gets no kernels");
    }

    @Test
    void aNestedClassGetsACompanionNamedAfterItsEnclosingClasses() {
        Source source = Source.of("p.Outer",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Outer {",
                "    static class Inner {",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x;",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "p.Outer_InnerVectorized");
        assertTrue(companion.contains("public final class Outer_InnerVectorized"));
        assertTrue(companion.contains("Outer.Inner.f(x[i])"), companion);
        assertTrue(compilation.generatedSourceFile("p.OuterVectorized").isEmpty());
    }

    @Test
    void aMethodOfAGenericClassCompilesWithoutRawTypeWarnings() {
        Source source = Source.of("p.Box",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Box<T> {",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return x;",
                "    }",
                "}");
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.BoxVectorized");
    }

    @Test
    void aStaticMethodOfAnInterfaceGetsKernels() {
        Source source = Source.of("p.Shapes",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public interface Shapes {",
                "    @Vectorize",
                "    static double area(double r) {",
                "        return Math.PI * r * r;",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.ShapesVectorized").contains("Shapes.area(r[i])"));
    }

    @Test
    void aClassInTheUnnamedPackageGetsACompanionThere() {
        Source source = Source.of("Foo",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Foo {",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return x;",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "FooVectorized");
        assertFalse(companion.contains("package "), companion);
        assertTrue(companion.contains("public final class FooVectorized"));
    }

    @Test
    void theCompanionIsAFinalClassWithAPrivateConstructor() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}"));
        String companion = generated(compilation, "p.FooVectorized");
        assertTrue(companion.contains("public final class FooVectorized {"), companion);
        assertTrue(companion.contains("private FooVectorized() {"), companion);
    }

    @Test
    void aOneParameterMethodGetsTheFourPublicForms() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}"));
        String companion = generated(compilation, "p.FooVectorized");
        assertEquals(List.of(
                        "public static double[] f(double[] x)",
                        "public static void f(double[] x, double[] out)",
                        "public static double[] fParallel(double[] x)",
                        "public static void fParallel(double[] x, double[] out)"),
                methodHeaders(companion));
    }

    @Test
    void aTwoParameterMethodGetsArrayAndBothBroadcastForms() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize",
                "static double h(double a, double b) {",
                "    return a + b;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        List<String> headers = methodHeaders(generated(compilation, "p.FooVectorized"));
        assertTrue(headers.containsAll(List.of(
                "public static double[] h(double[] a, double[] b)",
                "public static void h(double[] a, double[] b, double[] out)",
                "public static double[] hParallel(double[] a, double[] b)",
                "public static void hParallel(double[] a, double[] b, double[] out)",
                "public static double[] h(double a, double[] b)",
                "public static void h(double a, double[] b, double[] out)",
                "public static double[] hParallel(double a, double[] b)",
                "public static void hParallel(double a, double[] b, double[] out)",
                "public static double[] h(double[] a, double b)",
                "public static void h(double[] a, double b, double[] out)",
                "public static double[] hParallel(double[] a, double b)",
                "public static void hParallel(double[] a, double b, double[] out)")), headers.toString());
        // double(double, double) is a ufunc signature: its five ufunc methods (no identity: no parallel reduce).
        assertTrue(headers.containsAll(List.of(
                "public static double hReduce(double[] a)",
                "public static double[] hAccumulate(double[] a)",
                "public static void hAccumulate(double[] a, double[] out)",
                "public static double[][] hOuter(double[] a, double[] b)",
                "public static void hAt(double[] a, int[] indices, double[] b)")), headers.toString());
        assertEquals(12 + 5, headers.size(), headers.toString());
        assertFalse(headers.contains("public static double[] h(double a, double b)"), "all-scalar is not a kernel");
    }

    @Test
    void aThreeParameterMethodGetsSevenFormsOfFourPublicMethods() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize",
                "static double h(double a, double b, double c) {",
                "    return a + b + c;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        List<String> headers = methodHeaders(generated(compilation, "p.FooVectorized"));
        assertEquals(7 * 4, headers.size(), headers.toString());
        assertTrue(headers.contains("public static double[] h(double a, double b, double[] c)"), headers.toString());
    }

    @Test
    void broadcastFormsOfAConvertingSignatureUseTheSignaturesTypes() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize(signature = \"float32(int32, float32)\")",
                "static double h(double a, double b) {",
                "    return a + b;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        List<String> headers = methodHeaders(generated(compilation, "p.FooVectorized"));
        assertTrue(headers.contains("public static float[] h(int a, float[] b)"), headers.toString());
        assertTrue(headers.contains("public static void hParallel(int[] a, float b, float[] out)"), headers.toString());
    }

    @Test
    void aFourParameterMethodGetsNoBroadcastForms() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize",
                "static double m(double a, double b, double c, double d) {",
                "    return a + b + c + d;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        List<String> headers = methodHeaders(generated(compilation, "p.FooVectorized"));
        assertEquals(List.of(
                        "public static double[] m(double[] a, double[] b, double[] c, double[] d)",
                        "public static void m(double[] a, double[] b, double[] c, double[] d, double[] out)",
                        "public static double[] mParallel(double[] a, double[] b, double[] c, double[] d)",
                        "public static void mParallel(double[] a, double[] b, double[] c, double[] d, double[] out)"),
                headers);
    }

    @Test
    void eachSignatureGetsItsOwnKernelsWithItsOwnTypes() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize(signature = {\"int16(int8)\", \"float64(float32)\"})",
                "static double f(double x) {",
                "    return x;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        List<String> headers = methodHeaders(generated(compilation, "p.FooVectorized"));
        assertTrue(headers.containsAll(List.of(
                "public static short[] f(byte[] x)",
                "public static void fParallel(byte[] x, short[] out)",
                "public static double[] f(float[] x)",
                "public static void fParallel(float[] x, double[] out)")), headers.toString());
        assertFalse(headers.contains("public static double[] f(double[] x)"), "the method's own types are not added");
    }

    @Test
    void theLoopConvertsArgumentsAndResultAsTheSignatureSays() {
        Compilation compilation = compile(classP("Foo",
                "@Vectorize(signature = \"float32(int32)\")",
                "static double f(double x) {",
                "    return x;",
                "}"));
        assertTrue(generated(compilation, "p.FooVectorized").contains("out[i] = (float) Foo.f((double) x[i]);"));
    }

    /** The public method headers of a generated source, each joined onto one line, without the opening brace. */
    private static List<String> methodHeaders(String source) {
        Matcher matcher = Pattern.compile("(?m)^ {4}(public static [^=;{]*?\\))\\s*\\{").matcher(source);
        List<String> headers = new ArrayList<>();
        while (matcher.find()) {
            headers.add(matcher.group(1).replaceAll("\\s+", " "));
        }
        return headers;
    }
}
