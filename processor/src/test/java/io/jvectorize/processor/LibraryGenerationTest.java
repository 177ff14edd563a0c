package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.KernelLibrary;
import io.jvectorize.runtime.VectorizedFunction;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The kernel library the processor writes for expressions, and the services file that lists it. */
class LibraryGenerationTest {

    private static final Source FOO = classP("Foo",
            "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
            "static double poly(double t) {",
            "    return (5.0 * t + 4.0) * t + 1.0;",
            "}",
            "",
            "@Vectorize(signature = {\"int16(int16)\", \"int32(int32)\"})",
            "static int twice(int x) {",
            "    return 2 * x;",
            "}",
            "",
            "@Vectorize(signature = \"int16(int16)\")",
            "static short narrow(short x) {",
            "    return x;",
            "}");

    @Test
    void listsEveryLibraryOfTheCompilationInTheServicesFile() throws IOException {
        Source bar = classP("Bar", "@Vectorize", "static double f(double x) {", "    return x;", "}");
        Compilation compilation = compile(FOO, bar);
        assertThat(compilation).succeeded();
        JavaFileObject services = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                VectorizeProcessor.SERVICES_FILE).orElseThrow();
        assertEquals("p.BarVectorizedKernels\np.FooVectorizedKernels\n", services.getCharContent(true).toString());
    }

    @Test
    void theLibraryHasEachFunctionWithTheOverloadsExpressionsCanCall() throws Exception {
        Compilation compilation = compile(FOO);
        assertThat(compilation).succeeded();
        String library = generated(compilation, "p.FooVectorizedKernels");
        assertTrue(library.contains("public final class FooVectorizedKernels implements KernelLibrary"), library);
        assertFalse(library.contains("narrow"), "int16 has no expression type, so narrow is not callable by name");

        CompiledClasses classes = new CompiledClasses(compilation);
        KernelLibrary kernels = (KernelLibrary) classes.loadClass("p.FooVectorizedKernels")
                .getConstructor().newInstance();
        assertSame(classes.loadClass("p.Foo"), kernels.declaringClass());
        List<VectorizedFunction> functions = kernels.functions();
        assertEquals(List.of("poly", "twice"), functions.stream().map(VectorizedFunction::name).toList());
        VectorizedFunction poly = functions.get(0);
        assertEquals(List.of("float32(float32)", "float64(float64)"),
                poly.overloads().stream().map(VectorizedFunction.Overload::signature).toList());
        assertEquals(List.of("int32(int32)"),
                functions.get(1).overloads().stream().map(VectorizedFunction.Overload::signature).toList());
        assertEquals(VectorizedFunction.Implementation.GENERATED_SCALAR, poly.overloads().get(0).implementation(),
                "without the Vector API visible to javac, every kernel is scalar");
    }

    @Test
    void anOverloadRunsTheCompanionsLoopOverARange() throws Exception {
        Compilation compilation = compile(FOO);
        CompiledClasses classes = new CompiledClasses(compilation);
        KernelLibrary kernels = (KernelLibrary) classes.loadClass("p.FooVectorizedKernels")
                .getConstructor().newInstance();
        VectorizedFunction.Overload float64 = kernels.functions().get(0).overloads().get(1);
        assertEquals(DType.FLOAT64, float64.returnType());
        double[] t = {0, 1, 2, 3};
        double[] out = {-1, -1, -1, -1};
        float64.kernel().run(new Object[] {t}, out, 1, 3);
        assertArrayEquals(new double[] {-1, 10, 29, -1}, out);

        float[] f = {2f};
        float[] fout = new float[1];
        kernels.functions().get(0).overloads().get(0).kernel().run(new Object[] {f}, fout, 0, 1);
        assertArrayEquals(new float[] {29f}, fout);
    }
}
