package io.jvectorize.spec;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The companion's methods as DESIGN.md lists them: four public kinds and the loop, per signature and broadcast form. */
class CompanionMethodTest {

    @Test
    void oneParameterGivesFiveMethodsPerSignatureIncludingTheLoop() {
        assertEquals(5, CompanionMethod.allOf("f", signatures(1, 1)).size());
        assertEquals(10, CompanionMethod.allOf("f", signatures(1, 2)).size());
    }

    @Test
    void twoParametersGiveThreeFormsOfFive() {
        assertEquals(3 * 5, CompanionMethod.allOf("f", signatures(2, 1)).size());
    }

    @Test
    void threeParametersGiveSevenFormsOfFive() {
        assertEquals(7 * 5, CompanionMethod.allOf("f", signatures(3, 1)).size());
    }

    @Test
    void fourParametersGetNoBroadcastForms() {
        assertEquals(5, CompanionMethod.allOf("f", signatures(4, 1)).size());
        assertEquals(List.of(0), CompanionMethod.scalarMasks(4));
    }

    @Test
    void broadcastFormsAreEveryProperSubsetOfScalars() {
        assertEquals(List.of(0), CompanionMethod.scalarMasks(1));
        assertEquals(List.of(0, 1, 2), CompanionMethod.scalarMasks(2));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), CompanionMethod.scalarMasks(3));
    }

    @Test
    void eachFormGetsTheFourKindsAndTheLoop() {
        List<CompanionMethod> methods = CompanionMethod.allOf("f", signatures(2, 1));
        for (int mask : CompanionMethod.scalarMasks(2)) {
            List<CompanionMethod.Kind> kinds = new ArrayList<>();
            for (CompanionMethod method : methods) {
                if (method.scalarMask() == mask) {
                    kinds.add(method.kind());
                }
            }
            assertEquals(List.of(CompanionMethod.Kind.values()), kinds, "mask " + mask);
        }
    }

    @Test
    void methodsOfOneDeclarationHaveDistinctJavaSignatures() {
        List<String> signatures = CompanionMethod.allOf("f", signatures(3, 2)).stream()
                .map(CompanionMethod::javaSignature)
                .toList();
        assertEquals(signatures.size(), new HashSet<>(signatures).size(), signatures.toString());
    }

    @Test
    void namesTheMethodsAfterTheDeclaration() {
        List<String> names = CompanionMethod.allOf("f", signatures(1, 1)).stream().map(CompanionMethod::name).toList();
        assertEquals(List.of("f", "f", "fParallel", "fParallel", "fLoop"), names);
    }

    @Test
    void javaSignaturesShowScalarsArraysOutAndTheLoopRange() {
        Signature f4OfF8F8 = new Signature(FLOAT32, List.of(FLOAT64, FLOAT64));
        List<String> signatures = CompanionMethod.allOf("f", List.of(f4OfF8F8)).stream()
                .map(CompanionMethod::javaSignature)
                .toList();
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
        CompanionMethod method = new CompanionMethod("f", signatures(3, 1).get(0), 0b101, CompanionMethod.Kind.INTO);
        assertEquals(List.of(true, false, true), List.of(method.isScalar(0), method.isScalar(1), method.isScalar(2)));
    }

    @Test
    void onlyIntoAndLoopKindsTakeOut() {
        Signature signature = signatures(1, 1).get(0);
        for (CompanionMethod.Kind kind : CompanionMethod.Kind.values()) {
            boolean takesOut = kind == CompanionMethod.Kind.INTO || kind == CompanionMethod.Kind.INTO_PARALLEL
                    || kind == CompanionMethod.Kind.LOOP;
            assertEquals(takesOut, new CompanionMethod("f", signature, 0, kind).takesOut(), kind.name());
        }
    }

    @Test
    void onlyTheParallelKindsSplitAcrossThreads() {
        for (CompanionMethod.Kind kind : CompanionMethod.Kind.values()) {
            assertEquals(kind.name().endsWith("_PARALLEL"), kind.parallel(), kind.name());
        }
    }

    /** {@code count} signatures of {@code arity} arguments: float64 ones, then float32 ones. */
    private static List<Signature> signatures(int arity, int count) {
        List<Signature> signatures = new ArrayList<>();
        for (NumericType type : List.of(FLOAT64, FLOAT32).subList(0, count)) {
            signatures.add(new Signature(type, Collections.nCopies(arity, type)));
        }
        return signatures;
    }
}
