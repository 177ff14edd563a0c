package io.jvectorize.processor.model;

import java.util.List;

/**
 * A valid @Vectorize method: its name, parameters and return type as declared, and the
 * signatures to generate kernels for (the method's own types when the annotation names none).
 */
public record KernelMethod(
        String name, List<Parameter> parameters, NumericType returnType, List<Signature> signatures) {

    public KernelMethod {
        parameters = List.copyOf(parameters);
        signatures = List.copyOf(signatures);
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
