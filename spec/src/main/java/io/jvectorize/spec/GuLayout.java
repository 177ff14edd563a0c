package io.jvectorize.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A @GuVectorize layout such as {@code "(n),()->(n)"}: the core dimensions of each input, then
 * of each output. Parameters are one-dimensional, so each has one dimension or none: a name
 * ({@code n}), a fixed length ({@code 2}), or {@code ()}.
 *
 * @param inputs per input, its dimension; empty for {@code ()}
 * @param outputs per output, its dimension; empty for {@code ()}
 */
public record GuLayout(List<Optional<String>> inputs, List<Optional<String>> outputs) {

    public GuLayout {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Parses a layout; the exception says where it stops making sense and what to write. */
    public static GuLayout parse(String text) throws SignatureException {
        return new Parser(text).layout();
    }

    /** The number of parameters it describes. */
    public int size() {
        return inputs.size() + outputs.size();
    }

    /** Whether dimension {@code name} is given by an input, rather than by an output alone. */
    public boolean isInputDimension(String name) {
        return inputs.contains(Optional.of(name));
    }

    @Override
    public String toString() {
        return tuples(inputs) + "->" + tuples(outputs);
    }

    private static String tuples(List<Optional<String>> dimensions) {
        List<String> parts = new ArrayList<>();
        dimensions.forEach(d -> parts.add("(" + d.orElse("") + ")"));
        return String.join(",", parts);
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        GuLayout layout() throws SignatureException {
            List<Optional<String>> inputs = tuples("an input's dimensions, such as (n) or ()");
            skipWhitespace();
            if (!text.startsWith("->", position)) {
                throw malformed("',' or '->'");
            }
            position += 2;
            List<Optional<String>> outputs = tuples("an output's dimensions, such as (n) or ()");
            skipWhitespace();
            if (position != text.length()) {
                throw malformed("',' or the end");
            }
            return new GuLayout(inputs, outputs);
        }

        private List<Optional<String>> tuples(String expected) throws SignatureException {
            List<Optional<String>> tuples = new ArrayList<>();
            tuples.add(tuple(expected));
            while (peek(',')) {
                position++;
                tuples.add(tuple(expected));
            }
            return tuples;
        }

        private Optional<String> tuple(String expected) throws SignatureException {
            if (!peek('(')) {
                throw malformed(expected);
            }
            position++;
            if (peek(')')) {
                position++;
                return Optional.empty();
            }
            int start = position;
            while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
                position++;
            }
            String dimension = text.substring(start, position);
            if (dimension.isEmpty()) {
                throw malformed("a dimension name such as n, a length such as 2, or ')'");
            }
            boolean digits = dimension.chars().allMatch(Character::isDigit);
            if (Character.isDigit(dimension.charAt(0)) && !digits) {
                throw malformed("a dimension name (a letter first) or a length (digits only)", start);
            }
            if (digits && (dimension.length() > 9 || Integer.parseInt(dimension) == 0)) {
                throw malformed("a fixed length from 1 to 999999999", start);
            }
            if (peek(',')) {
                throw new SignatureException("layout \"" + text + "\" gives two dimensions at column " + (position + 1)
                        + ", but @GuVectorize parameters are one-dimensional arrays: give each at most one,"
                        + " such as (n)", position + 1);
            }
            if (!peek(')')) {
                throw malformed("')'");
            }
            position++;
            return Optional.of(dimension);
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
            return malformed(expected, position);
        }

        private SignatureException malformed(String expected, int at) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new SignatureException("malformed layout \"" + text + "\": expected " + expected + " at column "
                    + (at + 1) + ", found " + found + "; write inputs->outputs, such as \"(n),()->(n)\"", at + 1);
        }
    }
}
