package io.jvectorize.runtime.internal.block;

import io.jvectorize.runtime.internal.op.Reducer;

/**
 * The arrays one thread works on during a pass: the bound inputs and the numbers of the run,
 * its own block-sized registers (those of numbers filled once), the shared result, and its
 * block's reduction partial.
 */
final class Frame {
    final Object[] inputs;
    /** One-element arrays, shared by the run's frames and only read. */
    final Object[] numbers;
    final Object[] registers;
    final Object result;
    /** For each call step, the argument arrays it passes to the kernel, built once. */
    final Object[][] callArguments;
    final Reducer.Partial partial = new Reducer.Partial();
    /** Whether math functions run as Vector API kernels: only ever true where the Vector API is present. */
    final boolean vectorMath;
    /** Whether operators run as Vector API kernels where they have one; false while those warm (see SimdWarmup). */
    final boolean vectorKernels;
    /**
     * Where a reduction's block computes the elements after the whole vectors a
     * {@link WholeVectors} computed: registers of one vector's length. Null where the frame's
     * blocks run none.
     */
    final Frame tail;

    Frame(Object[] inputs, Object[] numbers, Object[] registers, Object result, Object[][] callArguments,
            boolean vectorMath, boolean vectorKernels, Frame tail) {
        this.inputs = inputs;
        this.numbers = numbers;
        this.registers = registers;
        this.result = result;
        this.callArguments = callArguments;
        this.vectorMath = vectorMath;
        this.vectorKernels = vectorKernels;
        this.tail = tail;
    }
}
