package io.jvectorize.processor;

import static io.jvectorize.processor.SimdTesting.assumeSimdRuns;
import static io.jvectorize.processor.SimdTesting.compileWithSimd;
import static io.jvectorize.processor.SimdTesting.simdClass;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jvectorize.runtime.KernelLibrary;
import io.jvectorize.runtime.VectorizedFunction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The lane functions of float64 methods, which {@code Compute}'s generated loops call: written
 * where small enough for C2 to inline, and named in the kernel library.
 */
class LaneFunctionTest {
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
}
