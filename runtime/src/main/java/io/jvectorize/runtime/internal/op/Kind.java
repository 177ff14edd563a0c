package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.DType;

/**
 * The three kinds of arrays the engines compute in: {@code double[]} for float64 and float32
 * (float32 values rounded to float after every operation), {@code long[]} for int64 and int32
 * (int32 values wrapped to int after every operation), {@code boolean[]} for bool.
 */
public enum Kind {
    DOUBLE(double.class, double[].class),
    LONG(long.class, long[].class),
    BOOLEAN(boolean.class, boolean[].class);

    private final Class<?> element;
    private final Class<?> arrayType;

    Kind(Class<?> element, Class<?> arrayType) {
        this.element = element;
        this.arrayType = arrayType;
    }

    /** The kind values of {@code type} are computed in. */
    public static Kind of(DType type) {
        return type.isFloating() ? DOUBLE : type.isIntegral() ? LONG : BOOLEAN;
    }

    /** The kind of an array of this class, or null for float[] and int[] (values are held wider). */
    public static Kind ofArray(Class<?> arrayType) {
        for (Kind kind : values()) {
            if (kind.arrayType == arrayType) {
                return kind;
            }
        }
        return null;
    }

    /** The primitive element type: double, long or boolean. */
    public Class<?> element() {
        return element;
    }

    public Class<?> arrayType() {
        return arrayType;
    }
}
