package io.jvectorize.spec;

import java.util.List;
import java.util.Optional;

/**
 * The rules' verdict on one @Vectorize method: its problems, and where it has no error, the
 * method as kernels see it.
 *
 * @param declaration the method checked
 * @param problems its errors and warnings, in the order a reader meets them in the declaration
 * @param valid the method's types and signatures; empty where it has an error
 */
public record CheckedMethod(MethodDeclaration declaration, List<Problem> problems, Optional<Valid> valid) {

    public CheckedMethod {
        problems = List.copyOf(problems);
        if (valid.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a method is valid exactly where it has no error: " + problems);
        }
    }

    /** The errors alone, which refuse the method. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /**
     * A method that keeps every rule.
     *
     * @param parameterTypes its parameters' types
     * @param returnType its return type
     * @param signatures what its kernels take and return: the annotation's, or the method's own types where it names none
     * @param identity its identity, for the ufunc methods of its signatures of the form {@code A(A, A)}
     */
    public record Valid(List<NumericType> parameterTypes, NumericType returnType, List<Signature> signatures,
            Identity identity) {
        public Valid {
            parameterTypes = List.copyOf(parameterTypes);
            signatures = List.copyOf(signatures);
        }

        /** A method without an identity. */
        public Valid(List<NumericType> parameterTypes, NumericType returnType, List<Signature> signatures) {
            this(parameterTypes, returnType, signatures, Identity.NONE);
        }

        /** Its signatures that get ufunc methods ({@link UfuncMethod#isUfuncSignature}). */
        public List<Signature> ufuncSignatures() {
            return signatures.stream().filter(UfuncMethod::isUfuncSignature).toList();
        }

        /** The signature of the method's own types. */
        public Signature ownSignature() {
            return new Signature(returnType, parameterTypes);
        }
    }
}
