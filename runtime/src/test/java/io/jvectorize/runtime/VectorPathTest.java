package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.internal.jit.Loops;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The build runs the runtime's tests twice: by default with the Vector API, and again without
 * it (the {@code scalar-path} execution); each run names its path in the system property
 * {@value #PATH}. This checks that the run really took that path: a default run without the
 * module, or on vectors too narrow for generated loops, or whose loops never ran, fails here
 * instead of passing with the loop engine untested.
 */
class VectorPathTest {

    static final String PATH = "jvectorize.test.path";

    @Test
    void theRunTakesThePathItIsFor() {
        String path = System.getProperty(PATH);
        assumeTrue(path != null, "run outside the build: no path expected");
        boolean vector = path.equals("vector");
        assertTrue(vector || path.equals("scalar"), PATH + " is vector or scalar, not " + path);
        assertEquals(vector, ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "the module " + Simd.MODULE);
        assertEquals(vector, Simd.ENABLED, "Simd.ENABLED");
    }

    @Test
    void theVectorPathCompilesAndRunsGeneratedLoops() {
        assumeTrue("vector".equals(System.getProperty(PATH)), "only the vector path's run has generated loops");
        assertTrue(VectorSupport.WIDE, "generated loops need vectors of 256 bits or more; this JVM's have "
                + VectorSupport.BITS);
        assertTrue(ComputeTesting.LOOPS);
        int n = 1000;
        double[] x = ComputeTesting.doubles(new Random(1), n);
        Expr e = new Call(TestFunctions.TWICE, List.of(Expr.symbol("x").mul(3.0))).sub(Expr.symbol("x").sqrt());
        long definedBefore = Loops.definedLoops();
        long callsBefore = VectorLaneFunctions.TWICE_CALLS.get();
        Object result = Compute.compute(e, Map.of("x", x));
        assertTrue(Compute.explain(e, Map.of("x", x)).contains("in one generated Vector API loop"));
        assertTrue(Loops.definedLoops() > definedBefore, "the loop engine defined a loop class");
        // The lane function runs once per vector, and only inside a generated loop.
        assertEquals(n / Element.FLOAT64.lanes(), VectorLaneFunctions.TWICE_CALLS.get() - callsBefore, "lane function calls");
        ComputeTesting.assertSameBits(Compute.compute(e, Map.of("x", x), false), result, e.toString());
    }
}
