package io.jvectorize.spec;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code identity} of a binary @Vectorize function, as NumPy's ufuncs have one: the value
 * {@code e} with {@code f(e, x) == x}, which reducing an empty array gives; or, for
 * {@link Kind#REORDERABLE}, no value but the promise that the function may be regrouped, which
 * a parallel reduce needs as much as an identity.
 *
 * @param kind whether there is a value
 * @param text the value as written, such as {@code "0"}, {@code "-1.5"} or {@code "-inf"};
 *     empty unless {@link Kind#VALUE}
 */
public record Identity(Kind kind, String text) {

    /** What an identity text declares. */
    public enum Kind {
        /** No identity: empty text. */
        NONE,
        /** A value, which also allows regrouping. */
        VALUE,
        /** No value, but the function may be regrouped: {@code "reorderable"}. */
        REORDERABLE
    }

    /** The text that declares {@link Kind#REORDERABLE}. */
    public static final String REORDERABLE_TEXT = "reorderable";

    /** No identity. */
    public static final Identity NONE = new Identity(Kind.NONE, "");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Parses an annotation's {@code identity}, surrounding whitespace ignored; throws saying what may be written. */
    public static Identity parse(String text) throws SignatureException {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return NONE;
        }
        if (trimmed.equals(REORDERABLE_TEXT)) {
            return new Identity(Kind.REORDERABLE, "");
        }
        if (trimmed.equals("inf") || trimmed.equals("+inf") || trimmed.equals("-inf")
                || NUMBER.matcher(trimmed).matches()) {
            return new Identity(Kind.VALUE, trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        }
        throw new SignatureException("malformed identity \"" + text + "\": write a number such as \"0\", \"1\" or"
                + " \"-1.5\", \"inf\", \"-inf\", \"" + REORDERABLE_TEXT + "\" (no identity, but the function may be"
                + " regrouped), or nothing", 1);
    }

    /** Whether a parallel reduce may regroup the function: it has a value or is reorderable. */
    public boolean allowsRegrouping() {
        return kind != Kind.NONE;
    }

    /** Whether the value is infinite. */
    public boolean isInfinite() {
        return text.endsWith("inf");
    }

    /**
     * Why the value is not exact in {@code type}; empty where it is. Integers take whole numbers
     * in their range, booleans {@code 0} and {@code 1}, floats every value (rounded to nearest,
     * as a Java literal is).
     */
    public Optional<String> problemIn(NumericType type) {
        if (kind != Kind.VALUE) {
            return Optional.empty();
        }
        if (type == NumericType.FLOAT64 || type == NumericType.FLOAT32) {
            boolean overflows = !isInfinite() && (type == NumericType.FLOAT64
                    ? Double.isInfinite(new BigDecimal(text).doubleValue())
                    : Float.isInfinite(new BigDecimal(text).floatValue()));
            return overflows ? Optional.of("is beyond the range of " + type.numbaName()) : Optional.empty();
        }
        String wanted = type == NumericType.BOOLEAN ? "0 or 1" : "a whole number from " + min(type) + " to " + max(type);
        if (isInfinite()) {
            return Optional.of("is not " + wanted);
        }
        BigDecimal value = new BigDecimal(text);
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        BigDecimal low = type == NumericType.BOOLEAN ? BigDecimal.ZERO : BigDecimal.valueOf(min(type));
        BigDecimal high = type == NumericType.BOOLEAN ? BigDecimal.ONE : BigDecimal.valueOf(max(type));
        if (!whole || value.compareTo(low) < 0 || value.compareTo(high) > 0) {
            return Optional.of("is not " + wanted);
        }
        return Optional.empty();
    }

    /** The value as a Java expression of {@code type}, such as {@code 0.0}, {@code -1L} or {@code Double.NEGATIVE_INFINITY}. */
    public String javaLiteral(NumericType type) {
        if (kind != Kind.VALUE) {
            throw new IllegalStateException("no identity value");
        }
        boolean negative = text.startsWith("-");
        switch (type) {
            case FLOAT64:
                return isInfinite() ? (negative ? "Double.NEGATIVE_INFINITY" : "Double.POSITIVE_INFINITY")
                        : Double.toString(Double.parseDouble(text));
            case FLOAT32:
                return isInfinite() ? (negative ? "Float.NEGATIVE_INFINITY" : "Float.POSITIVE_INFINITY")
                        : Float.parseFloat(text) + "f";
            case BOOLEAN:
                return new BigDecimal(text).signum() != 0 ? "true" : "false";
            case INT64:
                return new BigDecimal(text).longValueExact() + "L";
            case INT32:
                return Integer.toString(new BigDecimal(text).intValueExact());
            default:
                return "(" + type.javaName() + ") " + new BigDecimal(text).intValueExact();
        }
    }

    private static long min(NumericType type) {
        switch (type) {
            case INT64: return Long.MIN_VALUE;
            case INT32: return Integer.MIN_VALUE;
            case INT16: return Short.MIN_VALUE;
            default: return Byte.MIN_VALUE;
        }
    }

    private static long max(NumericType type) {
        switch (type) {
            case INT64: return Long.MAX_VALUE;
            case INT32: return Integer.MAX_VALUE;
            case INT16: return Short.MAX_VALUE;
            default: return Byte.MAX_VALUE;
        }
    }
}
