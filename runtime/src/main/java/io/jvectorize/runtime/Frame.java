package io.jvectorize.runtime;

/**
 * The arrays one thread works on during a fused pass: the bound inputs and the constants of
 * the run, its own block-sized registers (constant ones filled once), the shared result,
 * and its block's reduction partial.
 */
final class Frame {
    final Object[] inputs;
    /** One-element arrays, shared by the run's frames and only read. */
    final Object[] constants;
    final Object[] registers;
    final Object result;
    /** For each call step, the argument arrays it passes to the kernel, built once. */
    final Object[][] callArguments;
    final Reducer.Partial partial = new Reducer.Partial();
    /** Whether math functions run as Vector API loops: only ever true where {@link Simd#ENABLED}. */
    final boolean vectorMath;
    /**
     * Where a reduction's block computes the elements after the generated loop's last whole
     * vector: registers of one vector's length. Null where the frame's blocks do not run the
     * loop.
     */
    final Frame tail;

    Frame(Object[] inputs, Object[] constants, Object[] registers, Object result, Object[][] callArguments,
            boolean vectorMath, Frame tail) {
        this.inputs = inputs;
        this.constants = constants;
        this.registers = registers;
        this.result = result;
        this.callArguments = callArguments;
        this.vectorMath = vectorMath;
        this.tail = tail;
    }
}
