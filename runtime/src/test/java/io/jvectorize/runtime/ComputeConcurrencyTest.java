package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads computing different expressions at once, and more expressions than the plan cache holds. */
class ComputeConcurrencyTest {

    private record Case(Expr expr, Map<String, Object> data, Compute.Options options, Object expected) {}

    @Test
    void manyThreadsManyExpressions() throws Exception {
        Random random = new Random(99);
        ComputeRandomTreesTest.Generator generator = new ComputeRandomTreesTest.Generator(random, true);
        List<Case> cases = new ArrayList<>();
        while (cases.size() < 400) {
            Expr e = generator.tree();
            Map<String, Object> data = ComputeRandomTreesTest.data(random, 500 + random.nextInt(5000));
            Compute.Options options = Compute.Options.defaults().vectorMath(false).blockSize(random.nextBoolean() ? 4096 : 100)
                    .parallel(random.nextBoolean());
            Object expected = ComputeRandomTreesTest.outcome(() -> Compute.compute(e, data, options.optimize(false)));
            cases.add(new Case(e, data, options, expected));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 37;
                done.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int k = 0; k < cases.size(); k++) {
                        Case c = cases.get((k + offset) % cases.size());
                        Object actual = ComputeRandomTreesTest.outcome(() -> Compute.compute(c.expr, c.data, c.options));
                        if (c.expected instanceof String) {
                            assertEquals(c.expected, actual, c.expr.toString());
                        } else {
                            ComputeTesting.assertSameBits(c.expected, actual, c.expr.toString());
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> future : done) {
                assertEquals(cases.size(), future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(PlanCache.size() <= PlanCache.CAPACITY, "cache holds " + PlanCache.size());
    }

    @Test
    void oneExpressionFromManyThreadsInParallelMode() throws Exception {
        double[] x = new double[200_000];
        Random random = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        Map<String, Object> data = Map.of("x", x, "mu", -1.33, "sigma", 1.25);
        Expr e = ComputeTesting.gaussian();
        // Vector math is not reproducible bit for bit (see Compute.Options#vectorMath): exact math here.
        Compute.Options exact = Compute.Options.defaults().vectorMath(false);
        Object expected = Compute.compute(e, data, exact);
        Object expectedSum = Compute.compute(e.sum(), data, exact);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 20; k++) {
                        Compute.Options parallel = exact.parallel(true);
                        ComputeTesting.assertSameBits(expected, Compute.compute(e, data, parallel), "gaussian");
                        ComputeTesting.assertSameBits(expectedSum, Compute.compute(e.sum(), data, parallel), "sum");
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
