package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a @GuVectorize signature, Numba's form: {@code void(float64[:], float64, float64[:])},
 * a {@code T[:]} per array parameter and a {@code T} per scalar input.
 */
public final class GuSignatureParser {

    /**
     * One parameter's type in the signature.
     *
     * @param type the element or scalar type
     * @param array whether it is written {@code T[:]}
     */
    public record Argument(NumericType type, boolean array) {
        @Override
        public String toString() {
            return type.numbaName() + (array ? "[:]" : "");
        }
    }

    private final String text;
    private int position;

    private GuSignatureParser(String text) {
        this.text = text;
    }

    /** The parameters' types; throws with the column of the first problem. */
    public static List<Argument> parse(String text) throws SignatureException {
        return new GuSignatureParser(text).signature();
    }

    private List<Argument> signature() throws SignatureException {
        skipWhitespace();
        int start = position;
        String result = name();
        if (result.isEmpty()) {
            throw malformed("void");
        }
        if (!result.equals("void")) {
            throw new SignatureException("@GuVectorize signature \"" + text + "\" returns " + result
                    + "; it must return void: results go into the output array parameters, as in"
                    + " \"void(float64[:], float64[:])\"", start + 1);
        }
        expect('(', "'(' after void");
        List<Argument> arguments = new ArrayList<>();
        if (!peek(')')) {
            arguments.add(argument());
            while (peek(',')) {
                position++;
                arguments.add(argument());
            }
        }
        expect(')', "',' or ')'");
        skipWhitespace();
        if (position != text.length()) {
            throw malformed("nothing after ')'");
        }
        return arguments;
    }

    private Argument argument() throws SignatureException {
        skipWhitespace();
        int start = position;
        String name = name();
        if (name.isEmpty()) {
            throw malformed("a type such as float64 or float64[:]");
        }
        NumericType type = NumericType.forName(name).orElseThrow(() -> new SignatureException(
                "unknown type \"" + name + "\" at column " + (start + 1) + " of signature \"" + text
                        + "\"; known types: " + NumericType.allNames(), start + 1));
        if (!peek('[')) {
            return new Argument(type, false);
        }
        int bracket = position;
        position++;
        expect(':', "':' in " + name + "[:]");
        if (peek(',')) {
            throw new SignatureException("signature \"" + text + "\" has a two-dimensional array at column "
                    + (bracket + 1) + "; @GuVectorize parameters are one-dimensional: write " + name + "[:]",
                    bracket + 1);
        }
        expect(']', "']' in " + name + "[:]");
        return new Argument(type, true);
    }

    private String name() {
        skipWhitespace();
        int start = position;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private void expect(char expected, String description) throws SignatureException {
        if (!peek(expected)) {
            throw malformed(description);
        }
        position++;
    }

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
                + "; write it as void(type, ...), e.g. \"void(float64[:], float64, float64[:])\"", position + 1);
    }
}
