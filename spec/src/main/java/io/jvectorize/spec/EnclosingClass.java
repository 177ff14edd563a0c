package io.jvectorize.spec;

/**
 * A class around a @Vectorize method (the one that declares it, or one that encloses that), as
 * far as the rules care: whether generated code in the same package can name and call it.
 *
 * @param simpleName the class's simple name, empty for an anonymous class
 * @param nesting where it is declared
 * @param isPrivate whether it is private
 */
public record EnclosingClass(String simpleName, Nesting nesting, boolean isPrivate) {

    /** Where a class is declared, as {@code javax.lang.model.element.NestingKind} says. */
    public enum Nesting { TOP_LEVEL, MEMBER, LOCAL, ANONYMOUS }
}
