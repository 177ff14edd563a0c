package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.SimdTesting.INCUBATING;
import static io.jvectorize.processor.SimdTesting.MODULE;
import static io.jvectorize.processor.SimdTesting.WITH_MODULE;
import static io.jvectorize.processor.SimdTesting.assertOnlyTheIncubatingWarning;
import static io.jvectorize.processor.SimdTesting.assertScalarLoopOnly;
import static io.jvectorize.processor.SimdTesting.assertSimdLoop;
import static io.jvectorize.processor.SimdTesting.companion;
import static io.jvectorize.processor.SimdTesting.messages;
import static io.jvectorize.processor.SimdTesting.methods;
import static io.jvectorize.processor.SimdTesting.simdClass;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Which methods get SIMD loops and which keep their scalar loop, and the NOTE (a warning with
 * {@code -Ajvectorize.warnScalar=true}) that names the construct and its line.
 */
class ScalarLoopNoteTest {
    @Test
    void aMethodWithItsOwnAndConvertingSignaturesGetsSimdForItsOwnOnly() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double poly(double t) {",
                "    return (5.0 * t + 4.0) * t + 1.0;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        assertThat(compilation).hadNoteContaining("poly keeps its scalar loop for float32(float32), which converts to"
                        + " the method's own types; SIMD runs for float64(float64)")
                .inFile(source.file()).onLine(source.line("double poly("));
        assertEquals(1, compilation.notes().size(), messages(compilation.notes()).toString());
        String simd = simdClass(compilation, "Foo");
        assertEquals(1, methods(simd, "polyLoop").size(), simd);
        assertSimdLoop(compilation, "Foo", "poly", "static void polyLoop(double[] t, double[] out, int from, int to)",
                "((DoubleVector) DOUBLES_CLASS.cast(DoubleVector.broadcast(DOUBLES, 5.0).mul(tV).add(4.0).mul(tV).add(1.0))).intoArray(out, i);");
        List<String> companionLoops = methods(companion(compilation, "Foo"), "polyLoop");
        assertEquals(2, companionLoops.size());
        String floatLoop = companionLoops.stream().filter(l -> l.contains("float[] t")).findFirst().orElseThrow();
        assertFalse(floatLoop.contains("Simd"), floatLoop);
    }

    @Test
    void aClassWhoseMethodsAllKeepTheirScalarLoopsGetsNoSimdClass() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    while (x > 1) {",
                "        x = x / 2;",
                "    }",
                "    return x;",
                "}"));
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
        assertFalse(companion(compilation, "Foo").contains("Simd"), companion(compilation, "Foo"));
    }

    @Test
    void onlyTheMethodsThatTranslateGetSimdLoops() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double scalar(double x) {",
                "    for (int k = 0; k < 2; k++) {",
                "        x = x * x;",
                "    }",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double simd(double x) {",
                "    return x * x;",
                "}"));
        assertThat(compilation).succeeded();
        assertSimdLoop(compilation, "Foo", "simd", "xV.mul(xV)");
        assertScalarLoopOnly(compilation, "Foo", "scalar");
    }

    /**
     * Compiles a class whose method {@code f} keeps its scalar loop, and checks the NOTE: on the
     * method, naming {@code construct} and the line that holds {@code constructText}.
     */
    static void assertKeepsScalarLoop(String construct, String constructText, String... body) {
        Source source = classP("Foo", body);
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertOnlyTheIncubatingWarning(compilation);
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: " + construct + " at line "
                        + source.line(constructText) + " has no SIMD translation")
                .inFile(source.file()).onLine(source.line(" f("));
        assertEquals(1, compilation.notes().stream().filter(n -> n.getMessage(Locale.ROOT).contains("keeps")).count(),
                messages(compilation.notes()).toString());
        assertScalarLoopOnly(compilation, "Foo", "f");
    }

    @Test
    void aForLoopKeepsTheScalarLoop() {
        assertKeepsScalarLoop("for loop", "for (",
                "@Vectorize",
                "static double f(double x) {",
                "    double s = 0;",
                "    for (int k = 0; k < 3; k++) {",
                "        s += x;",
                "    }",
                "    return s;",
                "}");
    }

    @Test
    void aWhileLoopKeepsTheScalarLoop() {
        assertKeepsScalarLoop("while loop", "while (",
                "@Vectorize",
                "static double f(double x) {",
                "    while (x > 1) {",
                "        x = x / 2;",
                "    }",
                "    return x;",
                "}");
    }

    @Test
    void anArrayAccessKeepsTheScalarLoop() {
        assertKeepsScalarLoop("array access", "W[0]",
                "static final double[] W = {1, 2};",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    double w = x;",
                "    return w * W[0];",
                "}");
    }

    @Test
    void aCallToAMethodThatIsNotVectorizeKeepsTheScalarLoop() {
        assertKeepsScalarLoop("call to helper", "helper(x)",
                "static double helper(double x) {",
                "    return x;",
                "}",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return 1 + helper(x);",
                "}");
    }

    @Test
    void aCallToAMathFunctionWithoutAVectorOperatorKeepsTheScalarLoop() {
        assertKeepsScalarLoop("call to Math.floor", "Math.floor",
                "@Vectorize",
                "static double f(double x) {",
                "    return Math.floor(x);",
                "}");
    }

    @Test
    void integerDivisionInABranchOfAConditionalExpressionKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    return b != 0",
                "            ? a / b",
                "            : 0;",
                "}");
    }

    @Test
    void integerRemainderInABranchOfAnIfKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a % b",
                "@Vectorize",
                "static long f(long a, long b) {",
                "    if (b != 0) {",
                "        return a % b;",
                "    }",
                "    return 0;",
                "}");
    }

    @Test
    void integerDivisionAfterAnIfThatReturnsKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b;",
                "@Vectorize",
                "static int f(int a, int b) {",
                "    if (b == 0) {",
                "        return 0;",
                "    }",
                "    int q = a / b;",
                "    return q;",
                "}");
    }

    @Test
    void integerDivisionOnTheRightOfAndKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b >",
                "@Vectorize",
                "static boolean f(int a, int b) {",
                "    return b != 0",
                "            && a / b > 1;",
                "}");
    }

    @Test
    void integerDivisionOnTheRightOfOrKeepsTheScalarLoop() {
        assertKeepsScalarLoop("integer division inside a conditional branch", "a / b <",
                "@Vectorize",
                "static boolean f(int a, int b) {",
                "    return b == 0",
                "            || a / b < 1;",
                "}");
    }

    @Test
    void floatingPointRemainderKeepsTheScalarLoop() {
        assertKeepsScalarLoop("floating-point remainder %", "x % 2",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
    }

    /** The NOTE is on the method's line, and its "at line N" names the declaration, not the @Vectorize annotation. */
    @Test
    void aMixOfTypesKeepsTheScalarLoop() {
        assertKeepsScalarLoop("a mix of types [double, int]", " f(",
                "@Vectorize",
                "static double f(double x, int n) {",
                "    return x * n;",
                "}");
    }

    @Test
    void floatCodeWithADoubleLiteralKeepsTheScalarLoop() {
        assertKeepsScalarLoop("an operation in double inside a float kernel", "x * 0.5",
                "@Vectorize",
                "static float f(float x) {",
                "    return (float) (x * 0.5);",
                "}");
    }

    @Test
    void floatCodeCallingMathExpKeepsTheScalarLoop() {
        assertKeepsScalarLoop("Math.exp in double inside a float kernel", "Math.exp",
                "@Vectorize",
                "static float f(float x) {",
                "    return (float) Math.exp(x);",
                "}");
    }

    @Test
    void aPrivateStaticFinalFieldThatIsNoConstantKeepsTheScalarLoop() {
        assertKeepsScalarLoop("private field SCALE, whose initializer is not made of constants and Math"
                        + " (make it package-private so that generated code can read it),",
                "x * SCALE",
                "private static final double SCALE = System.nanoTime();",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * SCALE;",
                "}");
    }

    /** Generated code cannot read a private field, but computes its initializer of constants and Math again. */
    @Test
    void aPrivateStaticFinalFieldOfConstantsAndMathIsComputedAgain() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "static final double SIGMA = 1.25;",
                "private static final double SCALE = 1.0 / (SIGMA * Math.sqrt(2.0 * Math.PI));",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * SCALE;",
                "}"));
        assertThat(compilation).succeeded();
        assertTrue(generated(compilation, "p.FooVectorizedSimd")
                .contains("xV.mul((1.0 / (Foo.SIGMA * Math.sqrt((2.0 * Math.PI)))))"),
                generated(compilation, "p.FooVectorizedSimd"));
    }

    @Test
    void aStaticFieldThatIsNotFinalKeepsTheScalarLoop() {
        assertKeepsScalarLoop("field scale, which is not static final,", "x * scale",
                "static double scale = 2;",
                "",
                "@Vectorize",
                "static double f(double x) {",
                "    return x * scale;",
                "}");
    }

    @Test
    void aThrowStatementKeepsTheScalarLoop() {
        assertKeepsScalarLoop("throw", "throw new",
                "@Vectorize",
                "static double f(double x) {",
                "    if (x < 0) {",
                "        throw new IllegalArgumentException(\"negative\");",
                "    }",
                "    return Math.sqrt(x);",
                "}");
    }

    /** Like every other construct's NOTE, the recursion NOTE names the line of the call. */
    @Test
    void recursionKeepsTheScalarLoopWithTheLineOfTheCall() {
        assertKeepsScalarLoop("recursive call to f", "(f(x / 2))",
                "@Vectorize",
                "static double f(double x) {",
                "    return x > 1 ? (f(x / 2)) : x;",
                "}");
    }

    @Test
    void recursionThroughAnotherVectorizeMethodKeepsBothScalarLoops() {
        Compilation compilation = compile(WITH_MODULE, classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x > 1 ? g(x / 2) : x;",
                "}",
                "",
                "@Vectorize",
                "static double g(double x) {",
                "    return f(x) + 1;",
                "}"));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: recursive call to f");
        assertThat(compilation).hadNoteContaining("g keeps its scalar loop: recursive call to g");
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
    }

    @Test
    void aBodyOfMoreThan300OperationsKeepsTheScalarLoop() {
        StringBuilder sum = new StringBuilder("x");
        for (int k = 0; k < 301; k++) {
            sum.append(" + x");
        }
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return " + sum + ";",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: its body has more than 300 operations")
                .inFile(source.file()).onLine(source.line(" f("));
        assertScalarLoopOnly(compilation, "Foo", "f");
    }

    @Test
    void aConvertingSignatureGetsItsNoteOnTheMethod() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float64(float64, float64)\", \"float64(int32, float64)\"})",
                "static double f(double a, double b) {",
                "    return a + b;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop for float64(int32, float64), which converts"
                        + " to the method's own types; SIMD runs for float64(float64, float64)")
                .inFile(source.file()).onLine(source.line(" f("));
        assertEquals(1, compilation.notes().size(), messages(compilation.notes()).toString());
        assertEquals(3, methods(simdClass(compilation, "Foo"), "fLoop").size());
        List<String> intLoops = methods(companion(compilation, "Foo"), "fLoop").stream()
                .filter(l -> l.contains("int[] a") || l.contains("(int a")).toList();
        assertEquals(3, intLoops.size());
        intLoops.forEach(l -> assertFalse(l.contains("Simd"), l));
    }

    /** Where no signature is the method's own, no SIMD loop runs: the NOTE must not say one does. */
    @Test
    void aMethodWithOnlyConvertingSignaturesIsNotSaidToRunSimd() {
        Source source = classP("Foo",
                "@Vectorize(signature = \"float32(float32)\")",
                "static double f(double x) {",
                "    return x * 2;",
                "}");
        Compilation compilation = compile(WITH_MODULE, source);
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
        List<String> notes = messages(compilation.notes());
        assertEquals(List.of(), notes.stream().filter(n -> n.contains("SIMD runs for float64(float64)")).toList(),
                "there is no float64(float64) kernel, so no SIMD loop runs for it");
    }

    @Test
    void warnScalarTurnsTheScalarLoopNoteIntoAWarning() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("f keeps its scalar loop: floating-point remainder % at line "
                        + source.line("x % 2") + " has no SIMD translation")
                .inFile(source.file()).onLine(source.line(" f("));
        assertTrue(messages(compilation.notes()).stream().noneMatch(n -> n.contains("keeps its scalar loop")),
                messages(compilation.notes()).toString());
    }

    @Test
    void warnScalarTurnsTheConvertingSignatureNoteIntoAWarning() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"float32(float32)\", \"float64(float64)\"})",
                "static double f(double x) {",
                "    return x * 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("f keeps its scalar loop for float32(float32)")
                .inFile(source.file()).onLine(source.line(" f("));
        assertTrue(messages(compilation.notes()).isEmpty(), messages(compilation.notes()).toString());
    }

    @Test
    void warnScalarFalseKeepsNotes() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return x % 2;",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.warnScalar=false"), source);
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: floating-point remainder %");
        assertEquals(List.of(INCUBATING), messages(compilation.warnings()).stream().distinct().toList());
    }

    @Test
    void exactSimdKeepsTheScalarLoopForFunctionsWhoseVectorRoutinesAreNotBitExact() {
        Source source = classP("Foo",
                "@Vectorize",
                "static double f(double x) {",
                "    return Math.exp(x);",
                "}",
                "",
                "@Vectorize",
                "static double g(double x, double y) {",
                "    return Math.fma(Math.sqrt(Math.abs(x)), Math.min(x, y), Math.max(x, y));",
                "}");
        Compilation compilation = compile(List.of("--add-modules", MODULE, "-Ajvectorize.exactSimd=true"), source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("f keeps its scalar loop: Math.exp")
                .inFile(source.file()).onLine(source.line(" f("));
        assertScalarLoopOnly(compilation, "Foo", "f");
        assertSimdLoop(compilation, "Foo", "g", "lanewise(VectorOperators.SQRT)", ".fma(");
    }
}
