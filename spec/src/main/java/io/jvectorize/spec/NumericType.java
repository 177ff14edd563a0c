package io.jvectorize.spec;

import java.util.List;
import java.util.Optional;

/** The element types a kernel can take and return: Numba's names for Java's primitives. */
public enum NumericType {
    FLOAT64("double", "float64", "f8", "double"),
    FLOAT32("float", "float32", "f4", "float"),
    INT64("long", "int64", "i8"),
    INT32("int", "int32", "i4"),
    INT16("short", "int16", "i2"),
    INT8("byte", "int8", "i1"),
    BOOLEAN("boolean", "boolean", "b1");

    private final String javaName;
    private final List<String> names;

    NumericType(String javaName, String... names) {
        this.javaName = javaName;
        this.names = List.of(names);
    }

    /** The Java primitive, e.g. {@code double}. */
    public String javaName() {
        return javaName;
    }

    /** The canonical Numba name, e.g. {@code float64}. */
    public String numbaName() {
        return names.get(0);
    }

    /** Every name a signature may use for this type, canonical first. */
    public List<String> names() {
        return names;
    }

    /** The type a signature names, if any: {@code f8}, {@code float64} and {@code double} all give FLOAT64. */
    public static Optional<NumericType> forName(String name) {
        for (NumericType type : values()) {
            if (type.names.contains(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type of a Java primitive, if jvectorize supports it ({@code char} is not). */
    public static Optional<NumericType> forJavaName(String javaName) {
        for (NumericType type : values()) {
            if (type.javaName.equals(javaName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** All names a signature may use, for error messages. */
    public static String allNames() {
        StringBuilder text = new StringBuilder();
        for (NumericType type : values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.join(" | ", type.names));
        }
        return text.toString();
    }

    /** All supported Java primitives, for error messages. */
    public static String allJavaNames() {
        StringBuilder text = new StringBuilder();
        for (NumericType type : values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(type.javaName);
        }
        return text.toString();
    }

    /**
     * Whether a value of this type converts to {@code target} by identity or Java's widening
     * primitive conversion (JLS 5.1.2), as it would when passed to a method.
     */
    public boolean widensTo(NumericType target) {
        if (this == target) {
            return true;
        }
        switch (this) {
            case INT8:
                return target == INT16 || target == INT32 || target == INT64 || isFloating(target);
            case INT16:
                return target == INT32 || target == INT64 || isFloating(target);
            case INT32:
                return target == INT64 || isFloating(target);
            case INT64:
                return isFloating(target);
            case FLOAT32:
                return target == FLOAT64;
            default:
                return false;
        }
    }

    /** Whether a Java cast converts this type to {@code target}: any pair but boolean with a number. */
    public boolean castsTo(NumericType target) {
        return (this == BOOLEAN) == (target == BOOLEAN);
    }

    private static boolean isFloating(NumericType type) {
        return type == FLOAT64 || type == FLOAT32;
    }
}
