package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.exec.Engines;
import io.jvectorize.runtime.internal.exec.Executable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The most recently used plans, shared by all threads. */
final class PlanCache {

    static final int CAPACITY = 256;

    /**
     * What a plan depends on. Functions are compared by identity: {@link Call#equals} compares
     * them by class and name only, but two objects may carry different kernels.
     */
    private record Key(Expr expr, String binding, List<VectorizedFunction> functions) {
    // equals and hashCode written out: a record's generated ones bootstrap method handles on
    // first use, which a fresh JVM's first compute would pay for (#18).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && expr.equals(that.expr) && binding.equals(that.binding)
                    && functions.equals(that.functions);
        }

        @Override
        public int hashCode() {
            return (31 * expr.hashCode() + binding.hashCode()) * 31 + functions.hashCode();
        }
    }

    private static final Map<Key, Executable> PLANS = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Executable> eldest) {
            return size() > CAPACITY;
        }
    };

    private PlanCache() {}

    static Executable plan(Expr expr, Binding binding) {
        Key key = new Key(expr, binding.signature(), expr.functionsInOrder());
        Executable plan;
        synchronized (PLANS) {
            plan = PLANS.get(key);
        }
        if (plan == null) {
            // Planned outside the lock: two threads may both plan; either plan is right.
            plan = Engines.prepare(Lowering.term(expr), binding);
            synchronized (PLANS) {
                PLANS.put(key, plan);
            }
        }
        return plan;
    }

    static int size() {
        synchronized (PLANS) {
            return PLANS.size();
        }
    }
}
