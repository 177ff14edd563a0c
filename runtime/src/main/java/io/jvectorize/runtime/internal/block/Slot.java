package io.jvectorize.runtime.internal.block;

/**
 * Where a block step reads or writes a block: a bound array or the result array at the block's
 * offset (no copy), a block-sized register from offset 0, or a number of the pass (a
 * one-element array, which kernels take as a scalar).
 */
final class Slot {

    enum Where { INPUT, REGISTER, NUMBER, RESULT }

    final Where where;
    /** The input's, register's or number's index; unused for the result. */
    final int index;
    /** The Java array class the values are in. */
    final Class<?> arrayType;
    /** How explain calls the value: a symbol's name, t0, c1, result. */
    final String name;

    Slot(Where where, int index, Class<?> arrayType, String name) {
        this.where = where;
        this.index = index;
        this.arrayType = arrayType;
        this.name = name;
    }

    Object array(Frame frame) {
        switch (where) {
            case INPUT: return frame.inputs[index];
            case REGISTER: return frame.registers[index];
            case NUMBER: return frame.numbers[index];
            default: return frame.result;
        }
    }

    /** The index of the block's first element in {@link #array}. */
    int offset(int blockStart) {
        return where == Where.INPUT || where == Where.RESULT ? blockStart : 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
