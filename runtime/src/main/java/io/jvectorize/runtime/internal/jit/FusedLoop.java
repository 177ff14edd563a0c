package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.internal.block.WholeVectors;
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
