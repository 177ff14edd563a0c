package io.jvectorize.runtime;

import java.util.Objects;

/** A name bound to an array or a scalar at compute time. */
final class Symbol extends Expr {
    private final String name;
    private final DType dtype;

    Symbol(String name, DType dtype) {
        this.name = Objects.requireNonNull(name, "name");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        if (isBoolLiteral(name)) {
            throw new IllegalArgumentException("symbol name \"" + name + "\" is the bool literal " + name
                    + " in expressions, so no expression could read the symbol; rename it");
        }
        if (!isName(name)) {
            throw new IllegalArgumentException("symbol name \"" + name + "\" is not a name: use letters, digits"
                    + " and _, not starting with a digit");
        }
    }

    /**
     * Whether {@code text} is a name the parser reads as one symbol: a Java identifier (so that
     * every @Vectorize method's name is one) without {@code $} and without the invisible
     * characters Java identifiers may hold, which would make {@code x\u200b} look like {@code x}
     * in every message; True and False are bool literals, not names.
     */
    static boolean isName(String text) {
        if (text.isEmpty() || !isNameStart(text.charAt(0)) || isBoolLiteral(text)) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!isNamePart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the parser reads {@code text} as a bool literal (Python's keywords True and False). */
    static boolean isBoolLiteral(String text) {
        return text.equals("True") || text.equals("False");
    }

    static boolean isNameStart(char c) {
        return Character.isJavaIdentifierStart(c) && c != '$' && !Character.isIdentifierIgnorable(c);
    }

    static boolean isNamePart(char c) {
        return Character.isJavaIdentifierPart(c) && c != '$' && !Character.isIdentifierIgnorable(c);
    }

    String name() {
        return name;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Symbol that && name.equals(that.name) && dtype == that.dtype;
    }

    @Override
    int structuralHash() {
        return Objects.hash(name, dtype);
    }
}
