package io.jvectorize.spec;

/** Limits that the processor's generated code and the runtime's use of it must agree on. */
public final class Limits {

    /**
     * The most vector operations (operators, math functions, comparisons, blends, broadcast
     * constants) that a lane function holds: the processor writes none for a larger method,
     * and the runtime counts a lane function of unknown size as this large. C2 inlines a
     * method of up to 325 bytes of bytecode into a hot loop ({@code FreqInlineSize}), and one
     * it does not inline takes and returns its vectors as heap objects, several times slower
     * than the kernel; an operation takes at most about 10 bytes.
     */
    public static final int MAX_LANE_FUNCTION_OPERATIONS = 28;

    private Limits() {}
}
