package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static io.jvectorize.processor.Source.generatedDespiteErrors;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Errors about a class's @Vectorize methods taken together, and about where the class is. */
class ClassDiagnosticsTest {

    @Test
    void twoVectorizeMethodsOfOneNameAreAnErrorOnTheLaterOne() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static float f(float x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("another @Vectorize method of Foo is named f;"
                        + " rename one: the generated kernels take the method's name")
                .inFile(source.file()).onLine(source.line("static float f("));
        assertThat(compilation).hadErrorCount(1);
        String companion = generatedDespiteErrors("p.FooVectorized", source).orElseThrow();
        assertTrue(companion.contains("public static double[] f(double[] x)"), "the first f keeps its kernels");
        assertFalse(companion.contains("float[] f(float[] x)"), "the second f gets none");
    }

    @Test
    void anOverloadWithoutTheAnnotationIsFine() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double f(double x) {",
                "    return x;",
                "}",
                "",
                "static float f(float x) {",
                "    return -x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.FooVectorized").contains("(float) Foo.f((double) x[i])"),
                "the cast picks the annotated f over the float overload");
    }

    @Test
    void aMethodInAPrivateNestedClassIsRejected() {
        Source source = classP("Foo",
                "private static class Hidden {",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return x;",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f is in private class Hidden, which the"
                        + " generated companion cannot call; make Hidden package-private or public")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
        assertTrue(generatedDespiteErrors("p.Foo_HiddenVectorized", source).isEmpty());
    }

    @Test
    void aMethodInAClassNestedInAPrivateClassIsRejectedNamingThePrivateClass() {
        Source source = classP("Foo",
                "private static class Hidden {",
                "    static class Inner {",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x;",
                "        }",
                "    }",
                "}");
        assertThat(compile(source)).hadErrorContaining("@Vectorize method f is in private class Hidden")
                .inFile(source.file()).onLine(source.line("double f("));
    }

    @Test
    void everyMethodOfAPrivateClassIsReported() {
        Source source = classP("Foo",
                "private static class Hidden {",
                "    @Vectorize",
                "    static double f(double x) {",
                "        return x;",
                "    }",
                "    @Vectorize",
                "    static double g(double x) {",
                "        return x;",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("method f is in private class").inFile(source.file())
                .onLine(source.line("double f("));
        assertThat(compilation).hadErrorContaining("method g is in private class").inFile(source.file())
                .onLine(source.line("double g("));
        assertThat(compilation).hadErrorCount(2);
    }

    /**
     * javac's RoundEnvironment never returns elements of local or anonymous classes: the
     * processors find them in the trees, so that the annotation is never silently ignored.
     */
    @Test
    void aMethodInALocalClassIsRejected() {
        Source source = classP("Foo",
                "static void run() {",
                "    class Local {",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x;",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f is in a local or anonymous class, which"
                        + " generated code cannot name; move it to a top-level or member class")
                .inFile(source.file()).onLine(source.line("double f("));
    }

    /** As {@link #aMethodInALocalClassIsRejected}, for an anonymous class. */
    @Test
    void aMethodInAnAnonymousClassIsRejected() {
        Source source = classP("Foo",
                "static Object make() {",
                "    return new Object() {",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x;",
                "        }",
                "    };",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f is in a local or anonymous class")
                .inFile(source.file()).onLine(source.line("double f("));
    }

    /** As {@link #aMethodInALocalClassIsRejected}, for a gufunc. */
    @Test
    void aGufuncInALocalClassIsRejected() {
        Source source = classP("Foo",
                "static void run() {",
                "    class Local {",
                "        @io.jvectorize.GuVectorize(signature = \"void(float64[:], float64[:])\", layout = \"(n)->()\")",
                "        static void total(double[] x, double[] out) {",
                "            out[0] = x.length;",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@GuVectorize method total is in a local or anonymous class, which"
                        + " generated code cannot name; move it to a top-level or member class")
                .inFile(source.file()).onLine(source.line("void total("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMethodWhoseKernelsTakeTheNameOfAnotherMethodsParallelKernelsIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double fParallel(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize methods f and fParallel would both generate"
                        + " FooVectorized.fParallel(double[]); rename one of them")
                .inFile(source.file()).onLine(source.line("double fParallel("));
        assertThat(compilation).hadErrorCount(1);
        String companion = generatedDespiteErrors("p.FooVectorized", source).orElseThrow();
        assertTrue(companion.contains("public static double[] fParallel(double[] x)"), "f keeps its kernels");
        assertFalse(companion.contains("fParallelParallel"), "fParallel gets none");
    }

    @Test
    void aGeneratedNameClashIsReportedOnTheLaterMethodWhicheverItIs() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double fParallel(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        // The same words as when f comes first: they name the methods in name order.
        assertThat(compilation).hadErrorContaining("@Vectorize methods f and fParallel would both generate"
                        + " FooVectorized.fParallel(double[]); rename one of them")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aParallelNamedMethodWithOtherParameterTypesDoesNotClash() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static float fParallel(float x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = generated(compilation, "p.FooVectorized");
        assertTrue(companion.contains("public static double[] fParallel(double[] x)"));
        assertTrue(companion.contains("public static float[] fParallel(float[] x)"));
    }

    @Test
    void aCompanionNameTakenByAUserClassIsReportedOnTheClass() {
        Source foo = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x;",
                "}");
        Source taken = Source.of("p.FooVectorized",
                "package p;",
                "",
                "public class FooVectorized {",
                "}");
        Compilation compilation = compile(foo, taken);
        assertThat(compilation).hadErrorContaining("jvectorize could not write p.FooVectorized")
                .inFile(foo.file()).onLine(foo.line("public class Foo {"));
        assertThat(compilation).hadErrorContaining("is there a class of that name already?")
                .inFile(foo.file()).onLine(foo.line("public class Foo {"));
    }

    @Test
    void twoClassesWhoseCompanionsShareANameGetAnErrorOnTheSecond() {
        Source nested = Source.of("p.Outer",
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class Outer {",
                "    public static class Inner {",
                "        @Vectorize",
                "        static double f(double x) {",
                "            return x;",
                "        }",
                "    }",
                "}");
        Source flat = classP("Outer_Inner",
                "@Vectorize",
                "static double g(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(nested, flat);
        assertThat(compilation).hadErrorContaining("jvectorize could not write p.Outer_InnerVectorized");
        assertThat(compilation).hadErrorCount(1);
    }
}
