package io.jvectorize.spec;

/**
 * A rule that a declaration breaks, or (a warning) a choice that probably does not do what was
 * meant. The message names the method and says what to change; the subject says where in the
 * declaration the problem is, so that javac can point at it.
 *
 * @param severity whether the method is refused
 * @param subject the part of the declaration the problem is in
 * @param index which parameter or signature, counted from 0; 0 for the method itself
 * @param message the text, the same wherever it is reported
 */
public record Problem(Severity severity, Subject subject, int index, String message) {

    /** Whether a problem refuses the method. */
    public enum Severity { ERROR, WARNING }

    /** The part of a declaration a problem is in. */
    public enum Subject {
        /** The method's declaration: its modifiers, name, return type or class. */
        METHOD,
        /** One of its parameters. */
        PARAMETER,
        /** One of the annotation's signature texts. */
        SIGNATURE,
        /** The annotation's identity text. */
        IDENTITY,
        /** A @GuVectorize annotation's layout text. */
        LAYOUT
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    static Problem error(Subject subject, int index, String message) {
        return new Problem(Severity.ERROR, subject, index, message);
    }

    static Problem warning(Subject subject, int index, String message) {
        return new Problem(Severity.WARNING, subject, index, message);
    }
}
