package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void parsesNumbersInfinitiesAndReorderable() throws SignatureException {
        assertEquals(Identity.NONE, Identity.parse(""));
        assertEquals(Identity.NONE, Identity.parse("  "));
        assertEquals(new Identity(Identity.Kind.VALUE, "0"), Identity.parse(" 0 "));
        assertEquals(new Identity(Identity.Kind.VALUE, "-1.5"), Identity.parse("-1.5"));
        assertEquals(new Identity(Identity.Kind.VALUE, "1e3"), Identity.parse("+1e3"));
        assertEquals(new Identity(Identity.Kind.VALUE, "inf"), Identity.parse("inf"));
        assertEquals(new Identity(Identity.Kind.VALUE, "-inf"), Identity.parse("-inf"));
        assertEquals(Identity.Kind.REORDERABLE, Identity.parse("reorderable").kind());
        assertTrue(Identity.parse("reorderable").allowsRegrouping());
        assertTrue(Identity.parse("0").allowsRegrouping());
        assertFalse(Identity.NONE.allowsRegrouping());
    }

    @Test
    void refusesAnythingElseSayingWhatToWrite() {
        for (String text : List.of("zero", "1.2.3", "Infinity", "nan", "0x10", "1,5", "- 1", "Reorderable")) {
            SignatureException e = assertThrows(SignatureException.class, () -> Identity.parse(text), text);
            assertEquals("malformed identity \"" + text + "\": write a number such as \"0\", \"1\" or \"-1.5\", \"inf\","
                    + " \"-inf\", \"reorderable\" (no identity, but the function may be regrouped), or nothing",
                    e.getMessage());
        }
    }

    @Test
    void aValueMustBeExactInTheType() throws SignatureException {
        assertEquals(Optional.empty(), Identity.parse("-1.5").problemIn(NumericType.FLOAT64));
        assertEquals(Optional.empty(), Identity.parse("-inf").problemIn(NumericType.FLOAT32));
        assertEquals(Optional.of("is beyond the range of float32"), Identity.parse("1e39").problemIn(NumericType.FLOAT32));
        assertEquals(Optional.of("is beyond the range of float64"), Identity.parse("1e309").problemIn(NumericType.FLOAT64));
        assertEquals(Optional.empty(), Identity.parse("1.0").problemIn(NumericType.INT8));
        assertEquals(Optional.of("is not a whole number from -128 to 127"),
                Identity.parse("128").problemIn(NumericType.INT8));
        assertEquals(Optional.of("is not a whole number from -9223372036854775808 to 9223372036854775807"),
                Identity.parse("1.5").problemIn(NumericType.INT64));
        assertEquals(Optional.of("is not a whole number from -2147483648 to 2147483647"),
                Identity.parse("inf").problemIn(NumericType.INT32));
        assertEquals(Optional.of("is not 0 or 1"), Identity.parse("2").problemIn(NumericType.BOOLEAN));
        assertEquals(Optional.empty(), Identity.parse("reorderable").problemIn(NumericType.INT8));
    }

    @Test
    void javaLiteralsOfEachType() throws SignatureException {
        assertEquals("0.0", Identity.parse("0").javaLiteral(NumericType.FLOAT64));
        assertEquals("-0.0", Identity.parse("-0").javaLiteral(NumericType.FLOAT64));
        assertEquals("-1.5f", Identity.parse("-1.5").javaLiteral(NumericType.FLOAT32));
        assertEquals("Double.NEGATIVE_INFINITY", Identity.parse("-inf").javaLiteral(NumericType.FLOAT64));
        assertEquals("Float.POSITIVE_INFINITY", Identity.parse("inf").javaLiteral(NumericType.FLOAT32));
        assertEquals("1L", Identity.parse("1").javaLiteral(NumericType.INT64));
        assertEquals("-7", Identity.parse("-7.0").javaLiteral(NumericType.INT32));
        assertEquals("(short) 3", Identity.parse("3").javaLiteral(NumericType.INT16));
        assertEquals("(byte) -128", Identity.parse("-128").javaLiteral(NumericType.INT8));
        assertEquals("true", Identity.parse("1").javaLiteral(NumericType.BOOLEAN));
        assertEquals("1.0E300", Identity.parse("1e300").javaLiteral(NumericType.FLOAT64));
    }
}
