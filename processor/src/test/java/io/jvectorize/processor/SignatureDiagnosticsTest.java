package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jvectorize.processor.Source.classP;
import static io.jvectorize.processor.Source.compile;
import static io.jvectorize.processor.Source.generated;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Errors and warnings about the signature strings. Each is reported on the string literal, so
 * the annotations here span several lines and the tests check the literal's line.
 */
class SignatureDiagnosticsTest {

    /** A class with one method {@code double f(double x)} whose annotation lists {@code signatures}, one per line. */
    private static Source oneParameter(String... signatures) {
        return withSignatures("static double f(double x) {", signatures);
    }

    private static Source withSignatures(String header, String... signatures) {
        String[] body = new String[signatures.length + 5];
        body[0] = "@Vectorize(signature = {";
        for (int i = 0; i < signatures.length; i++) {
            body[i + 1] = "        \"" + signatures[i].replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    + (i < signatures.length - 1 ? "," : "");
        }
        body[signatures.length + 1] = "})";
        body[signatures.length + 2] = header;
        body[signatures.length + 3] = "    return x;";
        body[signatures.length + 4] = "}";
        return classP("Foo", body);
    }

    @Test
    void aMissingClosingParenthesisIsReportedOnItsStringWithTheColumn() {
        Source source = oneParameter("float64(float64)", "float64(float64");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "malformed signature \"float64(float64\": expected ',' or ')' at column 16, found the end;"
                                + " write it as ret(arg, ...), e.g. \"float64(float64, float64)\"")
                .inFile(source.file()).onLine(source.line("\"float64(float64\""));
        assertThat(compilation).hadErrorCount(1);
        assertTrue(Source.generatedDespiteErrors("p.FooVectorized", source).isEmpty(),
                "a method with a bad signature gets no kernels, not even for its good ones");
    }

    @Test
    void aMissingOpeningParenthesisIsReportedWithTheColumn() {
        Source source = oneParameter("float64(float64)", "float64 float64)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("expected '(' after the return type at column 9, found 'f'")
                .inFile(source.file()).onLine(source.line("\"float64 float64)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aTrailingCommaIsReportedWithTheColumn() {
        Source source = oneParameter("float32(float32)", "float64(float64,)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("expected an argument type after ',' at column 17, found ')'")
                .inFile(source.file()).onLine(source.line("\"float64(float64,)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void trailingJunkIsReportedWithTheColumn() {
        Source source = oneParameter("float32(float32)", "float64(float64) x");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("expected nothing after ')' at column 18, found 'x'")
                .inFile(source.file()).onLine(source.line("\"float64(float64) x\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anEmptySignatureIsRejected() {
        Source source = oneParameter("float32(float32)", "");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("empty signature; write one such as \"float64(float64)\"")
                .inFile(source.file()).onLine(source.line("\"\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSingleStringWithoutBracesIsReportedOnItsOwnLine() {
        Source source = classP("Foo",
                "@Vectorize(signature =",
                "        \"float64(float64\")",
                "static double f(double x) {",
                "    return x;",
                "}");
        assertThat(compile(source)).hadErrorContaining("at column 16, found the end")
                .inFile(source.file()).onLine(source.line("\"float64(float64\""));
    }

    @Test
    void anUnknownTypeNameIsReportedWithTheKnownTypes() {
        Source source = oneParameter("float32(float32)", "float64(real)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("unknown type \"real\" at column 9 of signature \"float64(real)\";"
                        + " known types: float64 | f8 | double, float32 | f4 | float, int64 | i8, int32 | i4,"
                        + " int16 | i2, int8 | i1, boolean | b1")
                .inFile(source.file()).onLine(source.line("\"float64(real)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSignatureWithTooManyArgumentsIsRejected() {
        Source source = oneParameter("float64(float64)", "float64(float64, float64)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f: signature \"float64(float64, float64)\" has 2 argument types"
                        + " but the method takes 1 parameter; give it one type per parameter")
                .inFile(source.file()).onLine(source.line("\"float64(float64, float64)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSignatureWithTooFewArgumentsIsRejected() {
        Source source = withSignatures("static double f(double x, double y) {", "float64(float64)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(
                        "signature \"float64(float64)\" has 1 argument type but the method takes 2 parameters")
                .inFile(source.file()).onLine(source.line("\"float64(float64)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSignatureWithNoArgumentsIsRejectedAsWrongArity() {
        Source source = oneParameter("float64()");
        assertThat(compile(source)).hadErrorContaining("signature \"float64()\" has 0 argument types but the method takes 1 parameter")
                .inFile(source.file()).onLine(source.line("\"float64()\""));
    }

    @Test
    void anArgumentTypeThatDoesNotWidenToItsParameterIsRejected() {
        Source source = withSignatures("static float f(float x) {", "float32(float32)", "float32(float64)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f: signature \"float32(float64)\": argument type float64 does not"
                        + " widen to float, the type of the 1st parameter; use a type that widens to float, or widen the"
                        + " parameter")
                .inFile(source.file()).onLine(source.line("\"float32(float64)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aBooleanArgumentDoesNotWidenToANumber() {
        Source source = oneParameter("float64(b1)");
        assertThat(compile(source)).hadErrorContaining("argument type boolean does not widen to double, the type of the 1st parameter")
                .inFile(source.file()).onLine(source.line("\"float64(b1)\""));
    }

    @Test
    void everyArgumentThatDoesNotWidenIsReported() {
        Source source = withSignatures("static int f(int x, int y) {", "int32(int64, float32)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("argument type int64 does not widen to int, the type of the 1st parameter")
                .inFile(source.file()).onLine(source.line("\"int32(int64, float32)\""));
        assertThat(compilation).hadErrorContaining("argument type float32 does not widen to int, the type of the 2nd parameter")
                .inFile(source.file()).onLine(source.line("\"int32(int64, float32)\""));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void float32WidensToADoubleParameter() {
        Compilation compilation = compile(oneParameter("float32(float32)"));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.FooVectorized").contains("public static float[] f(float[] x)"));
    }

    @Test
    void int32WidensToALongParameter() {
        Source source = classP("Foo",
                "@Vectorize(signature = {\"int64(int32)\", \"int64(int64)\"})",
                "static long f(long x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.FooVectorized").contains("public static long[] f(int[] x)"));
    }

    @Test
    void aBooleanResultCannotHoldADoubleMethodsResult() {
        Source source = oneParameter("float64(float64)", "boolean(float32)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@Vectorize method f: signature \"boolean(float32)\": return type boolean cannot hold"
                        + " the method's double result; boolean converts only to boolean, numbers only to numbers")
                .inFile(source.file()).onLine(source.line("\"boolean(float32)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aNumericResultCannotHoldABooleanMethodsResult() {
        Source source = classP("Foo",
                "@Vectorize(signature = {",
                "        \"int32(float64)\"})",
                "static boolean f(double x) {",
                "    return x > 0;",
                "}");
        assertThat(compile(source)).hadErrorContaining("return type int32 cannot hold the method's boolean result")
                .inFile(source.file()).onLine(source.line("\"int32(float64)\""));
    }

    @Test
    void aNarrowerResultTypeIsAllowedAsACast() {
        Compilation compilation = compile(oneParameter("int8(float64)"));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.FooVectorized").contains("public static byte[] f(double[] x)"));
    }

    @Test
    void twoSignaturesWithTheSameArgumentTypesAreRejected() {
        Source source = oneParameter("float64(float64)", "float32(f8)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("signature \"float32(f8)\" has the same argument types as"
                        + " float64(float64); their kernels would clash: remove one")
                .inFile(source.file()).onLine(source.line("\"float32(f8)\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void everyBadSignatureOfAMethodIsReported() {
        Source source = oneParameter("float64(float64", "float64(real)", "float64(float64, float64)");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("malformed").inFile(source.file())
                .onLine(source.line("\"float64(float64\""));
        assertThat(compilation).hadErrorContaining("unknown type").inFile(source.file())
                .onLine(source.line("\"float64(real)\""));
        assertThat(compilation).hadErrorContaining("has 2 argument types").inFile(source.file())
                .onLine(source.line("\"float64(float64, float64)\""));
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void aWideSignatureBeforeANarrowOneWarnsThatTheNarrowOneIsUnreachable() {
        Source source = oneParameter("float64(float64)", "float32(float32)");
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("signature \"float32(float32)\" is never picked by a call by"
                        + " name (Expr.parse, Compute): the earlier float64(float64) accepts all its argument types"
                        + " and is tried first; list narrower signatures first (its Java kernels are still generated)")
                .inFile(source.file()).onLine(source.line("\"float32(float32)\""));
        assertThat(compilation).hadWarningCount(1);
        assertTrue(generated(compilation, "p.FooVectorized").contains("public static float[] f(float[] x)"),
                "an unreachable signature still gets its kernels");
    }

    @Test
    void aNarrowSignatureBeforeAWideOneDoesNotWarn() {
        Compilation compilation = compile(oneParameter("float32(float32)", "float64(float64)"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void signaturesThatNeitherWidenToTheOtherDoNotWarn() {
        // Four parameters: no broadcast forms, so this does not depend on their generation.
        Source source = withSignatures("static double f(double x, double y, double z, double w) {",
                "float64(float64, float32, f8, f8)", "float64(float32, float64, f8, f8)");
        assertThat(compile(source)).succeededWithoutWarnings();
    }

    /** A signature naming a constant that does not resolve gets javac's error only, not a second one of ours. */
    @Test
    void anUnresolvableSignatureConstantGetsOnlyJavacsError() {
        Source source = classP("Foo",
                "@Vectorize(signature = {",
                "        NO_SUCH_CONSTANT})",
                "static double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(source.file()).onLine(source.line("NO_SUCH_CONSTANT"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSignatureMayBeAConstantExpression() {
        Source source = classP("Foo",
                "static final String SINGLE = \"float32(float32)\";",
                "",
                "@Vectorize(signature = {SINGLE, \"float64(\" + \"float64)\"})",
                "static double f(double x) {",
                "    return x;",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(generated(compilation, "p.FooVectorized").contains("public static float[] f(float[] x)"));
    }
}
