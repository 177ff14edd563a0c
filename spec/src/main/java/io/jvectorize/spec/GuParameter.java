package io.jvectorize.spec;

import java.util.Optional;

/**
 * One parameter of a valid @GuVectorize method: its type, whether it is an array, and its core
 * dimension from the layout.
 *
 * @param type the element type (an array's) or the scalar's type
 * @param array whether the method takes {@code T[]}; outputs always do
 * @param dimension the layout's core dimension: a name such as {@code n}, a length such as
 *     {@code 2}, or empty for {@code ()}
 * @param output whether it is one of the outputs, which follow the inputs
 */
public record GuParameter(NumericType type, boolean array, Optional<String> dimension, boolean output) {

    /** Whether the dimension is a fixed length such as {@code (2)}. */
    public boolean isFixed() {
        return dimension.isPresent() && Character.isDigit(dimension.get().charAt(0));
    }

    /** The fixed length; only where {@link #isFixed()}. */
    public int fixedLength() {
        return Integer.parseInt(dimension.orElseThrow());
    }

    /** Whether the layout gives it {@code ()}: a scalar input, or an output of one element. */
    public boolean isScalarShape() {
        return dimension.isEmpty();
    }
}
