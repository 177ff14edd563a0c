package io.jvectorize.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelClassTest {
    private static final KernelMethod F = new KernelMethod("f",
            List.of(new Parameter("x", NumericType.FLOAT64)), NumericType.FLOAT64,
            List.of(new Signature(NumericType.FLOAT64, List.of(NumericType.FLOAT64))));

    @Test
    void aTopLevelClassGetsItsNameWithVectorized() {
        assertEquals("FooVectorized", new KernelClass("p", List.of("Foo"), List.of(F)).companionName());
    }

    @Test
    void aNestedClassJoinsItsEnclosingNamesWithUnderscores() {
        assertEquals("Outer_Mid_InnerVectorized",
                new KernelClass("p", List.of("Outer", "Mid", "Inner"), List.of(F)).companionName());
    }

    @Test
    void theQualifiedNameHasThePackageUnlessUnnamed() {
        assertEquals("p.q.FooVectorized", new KernelClass("p.q", List.of("Foo"), List.of(F)).companionQualifiedName());
        assertEquals("FooVectorized", new KernelClass("", List.of("Foo"), List.of(F)).companionQualifiedName());
    }
}
