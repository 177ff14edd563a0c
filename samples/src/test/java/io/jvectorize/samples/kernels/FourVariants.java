package io.jvectorize.samples.kernels;

import java.lang.reflect.Array;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Checks the four methods of one signature and broadcast form, called with compile-time types:
 * allocating, into out, Parallel allocating and Parallel into out must each give {@code expected}.
 */
final class FourVariants {
    private FourVariants() {}

    /**
     * @param expected the scalar method's results, computed by the test in a plain loop
     * @param allocating calls the allocating variant
     * @param into calls the into-out variant with the given out array
     * @param allocatingParallel calls the allocating Parallel variant
     * @param intoParallel calls the into-out Parallel variant with the given out array
     */
    static <A> void assertAllEqual(A expected, Supplier<A> allocating, Consumer<A> into,
            Supplier<A> allocatingParallel, Consumer<A> intoParallel) {
        assertAllWithin(expected, Tolerance.EXACT, allocating, into, allocatingParallel, intoParallel);
    }

    /**
     * Like {@link #assertAllEqual}, but within {@code tolerance} of {@code expected} (see
     * {@link Bits#assertWithin}).
     */
    static <A> void assertAllWithin(A expected, Tolerance tolerance, Supplier<A> allocating, Consumer<A> into,
            Supplier<A> allocatingParallel, Consumer<A> intoParallel) {
        int length = Array.getLength(expected);
        Bits.assertWithin(expected, allocating.get(), tolerance, i -> "allocating, length " + length + ", index " + i);
        A out = markedLike(expected);
        into.accept(out);
        Bits.assertWithin(expected, out, tolerance, i -> "into out, length " + length + ", index " + i);
        Bits.assertWithin(expected, allocatingParallel.get(), tolerance,
                i -> "Parallel allocating, length " + length + ", index " + i);
        A parallelOut = markedLike(expected);
        intoParallel.accept(parallelOut);
        Bits.assertWithin(expected, parallelOut, tolerance, i -> "Parallel into out, length " + length + ", index " + i);
    }

    /** An array of the type and length of {@code like}, filled with a marker value. */
    @SuppressWarnings("unchecked")
    static <A> A markedLike(A like) {
        return (A) TestValues.marked(like.getClass().getComponentType(), Array.getLength(like));
    }
}
