package io.jvectorize.processor.model;

import io.jvectorize.spec.Identity;
import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.Signature;
import io.jvectorize.spec.UfuncMethod;
import java.util.List;
import java.util.Optional;

/**
 * A valid @Vectorize method: its name, parameters and return type as declared, the signatures
 * to generate kernels for (the method's own types when the annotation names none), and its body
 * as lane code where it has a SIMD translation, and its identity for the ufunc methods.
 */
public record KernelMethod(String name, List<Parameter> parameters, NumericType returnType,
        List<Signature> signatures, Optional<LaneProgram> lanes, Identity identity) {

    public KernelMethod {
        parameters = List.copyOf(parameters);
        signatures = List.copyOf(signatures);
    }

    /** A method without an identity. */
    public KernelMethod(String name, List<Parameter> parameters, NumericType returnType, List<Signature> signatures,
            Optional<LaneProgram> lanes) {
        this(name, parameters, returnType, signatures, lanes, Identity.NONE);
    }

    /** A method without a SIMD translation. */
    public KernelMethod(String name, List<Parameter> parameters, NumericType returnType, List<Signature> signatures) {
        this(name, parameters, returnType, signatures, Optional.empty());
    }

    /** This method with its body translated to lane code. */
    public KernelMethod withLanes(LaneProgram program) {
        return new KernelMethod(name, parameters, returnType, signatures, Optional.of(program), identity);
    }

    /** Its ufunc methods: per signature of the form {@code A(A, A)}, reduce, accumulate, outer and at. */
    public List<UfuncMethod> ufuncMethods() {
        return UfuncMethod.allOf(name, signatures, identity);
    }

    /** The number of parameters. */
    public int arity() {
        return parameters.size();
    }

    /** The signature of the method's own types, used when the annotation names none. */
    public static Signature ownSignature(List<Parameter> parameters, NumericType returnType) {
        return new Signature(returnType, parameters.stream().map(Parameter::type).toList());
    }
}
