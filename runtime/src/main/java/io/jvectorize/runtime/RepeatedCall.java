package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.exec.Executable;
import java.lang.reflect.Array;
import java.util.Map;

/**
 * What an expression's last {@code compute} or {@code computeInto} bound, kept so that the next
 * call that binds alike runs its plan at once: each symbol's data of the same class (so of the
 * same type, an array or a number), numbers of the same values, arrays of one length. Such a
 * call needs no binding, no plan lookup and no numbers computed again; a small call is mostly
 * that work, and until the JIT compiles it, interpreted, it costs more than the loop over 1,000
 * elements (#18).
 * Any other call takes the full path, which checks everything and says what is wrong.
 *
 * <p>It keeps no array: only classes, the numbers (immutable boxes) and the plan. Immutable,
 * shared between threads.
 */
final class RepeatedCall {

    private final Compute.Options options;
    private final Class<?> outType;
    private final String[] names;
    /** The class of each symbol's data. */
    private final Class<?>[] classes;
    /** The number bound to each symbol, or null where an array is. */
    private final Object[] numbers;
    /** For each symbol, which of the pass's inputs its array is, or -1. */
    private final int[] inputOf;
    private final Executable.Rerun rerun;

    private RepeatedCall(Compute.Options options, Class<?> outType, String[] names, Class<?>[] classes,
            Object[] numbers, int[] inputOf, Executable.Rerun rerun) {
        this.options = options;
        this.outType = outType;
        this.names = names;
        this.classes = classes;
        this.numbers = numbers;
        this.inputOf = inputOf;
        this.rerun = rerun;
    }

    /**
     * The call as {@code compute} or {@code computeInto} just made it, or null where a repeat could
     * not run it so
     * (a plan of more than one pass, complex values, numbers of a mutable class).
     */
    static RepeatedCall of(Expr e, Map<String, ?> data, Binding binding, Executable plan, Compute.Options options,
            Class<?> outType) {
        if (!options.optimize()) {
            return null;
        }
        Executable.Rerun rerun = plan.rerun(binding, options.settings());
        if (rerun == null) {
            return null;
        }
        Map<String, DType> symbols = e.symbolsInOrder();
        String[] names = symbols.keySet().toArray(new String[0]);
        Class<?>[] classes = new Class<?>[names.length];
        Object[] numbers = new Object[names.length];
        int[] inputOf = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Object value = data.get(names[i]);
            if (symbols.get(names[i]).isComplex() || !value.getClass().isArray() && !isImmutableNumber(value)) {
                return null;
            }
            classes[i] = value.getClass();
            numbers[i] = value.getClass().isArray() ? null : value;
            inputOf[i] = -1;
            for (int k = 0; k < rerun.inputs(); k++) {
                if (rerun.input(k).equals(names[i])) {
                    inputOf[i] = k;
                }
            }
        }
        return new RepeatedCall(options, outType, names, classes, numbers, inputOf, rerun);
    }

    /** Boxes whose value never changes and whose equals compares values (Double's bits: NaN equals NaN, -0.0 not 0.0). */
    private static boolean isImmutableNumber(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof Boolean;
    }

    /**
     * Computes into {@code out} where this call binds alike and {@code options} and {@code out}
     * are as before; whether it did (if not, nothing was written).
     */
    boolean tryRun(Map<String, ?> data, Object out, Compute.Options options) {
        if (out == null || out.getClass() != outType) {
            return false;
        }
        Object[] inputs = new Object[rerun.inputs()];
        int length = bind(data, options, inputs);
        if (length < 0 || Array.getLength(out) != length) {
            return false;
        }
        Object result = rerun.run(inputs, length, out);
        if (result != out) {
            System.arraycopy(result, 0, out, 0, length);
        }
        return true;
    }

    /** {@code compute}'s result where this call binds alike and {@code options} are as before, else null. */
    Object tryCompute(Map<String, ?> data, Compute.Options options) {
        Object[] inputs = new Object[rerun.inputs()];
        int length = bind(data, options, inputs);
        return length < 0 ? null : rerun.run(inputs, length, null);
    }

    /**
     * Puts the pass's arrays into {@code inputs} and returns their length, where {@code data}
     * binds alike and {@code options} are as before; else -1.
     */
    private int bind(Map<String, ?> data, Compute.Options options, Object[] inputs) {
        if (data == null || options != this.options && !options.equals(this.options)) {
            return -1;
        }
        int length = -1;
        for (int i = 0; i < names.length; i++) {
            Object value = data.get(names[i]);
            if (value == null || value.getClass() != classes[i]) {
                return -1;
            }
            if (numbers[i] != null) {
                if (!numbers[i].equals(value)) {
                    return -1;
                }
                continue;
            }
            int n = Array.getLength(value);
            if (length >= 0 && n != length) {
                return -1;
            }
            length = n;
            if (inputOf[i] >= 0) {
                inputs[inputOf[i]] = value;
            }
        }
        return length;
    }
}
