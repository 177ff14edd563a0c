package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.emit.ClassFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Runs every class file the runtime generates through ASM's {@link CheckClassAdapter} (its
 * structure, and each method through the bytecode verifier's analysis) before the class is
 * defined, for every test of the session. With the strict test mode the surefire runs set
 * ({@code jvectorize.test.strictLoops}), a class it finds fault with fails the test that
 * generated it, where production would silently fall back to the block engine.
 */
public final class GeneratedClassCheck implements LauncherSessionListener {

    /**
     * Installs the check in the strict test mode of the surefire runs (StrictLoopsTest asserts
     * they set it). The integration tests on the shaded jar run without it, and without the
     * unrelocated ASM the check reads class files with.
     */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (ClassFiles.STRICT) {
            ClassFiles.checkWith(GeneratedClassCheck::check);
        }
    }

    /** @throws IllegalStateException with ASM's report if the class file is not valid */
    static void check(byte[] classFile) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), GeneratedClassCheck.class.getClassLoader(), false,
                new PrintWriter(report));
        if (report.getBuffer().length() > 0) {
            throw new IllegalStateException("generated class file fails verification:\n" + report);
        }
    }
}
