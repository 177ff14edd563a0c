package io.jvectorize.runtime.internal.block;

/**
 * A faster way to compute a pass's elementwise values, over whole vectors only: a generated
 * loop. The block engine computes the elements after the last whole vector, and folds.
 */
public interface WholeVectors {

    /** Elements per vector: it computes whole vectors only. */
    int lanes();

    /**
     * Computes elements {@code from} (inclusive) up to at most {@code to} (exclusive), whole
     * vectors only, element {@code i} into {@code out[i + shift]}, and returns the first element
     * not computed. It never throws: lane forms and the lane functions it calls do not.
     *
     * @param inputs the pass's bound arrays, by input index
     * @param numbers the pass's numbers, by index, one-element arrays of their kinds
     * @param out the result array (shift 0), or the register a reduction folds (shift: minus the block's start)
     */
    int run(Object[] inputs, Object[] numbers, Object out, int from, int to, int shift);
}
