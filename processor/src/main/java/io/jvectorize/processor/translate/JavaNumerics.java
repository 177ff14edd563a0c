package io.jvectorize.processor.translate;

import io.jvectorize.spec.NumericType;
import java.util.List;

/**
 * Java's numeric rules, as the translation needs them while javac has not attributed method
 * bodies yet: numeric promotion (JLS 5.6), casts of constants (JLS 5.1.2, 5.1.3) and the text
 * of literals. Pure functions of types and values.
 */
final class JavaNumerics {

    private JavaNumerics() {}

    /** Unary numeric promotion: byte and short compute as int. */
    static NumericType promote(NumericType type) {
        return type == NumericType.INT8 || type == NumericType.INT16 ? NumericType.INT32 : type;
    }

    /** Binary numeric promotion: the wider of double, float, long, else int. */
    static NumericType promote(NumericType a, NumericType b) {
        for (NumericType wide : List.of(NumericType.FLOAT64, NumericType.FLOAT32, NumericType.INT64)) {
            if (a == wide || b == wide) {
                return wide;
            }
        }
        return NumericType.INT32;
    }

    /** A constant converted to {@code type} as a Java cast from its own type converts it. */
    static Number convert(Number value, NumericType type) {
        boolean floating = value instanceof Double || value instanceof Float;
        switch (type) {
            case FLOAT64: return floating ? value.doubleValue() : (double) value.longValue();
            case FLOAT32: return floating ? value.floatValue() : (float) value.longValue();
            case INT64: return value.longValue();
            case INT32: return floating ? (int) value.doubleValue() : (int) value.longValue();
            case INT16: return floating ? (short) value.doubleValue() : (short) value.longValue();
            case INT8: return floating ? (byte) value.doubleValue() : (byte) value.longValue();
            default: throw new IllegalArgumentException("no number of type " + type);
        }
    }

    /** {@code -value}, in the value's own type (an int's negation wraps as Java's does). */
    static Number negate(Number value) {
        if (value instanceof Double d) {
            return -d;
        }
        if (value instanceof Float f) {
            return -f;
        }
        return value instanceof Long l ? (Number) (-l) : (Number) (-value.intValue());
    }

    /** Java source of a constant of {@code type}: {@code 5.0}, {@code 2.5f}, {@code 7L}, {@code (short) 3}, {@code Double.NaN}. */
    static String literalText(Number value, NumericType type) {
        switch (type) {
            case FLOAT64: return floatingText(value.doubleValue(), "Double", Double.toString(value.doubleValue()));
            case FLOAT32: return floatingText(value.floatValue(), "Float", Float.toString(value.floatValue()) + "f");
            case INT64: return value.longValue() + "L";
            case INT32: return Integer.toString(value.intValue());
            case INT16: return "(short) " + value.intValue();
            case INT8: return "(byte) " + value.intValue();
            default: throw new IllegalArgumentException("no literal of type " + type);
        }
    }

    /** A floating literal; NaN and the infinities have none, so they are the wrapper class's constants. */
    private static String floatingText(double value, String wrapper, String literal) {
        if (Double.isNaN(value)) {
            return wrapper + ".NaN";
        }
        if (Double.isInfinite(value)) {
            return wrapper + (value > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY");
        }
        return literal;
    }
}
