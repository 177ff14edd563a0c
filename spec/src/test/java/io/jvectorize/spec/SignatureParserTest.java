package io.jvectorize.spec;

import static io.jvectorize.spec.NumericType.BOOLEAN;
import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT16;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static io.jvectorize.spec.NumericType.INT8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureParserTest {

    /** The alias table of DESIGN.md, "The annotation". */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "float64, FLOAT64", "f8, FLOAT64", "double, FLOAT64",
        "float32, FLOAT32", "f4, FLOAT32", "float, FLOAT32",
        "int64, INT64", "i8, INT64",
        "int32, INT32", "i4, INT32",
        "int16, INT16", "i2, INT16",
        "int8, INT8", "i1, INT8",
        "boolean, BOOLEAN", "b1, BOOLEAN",
    })
    void everyAliasNamesItsTypeAsReturnAndArgument(String alias, NumericType type) throws SignatureException {
        assertEquals(new Signature(type, List.of(type)), SignatureParser.parse(alias + "(" + alias + ")"));
    }

    @Test
    void everyNameOfEveryTypeParses() throws SignatureException {
        for (NumericType type : NumericType.values()) {
            for (String name : type.names()) {
                assertEquals(type, SignatureParser.parse(name + "(" + name + ")").returnType(), name);
            }
        }
    }

    @Test
    void parsesArgumentsInOrder() throws SignatureException {
        assertEquals(new Signature(FLOAT64, List.of(FLOAT32, INT64, INT32, INT16, INT8, BOOLEAN)),
                SignatureParser.parse("float64(float32, int64, int32, int16, int8, boolean)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "float64(float32,int32)",
        " float64(float32,int32)",
        "float64 (float32,int32)",
        "float64( float32,int32)",
        "float64(float32 ,int32)",
        "float64(float32, int32)",
        "float64(float32,int32 )",
        "float64(float32,int32) ",
        "\tfloat64\n(\r\nfloat32 , \t int32\t)\n",
    })
    void ignoresWhitespaceAnywhereBetweenNamesAndPunctuation(String text) throws SignatureException {
        assertEquals(new Signature(FLOAT64, List.of(FLOAT32, INT32)), SignatureParser.parse(text));
    }

    @Test
    void acceptsAnEmptyArgumentList() throws SignatureException {
        // The parser accepts it; the validator reports the arity against the method.
        assertEquals(new Signature(FLOAT64, List.of()), SignatureParser.parse("float64( )"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\n "})
    void rejectsAnEmptySignature(String text) {
        assertMessage(text, "empty signature; write one such as \"float64(float64)\"");
    }

    @Test
    void reportsAMissingClosingParenthesisAtTheEnd() {
        assertMessage("float64(float64",
                "malformed signature \"float64(float64\": expected ',' or ')' at column 16, found the end");
    }

    @Test
    void reportsAMissingOpeningParenthesisAtTheSecondName() {
        assertMessage("float64 float64)",
                "malformed signature \"float64 float64)\": expected '(' after the return type at column 9, found 'f'");
    }

    @Test
    void reportsAMissingArgumentListAtTheEnd() {
        assertMessage("float64", "expected '(' after the return type at column 8, found the end");
    }

    @Test
    void reportsATrailingCommaAtTheClosingParenthesis() {
        assertMessage("float64(float64,)",
                "malformed signature \"float64(float64,)\": expected an argument type after ',' at column 17, found ')'");
    }

    @Test
    void reportsALeadingCommaAtTheComma() {
        assertMessage("float64(,float64)", "expected an argument type at column 9, found ','");
    }

    @Test
    void reportsAMissingCommaAtTheSecondArgument() {
        assertMessage("float64(float64 float64)", "expected ',' or ')' at column 17, found 'f'");
    }

    @Test
    void reportsAMissingReturnTypeAtColumnOne() {
        assertMessage("(float64)", "expected a return type at column 1, found '('");
    }

    @Test
    void reportsTrailingJunkAfterTheClosingParenthesis() {
        assertMessage("float64(float64)x",
                "malformed signature \"float64(float64)x\": expected nothing after ')' at column 17, found 'x'");
    }

    @Test
    void countsColumnsFromTheStartOfTheTextIncludingBlanks() {
        assertMessage("  float64(float64) ;", "at column 20, found ';'");
    }

    @Test
    void everyMalformedMessageShowsTheExpectedForm() {
        assertMessage("float64(", "; write it as ret(arg, ...), e.g. \"float64(float64, float64)\"");
    }

    @Test
    void reportsAnUnknownReturnTypeWithItsColumnAndTheKnownTypes() {
        assertMessage("real(float64)", "unknown type \"real\" at column 1 of signature \"real(float64)\"; known types: "
                + "float64 | f8 | double, float32 | f4 | float, int64 | i8, int32 | i4, int16 | i2, int8 | i1, boolean | b1");
    }

    @Test
    void reportsAnUnknownArgumentTypeAtItsColumn() {
        assertMessage("float64(f8, char)", "unknown type \"char\" at column 13 of signature \"float64(f8, char)\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Float64", "FLOAT64", "F8", "int", "long", "short", "byte", "float16", "u8"})
    void rejectsNamesThatAreNotAliases(String name) {
        assertMessage("float64(" + name + ")", "unknown type \"" + name + "\" at column 9");
    }

    @Test
    void anEmptySignatureIsAtTheColumnAfterItsBlanks() {
        assertEquals(1, assertThrows(SignatureException.class, () -> SignatureParser.parse("")).column());
        assertEquals(4, assertThrows(SignatureException.class, () -> SignatureParser.parse(" \t ")).column());
    }

    /** Checks the message, and that {@link SignatureException#column()} is the column the message names. */
    private static void assertMessage(String text, String fragment) {
        SignatureException e = assertThrows(SignatureException.class, () -> SignatureParser.parse(text));
        assertTrue(e.getMessage().contains(fragment),
                () -> "message of \"" + text + "\" should contain <" + fragment + "> but was <" + e.getMessage() + ">");
        Matcher column = Pattern.compile("at column (\\d+)").matcher(e.getMessage());
        if (column.find()) {
            assertEquals(Integer.parseInt(column.group(1)), e.column(), e.getMessage());
        }
    }
}
