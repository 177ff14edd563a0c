package io.jvectorize.samples.ufunc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parallel reduce's promise: one result for every thread count. {@code jvectorize.threads}
 * is read once per JVM, so each count runs {@link ThreadCountProbe} in a JVM of its own, with
 * the serial cutoff at 1 so that every array really splits; all must print the same bits.
 */
class ThreadCountTest {

    private static String probe(int threads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.addAll(List.of("-Djvectorize.threads=" + threads, "-Djvectorize.parallel.cutoff=1",
                "-cp", System.getProperty("java.class.path"), ThreadCountProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] output = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "the probe with " + threads + " threads failed: " + errors);
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void oneResultForOneTwoAndSevenThreads() throws Exception {
        String one = probe(1);
        assertEquals(7, one.lines().count(), one);
        assertEquals(one, probe(2), "2 threads against 1");
        assertEquals(one, probe(7), "7 threads against 1");
    }
}
