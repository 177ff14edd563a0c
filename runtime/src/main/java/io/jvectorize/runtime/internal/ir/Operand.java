package io.jvectorize.runtime.internal.ir;

/**
 * What a step reads: a number of its pass ({@link Pass#numbers}, computed once per run), or the
 * value of an earlier element step ({@link Pass#steps}), by index.
 */
public record Operand(boolean isNumber, int index) {

    public static Operand number(int index) {
        return new Operand(true, index);
    }

    public static Operand step(int index) {
        return new Operand(false, index);
    }

    @Override
    public String toString() {
        return (isNumber ? "n" : "s") + index;
    }
}
