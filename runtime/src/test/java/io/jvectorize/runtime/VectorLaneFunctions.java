package io.jvectorize.runtime;

import java.util.concurrent.atomic.AtomicLong;
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

    /** How often {@link #twice} ran: a side effect no compiler removes, so a test sees the loop ran. */
    static final AtomicLong TWICE_CALLS = new AtomicLong();

    static DoubleVector twice(DoubleVector a) {
        TWICE_CALLS.incrementAndGet();
        return a.add(a);
    }
}
