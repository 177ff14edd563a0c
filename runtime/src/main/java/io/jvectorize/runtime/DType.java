package io.jvectorize.runtime;

import io.jvectorize.spec.NumericType;
import java.util.Optional;

/**
 * The element types of expressions, with NumPy's names and NumPy's promotion between them.
 *
 * <p>Promotion ({@link #promote}) follows NumPy for these types: the result of combining two
 * types is the smallest type that holds both, where {@code int32 < int64 < float64} and
 * {@code float32 < float64}, and an integer with {@code float32} gives {@code float64}.
 * {@code boolean} is below every number, as in NumPy: True is 1, and a bool meeting a number
 * takes the number's type. (Arithmetic on two bools is NumPy's too: {@code +} is or, {@code *}
 * is and; the operators NumPy refuses on them, or computes in int8 or float16, are errors.)
 * {@code complex128} holds every other type: combined with any number it gives {@code complex128}.
 * {@code complex64} (two float32 parts) holds bool and float32: with them it stays {@code complex64},
 * with {@code float64}, an integer or {@code complex128} it gives {@code complex128}, as in NumPy.
 *
 * <p>Complex data is bound and returned as an array of interleaved (re, im) pairs, NumPy's
 * memory layout: {@code double[]} for complex128, {@code float[]} for complex64 (so
 * {@link #arrayType()} is that of the parts' type, and {@link #ofArray} never answers a complex
 * type: a symbol is complex when its declared type says so); a complex number is a
 * {@link Complex}.
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
    BOOLEAN("bool", boolean[].class),
    /** NumPy {@code complex128}: pairs of Java {@code double}, interleaved (re, im) in a {@code double[]}. */
    COMPLEX128("complex128", double[].class),
    /** NumPy {@code complex64}: pairs of Java {@code float}, interleaved (re, im) in a {@code float[]}. */
    COMPLEX64("complex64", float[].class);

    private final String numpyName;
    private final Class<?> arrayType;

    DType(String numpyName, Class<?> arrayType) {
        this.numpyName = numpyName;
        this.arrayType = arrayType;
    }

    /** NumPy's name: {@code float64}, {@code float32}, {@code int64}, {@code int32}, {@code bool}, {@code complex128}, {@code complex64}. */
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

    /** Whether this is {@code complex128} or {@code complex64}. */
    public boolean isComplex() {
        return this == COMPLEX128 || this == COMPLEX64;
    }

    /** The type of a complex type's parts ({@code .real}, {@code .imag}, {@code abs}): float64 or float32; this type otherwise. */
    public DType partType() {
        return this == COMPLEX128 ? FLOAT64 : this == COMPLEX64 ? FLOAT32 : this;
    }

    /** Whether this is a number type (anything but {@code boolean}). */
    public boolean isNumeric() {
        return this != BOOLEAN;
    }

    /**
     * Whether every value of this type converts to {@code target} as NumPy's "safe" casting
     * allows: {@code int32 -> int64 -> float64}, {@code int32 -> float64}, {@code float32 -> float64},
     * and bool to every type (False is 0, True is 1).
     */
    public boolean widensTo(DType target) {
        return this == target || this == BOOLEAN || (isNumeric() && target.isNumeric() && promote(this, target) == target);
    }

    /**
     * NumPy's result type for two operands of these types: a bool with a number is the number's type.
     */
    public static DType promote(DType a, DType b) {
        if (a == b || b == BOOLEAN) {
            return a;
        }
        if (a == BOOLEAN) {
            return b;
        }
        if (a.isComplex() || b.isComplex()) {
            // complex64 holds float32 (and bool, above); anything wider needs complex128.
            DType other = a.isComplex() ? b : a;
            return a == COMPLEX128 || b == COMPLEX128 || other != FLOAT32 && other != COMPLEX64 ? COMPLEX128 : COMPLEX64;
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

    /** The type of a Java array, e.g. FLOAT64 for {@code double[]}; empty for other objects. Never a complex type. */
    public static Optional<DType> ofArray(Object array) {
        for (DType type : values()) {
            if (!type.isComplex() && type.arrayType.isInstance(array)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The type a name stands for: NumPy's name ({@link #numpyName()}, such as {@code bool}), or
     * one that {@code @Vectorize} signatures use for a type expressions have (Numba's
     * {@code float64 | f8 | double}, {@code float32 | f4 | float}, {@code int64 | i8},
     * {@code int32 | i4}, {@code boolean | b1}). Java's names that are not Numba's ({@code long},
     * {@code int}) are not type names, as in signatures; nor are {@code int16} and {@code int8},
     * which expressions do not have.
     */
    public static Optional<DType> forName(String name) {
        for (DType type : values()) {
            if (type.numpyName.equals(name)) {
                return Optional.of(type);
            }
        }
        return NumericType.forName(name).flatMap(DType::of);
    }

    /** The type of expressions that holds the elements of a signature's type; empty for int16 and int8. */
    static Optional<DType> of(NumericType type) {
        switch (type) {
            case FLOAT64: return Optional.of(FLOAT64);
            case FLOAT32: return Optional.of(FLOAT32);
            case INT64: return Optional.of(INT64);
            case INT32: return Optional.of(INT32);
            case BOOLEAN: return Optional.of(BOOLEAN);
            default: return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
