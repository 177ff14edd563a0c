package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;

/**
 * Lane functions of {@link TestFunctions}, as the processor writes them into a SIMD class: only
 * loaded where the Vector API is present (its name keeps surefire from scanning it), through {@link VectorizedFunction#laneFunction}.
 */
final class VectorLaneFunctions {

    private VectorLaneFunctions() {}

    static DoubleVector poly(DoubleVector t) {
        return t.mul(5.0).add(4.0).mul(t).add(1.0);
    }

    static DoubleVector mix(DoubleVector a, DoubleVector b) {
        return a.mul(0.25).add(b.mul(0.75));
    }
}
