package io.jvectorize.runtime;

import java.util.Objects;

/** A name bound to an array or a scalar at compute time. */
final class Symbol extends Expr {
    private final String name;
    private final DType dtype;

    Symbol(String name, DType dtype) {
        this.name = Objects.requireNonNull(name, "name");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        if (!isName(name)) {
            throw new IllegalArgumentException("symbol name \"" + name + "\" is not a name: use letters, digits"
                    + " and _, not starting with a digit");
        }
    }

    /**
     * Whether {@code text} is a name the parser reads as one symbol: letters, digits and
     * {@code _}, not starting with a digit. Invisible characters, which Java identifiers may
     * hold, are not allowed: {@code x\u200b} would look like {@code x} in every message.
     */
    static boolean isName(String text) {
        if (text.isEmpty() || !isNameStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!isNamePart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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
    public int hashCode() {
        return Objects.hash(name, dtype);
    }
}
