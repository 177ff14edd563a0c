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

    private final SignatureCursor at;

    private GuSignatureParser(String text) {
        this.at = new SignatureCursor(text, "void(type, ...), e.g. \"void(float64[:], float64, float64[:])\"");
    }

    /** The parameters' types; throws with the column of the first problem. */
    public static List<Argument> parse(String text) throws SignatureException {
        return new GuSignatureParser(text).signature();
    }

    private List<Argument> signature() throws SignatureException {
        at.skipWhitespace();
        int start = at.position;
        String result = at.name();
        if (result.isEmpty()) {
            throw at.malformed("void");
        }
        if (!result.equals("void")) {
            throw new SignatureException("@GuVectorize signature \"" + at.text + "\" returns " + result
                    + "; it must return void: results go into the output array parameters, as in"
                    + " \"void(float64[:], float64[:])\"", start + 1);
        }
        at.expect('(', "'(' after void");
        List<Argument> arguments = new ArrayList<>();
        if (!at.peek(')')) {
            arguments.add(argument());
            while (at.peek(',')) {
                at.position++;
                arguments.add(argument());
            }
        }
        at.expect(')', "',' or ')'");
        at.skipWhitespace();
        if (!at.atEnd()) {
            throw at.malformed("nothing after ')'");
        }
        return arguments;
    }

    private Argument argument() throws SignatureException {
        at.skipWhitespace();
        int start = at.position;
        String name = at.name();
        if (name.isEmpty()) {
            throw at.malformed("a type such as float64 or float64[:]");
        }
        NumericType type = at.type(name, start);
        if (!at.peek('[')) {
            return new Argument(type, false);
        }
        int bracket = at.position;
        at.position++;
        at.expect(':', "':' in " + name + "[:]");
        if (at.peek(',')) {
            throw new SignatureException("signature \"" + at.text + "\" has a two-dimensional array at column "
                    + (bracket + 1) + "; @GuVectorize parameters are one-dimensional: write " + name + "[:]",
                    bracket + 1);
        }
        at.expect(']', "']' in " + name + "[:]");
        return new Argument(type, true);
    }
}
