package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar (failsafe runs this on it, with ASM off the class path): the runtime writes its
 * kernels with the relocated copy of ASM it holds, and holds no {@code org.objectweb} class.
 */
class ShadedAsmIT {

    @Test
    void computesWithTheRelocatedAsmAlone() throws java.io.IOException, URISyntaxException {
        Path jar = Path.of(Compute.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().endsWith(".jar"), "Compute loaded from " + jar + ", not the jar");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.objectweb.asm.ClassWriter"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getEntry("io/jvectorize/runtime/internal/asm/ClassWriter.class") != null);
        }
        // Generated block kernels for each operator, through the shaded ASM.
        double[] x = {1, 2, 3, 4.5};
        double[] result = (double[]) Compute.compute(Expr.parse("sqrt(x) * 2 + x ** 2 - abs(-x)"), Map.of("x", x));
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.sqrt(x[i]) * 2 + x[i] * x[i] - Math.abs(-x[i]);
        }
        assertArrayEquals(expected, result);
    }
}
