package io.jvectorize.samples.kernels;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * One public method of a companion class: a kernel, one of its signatures, which arguments are
 * broadcast scalars, and whether it allocates or writes into {@code out}, serially or in parallel.
 * Calls it, and computes what it should return by calling the scalar method in a plain loop.
 */
record KernelVariant(KernelUnderTest kernel, KernelSignature signature, int scalarMask, Kind kind) {

    /** The four methods per signature and broadcast form. */
    enum Kind {
        ALLOCATING(false, false, "allocating"),
        INTO(false, true, "into out"),
        ALLOCATING_PARALLEL(true, false, "Parallel allocating"),
        INTO_PARALLEL(true, true, "Parallel into out");

        final boolean parallel;
        final boolean into;
        final String label;

        Kind(boolean parallel, boolean into, String label) {
            this.parallel = parallel;
            this.into = into;
            this.label = label;
        }
    }

    String methodName() {
        return kernel.name() + (kind.parallel ? "Parallel" : "");
    }

    boolean isScalar(int argument) {
        return (scalarMask & (1 << argument)) != 0;
    }

    /**
     * How close this variant's results must be to the scalar method's in this run: bit for bit,
     * or within a bound where it runs the SIMD loop of an {@link Approximate} method.
     */
    Tolerance tolerance() {
        return Approximations.tolerance(this);
    }

    /** The indices of the arguments passed as arrays. */
    List<Integer> arrayArguments() {
        List<Integer> arrays = new ArrayList<>();
        for (int j = 0; j < kernel.arity(); j++) {
            if (!isScalar(j)) {
                arrays.add(j);
            }
        }
        return arrays;
    }

