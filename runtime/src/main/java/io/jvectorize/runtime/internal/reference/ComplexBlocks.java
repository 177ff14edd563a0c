package io.jvectorize.runtime.internal.reference;

import io.jvectorize.runtime.Parallel;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Settings;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Reducer;

/**
 * How optimize = true runs a pass with complex values: block by block, as the block engine
 * runs real passes, each block's steps computed by {@link ReferenceEngine} over that block
 * alone, so every temporary is block-sized and stays in cache, and blocks run on several
 * threads where the settings allow. Each element is computed by the same code as the reference
 * engine's whole-array run, and a reduction folds the same blocks and combines their partials in
 * block order, so the values are the reference engine's, bit for bit, for every thread count.
 * Steps are not vectorized.
 */
public final class ComplexBlocks {

    private ComplexBlocks() {}

    /** Runs the pass over {@code length} elements: the result array, or the reduction's boxed value. */
    public static Object run(Pass pass, Object[] inputs, Object[] numbers, int length, Settings settings) {
        int blockSize = settings.blockSize();
        int blocks = (int) ((length + (long) blockSize - 1) / blockSize);
        if (pass.isReduction()) {
            Reducer reducer = pass.fold().reducer();
            reducer.checkLength(length);
            Reducer.Partial[] partials = new Reducer.Partial[blocks];
            forEachBlock(length, settings, (start, n) -> partials[start / blockSize]
                    = ReferenceEngine.foldBlock(pass, slices(pass, inputs, start, n), numbers, n));
            Reducer.Partial total = reducer.start();
            for (Reducer.Partial partial : partials) {
                reducer.combine(total, partial);
            }
            return reducer.finish(total);
        }
        int width = pass.type().isComplex() ? 2 : 1;
        Object result = Conversions.newArray(pass.type().arrayType(), width * length);
        forEachBlock(length, settings, (start, n) -> {
            Object block = ReferenceEngine.run(pass, slices(pass, inputs, start, n), numbers, n, blockSize);
            System.arraycopy(block, 0, result, width * start, width * n);
        });
        return result;
    }

    private interface BlockTask {
        void run(int start, int n);
    }

    /** The blocks of {@code blockSize} elements, in order, or spread over threads where the settings say parallel. */
    private static void forEachBlock(int length, Settings settings, BlockTask task) {
        int blockSize = settings.blockSize();
        Parallel.RangeTask range = (from, to) -> {
            for (long block = (from + (long) blockSize - 1) / blockSize; block * blockSize < to; block++) {
                int start = (int) (block * blockSize);
                task.run(start, (int) Math.min(blockSize, length - (long) start));
            }
        };
        if (settings.parallel()) {
            Parallel.forRange(length, range);
        } else {
            range.run(0, length);
        }
    }

    /** The block of each bound array: elements {@code start} to {@code start + n} (pairs for complex data). */
    private static Object[] slices(Pass pass, Object[] inputs, int start, int n) {
        Object[] slices = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int width = pass.inputs().get(i).given().isComplex() ? 2 : 1;
            Object slice = Conversions.newArray(inputs[i].getClass(), width * n);
            System.arraycopy(inputs[i], width * start, slice, 0, width * n);
            slices[i] = slice;
        }
        return slices;
    }
}
