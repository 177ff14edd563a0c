package io.jvectorize.samples.kernels;

/** Java's primitive conversions (JLS 5.1.2 and 5.1.3) on boxed values, as a cast would do them. */
final class Conversions {
    private Conversions() {}

    /**
     * Converts a boxed primitive to {@code type} as the Java cast {@code (type) value} would: the
     * {@code xxxValue()} methods of the boxes are specified as exactly those conversions.
     */
    static Object cast(Object value, Class<?> type) {
        if (value instanceof Boolean) {
            if (type != boolean.class) {
                throw new IllegalArgumentException("cannot cast boolean to " + type);
            }
            return value;
        }
        if (value instanceof Character) {
            value = (int) (Character) value;
        }
        Number number = (Number) value;
        if (type == double.class) {
            return number.doubleValue();
        } else if (type == float.class) {
            return number.floatValue();
        } else if (type == long.class) {
            return number.longValue();
        } else if (type == int.class) {
            return number.intValue();
        } else if (type == short.class) {
            return number.shortValue();
        } else if (type == byte.class) {
            return number.byteValue();
        }
        throw new IllegalArgumentException("cannot cast " + value.getClass().getSimpleName() + " to " + type);
    }
}
