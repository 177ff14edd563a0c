package io.jvectorize.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The element types of expressions, with NumPy's names and NumPy's promotion between them.
 *
 * <p>Promotion ({@link #promote}) follows NumPy for these types: the result of combining two
 * types is the smallest type that holds both, where {@code int32 < int64 < float64} and
 * {@code float32 < float64}, and an integer with {@code float32} gives {@code float64}.
 * {@code boolean} takes part only in comparisons, logic and {@code where}; arithmetic on it is
 * an error (use {@code where(c, 1, 0)}).
 */
public enum DType {
    /** Java {@code double}, NumPy {@code float64}. */
    FLOAT64("float64", double[].class),
    /** Java {@code float}, NumPy {@code float32}. */
    FLOAT32("float32", float[].class),
    /** Java {@code long}, NumPy {@code int64}. */
    INT64("int64", long[].class),
    /** Java {@code int}, NumPy {@code int32}. */
    INT32("int32", int[].class),
    /** Java {@code boolean}, NumPy {@code bool}. */
    BOOLEAN("bool", boolean[].class);

    private final String numpyName;
    private final Class<?> arrayType;

    DType(String numpyName, Class<?> arrayType) {
        this.numpyName = numpyName;
        this.arrayType = arrayType;
    }

    /** NumPy's name: {@code float64}, {@code float32}, {@code int64}, {@code int32}, {@code bool}. */
    public String numpyName() {
        return numpyName;
    }

    /** The Java array class holding elements of this type, e.g. {@code double[].class}. */
    public Class<?> arrayType() {
        return arrayType;
    }

    /** Whether this is {@code float64} or {@code float32}. */
    public boolean isFloating() {
        return this == FLOAT64 || this == FLOAT32;
    }

    /** Whether this is {@code int64} or {@code int32}. */
    public boolean isIntegral() {
        return this == INT64 || this == INT32;
    }

    /** Whether this is a number type (anything but {@code boolean}). */
    public boolean isNumeric() {
        return this != BOOLEAN;
    }

    /**
     * Whether every value of this type converts to {@code target} as NumPy's "safe" casting
     * allows: {@code int32 -> int64 -> float64}, {@code int32 -> float64}, {@code float32 -> float64}.
     */
    public boolean widensTo(DType target) {
        return this == target || (isNumeric() && target.isNumeric() && promote(this, target) == target);
    }

    /**
     * NumPy's result type for two operands of these types.
     *
     * @throws IllegalArgumentException if one is {@code boolean} and the other is not
     */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == BOOLEAN || b == BOOLEAN) {
            throw new IllegalArgumentException("cannot combine " + a.numpyName + " with " + b.numpyName
                    + "; compare the numbers, or use where(condition, 1, 0) to turn a condition into a number");
        }
        if (a == FLOAT64 || b == FLOAT64) {
            return FLOAT64;
        }
        if (a == FLOAT32 || b == FLOAT32) {
            // float32 with an integer: NumPy takes float64, since float32 cannot hold every int32.
            return FLOAT64;
        }
        return INT64;
    }

    /** The type of a Java array, e.g. FLOAT64 for {@code double[]}; empty for other objects. */
    public static Optional<DType> ofArray(Object array) {
        for (DType type : values()) {
            if (type.arrayType.isInstance(array)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type a Numba-style name stands for ({@code float64, f8, double, float32, f4, float, int64, i8, int32, i4, boolean, b1, bool}). */
    public static Optional<DType> forName(String name) {
        switch (name) {
            case "float64": case "f8": case "double": return Optional.of(FLOAT64);
            case "float32": case "f4": case "float": return Optional.of(FLOAT32);
            case "int64": case "i8": case "long": return Optional.of(INT64);
            case "int32": case "i4": case "int": return Optional.of(INT32);
            case "boolean": case "b1": case "bool": return Optional.of(BOOLEAN);
            default: return Optional.empty();
        }
    }

    /** The names {@link #forName} knows, for error messages. */
    static List<String> names() {
        return List.of("float64", "f8", "double", "float32", "f4", "float", "int64", "i8", "long",
                "int32", "i4", "int", "boolean", "b1", "bool");
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
