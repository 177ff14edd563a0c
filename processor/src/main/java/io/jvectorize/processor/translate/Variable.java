package io.jvectorize.processor.translate;

import io.jvectorize.spec.NumericType;

/**
 * A local variable or parameter of a body during translation.
 *
 * @param type its declared type
 * @param value its current value; null until assigned
 */
record Variable(NumericType type, Value value) {

    /** The same variable, assigned {@code newValue}. */
    Variable assigned(Value newValue) {
        return new Variable(type, newValue);
    }
}
