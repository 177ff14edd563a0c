package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Functions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract on both sides: each bad declaration of the table is compiled with the processor,
 * which must refuse it, and without it, as a user's class built without jvectorize would be;
 * {@code Functions.register} must then refuse that class with javac's messages, word for word
 * (without javac's file and line), one line per error.
 */
class RegisterAgreementTest {

    /**
     * A bad declaration: what the test calls it, the binary name of the class to register, the
     * text on the line javac must report the first error on, and the body of {@code p.Foo}.
     */
    static Stream<Arguments> badDeclarations() {
        return Stream.of(
                bad("a Java name in a signature", "p.Foo", "\"int64(long)\"",
                        "@Vectorize(signature =",
                        "        \"int64(long)\")",
                        "static long f(long x) { return x; }"),
                bad("an instance method", "p.Foo", "double f(",
                        "@Vectorize double f(double x) { return x; }"),
                bad("a private method", "p.Foo", "double f(",
                        "@Vectorize private static double f(double x) { return x; }"),
                bad("a generic method", "p.Foo", "double f(",
                        "@Vectorize static <T> double f(double x) { return x; }"),
                bad("a varargs method", "p.Foo", "double f(",
                        "@Vectorize static double f(double... xs) { return xs[0]; }"),
                bad("a boxed parameter", "p.Foo", "Double y",
                        "@Vectorize static double f(double x,",
                        "        Double y) { return x; }"),
                bad("an array parameter", "p.Foo", "double f(",
                        "@Vectorize static double f(double[] xs) { return xs[0]; }"),
                bad("a char parameter", "p.Foo", "double f(",
                        "@Vectorize static double f(char c) { return c; }"),
                bad("a parameterized parameter", "p.Foo", "double f(",
                        "@Vectorize static double f(java.util.Map<String, ? extends Number> m) { return 0; }"),
                bad("a nested class's parameter", "p.Foo", "double f(",
                        "static class Bar {}",
                        "@Vectorize static double f(Bar b) { return 0; }"),
                bad("a generic array parameter", "p.Foo", "double f(",
                        "@Vectorize static <T> double f(T[] xs) { return 0; }"),
                bad("a boxed result", "p.Foo", "Double f(",
                        "@Vectorize static Double f(double x) { return x; }"),
                bad("no result", "p.Foo", "void f(",
                        "@Vectorize static void f(double x) {}"),
                bad("no parameters", "p.Foo", "double f(",
                        "@Vectorize static double f() { return 1; }"),
                bad("a checked exception", "p.Foo", "double f(",
                        "@Vectorize static double f(double x) throws java.io.IOException { return x; }"),
                bad("a thrown type variable", "p.Foo", "double f(",
                        "@Vectorize static <E extends Exception> double f(double x) throws E { return x; }"),
                bad("a malformed signature", "p.Foo", "\"float64(float64\"",
                        "@Vectorize(signature = {\"float64(float64)\",",
                        "        \"float64(float64\"})",
                        "static double f(double x) { return x; }"),
                bad("an unknown type", "p.Foo", "\"float64(real)\"",
                        "@Vectorize(signature =",
                        "        \"float64(real)\")",
                        "static double f(double x) { return x; }"),
                bad("an empty signature", "p.Foo", "\"\"",
                        "@Vectorize(signature =",
                        "        \"\")",
                        "static double f(double x) { return x; }"),
                bad("a signature of another arity", "p.Foo", "\"float64(float64, float64)\"",
                        "@Vectorize(signature =",
                        "        \"float64(float64, float64)\")",
                        "static double f(double x) { return x; }"),
                bad("argument types that do not widen", "p.Foo", "\"int32(int64, float32)\"",
                        "@Vectorize(signature =",
                        "        \"int32(int64, float32)\")",
                        "static int f(int x, int y) { return x; }"),
                bad("a result that cannot hold the method's", "p.Foo", "\"boolean(float32)\"",
                        "@Vectorize(signature =",
                        "        \"boolean(float32)\")",
                        "static double f(double x) { return x; }"),
                bad("two signatures of the same argument types", "p.Foo", "\"float32(f8)\"",
                        "@Vectorize(signature = {\"float64(float64)\",",
                        "        \"float32(f8)\"})",
                        "static double f(double x) { return x; }"),
                bad("a malformed identity", "p.Foo", "\"zero\"",
                        "@Vectorize(identity =",
                        "        \"zero\")",
                        "static double f(double x, double y) { return x + y; }"),
                bad("an identity without a signature A(A, A)", "p.Foo", "\"0\"",
                        "@Vectorize(identity =",
                        "        \"0\")",
                        "static double f(double x) { return x; }"),
                bad("an identity that is no int32", "p.Foo", "\"0.5\"",
                        "@Vectorize(signature = \"int32(int32, int32)\", identity =",
                        "        \"0.5\")",
                        "static int f(int x, int y) { return x + y; }"),
                bad("a ufunc method generated twice", "p.Foo", "double fReduce(",
                        "@Vectorize static double f(double x, double y) { return x + y; }",
                        "@Vectorize static double fReduce(double x) { return x; }"),
                bad("two methods of one name", "p.Foo", "float f(",
                        "@Vectorize static double f(double x) { return x; }",
                        "@Vectorize static float f(float x) { return x; }"),
                bad("two methods generating one companion method", "p.Foo", "double fParallel(",
                        "@Vectorize static double f(double x) { return x; }",
                        "@Vectorize static double fParallel(double x) { return x; }"),
                bad("a method of a private class", "p.Foo$Hidden", "double f(",
                        "private static class Hidden {",
                        "    @Vectorize static double f(double x) { return x; }",
                        "}"),
                bad("a method of a local class", "p.Foo$1Local", "double f(",
                        "static void m() {",
                        "    class Local {",
                        "        @Vectorize static double f(double x) { return x; }",
                        "    }",
                        "}"),
                bad("a method of an anonymous class", "p.Foo$1", "double f(",
                        "static Object o = new Object() {",
                        "    @Vectorize static double f(double x) { return x; }",
                        "};"),
                bad("several problems at once", "p.Foo", "double f(",
                        "@Vectorize <T> double f(Object o) throws Exception { return 0; }",
                        "@Vectorize static double g(double x) { return x; }",
                        "@Vectorize static double h(char c) { return c; }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeclarations")
    void registerRefusesWhatJavacRefusesInTheSameWords(String what, String registered, String line, Source source)
            throws ClassNotFoundException {
        Compilation withProcessor = compile(source);
        assertThat(withProcessor).failed();
        List<String> javacErrors = withProcessor.errors().stream()
                .map(error -> error.getMessage(Locale.ROOT))
                .sorted()
                .toList();
        assertThat(withProcessor).hadErrorContaining(javacErrors.get(0)).inFile(source.file()).onLine(source.line(line));

        Class<?> type = compiledWithoutTheProcessor(source).loadClass(registered);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Functions.register(type));
        assertEquals(javacErrors, Arrays.stream(refused.getMessage().split("\n")).sorted().toList(), what);
    }

    @Test
    void theHeadlineCaseSaysThatLongIsNoTypeName() throws ClassNotFoundException {
        Source source = classP("Foo", "@Vectorize(signature = \"int64(long)\")", "static long f(long x) { return x; }");
        Class<?> type = compiledWithoutTheProcessor(source).loadClass("p.Foo");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Functions.register(type));
        assertEquals("@Vectorize method f: unknown type \"long\" at column 7 of signature \"int64(long)\"; known types:"
                + " float64 | f8 | double, float32 | f4 | float, int64 | i8, int32 | i4, int16 | i2, int8 | i1,"
                + " boolean | b1", refused.getMessage());
        assertTrue(DType.forName("long").isEmpty(), "and DType.forName agrees");
    }

    @Test
    void aWarningOfJavacDoesNotStopRegister() throws ClassNotFoundException {
        Source source = classP("Shadowed",
                "@Vectorize(signature = {\"float64(float64)\", \"float32(float32)\"})",
                "static double shadowedTwice(double x) { return x * 2; }");
        Compilation withProcessor = compile(source);
        assertThat(withProcessor).succeeded();
        assertThat(withProcessor).hadWarningContaining("is never picked by a call by name");
        Functions.register(compiledWithoutTheProcessor(source).loadClass("p.Shadowed"));
        assertArrayEquals(new double[] {6, -1}, (double[]) Compute.compute(Expr.parse("shadowedTwice(x)"),
                Map.of("x", new double[] {3, -0.5})));
    }

    @Test
    void int16SignaturesAreAcceptedByBothAndLeftOutOfCallsByName() throws ClassNotFoundException {
        Source source = classP("Narrow",
                "@Vectorize(signature = {\"int16(int16)\", \"int32(int32)\"})",
                "static int narrowNegate(int x) { return -x; }");
        assertThat(compile(source)).succeeded();
        Functions.register(compiledWithoutTheProcessor(source).loadClass("p.Narrow"));
        Expr call = Expr.parse("narrowNegate(x)", Map.of("x", DType.INT32));
        assertArrayEquals(new int[] {-3, 7}, (int[]) Compute.compute(call, Map.of("x", new int[] {3, -7})));
    }

    private static CompiledClasses compiledWithoutTheProcessor(Source source) {
        Compilation compilation = javac().withOptions("-proc:none").compile(source.file());
        return new CompiledClasses(compilation);
    }

    private static Arguments bad(String what, String registered, String line, String... body) {
        return Arguments.of(what, registered, line, classP("Foo", body));
    }
}
