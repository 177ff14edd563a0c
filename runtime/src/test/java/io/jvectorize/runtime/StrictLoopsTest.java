package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.internal.emit.ClassFiles;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The strict test mode every runtime test runs in: a generated class that ASM's check or the
 * JVM refuses fails the computation, where production would fall back to the block engine.
 */
class StrictLoopsTest {

    @Test
    void theTestsRunInStrictMode() {
        assertEquals("true", System.getProperty(ClassFiles.STRICT_PROPERTY),
                "the runtime's surefire runs set " + ClassFiles.STRICT_PROPERTY);
    }

    @Test
    void theClassCheckRefusesABrokenClassFile() throws Exception {
        byte[] valid;
        try (var in = StrictLoopsTest.class.getResourceAsStream("StrictLoopsTest.class")) {
            valid = in.readAllBytes();
        }
        GeneratedClassCheck.check(valid);
        byte[] broken = Arrays.copyOf(valid, valid.length / 2);
        assertThrows(RuntimeException.class, () -> GeneratedClassCheck.check(broken));
    }

    @Test
    void aRefusedLoopClassFailsTheComputation() {
        assumeTrue(ComputeTesting.LOOPS, "no generated loops without the Vector API on 256-bit vectors");
        // A shape no other test computes, so that no cached loop answers for it.
        Expr x = Expr.symbol("x");
        Expr e = x.mul(7.0).sub(x.sqrt().mul(x)).abs().add(x.div(3.0).neg().sqrt());
        Map<String, Object> data = Map.of("x", new double[64]);
        ClassFiles.checkWith(bytes -> {
            if (new ClassReader(bytes).getClassName().endsWith("GeneratedLoop")) {
                throw new IllegalStateException("refused for the test");
            }
            GeneratedClassCheck.check(bytes);
        });
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Compute.compute(e, data));
            assertTrue(failure.getMessage().startsWith("the generated loop class of "), failure.getMessage());
        } finally {
            ClassFiles.checkWith(GeneratedClassCheck::check);
        }
        assertTrue(Compute.explain(e, data).contains("generated Vector API loop"));
    }
}
