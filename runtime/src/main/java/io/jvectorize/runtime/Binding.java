package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.plan.BoundData;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The data bound to an expression's symbols, checked: every symbol bound, to a supported array
 * or number whose type widens to the symbol's type, all arrays of one length.
 *
 * <p>Arrays are kept as given (never copied); a scalar is kept as a one-element array of the
 * engine's kind for the symbol's type ({@code double[]}, {@code long[]} or {@code boolean[]}).
 */
final class Binding implements BoundData {

    private static final String SUPPORTED = "a double[], float[], long[], int[] or boolean[] array,"
            + " a Number, a Boolean or a Complex";

    private final Map<String, DType> declared;
    private final Map<String, DType> given = new LinkedHashMap<>();
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private final Map<String, Object> scalars = new LinkedHashMap<>();
    private final int length;
    private final String signature;

    private Binding(Expr expr, Map<String, ?> data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null: pass a map from symbol names to arrays or"
                    + " numbers (Map.of() where the expression has no symbols)");
        }
        this.declared = expr.symbolsInOrder();
        StringBuilder signature = new StringBuilder();
        for (Map.Entry<String, DType> symbol : declared.entrySet()) {
            String name = symbol.getKey();
            Object value = data.get(name);
            if (value == null) {
                throw new IllegalArgumentException(data.containsKey(name)
                        ? "symbol " + name + " is bound to null; bind " + SUPPORTED
                        : "symbol " + name + " is not bound: the data has " + names(data));
            }
            boolean isArray = value.getClass().isArray();
            // A complex symbol reads pairs from the array of its parts' type (double[] for complex128,
            // float[] for complex64), and complex128 pairs from a double[] whatever its declared type.
            DType pairs = !isArray || !symbol.getValue().isComplex() ? null
                    : value instanceof double[] ? DType.COMPLEX128 : value instanceof float[] && symbol.getValue() == DType.COMPLEX64
                    ? DType.COMPLEX64 : null;
            DType type = pairs != null ? pairs : isArray ? DType.ofArray(value).orElse(null) : scalarType(value);
            if (pairs != null && java.lang.reflect.Array.getLength(value) % 2 != 0) {
                throw new IllegalArgumentException("symbol " + name + " is " + symbol.getValue() + ", bound to a "
                        + value.getClass().getSimpleName() + " of " + java.lang.reflect.Array.getLength(value)
                        + " values; complex data is (re, im) pairs, so the length must be even");
            }
            if (type == null) {
                throw new IllegalArgumentException("symbol " + name + " is bound to a "
                        + value.getClass().getCanonicalName() + ", which compute does not support; bind " + SUPPORTED);
            }
            if (!type.widensTo(symbol.getValue())) {
                throw new IllegalArgumentException("symbol " + name + " is declared " + symbol.getValue()
                        + " but bound to " + type + " data (" + (isArray ? type.arrayType().getSimpleName()
                                : value.getClass().getSimpleName()) + "), which does not widen to "
                        + symbol.getValue() + "; bind " + symbol.getValue() + " data ("
                        + symbol.getValue().arrayType().getSimpleName() + "), or declare the symbol as " + type
                        + (value instanceof Complex && symbol.getValue() == DType.COMPLEX64
                                ? "; a Complex is complex64 where both its parts are float values, as Complex.of(0.1f, 1f)" : ""));
            }
            given.put(name, type);
            if (isArray) {
                arrays.put(name, value);
            } else {
                scalars.put(name, scalar(value, symbol.getValue()));
            }
            signature.append(name).append(':').append(type).append(isArray ? "[];" : ";");
        }
        this.length = commonLength();
        this.signature = signature.toString();
    }

    static Binding of(Expr expr, Map<String, ?> data) {
        return new Binding(expr, data);
    }

    private static String names(Map<String, ?> data) {
        if (data.isEmpty()) {
            return "no symbols";
        }
        StringJoiner joiner = new StringJoiner(", ");
        for (Object key : new TreeSet<>(data.keySet())) {
            joiner.add(String.valueOf(key));
        }
        return joiner.toString();
    }

    /**
     * The type of a scalar: Double float64, Float float32; Long, AtomicLong, LongAdder,
     * LongAccumulator and a BigInteger that int64 holds int64; Integer, Short, Byte and
     * AtomicInteger int32; any other Number float64, as its {@code doubleValue()}; a Complex
     * complex64 where both its parts are float values (as a Float is float32), complex128 otherwise.
     */
    private static DType scalarType(Object value) {
        if (value instanceof Complex z) {
            return isFloat(z.re()) && isFloat(z.im()) ? DType.COMPLEX64 : DType.COMPLEX128;
        }
        if (value instanceof Boolean) {
            return DType.BOOLEAN;
        }
        if (!(value instanceof Number)) {
            return null;
        }
        if (value instanceof Float) {
            return DType.FLOAT32;
        }
        if (value instanceof Long || value instanceof AtomicLong || value instanceof LongAdder
                || value instanceof LongAccumulator || value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return DType.INT64;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger) {
            return DType.INT32;
        }
        return DType.FLOAT64;
    }

    /**
     * A one-element array of the engine's kind, holding the number as a value of {@code type}
     * (for complex128 the pair re, im):
     * an integer bound to a float64 symbol rounds as Java's {@code (double)} cast does.
     */
    private static Object scalar(Object value, DType type) {
        if (value instanceof Boolean) {
            return new boolean[] {(Boolean) value};
        }
        if (value instanceof Complex z) {
            return new double[] {z.re(), z.im()};
        }
        Number number = (Number) value;
        if (type.isComplex()) {
            return new double[] {number.doubleValue(), 0};
        }
        return type.isIntegral() ? new long[] {number.longValue()} : new double[] {number.doubleValue()};
    }

    /** Whether {@code x} is a float value: NaN, or equal to itself rounded to float. */
    private static boolean isFloat(double x) {
        return Double.isNaN(x) || (float) x == x;
    }

    private int commonLength() {
        int common = -1;
        for (Map.Entry<String, Object> bound : arrays.entrySet()) {
            int n = elements(bound.getKey());
            if (common >= 0 && n != common) {
                StringJoiner lengths = new StringJoiner(", ");
                for (Map.Entry<String, Object> entry : arrays.entrySet()) {
                    lengths.add(entry.getKey() + " has " + elements(entry.getKey()));
                }
                throw new IllegalArgumentException("array lengths differ: " + lengths
                        + "; arrays must have one length (scalars broadcast)");
            }
            common = n;
        }
        return common;
    }

    /** The elements of a bound array: its length, half of it for complex (re, im) pairs. */
    private int elements(String name) {
        int n = java.lang.reflect.Array.getLength(arrays.get(name));
        return given.get(name).isComplex() ? n / 2 : n;
    }

    /** The common length of the bound arrays (in elements; complex ones count pairs); -1 if every symbol is bound to a number. */
    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean isArray(String name) {
        return arrays.containsKey(name);
    }

    /** The bound array, as given. */
    @Override
    public Object array(String name) {
        return arrays.get(name);
    }

    /** A one-element array of the engine's kind holding the bound number, as a value of the symbol's type. */
    @Override
    public Object scalar(String name) {
        return scalars.get(name);
    }

    /** The type of the data bound to the symbol (which widens to its declared type). */
    @Override
    public DType given(String name) {
        return given.get(name);
    }

    /** What compiled plans depend on: each symbol's data type and whether it is an array. */
    String signature() {
        return signature;
    }
}
