package io.jvectorize.processor.model;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvectorize.spec.CompanionMethod;
import io.jvectorize.spec.CompanionMethod.Kind;
import io.jvectorize.spec.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kernel method's variants are the contract's companion methods for its name and signatures. */
class VariantTest {
    private static final Signature F8_F8 = new Signature(FLOAT64, List.of(FLOAT64, FLOAT64));
    private static final Signature F4_F4 = new Signature(FLOAT32, List.of(FLOAT32, FLOAT32));
    private static final KernelMethod MIX = new KernelMethod("mix",
            List.of(new Parameter("a", FLOAT64), new Parameter("b", FLOAT64)), FLOAT64, List.of(F8_F8, F4_F4));

    @Test
    void allOfGivesTheCompanionMethodsOfTheKernelsNameAndSignaturesInOrder() {
        assertEquals(CompanionMethod.allOf("mix", List.of(F8_F8, F4_F4)),
                Variant.allOf(MIX).stream().map(Variant::shape).toList());
    }

    @Test
    void theLoopOfAVariantKeepsItsSignatureAndBroadcastForm() {
        Variant variant = new Variant(MIX, F4_F4, 0b10, Kind.INTO_PARALLEL);
        assertEquals(new Variant(MIX, F4_F4, 0b10, Kind.LOOP), variant.loop());
        assertEquals("mixLoop(float[], float, float[], int, int)", variant.loop().javaSignature());
        assertEquals("mixParallel", variant.name());
    }

    @Test
    void aShapeOfAnotherMethodIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Variant(MIX, new CompanionMethod("other", F8_F8, 0, Kind.LOOP)));
    }
}
