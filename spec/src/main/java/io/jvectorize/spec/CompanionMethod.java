package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One method of the companion class {@code FooVectorized}, as the contract states them: for a
 * @Vectorize method and one of its signatures, which arguments are scalars broadcast over the
 * arrays, and which {@link Kind} of method it is. Only its name and Java parameter types: what
 * makes two generated methods clash.
 *
 * @param methodName the @Vectorize method's name
 * @param signature the signature the method computes
 * @param scalarMask bit {@code i} set where argument {@code i} is a scalar
 * @param kind what the method does with its result and its threads
 */
public record CompanionMethod(String methodName, Signature signature, int scalarMask, Kind kind) {

    /** Methods of up to this many parameters get every broadcast form. */
    public static final int MAX_BROADCAST_ARITY = 3;

    /** What a companion method does with its result and its threads. */
    public enum Kind {
        /** Allocates and returns the result array. */
        ALLOCATING("", false),
        /** Writes into a caller's {@code out} array. */
        INTO("", false),
        /** As {@link #ALLOCATING}, split across threads. */
        ALLOCATING_PARALLEL("Parallel", true),
        /** As {@link #INTO}, split across threads. */
        INTO_PARALLEL("Parallel", true),
        /** The private loop over a range of elements that the others call. */
        LOOP("Loop", false);

        private final String suffix;
        private final boolean parallel;

        Kind(String suffix, boolean parallel) {
            this.suffix = suffix;
            this.parallel = parallel;
        }

        /** Whether the method splits its work across threads. */
        public boolean parallel() {
            return parallel;
        }
    }

    /** Every companion method of a @Vectorize method: per signature and broadcast form, the loop and the four public ones. */
    public static List<CompanionMethod> allOf(String methodName, List<Signature> signatures) {
        List<CompanionMethod> methods = new ArrayList<>();
        for (Signature signature : signatures) {
            for (int mask : scalarMasks(signature.arity())) {
                for (Kind kind : Kind.values()) {
                    methods.add(new CompanionMethod(methodName, signature, mask, kind));
                }
            }
        }
        return methods;
    }

    /**
     * The broadcast forms: all arrays first, then each proper subset of scalars, for methods of
     * up to {@link #MAX_BROADCAST_ARITY} parameters; all arrays only above that.
     */
    public static List<Integer> scalarMasks(int arity) {
        if (arity > MAX_BROADCAST_ARITY) {
            return List.of(0);
        }
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < (1 << arity) - 1; mask++) {
            masks.add(mask);
        }
        return masks;
    }

    /** The method's name, e.g. {@code polyParallel}. */
    public String name() {
        return methodName + kind.suffix;
    }

    /** Whether argument {@code index} is a scalar broadcast over the arrays. */
    public boolean isScalar(int index) {
        return (scalarMask & (1 << index)) != 0;
    }

    /** Whether the caller passes the result array. */
    public boolean takesOut() {
        return kind == Kind.INTO || kind == Kind.INTO_PARALLEL || kind == Kind.LOOP;
    }

    /** The Java parameter types, e.g. {@code (double[], double, double[])}: what must be unique in the class. */
    public String javaParameterTypes() {
        StringJoiner types = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < signature.arity(); i++) {
            types.add(signature.argumentType(i).javaName() + (isScalar(i) ? "" : "[]"));
        }
        if (takesOut()) {
            types.add(signature.returnType().javaName() + "[]");
        }
        if (kind == Kind.LOOP) {
            types.add("int").add("int");
        }
        return types.toString();
    }

    /** The method as javac would name it, e.g. {@code polyParallel(double[])}. */
    public String javaSignature() {
        return name() + javaParameterTypes();
    }
}
