package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.spec.NumericType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compile errors of the ufunc machinery: a bad {@code identity} on {@code @Vectorize}, and
 * {@code @GuVectorize} declarations whose layout, signature or method do not fit. Each is
 * reported on the text to change (an annotation value on its own line here), word for word.
 */
class UfuncDiagnosticsTest {

    /** {@code p.Foo} importing both annotations, with the given body lines. */
    private static Source foo(String... body) {
        List<String> lines = new ArrayList<>(List.of("package p;", "", "import io.jvectorize.GuVectorize;",
                "import io.jvectorize.Vectorize;", "", "public class Foo {"));
        for (String line : body) {
            lines.add("    " + line);
        }
        lines.add("}");
        return Source.of("p.Foo", lines.toArray(new String[0]));
    }

    @Test
    void aMalformedIdentityIsAnErrorOnItsString() {
        Source source = foo(
                "@Vectorize(",
                "        identity = \"zero\")",
                "static double add(double a, double b) { return a + b; }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method add: malformed identity \"zero\": write a"
                        + " number such as \"0\", \"1\" or \"-1.5\", \"inf\", \"-inf\", \"reorderable\" (no identity,"
                        + " but the function may be regrouped), or nothing")
                .inFile(source.file()).onLine(source.line("identity = \"zero\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anIdentityNeedsASignatureOfTheFormAOfAA() {
        Source source = foo(
                "@Vectorize(",
                "        identity = \"0\")",
                "static double scale(double a, long b) { return a * b; }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method scale: identity \"0\" needs a signature of the"
                        + " form A(A, A), such as \"float64(float64, float64)\", whose reduce it seeds; the method has"
                        + " none: remove the identity or add such a signature")
                .inFile(source.file()).onLine(source.line("identity = \"0\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anIdentityMustBeExactInEachUfuncType() {
        Source source = foo(
                "@Vectorize(signature = {\"int32(int32, int32)\", \"float64(float64, float64)\"},",
                "        identity = \"-inf\")",
                "static double max(double a, double b) { return Math.max(a, b); }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method max: identity \"-inf\" is not a whole number"
                        + " from -2147483648 to 2147483647, so it is no value of signature int32(int32, int32); give a"
                        + " value exact in int32, or \"reorderable\"")
                .inFile(source.file()).onLine(source.line("identity = \"-inf\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aGeneratedUfuncMethodThatClashesWithAnotherMethodsKernelIsAnError() {
        Source source = foo(
                "@Vectorize",
                "static double add(double a, double b) { return a + b; }",
                "@Vectorize",
                "static double addReduce(double a) { return a; }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize methods add and addReduce would both generate"
                        + " FooVectorized.addReduce(double[]); rename one of them")
                .inFile(source.file()).onLine(source.line("double addReduce("));
    }

    @Test
    void aValidIdentityCompilesWithoutWarnings() {
        Compilation compilation = compile(foo(
                "@Vectorize(signature = {\"int64(int64, int64)\", \"float64(float64, float64)\"}, identity = \"1\")",
                "static double mul(double a, double b) { return a * b; }"));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "p.FooVectorized");
        assertTrue(companion.contains("public static long mulReduceParallel(long[] a)"), companion);
        assertTrue(companion.contains("return 1L;"), companion);
    }

    @Test
    void aGuVectorizeMethodMustReturnVoid() {
        Source source = foo(
                "@GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "static double mean(double[] x, double[] out) { return 0; }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean returns double; it must return void and"
                        + " write its results into its output array parameters")
                .inFile(source.file()).onLine(source.line("static double mean("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anUnknownTypeIsAnErrorOnTheSignature() {
        Source source = foo(
                "@GuVectorize(",
                "        signature = \"void(real[:], float64[:])\",",
                "        layout = \"(n)->()\")",
                "static void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean: unknown type \"real\" at column 6 of"
                        + " signature \"void(real[:], float64[:])\"; known types: " + NumericType.allNames())
                .inFile(source.file()).onLine(source.line("signature = "));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aLayoutThatDoesNotMatchTheParametersIsAnErrorOnTheLayout() {
        Source source = foo(
                "@GuVectorize(",
                "        signature = \"void(float64[:], float64[:])\",",
                "        layout = \"(n)->(),()\")",
                "static void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean: layout \"(n)->(),()\" gives 3 parameters"
                        + " (1 input, 2 outputs) but the method takes 2 parameters; give one (...) per parameter,"
                        + " inputs before -> and outputs after it")
                .inFile(source.file()).onLine(source.line("layout = "));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aScalarOutputIsAnErrorOnTheLayout() {
        Source source = foo(
                "@GuVectorize(signature = \"void(float64[:], float64)\",",
                "        layout = \"(n)->()\")",
                "static void mean(double[] x, double out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean: layout \"(n)->()\" makes the 2nd"
                        + " parameter an output, but it is a scalar; outputs are arrays (a () output is an array of"
                        + " length 1): declare it float64[:], or move it before ->")
                .inFile(source.file()).onLine(source.line("layout = "));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMalformedLayoutIsAnErrorWithItsColumn() {
        Source source = foo(
                "@GuVectorize(signature = \"void(float64[:], float64[:])\",",
                "        layout = \"(n)=>()\")",
                "static void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean: malformed layout \"(n)=>()\": expected"
                        + " ',' or '->' at column 4, found '='; write inputs->outputs, such as \"(n),()->(n)\"")
                .inFile(source.file()).onLine(source.line("layout = "));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSignatureTypeThatDoesNotMatchItsParameterIsAnErrorOnTheSignature() {
        Source source = foo(
                "@GuVectorize(",
                "        signature = \"void(float32[:], float64[:])\",",
                "        layout = \"(n)->()\")",
                "static void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean: signature \"void(float32[:],"
                        + " float64[:])\" gives the 1st parameter type float32[:] but it is declared double[]; an array"
                        + " type must match exactly")
                .inFile(source.file()).onLine(source.line("signature = "));
    }

    @Test
    void aTwoDimensionalParameterIsAnErrorOnTheParameter() {
        Source source = foo(
                "@GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "static void mean(",
                "        double[][] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("the 1st parameter of @GuVectorize method mean has type double[][];"
                        + " declare it as a primitive (" + NumericType.allJavaNames()
                        + ") or a one-dimensional array of one")
                .inFile(source.file()).onLine(source.line("double[][] x"));
    }

    @Test
    void aGufuncMayNotTakeTheNameOfAVectorizeMethod() {
        Source source = foo(
                "@Vectorize",
                "static double mean(double x) { return x; }",
                "@GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "static void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("another @Vectorize or @GuVectorize method of Foo is named mean;"
                        + " rename one: the generated methods take the method's name")
                .inFile(source.file()).onLine(source.line("static void mean("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anInstanceGufuncIsAnErrorOnTheMethod() {
        Source source = foo(
                "@GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "void mean(double[] x, double[] out) { }");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method mean must be static; add the static modifier")
                .inFile(source.file()).onLine(source.line("void mean("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aValidGufuncAloneGetsACompanionWithoutWarnings() {
        Compilation compilation = compile(foo(
                "@GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "static void mean(double[] x, double[] out) { out[0] = x.length; }"));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "p.FooVectorized");
        assertTrue(companion.contains("public static void mean(double[][] x, double[] out)"), companion);
        assertTrue(companion.contains("public static double[] mean(double[][] x)"), companion);
        assertTrue(companion.contains("public static double[] meanParallel(double[][] x)"), companion);
    }
}
