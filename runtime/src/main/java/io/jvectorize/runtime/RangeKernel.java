package io.jvectorize.runtime;

/**
 * One overload of a @Vectorize function over a range of elements, as the expression layer
 * calls it: every argument an array of the overload's argument type, all of one length.
 */
@FunctionalInterface
public interface RangeKernel {

    /**
     * Sets {@code out[i] = f(arguments[0][i], ...)} for each {@code i} from {@code from}
     * (inclusive) to {@code to} (exclusive).
     *
     * @param arguments one array per parameter, of the overload's argument types
     * @param out the array of the overload's return type that receives the results
     */
    void run(Object[] arguments, Object out, int from, int to);
}
