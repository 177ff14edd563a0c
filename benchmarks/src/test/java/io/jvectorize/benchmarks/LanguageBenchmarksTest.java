package io.jvectorize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Compute;
import org.junit.jupiter.api.Test;

/** Each of {@link LanguageBenchmarks} computes what its name says, into its output array. */
class LanguageBenchmarksTest {

    private static LanguageBenchmarks setUp() {
        LanguageBenchmarks benchmarks = new LanguageBenchmarks();
        benchmarks.size = 10_001;
        benchmarks.setUp();
        return benchmarks;
    }

    @Test
    void eachComputesItsFunction() {
        LanguageBenchmarks b = setUp();
        double[] x = b.copyInto().clone();
        for (int k = 0; k < x.length; k++) {
            x[k] -= 1; // back to the input, exactly for inputs in [-4, 2)
        }
        double[] cube = b.cubeComputeInto().clone();
        double[] byPow = b.cubeByPowComputeInto().clone();
        double[] tanh = b.tanhComputeInto().clone();
        double[] tanhMath = b.tanhMathComputeInto().clone();
        double[] tanhByHand = b.tanhVectorInto().clone();
        double[] expm1ByHand = b.expm1VectorInto().clone();
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k] * x[k] * x[k], cube[k], "x ** 3 is x * x * x");
            assertTrue(Math.abs(byPow[k] - Math.pow(x[k], 3)) <= Compute.VECTOR_MATH_ULPS * Math.ulp(byPow[k]),
                    "x ** n by pow");
            assertEquals(Math.tanh(x[k]), tanhMath[k], "Math.tanh");
            assertTrue(Math.abs(tanh[k] - Math.tanh(x[k])) <= Compute.VECTOR_MATH_ULPS * Math.ulp(tanh[k]),
                    "tanh within the vector math bound");
            assertTrue(Math.abs(tanhByHand[k] - Math.tanh(x[k])) <= Compute.VECTOR_MATH_ULPS * Math.ulp(tanhByHand[k]),
                    "tanh by hand within the vector math bound");
            assertTrue(Math.abs(expm1ByHand[k] - Math.expm1(x[k])) <= Compute.VECTOR_MATH_ULPS * Math.ulp(expm1ByHand[k]),
                    "expm1 by hand within the vector math bound");
        }
    }
}
