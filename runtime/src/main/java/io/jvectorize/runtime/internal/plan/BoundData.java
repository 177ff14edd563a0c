package io.jvectorize.runtime.internal.plan;

import io.jvectorize.runtime.DType;

/**
 * The data bound to an expression's symbols, checked by the expression layer: every symbol
 * bound, every array of one length. Plans depend on its shape ({@link #isArray}, {@link #given});
 * runs read its values.
 */
public interface BoundData {

    /** Whether the symbol is bound to an array (else to a number). */
    boolean isArray(String symbol);

    /** The type of the data bound to the symbol, which widens to the symbol's type. */
    DType given(String symbol);

    /** The array bound to the symbol, as given: only ever read. */
    Object array(String symbol);

    /**
     * The number bound to the symbol, as a value of the symbol's type in a one-element array of
     * its {@link io.jvectorize.runtime.internal.op.Kind kind}.
     */
    Object scalar(String symbol);

    /** The common length of the bound arrays; -1 where every symbol is bound to a number. */
    int length();
}
