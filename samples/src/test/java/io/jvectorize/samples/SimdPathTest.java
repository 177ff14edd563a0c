package io.jvectorize.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Simd;
import org.junit.jupiter.api.Test;

/**
 * Each test run says which path it means to test (the build runs the tests with the Vector API
 * and again without it): this checks that the kernels really took that path.
 */
class SimdPathTest {

    @Test
    void kernelsRunThePathThisTestRunIsFor() {
        String expected = System.getProperty("jvectorize.expectSimd");
        assumeTrue(expected != null, "run outside the build: no path expected");
        assertEquals(Boolean.parseBoolean(expected), Simd.ENABLED);
        assertEquals(Simd.ENABLED, ModuleLayer.boot().findModule(Simd.MODULE).isPresent()
                && !"false".equals(System.getProperty(Simd.PROPERTY)));
    }
}
