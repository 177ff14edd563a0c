package io.jvectorize.samples.kernels;

import io.jvectorize.runtime.Parallel;
import java.lang.reflect.Array;
import java.util.Random;

/**
 * Inputs for kernel tests, for any element type: the special values of each type, seeded
 * random values, and arrays that start with every combination of special values.
 */
final class TestValues {
    /** Lengths every kernel is tried at; {@link #aboveCutoff()} is added where it matters. */
    static final int[] SMALL_LENGTHS = {0, 1, 7, 1000};

    private static final double[] DOUBLE_SPECIALS = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 3, -Double.MIN_NORMAL / 3,
        Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 0.5, -2.75, Math.PI, 3.0e9, -1.0e19, 9007199254740993.0,
    };
    private static final float[] FLOAT_SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.0f, -0.0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, -Float.MIN_NORMAL / 3,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        1.0f, -1.0f, 0.5f, -2.75f, (float) Math.PI, 3.0e9f, -1.0e19f, 16777217f,
    };
    private static final long[] LONG_SPECIALS = {
        Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE,
        (1L << 53) + 1, -(1L << 53) - 1, 0x7FFF, -0x8000, 128, -129, Long.MIN_VALUE + 1,
    };
    private static final int[] INT_SPECIALS = {
        Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 2, (1 << 24) + 1, 0x7FFF, -0x8000, 128, -129,
        Integer.MIN_VALUE + 1,
    };
    private static final short[] SHORT_SPECIALS = {Short.MIN_VALUE, Short.MAX_VALUE, 0, -1, 1, 2, 127, -128, 255};
    private static final byte[] BYTE_SPECIALS = {Byte.MIN_VALUE, Byte.MAX_VALUE, 0, -1, 1, 2, 64};
    private static final boolean[] BOOLEAN_SPECIALS = {false, true};

    private TestValues() {}

    /** A length above {@link Parallel#serialCutoff()}, so that Parallel variants really split. */
    static int aboveCutoff() {
        long length = 3L * Parallel.serialCutoff() + 17;
        if (length > 1 << 24) {
            throw new IllegalStateException("jvectorize.parallel.cutoff is too large for these tests: "
                    + Parallel.serialCutoff());
        }
        return (int) length;
    }

    /** The special values of {@code type}, as an array of that type (a fresh copy). */
    static Object specials(Class<?> type) {
        return copy(sharedSpecials(type));
    }

    private static Object sharedSpecials(Class<?> type) {
        if (type == double.class) {
            return DOUBLE_SPECIALS;
        } else if (type == float.class) {
            return FLOAT_SPECIALS;
        } else if (type == long.class) {
            return LONG_SPECIALS;
        } else if (type == int.class) {
            return INT_SPECIALS;
        } else if (type == short.class) {
            return SHORT_SPECIALS;
        } else if (type == byte.class) {
            return BYTE_SPECIALS;
        } else if (type == boolean.class) {
            return BOOLEAN_SPECIALS;
        }
        throw new IllegalArgumentException("not a kernel element type: " + type);
    }

    /** The number of special values of {@code type}. */
    static int specialCount(Class<?> type) {
        return Array.getLength(sharedSpecials(type));
    }

    /** Special value {@code index} (taken modulo their number) of {@code type}, boxed. */
    static Object special(Class<?> type, int index) {
        Object specials = sharedSpecials(type);
        return get(specials, Math.floorMod(index, Array.getLength(specials)));
    }

    /**
     * A random value of {@code type}, boxed: for floating types a mix of ordinary magnitudes,
     * all exponents and arbitrary bit patterns (NaNs among them made the canonical NaN), and for
     * integer types a mix of small values and the whole range.
     */
    static Object random(Class<?> type, Random random) {
        int kind = random.nextInt(10);
        if (type == double.class) {
            double value;
            if (kind < 5) {
                value = (random.nextDouble() * 2 - 1) * 10;
            } else if (kind < 8) {
                value = Math.scalb(random.nextDouble() * 2 - 1, random.nextInt(2100) - 1075);
            } else {
                value = Double.longBitsToDouble(random.nextLong());
            }
            return Double.isNaN(value) ? Double.NaN : value;
        } else if (type == float.class) {
            float value;
            if (kind < 5) {
                value = (random.nextFloat() * 2 - 1) * 10;
            } else if (kind < 8) {
                value = Math.scalb(random.nextFloat() * 2 - 1, random.nextInt(280) - 150);
            } else {
                value = Float.intBitsToFloat(random.nextInt());
            }
            return Float.isNaN(value) ? Float.NaN : value;
        } else if (type == long.class) {
            return kind < 4 ? random.nextInt(2001) - 1000L : kind < 6 ? (long) random.nextInt() : random.nextLong();
        } else if (type == int.class) {
            return kind < 5 ? random.nextInt(2001) - 1000 : random.nextInt();
        } else if (type == short.class) {
            return (short) random.nextInt();
        } else if (type == byte.class) {
            return (byte) random.nextInt();
        } else if (type == boolean.class) {
            return random.nextBoolean();
        }
        throw new IllegalArgumentException("not a kernel element type: " + type);
    }

    /**
     * Arrays of the given element types, all of {@code length}: their first elements run
     * through every combination of the types' special values (as far as the length allows),
     * the rest are random values with a special value now and then.
     */
    static Object[] arrays(int length, long seed, Class<?>... types) {
        Random random = new Random(seed);
        Object[] arrays = new Object[types.length];
        long combinations = 1;
        long[] strides = new long[types.length];
        for (int j = 0; j < types.length; j++) {
            arrays[j] = Array.newInstance(types[j], length);
            strides[j] = combinations;
            combinations *= specialCount(types[j]);
        }
        for (int k = 0; k < length; k++) {
            for (int j = 0; j < types.length; j++) {
                Object value;
                if (k < combinations) {
                    value = special(types[j], (int) (k / strides[j] % specialCount(types[j])));
                } else if (random.nextInt(4) == 0) {
                    value = special(types[j], random.nextInt(specialCount(types[j])));
                } else {
                    value = random(types[j], random);
                }
                set(arrays[j], k, value);
            }
        }
        return arrays;
    }

    /** Doubles as {@link #arrays} makes them: specials first, then random values. */
    static double[] doubles(int length, long seed) {
        return (double[]) arrays(length, seed, double.class)[0];
    }

    /** Floats as {@link #arrays} makes them. */
    static float[] floats(int length, long seed) {
        return (float[]) arrays(length, seed, float.class)[0];
    }

    /** Longs as {@link #arrays} makes them. */
    static long[] longs(int length, long seed) {
        return (long[]) arrays(length, seed, long.class)[0];
    }

    /** Ints as {@link #arrays} makes them. */
    static int[] ints(int length, long seed) {
        return (int[]) arrays(length, seed, int.class)[0];
    }

    /** An array of {@code type} and {@code length} filled with a marker value, to show what a kernel wrote. */
    static Object marked(Class<?> type, int length) {
        Object array = Array.newInstance(type, length);
        Object marker = type == boolean.class ? Boolean.TRUE : Conversions.cast(-77, type);
        for (int k = 0; k < length; k++) {
            set(array, k, marker);
        }
        return array;
    }

    /**
     * Element {@code i} of a primitive array, boxed. (Like {@link Array#get}, which is a slow
     * native method.)
     */
    static Object get(Object array, int i) {
        if (array instanceof double[]) {
            return ((double[]) array)[i];
        } else if (array instanceof float[]) {
            return ((float[]) array)[i];
        } else if (array instanceof long[]) {
            return ((long[]) array)[i];
        } else if (array instanceof int[]) {
            return ((int[]) array)[i];
        } else if (array instanceof short[]) {
            return ((short[]) array)[i];
        } else if (array instanceof byte[]) {
            return ((byte[]) array)[i];
        } else if (array instanceof boolean[]) {
            return ((boolean[]) array)[i];
        }
        return Array.get(array, i);
    }

    /** Sets element {@code i} of a primitive array to a boxed value of exactly its element type. */
    static void set(Object array, int i, Object value) {
        if (array instanceof double[]) {
            ((double[]) array)[i] = (Double) value;
        } else if (array instanceof float[]) {
            ((float[]) array)[i] = (Float) value;
        } else if (array instanceof long[]) {
            ((long[]) array)[i] = (Long) value;
        } else if (array instanceof int[]) {
            ((int[]) array)[i] = (Integer) value;
        } else if (array instanceof short[]) {
            ((short[]) array)[i] = (Short) value;
        } else if (array instanceof byte[]) {
            ((byte[]) array)[i] = (Byte) value;
        } else if (array instanceof boolean[]) {
            ((boolean[]) array)[i] = (Boolean) value;
        } else {
            Array.set(array, i, value);
        }
    }

    /** A copy of a primitive array. */
    static Object copy(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }
}
