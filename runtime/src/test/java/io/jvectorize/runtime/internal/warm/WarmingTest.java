package io.jvectorize.runtime.internal.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warming thread's decisions, on trials whose speed the test sets. */
class WarmingTest {

    /** A trial whose vector call is slow (sleeps) for its first {@code slowCalls} calls, then fast. */
    private static final class Trial implements Warming.Job, Warming.Trial {
        final int slowCalls;
        final AtomicInteger vectorCalls = new AtomicInteger();
        final AtomicInteger otherShapes = new AtomicInteger();

        Trial(int slowCalls) {
            this.slowCalls = slowCalls;
        }

        @Override
        public Warming.Trial prepare() {
            return this;
        }

        @Override
        public void scalar() throws InterruptedException {
            Thread.sleep(2);
        }

        @Override
        public void vector() throws InterruptedException {
            if (vectorCalls.incrementAndGet() <= slowCalls) {
                Thread.sleep(20);
            }
        }

        @Override
        public void otherShapes() {
            otherShapes.incrementAndGet();
        }
    }

    @Test
    void switchesOnceTheLoopIsAsFastAsTheScalarPath() throws InterruptedException {
        Trial trial = new Trial(5);
        Warming warming = new Warming(false, trial);
        assertFalse(warming.compiled(), "the first call starts the warming and takes the scalar path");
        assertTrue(warming.awaitCompiled(60_000), "not compiled within a minute");
        // Five slow calls, then three fast ones in a row.
        assertTrue(trial.vectorCalls.get() >= 8, "vector calls: " + trial.vectorCalls.get());
        assertTrue(trial.otherShapes.get() >= 8, "the other shapes ran " + trial.otherShapes.get() + " times");
        assertTrue(warming.compiled());
    }

    @Test
    void aTrialThatThrowsEndsTheWarmingWithTheLoop() throws InterruptedException {
        Warming warming = new Warming(false, () -> {
            throw new ArithmeticException("the scratch data divides by zero");
        });
        assertFalse(warming.compiled());
        assertTrue(warming.awaitCompiled(60_000), "a failed warming must let calls take the loop");
    }

    @Test
    void aLargeCallTakesTheLoopAtOnceWithoutStartingTheWarming() throws InterruptedException {
        AtomicInteger prepared = new AtomicInteger();
        Warming warming = new Warming(false, () -> {
            prepared.incrementAndGet();
            return new Trial(0);
        });
        int pending = Warming.pending();
        assertTrue(warming.compiled(Warming.LARGE_CALL), "a call of LARGE_CALL elements takes the loop");
        assertTrue(warming.compiled(Long.MAX_VALUE));
        assertTrue(Warming.pending() <= pending, "a large call started a warming");
        assertEquals(0, prepared.get(), "a large call prepared the warming's trial");
        assertFalse(warming.compiled(Warming.LARGE_CALL - 1), "one element fewer takes the scalar path, and starts the warming");
        assertTrue(warming.awaitCompiled(60_000), "not compiled within a minute");
        assertEquals(1, prepared.get());
        assertTrue(warming.compiled(1));
    }

    @Test
    void nothingToWarmMeansCompiledFromTheStart() {
        Warming warming = new Warming(true, () -> {
            throw new AssertionError("a warming that is off must not run its job");
        });
        assertTrue(warming.compiled());
    }
}
