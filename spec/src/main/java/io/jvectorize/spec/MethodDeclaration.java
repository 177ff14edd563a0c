package io.jvectorize.spec;

import java.util.List;

/**
 * A @Vectorize method as the rules see it: the facts that javac's elements (in the processor)
 * or reflection (in {@code Functions.register}) tell about it, spelled as javac prints them.
 *
 * @param name the method's simple name
 * @param isStatic whether it is static
 * @param isPrivate whether it is private
 * @param isGeneric whether it declares type parameters
 * @param isVarArgs whether its last parameter is varargs
 * @param parameterTypes the parameters' types, such as {@code double} or {@code java.lang.Double}
 * @param returnType the return type, such as {@code double} or {@code void}
 * @param checkedExceptions the checked exceptions it declares, such as {@code java.io.IOException}
 * @param signatures the texts of the annotation's {@code signature}, in order; empty where it names none
 * @param identity the text of the annotation's {@code identity}; empty where it names none
 */
public record MethodDeclaration(String name, boolean isStatic, boolean isPrivate, boolean isGeneric,
        boolean isVarArgs, List<String> parameterTypes, String returnType, List<String> checkedExceptions,
        List<String> signatures, String identity) {

    public MethodDeclaration {
        parameterTypes = List.copyOf(parameterTypes);
        checkedExceptions = List.copyOf(checkedExceptions);
        signatures = List.copyOf(signatures);
    }

    /** A declaration without an identity. */
    public MethodDeclaration(String name, boolean isStatic, boolean isPrivate, boolean isGeneric, boolean isVarArgs,
            List<String> parameterTypes, String returnType, List<String> checkedExceptions, List<String> signatures) {
        this(name, isStatic, isPrivate, isGeneric, isVarArgs, parameterTypes, returnType, checkedExceptions,
                signatures, "");
    }
}
