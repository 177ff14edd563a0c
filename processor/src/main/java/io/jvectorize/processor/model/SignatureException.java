package io.jvectorize.processor.model;

/** A signature text that does not parse; the message says where and what to write instead. */
public final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }
}
