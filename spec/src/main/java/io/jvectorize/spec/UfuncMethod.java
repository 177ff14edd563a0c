package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * One ufunc method of the companion class: what a binary @Vectorize function whose signature
 * is {@code R(A, A)} with {@code R = A} gets besides its elementwise kernels. Only its name and
 * Java parameter types: what makes two generated methods clash.
 *
 * @param methodName the @Vectorize method's name
 * @param signature the signature, of the form {@code A(A, A)}
 * @param kind which ufunc method
 */
public record UfuncMethod(String methodName, Signature signature, Kind kind) {

    /** The ufunc methods, NumPy's names after the function's. */
    public enum Kind {
        /** {@code A mReduce(A[] a)}: the left fold. */
        REDUCE("Reduce"),
        /** {@code A mReduceParallel(A[] a)}: fixed chunks, fixed combining tree; only where regrouping is allowed. */
        REDUCE_PARALLEL("ReduceParallel"),
        /** {@code A mReduceChunk(A[] a, int from, int to)}: the fold of one chunk; package-private, with {@link #REDUCE_PARALLEL}. */
        REDUCE_CHUNK("ReduceChunk"),
        /** {@code A[] mAccumulate(A[] a)}: the running left fold. */
        ACCUMULATE("Accumulate"),
        /** {@code void mAccumulate(A[] a, A[] out)}. */
        ACCUMULATE_INTO("Accumulate"),
        /** {@code A[][] mOuter(A[] a, A[] b)}: {@code out[i][j] = m(a[i], b[j])}. */
        OUTER("Outer"),
        /** {@code void mAt(A[] a, int[] indices, A[] b)}: NumPy's unbuffered {@code m.at}. */
        AT("At");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** Whether only a function that may be regrouped has it. */
        public boolean needsRegrouping() {
            return this == REDUCE_PARALLEL || this == REDUCE_CHUNK;
        }
    }

    /** Whether a signature gets ufunc methods: two arguments and a result, all of one type. */
    public static boolean isUfuncSignature(Signature signature) {
        return signature.arity() == 2 && signature.argumentType(0) == signature.returnType()
                && signature.argumentType(1) == signature.returnType();
    }

    /** Every ufunc method of a @Vectorize method: per signature of the form {@code A(A, A)}, in {@link Kind}'s order. */
    public static List<UfuncMethod> allOf(String methodName, List<Signature> signatures, Identity identity) {
        List<UfuncMethod> methods = new ArrayList<>();
        for (Signature signature : signatures) {
            if (isUfuncSignature(signature)) {
                for (Kind kind : Kind.values()) {
                    if (!kind.needsRegrouping() || identity.allowsRegrouping()) {
                        methods.add(new UfuncMethod(methodName, signature, kind));
                    }
                }
            }
        }
        return methods;
    }

    /** The method's name, e.g. {@code addReduce}. */
    public String name() {
        return methodName + kind.suffix;
    }

    /** The element type {@code A}. */
    public NumericType type() {
        return signature.returnType();
    }

    /** The Java parameter types, e.g. {@code (double[], int[], double[])}. */
    public String javaParameterTypes() {
        String array = type().javaName() + "[]";
        switch (kind) {
            case REDUCE:
            case REDUCE_PARALLEL:
            case ACCUMULATE:
                return "(" + array + ")";
            case REDUCE_CHUNK:
                return "(" + array + ", int, int)";
            case AT:
                return "(" + array + ", int[], " + array + ")";
            default:
                return "(" + array + ", " + array + ")";
        }
    }

    /** The method as javac would name it, e.g. {@code addReduce(double[])}. */
    public String javaSignature() {
        return name() + javaParameterTypes();
    }
}
