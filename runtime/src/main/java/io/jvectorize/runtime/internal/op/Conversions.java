package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.DType;
import java.util.Arrays;

/**
 * Copies values between the five Java array types, converting them as Java's casts do, to the
 * type a value is meant to have: reading bound {@code float[]} or {@code int[]} data into the
 * engine's {@code double[]} and {@code long[]}, bringing an operand to its operator's type,
 * passing arguments to a @Vectorize kernel, and writing float32 and int32 results.
 */
public final class Conversions {

    private Conversions() {}

    /** The array the engine computes values of {@code type} in: double[] (complex: interleaved), long[] or boolean[]. */
    public static Class<?> kindArray(DType type) {
        return type.isFloating() || type.isComplex() ? double[].class : type.isIntegral() ? long[].class : boolean[].class;
    }

    public static Object newArray(Class<?> arrayType, int length) {
        if (arrayType == double[].class) {
            return new double[length];
        }
        if (arrayType == long[].class) {
            return new long[length];
        }
        if (arrayType == boolean[].class) {
            return new boolean[length];
        }
        if (arrayType == float[].class) {
            return new float[length];
        }
        return new int[length];
    }

    /**
     * Brings {@code n} computed values from {@code oo} on to their type, in place: float32 ones
     * rounded to float, int32 ones wrapped to int (they are computed in double and long); others untouched.
     */
    public static void narrow(DType type, Object values, int oo, int n) {
        if (type == DType.FLOAT32 || type == DType.INT32) {
            convert(values, oo, values, oo, n, type);
        }
    }

    /** An array of {@code length} copies of {@code scalar[0]}. */
    public static Object fill(Object scalar, int length) {
        Object array = newArray(scalar.getClass(), length);
        if (array instanceof double[]) {
            Arrays.fill((double[]) array, ((double[]) scalar)[0]);
        } else if (array instanceof long[]) {
            Arrays.fill((long[]) array, ((long[]) scalar)[0]);
        } else if (array instanceof boolean[]) {
            Arrays.fill((boolean[]) array, ((boolean[]) scalar)[0]);
        } else if (array instanceof float[]) {
            Arrays.fill((float[]) array, ((float[]) scalar)[0]);
        } else {
            Arrays.fill((int[]) array, ((int[]) scalar)[0]);
        }
        return array;
    }

    /** {@code src} converted to values of {@code to}, in a new array of class {@code arrayType}. */
    public static Object convert(Object src, Class<?> arrayType, DType to) {
        int length = java.lang.reflect.Array.getLength(src);
        Object dst = newArray(arrayType, length);
        convert(src, 0, dst, 0, length, to);
        return dst;
    }

    /**
     * Writes {@code n} elements of {@code src} from {@code so} into {@code dst} from {@code dOff},
     * as values of type {@code to}: a float32 value held in a {@code double[]} is rounded to
     * float, an int32 value held in a {@code long[]} is wrapped to int, a bool becomes 1 or 0.
     */
    public static void convert(Object src, int so, Object dst, int dOff, int n, DType to) {
        if (dst instanceof double[]) {
            toDoubles(src, so, (double[]) dst, dOff, n, to == DType.FLOAT32);
        } else if (dst instanceof long[]) {
            toLongs(src, so, (long[]) dst, dOff, n, to == DType.INT32);
        } else if (dst instanceof boolean[]) {
            toBooleans(src, so, (boolean[]) dst, dOff, n);
        } else if (dst instanceof float[]) {
            toFloats(src, so, (float[]) dst, dOff, n);
        } else {
            toInts(src, so, (int[]) dst, dOff, n);
        }
    }

    private static void toDoubles(Object src, int so, double[] d, int dOff, int n, boolean toFloat32) {
        if (src instanceof double[]) {
            if (toFloat32) {
                roundToFloat((double[]) src, so, d, dOff, n);
            } else {
                System.arraycopy(src, so, d, dOff, n);
            }
        } else if (src instanceof float[]) {
            floatToDouble((float[]) src, so, d, dOff, n);
        } else if (src instanceof long[]) {
            // To float32 in one rounding, from long straight to float: via double would round twice.
            if (toFloat32) {
                longToFloat32((long[]) src, so, d, dOff, n);
            } else {
                longToDouble((long[]) src, so, d, dOff, n);
            }
        } else if (src instanceof int[]) {
            if (toFloat32) {
                intToFloat32((int[]) src, so, d, dOff, n);
            } else {
                intToDouble((int[]) src, so, d, dOff, n);
            }
        } else {
            booleanToDouble((boolean[]) src, so, d, dOff, n);
        }
    }

