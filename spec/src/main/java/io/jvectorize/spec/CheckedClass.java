package io.jvectorize.spec;

import java.util.List;

/**
 * The rules' verdict on a class's @Vectorize methods: one {@link CheckedMethod} per method of
 * the {@link ClassDeclaration}, in its order, each with its class-wide problems too (a private
 * enclosing class, a name taken twice, generated methods that clash).
 */
public record CheckedClass(ClassDeclaration declaration, List<CheckedMethod> methods) {

    public CheckedClass {
        methods = List.copyOf(methods);
        if (methods.size() != declaration.methods().size()) {
            throw new IllegalArgumentException("one verdict per method");
        }
    }

    /** Every error of every method, in order: what refuses the class's methods. */
    public List<Problem> errors() {
        return methods.stream().flatMap(method -> method.errors().stream()).toList();
    }
}
