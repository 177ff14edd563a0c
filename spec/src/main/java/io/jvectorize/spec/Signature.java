package io.jvectorize.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A kernel signature such as {@code float64(float64, float32)}: what one set of kernels takes and returns. */
public record Signature(NumericType returnType, List<NumericType> argumentTypes) {

    public Signature {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** The number of arguments. */
    public int arity() {
        return argumentTypes.size();
    }

    /** The argument type at {@code index}. */
    public NumericType argumentType(int index) {
        return argumentTypes.get(index);
    }

    /**
     * Whether a call that this signature would take can never reach {@code later}: every argument
     * type of {@code later} widens to this signature's, so a by-name call picks this one first.
     */
    public boolean shadows(Signature later) {
        if (later.arity() != arity()) {
            return false;
        }
        for (int i = 0; i < arity(); i++) {
            if (!later.argumentType(i).widensTo(argumentType(i))) {
                return false;
            }
        }
        return true;
    }

    /** The canonical Numba form, e.g. {@code float64(float64, float32)}. */
    @Override
    public String toString() {
        return returnType.numbaName()
                + argumentTypes.stream().map(NumericType::numbaName).collect(Collectors.joining(", ", "(", ")"));
    }
}
