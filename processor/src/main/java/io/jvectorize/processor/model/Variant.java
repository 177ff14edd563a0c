package io.jvectorize.processor.model;

import io.jvectorize.spec.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One method of a companion class: for a kernel method and one of its signatures, which
 * arguments are scalars broadcast over the arrays, and which {@link Kind} of method it is.
 */
public record Variant(KernelMethod method, Signature signature, int scalarMask, Kind kind) {

    /** Methods of up to this many parameters get every broadcast form. */
    public static final int MAX_BROADCAST_ARITY = 3;

    /** What a variant does with its result and its threads. */
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

        public boolean parallel() {
            return parallel;
        }
    }

    /** Every method to write for {@code method}: per signature and broadcast form, the loop and the four public variants. */
    public static List<Variant> allOf(KernelMethod method) {
        List<Variant> variants = new ArrayList<>();
        for (Signature signature : method.signatures()) {
            for (int mask : scalarMasks(signature.arity())) {
                for (Kind kind : Kind.values()) {
                    variants.add(new Variant(method, signature, mask, kind));
                }
            }
        }
        return variants;
    }

    /**
     * The broadcast forms: all arrays first, then each proper subset of scalars, for methods of
     * up to {@link #MAX_BROADCAST_ARITY} parameters; all arrays only above that.
     */
    static List<Integer> scalarMasks(int arity) {
        if (arity > MAX_BROADCAST_ARITY) {
            return List.of(0);
        }
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < (1 << arity) - 1; mask++) {
            masks.add(mask);
        }
        return masks;
    }

    /** The generated method's name, e.g. {@code polyParallel}. */
    public String name() {
        return method.name() + kind.suffix;
    }

    /** The private loop that this variant runs. */
    public Variant loop() {
        return new Variant(method, signature, scalarMask, Kind.LOOP);
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
