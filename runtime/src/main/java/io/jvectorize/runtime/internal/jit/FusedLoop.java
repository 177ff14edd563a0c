package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.SimdWarmup;
import io.jvectorize.runtime.internal.block.WholeVectors;
import io.jvectorize.runtime.internal.warm.Warming;
import java.lang.invoke.MethodHandle;

/**
 * A pass compiled to one loop of its own: a hidden class whose method loads a vector of each
 * input, applies every step to it in registers and stores the result, as the processor's
 * generated SIMD kernels do. The block engine makes one pass over a block per operator; this
 * makes one pass over memory in all, with no block temporaries. It computes whole vectors; the
 * block engine the elements after them.
 */
public final class FusedLoop implements WholeVectors {

    private final MethodHandle run;
    private final int lanes;
    private final boolean usesVectorMath;
    /** Null until a run first asks whether the loop is compiled; shared by the passes that share the loop. */
    private volatile Warming warming;

    FusedLoop(MethodHandle run, int lanes, boolean usesVectorMath) {
        this.run = run;
        this.lanes = lanes;
        this.usesVectorMath = usesVectorMath;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    /** Whether it applies a math function, and so may run only where the options allow vector math. */
    public boolean usesVectorMath() {
        return usesVectorMath;
    }

    /**
     * Whether the JIT has compiled the loop, so that runs may take it (see {@link SimdWarmup});
     * the first call starts warming it with {@code job}, the runs of the pass that asked first.
     */
    public boolean compiled(Warming.Job job) {
        Warming current = warming;
        if (current == null) {
            synchronized (this) {
                if (warming == null) {
                    warming = new Warming(!SimdWarmup.ENABLED, job);
                }
                current = warming;
            }
        }
        return current.compiled();
    }

    @Override
    public int run(Object[] inputs, Object[] numbers, Object out, int from, int to, int shift) {
        try {
            return (int) run.invokeExact(inputs, numbers, out, from, to, shift);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("fused loop failed", e); // it declares no checked exception
        }
    }
}
