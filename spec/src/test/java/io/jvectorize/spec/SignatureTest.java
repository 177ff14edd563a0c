package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void aWiderSignatureShadowsANarrowerLaterOne() {
        assertTrue(sig("float64(float64)").shadows(sig("float32(float32)")));
    }

    @Test
    void aNarrowerSignatureDoesNotShadowAWiderLaterOne() {
        assertFalse(sig("float32(float32)").shadows(sig("float64(float64)")));
    }

    @Test
    void shadowingIgnoresReturnTypes() {
        assertTrue(sig("b1(float64)").shadows(sig("float64(int32)")));
    }

    @Test
    void shadowingNeedsEveryArgumentToWiden() {
        assertTrue(sig("f8(f8, i8)").shadows(sig("f8(f4, i2)")));
        assertFalse(sig("f8(f8, i4)").shadows(sig("f8(f4, i8)")));
    }

    @Test
    void signaturesOfDifferentArityDoNotShadowEachOther() {
        assertFalse(sig("f8(f8, f8)").shadows(sig("f8(f8)")));
        assertFalse(sig("f8(f8)").shadows(sig("f8(f8, f8)")));
    }

    @Test
    void booleanAndNumbersDoNotShadowEachOther() {
        assertFalse(sig("f8(f8)").shadows(sig("f8(b1)")));
        assertFalse(sig("f8(b1)").shadows(sig("f8(i1)")));
    }

    @Test
    void toStringIsTheCanonicalNumbaForm() {
        assertEquals("float64(float32, int64, boolean)", sig("f8( f4 ,i8,b1 )").toString());
    }

    private static Signature sig(String text) {
        try {
            return SignatureParser.parse(text);
        } catch (SignatureException e) {
            throw new AssertionError(e);
        }
    }
}