    /** The Java parameter types of the generated method. */
    Class<?>[] parameterTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (int j = 0; j < kernel.arity(); j++) {
            Class<?> element = signature.argumentType(j);
            types.add(isScalar(j) ? element : element.arrayType());
        }
        if (kind.into) {
            types.add(signature.returnType().arrayType());
        }
        return types.toArray(new Class<?>[0]);
    }

    Class<?> resultArrayType() {
        return signature.returnType().arrayType();
    }

    /** The generated method; fails the test if the companion lacks it. */
    Method method() {
        Class<?> companion = kernel.companion();
        try {
            Method method = companion.getMethod(methodName(), parameterTypes());
            if (!KernelUnderTest.isKernel(method)) {
                throw new AssertionError(describe() + " is not public static");
            }
            Class<?> expectedReturn = kind.into ? void.class : resultArrayType();
            if (method.getReturnType() != expectedReturn) {
                throw new AssertionError(describe() + " returns " + method.getReturnType() + ", not " + expectedReturn);
            }
            return method;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(companion.getSimpleName() + " lacks " + describe(), e);
        }
    }

    /**
     * Arguments for a call with arrays of {@code length}: arrays from {@link TestValues#arrays},
     * and scalar value number {@code scalarChoice} of each scalar's type, or random scalars if it is negative.
     */
    Object[] arguments(int length, long seed, int scalarChoice) {
        List<Integer> arrayArguments = arrayArguments();
        Class<?>[] arrayTypes = new Class<?>[arrayArguments.size()];
        for (int q = 0; q < arrayTypes.length; q++) {
            arrayTypes[q] = signature.argumentType(arrayArguments.get(q));
        }
        Object[] arrays = TestValues.arrays(length, seed, arrayTypes);
        Random random = new Random(seed * 31 + scalarChoice);
        Object[] arguments = new Object[kernel.arity()];
        int q = 0;
        int s = 0;
        for (int j = 0; j < kernel.arity(); j++) {
            Class<?> type = signature.argumentType(j);
            if (isScalar(j)) {
                arguments[j] = scalarChoice < 0 ? TestValues.random(type, random) : TestValues.special(type, scalarChoice + 5 * s);
                s++;
            } else {
                arguments[j] = arrays[q++];
            }
        }
        return arguments;
    }

    /** How many scalar choices {@link #arguments} distinguishes: every special value of each scalar's type. */
    int scalarChoices() {
        int choices = 1;
        for (int j = 0; j < kernel.arity(); j++) {
            if (isScalar(j)) {
                choices = Math.max(choices, TestValues.specialCount(signature.argumentType(j)));
            }
        }
        return choices;
    }

    /**
     * Arguments as {@link #arguments} makes them, and the {@link #expected} result for them, fresh
     * copies of both. The four kinds of one broadcast form share them: computing the reference
     * by reflection is the slow part of these tests, so the last few are kept.
     */
    Object[] argumentsAndExpected(int length, long seed, int scalarChoice) {
        CacheKey key = new CacheKey(kernel.scalar(), signature, scalarMask, length, seed, scalarChoice);
        Object[] cached;
        synchronized (CACHE) {
            cached = CACHE.get(key);
        }
        if (cached == null) {
            Object[] arguments = arguments(length, seed, scalarChoice);
            cached = new Object[] {arguments, expected(arguments, length)};
            synchronized (CACHE) {
                CACHE.put(key, cached);
            }
        }
        return new Object[] {copies((Object[]) cached[0]), TestValues.copy(cached[1])};
    }

    private record CacheKey(Method scalar, KernelSignature signature, int mask, int length, long seed, int choice) {}

    private static final Map<CacheKey, Object[]> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Object[]> eldest) {
            return size() > 24;
        }
    };

    /** Copies of the array arguments; scalars as they are. */
    static Object[] copies(Object[] arguments) {
        Object[] copies = arguments.clone();
        for (int j = 0; j < copies.length; j++) {
            if (copies[j] != null && copies[j].getClass().isArray()) {
                copies[j] = TestValues.copy(copies[j]);
            }
        }
        return copies;
    }

    /** The reference: the scalar method called element by element, arguments and result converted as the signature says. */
    Object expected(Object[] arguments, int length) {
        Object expected = Array.newInstance(signature.returnType(), length);
        Class<?>[] parameterTypes = kernel.scalar().getParameterTypes();
        Object[] scalarArguments = new Object[kernel.arity()];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < kernel.arity(); j++) {
                Object value = isScalar(j) ? arguments[j] : TestValues.get(arguments[j], i);
                scalarArguments[j] = Conversions.cast(value, parameterTypes[j]);
            }
            Object result = invoke(kernel.scalar(), scalarArguments);
            TestValues.set(expected, i, Conversions.cast(result, signature.returnType()));
        }
        return expected;
    }

    /** Calls the generated method; for an into-out variant with {@code out}, and returns out. */
    Object call(Object[] arguments, Object out) {
        Object[] all = arguments;
        if (kind.into) {
            all = new Object[arguments.length + 1];
            System.arraycopy(arguments, 0, all, 0, arguments.length);
            all[arguments.length] = out;
        }
        Object result = invoke(method(), all);
        return kind.into ? out : result;
    }

    /** Calls the generated method; an into-out variant gets a fresh out array of the length of the first array argument. */
    Object call(Object[] arguments) {
        Object out = null;
        if (kind.into) {
            out = TestValues.marked(signature.returnType(), Array.getLength(arguments[arrayArguments().get(0)]));
        }
        return call(arguments, out);
    }

    /** Describes element {@code i} of a call, with the arguments there; {@code i < 0}: the call as a whole. */
    String where(Object[] arguments, int length, int i) {
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int j = 0; j < kernel.arity(); j++) {
            Object value = isScalar(j) ? arguments[j] : i < 0 ? "[...]" : TestValues.get(arguments[j], i);
            values.add(kernel.parameterNames().get(j) + " = " + (value instanceof String ? value : Bits.show(value)));
        }
        return describe() + " with length " + length + (i < 0 ? "" : " at index " + i) + ", arguments " + values;
    }

    /** The generated method in Java terms, e.g. {@code leanParallel(int base, double[] slope, double[] out)}. */
    String describe() {
        StringJoiner parameters = new StringJoiner(", ", methodName() + "(", ")");
        Class<?>[] types = parameterTypes();
        for (int j = 0; j < types.length; j++) {
            parameters.add(types[j].getSimpleName() + " " + (j < kernel.arity() ? kernel.parameterNames().get(j) : "out"));
        }
        return parameters.toString();
    }

    /** Calls a static method; an exception it throws is rethrown as itself. */
    static Object invoke(Method method, Object... arguments) {
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AssertionError(cause);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
