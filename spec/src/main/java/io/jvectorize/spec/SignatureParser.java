package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Numba-style signatures: {@code ret(arg, arg, ...)}, where each name is one of
 * {@link NumericType#names()}. Whitespace is ignored anywhere between names and punctuation.
 */
public final class SignatureParser {
    private final String text;
    private int position;

    private SignatureParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}, or throws with the column (counted from 1) of the first problem. */
    public static Signature parse(String text) throws SignatureException {
        return new SignatureParser(text).signature();
    }

    private Signature signature() throws SignatureException {
        skipWhitespace();
        if (position == text.length()) {
            throw new SignatureException("empty signature; write one such as \"float64(float64)\"", position + 1);
        }
        NumericType returnType = type("a return type");
        expect('(', "'(' after the return type");
        List<NumericType> arguments = new ArrayList<>();
        skipWhitespace();
        if (!peek(')')) {
            arguments.add(type("an argument type"));
            while (peek(',')) {
                position++;
                arguments.add(type("an argument type after ','"));
            }
        }
        expect(')', arguments.isEmpty() ? "an argument type or ')'" : "',' or ')'");
        skipWhitespace();
        if (position != text.length()) {
            throw malformed("nothing after ')'");
        }
        return new Signature(returnType, arguments);
    }

    private NumericType type(String expected) throws SignatureException {
        skipWhitespace();
        int start = position;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw malformed(expected);
        }
        String name = text.substring(start, position);
        return NumericType.forName(name).orElseThrow(() -> new SignatureException(
                "unknown type \"" + name + "\" at column " + (start + 1) + " of signature \"" + text
                        + "\"; known types: " + NumericType.allNames(), start + 1));
    }

    private void expect(char expected, String description) throws SignatureException {
        if (!peek(expected)) {
            throw malformed(description);
        }
        position++;
    }

    /** Whether the next non-blank character is {@code c}; leaves the position on it. */
    private boolean peek(char c) {
        skipWhitespace();
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private SignatureException malformed(String expected) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        return new SignatureException("malformed signature \"" + text + "\": expected " + expected
                + " at column " + (position + 1) + ", found " + found
                + "; write it as ret(arg, ...), e.g. \"float64(float64, float64)\"", position + 1);
    }
}
