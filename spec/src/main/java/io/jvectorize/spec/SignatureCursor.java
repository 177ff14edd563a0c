package io.jvectorize.spec;

/**
 * A position in a signature's text and the steps both signature grammars share: whitespace,
 * punctuation, names, type names, and the messages for what is not there.
 */
final class SignatureCursor {
    final String text;
    int position;
    /** How a signature of this kind is written, for messages: e.g. {@code ret(arg, ...), e.g. "float64(float64)"}. */
    private final String form;

    SignatureCursor(String text, String form) {
        this.text = text;
        this.form = form;
    }

    boolean atEnd() {
        return position == text.length();
    }

    void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    /** Whether the next non-blank character is {@code c}; leaves the position on it. */
    boolean peek(char c) {
        skipWhitespace();
        return position < text.length() && text.charAt(position) == c;
    }

    void expect(char expected, String description) throws SignatureException {
        if (!peek(expected)) {
            throw malformed(description);
        }
        position++;
    }

    /** The identifier at the position after blanks, possibly empty. */
    String name() {
        skipWhitespace();
        int start = position;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    /** The type named {@code name}, which starts at {@code start}. */
    NumericType type(String name, int start) throws SignatureException {
        return NumericType.forName(name).orElseThrow(() -> new SignatureException(
                "unknown type \"" + name + "\" at column " + (start + 1) + " of signature \"" + text
                        + "\"; known types: " + NumericType.allNames(), start + 1));
    }

    SignatureException malformed(String expected) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        return new SignatureException("malformed signature \"" + text + "\": expected " + expected
                + " at column " + (position + 1) + ", found " + found + "; write it as " + form, position + 1);
    }
}
