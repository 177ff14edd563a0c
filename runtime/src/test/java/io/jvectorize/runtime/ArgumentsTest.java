package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void acceptsArraysOfOneLength() {
        assertDoesNotThrow(() -> Arguments.requireArrays(
                "hypot", "a, b, out", new double[10], new double[10], new double[10]));
    }

    @Test
    void acceptsMixedPrimitiveTypesAndEmptyArrays() {
        assertDoesNotThrow(() -> Arguments.requireArrays(
                "f", "a, b, c, out", new int[0], new float[0], new byte[0], new boolean[0]));
        assertDoesNotThrow(() -> Arguments.requireArrays("g", "out", (Object) new long[3]));
        assertDoesNotThrow(() -> Arguments.requireArrays("h", ""));
    }

    @Test
    void nullArgumentIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Arguments.requireArrays(
                        "hypot", "a, b, out", new double[10], null, new double[10]));
        assertEquals("hypot: array argument 'b' is null", e.getMessage());
    }

    @Test
    void nullIsReportedBeforeLengths() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Arguments.requireArrays(
                        "hypot", "a, b, out", new double[1], new double[2], null));
        assertEquals("hypot: array argument 'out' is null", e.getMessage());
    }

    @Test
    void differingLengthsNameEveryArrayAndLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.requireArrays(
                        "hypot", "a, b, out", new double[10], new double[12], new double[10]));
        assertEquals("hypot: array lengths differ: a has 10 elements, b has 12, out has 10",
                e.getMessage());
    }

    @Test
    void singleElementIsSingular() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.requireArrays("f", "x, out", new int[1], new double[0]));
        assertEquals("f: array lengths differ: x has 1 element, out has 0", e.getMessage());
    }

    @Test
    void nonArrayArgumentIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.requireArrays("f", "x, out", new double[2], "text"));
        assertEquals("f: argument 'out' should be an array but is a java.lang.String",
                e.getMessage());
    }

    @Test
    void missingNamesFallBackToPositions() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Arguments.requireArrays("f", "x", new double[2], null));
        assertEquals("f: array argument '#2' is null", e.getMessage());
    }
}
