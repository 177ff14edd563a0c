package io.jvectorize.runtime;

/**
 * Text that {@link Expr#parse} cannot read. The message says what was expected, at which column
 * (counted from 1), and shows the text with a caret under that column.
 */
public final class ExprSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    public ExprSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The column of the problem, counted from 1. */
    public int column() {
        return column;
    }
}
