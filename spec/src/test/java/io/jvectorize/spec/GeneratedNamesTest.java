package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedNamesTest {

    @Test
    void aTopLevelClassGivesFooVectorizedAndItsSimdAndKernelClasses() {
        assertEquals("FooVectorized", GeneratedNames.companion(List.of("Foo")));
        assertEquals("FooVectorizedSimd", GeneratedNames.simd(List.of("Foo")));
        assertEquals("FooVectorizedKernels", GeneratedNames.kernelLibrary(List.of("Foo")));
    }

    @Test
    void aNestedClassJoinsTheNamesWithUnderscores() {
        assertEquals("Outer_InnerVectorized", GeneratedNames.companion(List.of("Outer", "Inner")));
        assertEquals("A_B_CVectorizedKernels", GeneratedNames.kernelLibrary(List.of("A", "B", "C")));
    }

    @Test
    void aClassWithoutANameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GeneratedNames.companion(List.of()));
    }
}
