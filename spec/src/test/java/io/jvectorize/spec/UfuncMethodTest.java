package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UfuncMethodTest {
    private static final Signature F8 = sig(NumericType.FLOAT64, NumericType.FLOAT64, NumericType.FLOAT64);
    private static final Signature I4 = sig(NumericType.INT32, NumericType.INT32, NumericType.INT32);

    private static Signature sig(NumericType result, NumericType... arguments) {
        return new Signature(result, List.of(arguments));
    }

    @Test
    void onlySignaturesOfTheFormAOfAAGetUfuncMethods() {
        assertTrue(UfuncMethod.isUfuncSignature(F8));
        assertFalse(UfuncMethod.isUfuncSignature(sig(NumericType.FLOAT32, NumericType.FLOAT64, NumericType.FLOAT64)));
        assertFalse(UfuncMethod.isUfuncSignature(sig(NumericType.FLOAT64, NumericType.FLOAT64, NumericType.INT32)));
        assertFalse(UfuncMethod.isUfuncSignature(sig(NumericType.FLOAT64, NumericType.FLOAT64)));
        assertFalse(UfuncMethod.isUfuncSignature(
                sig(NumericType.FLOAT64, NumericType.FLOAT64, NumericType.FLOAT64, NumericType.FLOAT64)));
    }

    @Test
    void withoutRegroupingThereIsNoParallelReduce() {
        List<String> names = UfuncMethod.allOf("add", List.of(F8), Identity.NONE).stream()
                .map(UfuncMethod::javaSignature).toList();
        assertEquals(List.of("addReduce(double[])", "addAccumulate(double[])", "addAccumulate(double[], double[])",
                "addOuter(double[], double[])", "addAt(double[], int[], double[])"), names);
    }

    @Test
    void anIdentityOrReorderableAddsTheParallelReduceAndItsChunkFold() {
        for (Identity identity : List.of(new Identity(Identity.Kind.VALUE, "0"),
                new Identity(Identity.Kind.REORDERABLE, ""))) {
            List<String> names = UfuncMethod.allOf("add", List.of(I4, F8), identity).stream()
                    .map(UfuncMethod::javaSignature).toList();
            assertEquals(14, names.size());
            assertTrue(names.contains("addReduceParallel(int[])"));
            assertTrue(names.contains("addReduceChunk(double[], int, int)"));
        }
    }
}
