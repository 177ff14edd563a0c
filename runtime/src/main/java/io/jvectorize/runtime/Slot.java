package io.jvectorize.runtime;

/**
 * Where a step of a fused pass reads or writes a block: a bound array or the result array at
 * the block's offset (no copy), a block-sized register from offset 0, or a scalar (a constant
 * in a one-element array, for the kernels that take one operand as a number).
 */
final class Slot {

    enum Where { INPUT, REGISTER, SCALAR, RESULT }

    final Where where;
    /** The input's, register's or constant's number; unused for the result. */
    final int index;
    /** The Java array class the values are in. */
    final Class<?> arrayType;
    /** How {@link Compute#explain} calls the value: a symbol's name, t0, c1, result. */
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
            case SCALAR: return frame.constants[index];
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
