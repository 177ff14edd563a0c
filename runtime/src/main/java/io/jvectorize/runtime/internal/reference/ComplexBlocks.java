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
            forEachBlock(pass, length, settings, (scratch, start, n) -> partials[start / blockSize]
                    = ReferenceEngine.foldBlock(pass, scratch.slices(inputs, start, n), numbers, n, scratch.steps));
            Reducer.Partial total = reducer.start();
            for (Reducer.Partial partial : partials) {
                reducer.combine(total, partial);
            }
            return reducer.finish(total);
        }
        int width = pass.type().isComplex() ? 2 : 1;
        Object result = Conversions.newArray(pass.type().arrayType(), width * length);
        forEachBlock(pass, length, settings, (scratch, start, n) -> {
            Object block = ReferenceEngine.run(pass, scratch.slices(inputs, start, n), numbers, n, blockSize,
                    scratch.steps);
            System.arraycopy(block, 0, result, width * start, width * n);
        });
        return result;
    }

    private interface BlockTask {
        void run(Scratch scratch, int start, int n);
    }

    /**
     * One thread's arrays, reused from block to block so that they stay in cache: each input's
     * block, and each step's value.
     */
    private static final class Scratch {
        final Pass pass;
        final Object[] inputs;
        final Object[] steps;

        Scratch(Pass pass) {
            this.pass = pass;
            this.inputs = new Object[pass.inputs().size()];
            this.steps = new Object[pass.steps().size()];
        }

        /** The block of each bound array: elements {@code start} to {@code start + n} (pairs for complex data). */
        Object[] slices(Object[] arrays, int start, int n) {
            Object[] slices = new Object[arrays.length];
            for (int i = 0; i < arrays.length; i++) {
                int width = pass.inputs().get(i).given().isComplex() ? 2 : 1;
                Object slice = inputs[i];
                if (slice == null || java.lang.reflect.Array.getLength(slice) != width * n) {
                    slice = Conversions.newArray(arrays[i].getClass(), width * n);
                    inputs[i] = slice;
                }
                System.arraycopy(arrays[i], width * start, slice, 0, width * n);
                slices[i] = slice;
            }
            return slices;
        }
    }

    /** The blocks of {@code blockSize} elements, in order, or spread over threads where the settings say parallel. */
    private static void forEachBlock(Pass pass, int length, Settings settings, BlockTask task) {
        int blockSize = settings.blockSize();
        Parallel.RangeTask range = (from, to) -> {
            Scratch scratch = new Scratch(pass);
            for (long block = (from + (long) blockSize - 1) / blockSize; block * blockSize < to; block++) {
                int start = (int) (block * blockSize);
                task.run(scratch, start, (int) Math.min(blockSize, length - (long) start));
            }
        };
        if (settings.parallel()) {
            Parallel.forRange(length, range);
        } else {
            range.run(0, length);
        }
    }
}
