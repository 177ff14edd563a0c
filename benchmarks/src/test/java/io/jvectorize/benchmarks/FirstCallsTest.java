package io.jvectorize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first-call table's figures, on sequences whose answers are known. */
class FirstCallsTest {

    @Test
    void steadyIsTheMedianOfTheLastQuarter() {
        double[] t = {100, 9, 9, 9, 5, 3, 4, 2};
        // The last quarter: 4, 2; its median (the upper one of two): 4.
        assertEquals(4.0, FirstCalls.steady(t));
    }

    @Test
    void theWorstWindowSkipsTheFirstCall() {
        double[] t = new double[30];
        java.util.Arrays.fill(t, 1.0);
        t[0] = 1000; // the first call is reported apart
        t[12] = 21;  // one slow call: a window of 10 holding it has mean (9 + 21) / 10
        assertEquals(3.0, FirstCalls.worstWindow(t), 1e-12);
    }
}
