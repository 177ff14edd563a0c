package io.jvectorize.spec;

/** A signature text that does not parse; the message says where and what to write instead. */
public final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    public SignatureException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The column of the problem in the signature text, counted from 1. */
    public int column() {
        return column;
    }
}
