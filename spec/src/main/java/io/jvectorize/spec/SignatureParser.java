package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Numba-style signatures: {@code ret(arg, arg, ...)}, where each name is one of
 * {@link NumericType#names()}. Whitespace is ignored anywhere between names and punctuation.
 */
public final class SignatureParser {
    private final SignatureCursor at;

    private SignatureParser(String text) {
        this.at = new SignatureCursor(text, "ret(arg, ...), e.g. \"float64(float64, float64)\"");
    }

    /** Parses {@code text}, or throws with the column (counted from 1) of the first problem. */
    public static Signature parse(String text) throws SignatureException {
        return new SignatureParser(text).signature();
    }

    private Signature signature() throws SignatureException {
        at.skipWhitespace();
        if (at.atEnd()) {
            throw new SignatureException("empty signature; write one such as \"float64(float64)\"", at.position + 1);
        }
        NumericType returnType = type("a return type");
        at.expect('(', "'(' after the return type");
        List<NumericType> arguments = new ArrayList<>();
        if (!at.peek(')')) {
            arguments.add(type("an argument type"));
            while (at.peek(',')) {
                at.position++;
                arguments.add(type("an argument type after ','"));
            }
        }
        at.expect(')', arguments.isEmpty() ? "an argument type or ')'" : "',' or ')'");
        at.skipWhitespace();
        if (!at.atEnd()) {
            throw at.malformed("nothing after ')'");
        }
        return new Signature(returnType, arguments);
    }

    private NumericType type(String expected) throws SignatureException {
        at.skipWhitespace();
        int start = at.position;
        String name = at.name();
        if (name.isEmpty()) {
            throw at.malformed(expected);
        }
        return at.type(name, start);
    }
}
