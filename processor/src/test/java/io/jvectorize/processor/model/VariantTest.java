package io.jvectorize.processor.model;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.Signature;
import io.jvectorize.spec.SignatureException;
import io.jvectorize.spec.SignatureParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void oneParameterGivesFiveVariantsPerSignatureIncludingTheLoop() {
        assertEquals(5, Variant.allOf(method(1)).size());
        assertEquals(10, Variant.allOf(method(1, "f8(f8)", "f4(f4)")).size());
    }

    @Test
    void twoParametersGiveThreeFormsOfFiveVariants() {
        assertEquals(3 * 5, Variant.allOf(method(2)).size());
    }

    @Test
    void threeParametersGiveSevenFormsOfFiveVariants() {
        assertEquals(7 * 5, Variant.allOf(method(3)).size());
    }

    @Test
    void fourParametersGetNoBroadcastForms() {
        assertEquals(1 * 5, Variant.allOf(method(4)).size());
        assertEquals(List.of(0), Variant.scalarMasks(4));
    }

    @Test
    void broadcastFormsAreEveryProperSubsetOfScalars() {
        assertEquals(List.of(0), Variant.scalarMasks(1));
        assertEquals(List.of(0, 1, 2), Variant.scalarMasks(2));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), Variant.scalarMasks(3));
    }

    @Test
    void eachSignatureGetsTheFourKindsAndTheLoopForEachForm() {
        List<Variant> variants = Variant.allOf(method(2));
        for (int mask : Variant.scalarMasks(2)) {
            List<Variant.Kind> kinds = new ArrayList<>();
            for (Variant variant : variants) {
                if (variant.scalarMask() == mask) {
                    kinds.add(variant.kind());
                }
            }
            assertEquals(List.of(Variant.Kind.values()), kinds, "mask " + mask);
        }
    }

    @Test
    void variantsOfOneMethodHaveDistinctJavaSignatures() {
        List<String> signatures = Variant.allOf(method(3, "f8(f8, f8, f8)", "f4(f4, f4, f4)")).stream()
                .map(Variant::javaSignature)
                .collect(Collectors.toList());
        assertEquals(signatures.size(), new HashSet<>(signatures).size(), signatures.toString());
    }

    @Test
    void namesTheVariantsAfterTheMethod() {
        List<String> names = Variant.allOf(method(1)).stream().map(Variant::name).collect(Collectors.toList());
        assertEquals(List.of("f", "f", "fParallel", "fParallel", "fLoop"), names);
    }

    @Test
    void javaSignaturesShowScalarsArraysOutAndTheLoopRange() {
        List<String> signatures = Variant.allOf(method(2, "f4(f8, f8)")).stream()
                .map(Variant::javaSignature)
                .collect(Collectors.toList());
        assertTrue(signatures.containsAll(List.of(
                "f(double[], double[])",
                "f(double[], double[], float[])",
                "fParallel(double[], double[])",
                "fParallel(double[], double[], float[])",
                "fLoop(double[], double[], float[], int, int)",
                "f(double, double[])",
                "f(double[], double)",
                "fLoop(double, double[], float[], int, int)")), signatures.toString());
        assertFalse(signatures.contains("f(double, double)"), "all-scalar is not a kernel");
    }

    @Test
    void isScalarReadsTheMaskBitOfEachArgument() {
        Variant variant = new Variant(method(3), signature(3), 0b101, Variant.Kind.INTO);
        assertEquals(List.of(true, false, true),
                List.of(variant.isScalar(0), variant.isScalar(1), variant.isScalar(2)));
    }

    @Test
    void onlyIntoAndLoopKindsTakeOut() {
        assertFalse(new Variant(method(1), signature(1), 0, Variant.Kind.ALLOCATING).takesOut());
        assertFalse(new Variant(method(1), signature(1), 0, Variant.Kind.ALLOCATING_PARALLEL).takesOut());
        assertTrue(new Variant(method(1), signature(1), 0, Variant.Kind.INTO).takesOut());
        assertTrue(new Variant(method(1), signature(1), 0, Variant.Kind.INTO_PARALLEL).takesOut());
        assertTrue(new Variant(method(1), signature(1), 0, Variant.Kind.LOOP).takesOut());
    }

    /** A method {@code f} of {@code arity} double parameters, with the given signatures or its own. */
    private static KernelMethod method(int arity, String... signatures) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            parameters.add(new Parameter("p" + i, FLOAT64));
        }
        List<Signature> parsed = new ArrayList<>();
        for (String text : signatures) {
            try {
                parsed.add(SignatureParser.parse(text));
            } catch (SignatureException e) {
                throw new AssertionError(e);
            }
        }
        if (parsed.isEmpty()) {
            parsed.add(KernelMethod.ownSignature(parameters, FLOAT64));
        }
        return new KernelMethod("f", parameters, FLOAT64, parsed);
    }

    private static Signature signature(int arity) {
        return new Signature(FLOAT32, Collections.nCopies(arity, FLOAT64));
    }
}
