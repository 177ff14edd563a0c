package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.SimdTesting.NOT_VISIBLE;
import static io.jvectorize.processor.SimdTesting.assertScalarLoopOnly;
import static io.jvectorize.processor.SimdTesting.companion;
import static io.jvectorize.processor.SimdTesting.messages;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where {@code jdk.incubator.vector} is not visible to javac: one NOTE, and scalar kernels only. */
class SimdWithoutModuleTest {
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
}