    private static void toLongs(Object src, int so, long[] d, int dOff, int n, boolean toInt32) {
        if (src instanceof long[]) {
            if (toInt32) {
                wrapToInt((long[]) src, so, d, dOff, n);
            } else {
                System.arraycopy(src, so, d, dOff, n);
            }
        } else if (src instanceof int[]) {
            intToLong((int[]) src, so, d, dOff, n);
        } else if (src instanceof boolean[]) {
            booleanToLong((boolean[]) src, so, d, dOff, n);
        } else if (src instanceof double[]) {
            doubleToLong((double[]) src, so, d, dOff, n);
            if (toInt32) {
                wrapToInt(d, dOff, d, dOff, n);
            }
        } else {
            floatToLong((float[]) src, so, d, dOff, n);
            if (toInt32) {
                wrapToInt(d, dOff, d, dOff, n);
            }
        }
    }

    private static void toFloats(Object src, int so, float[] d, int dOff, int n) {
        if (src instanceof double[]) {
            doubleToFloat((double[]) src, so, d, dOff, n);
        } else if (src instanceof float[]) {
            System.arraycopy(src, so, d, dOff, n);
        } else if (src instanceof long[]) {
            longToFloat((long[]) src, so, d, dOff, n);
        } else if (src instanceof int[]) {
            intToFloat((int[]) src, so, d, dOff, n);
        } else {
            booleanToFloat((boolean[]) src, so, d, dOff, n);
        }
    }

    private static void toInts(Object src, int so, int[] d, int dOff, int n) {
        if (src instanceof long[]) {
            longToInt((long[]) src, so, d, dOff, n);
        } else if (src instanceof int[]) {
            System.arraycopy(src, so, d, dOff, n);
        } else if (src instanceof boolean[]) {
            booleanToInt((boolean[]) src, so, d, dOff, n);
        } else if (src instanceof double[]) {
            doubleToInt((double[]) src, so, d, dOff, n);
        } else {
            floatToInt((float[]) src, so, d, dOff, n);
        }
    }

    private static void toBooleans(Object src, int so, boolean[] d, int dOff, int n) {
        if (src instanceof boolean[]) {
            System.arraycopy(src, so, d, dOff, n);
        } else if (src instanceof double[]) {
            doubleToBoolean((double[]) src, so, d, dOff, n);
        } else if (src instanceof long[]) {
            longToBoolean((long[]) src, so, d, dOff, n);
        } else if (src instanceof float[]) {
            floatToBoolean((float[]) src, so, d, dOff, n);
        } else {
            intToBoolean((int[]) src, so, d, dOff, n);
        }
    }

    // One loop per method: C2 compiles (and vectorizes) such loops best on their own.

    private static void floatToDouble(float[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void intToDouble(int[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void longToDouble(long[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void booleanToDouble(boolean[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] ? 1.0 : 0.0; }
    }

    private static void roundToFloat(double[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (float) s[so + i]; }
    }

    private static void longToFloat32(long[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (float) s[so + i]; }
    }

    private static void intToFloat32(int[] s, int so, double[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (float) s[so + i]; }
    }

    private static void intToLong(int[] s, int so, long[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void booleanToLong(boolean[] s, int so, long[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] ? 1 : 0; }
    }

    private static void wrapToInt(long[] s, int so, long[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (int) s[so + i]; }
    }

    private static void doubleToLong(double[] s, int so, long[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (long) s[so + i]; }
    }

    private static void floatToLong(float[] s, int so, long[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (long) s[so + i]; }
    }

    private static void doubleToFloat(double[] s, int so, float[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (float) s[so + i]; }
    }

    private static void longToFloat(long[] s, int so, float[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void intToFloat(int[] s, int so, float[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i]; }
    }

    private static void booleanToFloat(boolean[] s, int so, float[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] ? 1f : 0f; }
    }

    private static void longToInt(long[] s, int so, int[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (int) s[so + i]; }
    }

    private static void doubleToInt(double[] s, int so, int[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (int) s[so + i]; }
    }

    private static void floatToInt(float[] s, int so, int[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = (int) s[so + i]; }
    }

    private static void booleanToInt(boolean[] s, int so, int[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] ? 1 : 0; }
    }

    private static void doubleToBoolean(double[] s, int so, boolean[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] != 0; }
    }

    private static void floatToBoolean(float[] s, int so, boolean[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] != 0; }
    }

    private static void longToBoolean(long[] s, int so, boolean[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] != 0; }
    }

    private static void intToBoolean(int[] s, int so, boolean[] d, int dOff, int n) {
        for (int i = 0; i < n; i++) { d[dOff + i] = s[so + i] != 0; }
    }
}
