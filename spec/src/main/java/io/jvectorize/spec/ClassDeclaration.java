package io.jvectorize.spec;

import java.util.List;

/**
 * A class with @Vectorize methods, as the rules see it.
 *
 * @param nest the class and the classes around it, outermost first: the class itself is last
 * @param methods its @Vectorize methods, in source order (javac) or name order (reflection)
 */
public record ClassDeclaration(List<EnclosingClass> nest, List<MethodDeclaration> methods) {

    public ClassDeclaration {
        nest = List.copyOf(nest);
        methods = List.copyOf(methods);
        if (nest.isEmpty()) {
            throw new IllegalArgumentException("a class is its own nest's last member");
        }
    }

    /** The class's simple name. */
    public String simpleName() {
        return nest.get(nest.size() - 1).simpleName();
    }

    /** The simple names of the nest, outermost first, as {@link GeneratedNames} takes them. */
    public List<String> simpleNames() {
        return nest.stream().map(EnclosingClass::simpleName).toList();
    }
}
