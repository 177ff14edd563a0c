package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** The warm-up's property and its scratch data. */
class SimdWarmupTest {

    @Test
    void thePropertyIsTrueOrFalse() {
        assertTrue(SimdWarmup.enabled(null));
        assertTrue(SimdWarmup.enabled("TRUE"));
        assertFalse(SimdWarmup.enabled("false"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimdWarmup.enabled("off"));
        assertEquals("System property jvectorize.warmup must be true or false, but is \"off\"", e.getMessage());
    }

    @Test
    void scratchArgumentsAreNonZeroValuesOfEachTypeThenTheRange() {
        MethodType type = MethodType.methodType(void.class, double[].class, long.class, int[].class, float[].class,
                int.class, int.class);
        Object[] arguments = SimdWarmup.scratch(type, 9);
        assertArrayEquals(new double[] {1.25, 2.25, 3.25, 4.25, 5.25, 6.25, 7.25, 1.25, 2.25}, (double[]) arguments[0]);
        assertEquals(2L, arguments[1]);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 1, 2}, (int[]) arguments[2]);
        assertEquals(9, ((float[]) arguments[3]).length);
        assertEquals(0, arguments[4]);
        assertEquals(9, arguments[5]);
    }

    @Test
    void offInTheseTestsSoThatTheyRunTheSimdLoopsFromTheFirstCall() {
        assertFalse(SimdWarmup.ENABLED, "surefire sets " + SimdWarmup.PROPERTY + "=false");
    }
}
