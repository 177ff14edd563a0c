package io.jvectorize.processor.model;

import io.jvectorize.spec.CompanionMethod;
import io.jvectorize.spec.CompanionMethod.Kind;
import io.jvectorize.spec.Signature;
import java.util.List;

/**
 * One method of a companion class to write: a kernel method, and the shape the contract gives
 * that companion method ({@link CompanionMethod}: its signature, which arguments are broadcast
 * scalars, and its {@link Kind}).
 */
public record Variant(KernelMethod method, CompanionMethod shape) {

    public Variant {
        if (!shape.methodName().equals(method.name())) {
            throw new IllegalArgumentException("a companion method of " + shape.methodName() + ", not " + method.name());
        }
    }

    public Variant(KernelMethod method, Signature signature, int scalarMask, Kind kind) {
        this(method, new CompanionMethod(method.name(), signature, scalarMask, kind));
    }

    /** Every method to write for {@code method}: per signature and broadcast form, the loop and the four public variants. */
    public static List<Variant> allOf(KernelMethod method) {
        return CompanionMethod.allOf(method.name(), method.signatures()).stream()
                .map(shape -> new Variant(method, shape))
                .toList();
    }

    public Signature signature() {
        return shape.signature();
    }

    public int scalarMask() {
        return shape.scalarMask();
    }

    public Kind kind() {
        return shape.kind();
    }

    /** The generated method's name, e.g. {@code polyParallel}. */
    public String name() {
        return shape.name();
    }

    /** The private loop that this variant runs. */
    public Variant loop() {
        return new Variant(method, signature(), scalarMask(), Kind.LOOP);
    }

    /** Whether argument {@code index} is a scalar broadcast over the arrays. */
    public boolean isScalar(int index) {
        return shape.isScalar(index);
    }

    /** Whether the caller passes the result array. */
    public boolean takesOut() {
        return shape.takesOut();
    }

    /** The method as javac would name it, e.g. {@code polyParallel(double[])}. */
    public String javaSignature() {
        return shape.javaSignature();
    }
}
