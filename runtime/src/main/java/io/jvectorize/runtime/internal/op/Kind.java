package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.DType;

/**
 * The three kinds of arrays the engines compute in: {@code double[]} for float64 and float32
 * (float32 values rounded to float after every operation), {@code long[]} for int64 and int32
 * (int32 values wrapped to int after every operation), {@code boolean[]} for bool; and
 * {@code double[]} of interleaved (re, im) pairs for complex128, which only
 * {@link ComplexKernels} computes.
 */
public enum Kind {
    DOUBLE(double[].class),
    LONG(long[].class),
    BOOLEAN(boolean[].class),
    COMPLEX(double[].class);

    private final Class<?> arrayType;

    Kind(Class<?> arrayType) {
        this.arrayType = arrayType;
    }

    /** The kind values of {@code type} are computed in. */
    public static Kind of(DType type) {
        return type.isComplex() ? COMPLEX : type.isFloating() ? DOUBLE : type.isIntegral() ? LONG : BOOLEAN;
    }

    public Class<?> arrayType() {
        return arrayType;
    }
}
