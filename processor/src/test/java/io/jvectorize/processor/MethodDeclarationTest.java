package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Errors on the declaration of a @Vectorize method: modifiers, types, parameters, exceptions. */
class MethodDeclarationTest {
    private static final String PRIMITIVES = "double, float, long, int, short, byte, boolean";

    @Test
    void anInstanceMethodMustBeStatic() {
        Source source = classP("Foo",
                "@Vectorize",
                "double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f must be static; add the static modifier")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
        assertTrue(Source.generatedDespiteErrors("p.FooVectorized", source).isEmpty(), "no companion");
    }

    @Test
    void aPrivateMethodIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "private static double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "@Vectorize method f must not be private: the generated kernels call it;"
                                + " make it package-private or public")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aPrivateInstanceMethodGetsBothErrors() {
        Source source = classP("Foo",
                "@Vectorize",
                "private double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("must be static").inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorContaining("must not be private").inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aGenericMethodIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static <T> double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "@Vectorize method f must not be generic; remove its type parameters and use primitive types")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aVarargsMethodIsRejectedOnceWithoutAParameterTypeError() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double... xs) {",
                "    return xs[0];",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "@Vectorize method f must not be varargs; declare one primitive parameter per argument")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aBoxedParameterIsReportedOnTheParameter() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(",
                "        double x,",
                "        Double y) {",
                "    return x + y;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("the 2nd parameter of @Vectorize method f has type java.lang.Double;"
                        + " declare it as one of " + PRIMITIVES)
                .inFile(source.file()).onLine(source.line("Double y"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anArrayParameterIsReportedOnTheParameter() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(",
                "        double[] xs) {",
                "    return xs[0];",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("the 1st parameter of @Vectorize method f has type double[]")
                .inFile(source.file()).onLine(source.line("double[] xs"));
    }

    @Test
    void aCharParameterIsReportedOnTheParameter() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(",
                "        char c) {",
                "    return c;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "the 1st parameter of @Vectorize method f has type char; declare it as one of " + PRIMITIVES)
                .inFile(source.file()).onLine(source.line("char c"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aBoxedReturnTypeIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static Double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "@Vectorize method f returns java.lang.Double; it must return one of " + PRIMITIVES)
                .inFile(source.file()).onLine(source.line("Double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aCharReturnTypeIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static char f(double x) {",
                "    return 'x';",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f returns char; it must return one of")
                .inFile(source.file()).onLine(source.line("char f("));
    }

    @Test
    void aVoidMethodIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static void f(double x) {",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "@Vectorize method f returns void; it must return one of " + PRIMITIVES)
                .inFile(source.file()).onLine(source.line("void f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMethodWithoutParametersIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f() {",
                "    return 1;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f takes no parameters; give it at least one,"
                        + " the value that each array element supplies")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aCheckedExceptionInTheThrowsClauseIsRejected() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x)",
                "        throws java.io.IOException, IllegalStateException {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f must not throw checked exceptions"
                        + " (java.io.IOException); catch them in the method or rethrow them unchecked")
                .inFile(source.file()).onLine(source.line("double f("));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void everyCheckedExceptionIsNamed() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) throws Exception, InterruptedException {",
                "    return x;",
                "}");
        assertThat(compile(source)).hadErrorContaining("(java.lang.Exception, java.lang.InterruptedException)")
                .inFile(source.file()).onLine(source.line("double f("));
    }

    @Test
    void uncheckedExceptionsAndErrorsInTheThrowsClauseAreFine() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) throws IllegalArgumentException, ArithmeticException, AssertionError {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.FooVectorized");
    }

    @Test
    void aMethodWithSeveralProblemsGetsAnErrorForEach() {
        Source source = classP("Foo",
                "@Vectorize",
                "<T> void f(",
                "        Object o) throws Exception {",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("must be static").inFile(source.file()).onLine(source.line("void f("));
        assertThat(compilation).hadErrorContaining("must not be generic").inFile(source.file()).onLine(source.line("void f("));
        assertThat(compilation).hadErrorContaining("must not throw checked").inFile(source.file()).onLine(source.line("void f("));
        assertThat(compilation).hadErrorContaining("returns void").inFile(source.file()).onLine(source.line("void f("));
        assertThat(compilation).hadErrorContaining("1st parameter of @Vectorize method f has type java.lang.Object")
                .inFile(source.file()).onLine(source.line("Object o"));
        assertThat(compilation).hadErrorCount(5);
    }
}
