package io.jvectorize.runtime.internal.op;

/**
 * An operator's lane form: how it applies to vectors of lanes with the Vector API. Described by
 * name, so that nothing here loads the Vector API: {@link Form#LANEWISE}, {@link Form#COMPARE}
 * name a {@code jdk.incubator.vector.VectorOperators} operator, {@link Form#METHOD} and
 * {@link Form#PREDICATE} a static method of {@link Operator.Lanes} with one overload per vector
 * type it applies to (a generated loop holds a copy of its code: {@code LaneInliner}).
 *
 * @param form how the name is applied
 * @param name the VectorOperators field or the Lanes method
 * @param integers whether it applies to integer lanes (int64, int32) too, floats always; a
 *     {@link Form#METHOD} or {@link Form#PREDICATE} form applies to the vector types its method
 *     has overloads for
 * @param vectorMath whether it is a math function of the vector library, within
 *     {@code Compute.VECTOR_MATH_ULPS} of the scalar form but not equal: it runs only where
 *     the options allow vector math
 * @param routine the vector library routine it runs only where that routine pays
 *     ({@code VectorMath.VECTOR_POW}, {@code VECTOR_TANH}): elsewhere the routine is slower than
 *     the scalar form; {@link Routine#NONE} for every other form
 * @param fusable whether a generated loop may hold it: false where its code is too large for
 *     C2 to inline into a loop, which then boxes every vector; the block engine runs it
 * @param maskMethod for an operator that applies to booleans too ({@code & | ^ ~}): the static
 *     method of {@link Operator.Lanes} that applies it to masks, the form booleans take in a
 *     generated loop; null for every other operator
 * @param operations what it counts for against a generated loop's budget of vector operations
 *     ({@code LoopShape.MAX_OPERATIONS}): 1 for one Vector API operator; for a {@link Form#METHOD}
 *     form, measured ({@link #weighing})
 */
public record Lane(Form form, String name, boolean integers, boolean vectorMath, Routine routine,
        boolean fusable, String maskMethod, int operations) {

    /** How a lane form applies its name. */
    public enum Form {
        /** {@code a.lanewise(VectorOperators.NAME)} or {@code a.lanewise(VectorOperators.NAME, b)}. */
        LANEWISE,
        /** {@code a.compare(VectorOperators.NAME, b)}: a mask. */
        COMPARE,
        /** {@code b.blend(a, condition)}: {@code where(condition, a, b)}, the condition a mask. */
        BLEND,
        /** {@code Operator.Lanes.NAME(a, ...)}, the overload of the operands' vector type. */
        METHOD,
        /** {@code Operator.Lanes.NAME(a)}, the overload of the operand's vector type: a mask. */
        PREDICATE
    }

    /** A vector library routine that pays only on some machines ({@code VectorMath} says where). */
    public enum Routine {
        NONE,
        POW,
        TANH
    }

    /** Arithmetic on every kind of lanes: {@code + - *}, neg, min, max. */
    static Lane arithmetic(String name) {
        return new Lane(Form.LANEWISE, name, true, false, Routine.NONE, true, null, 1);
    }

    /** Exact floating-point operators: division, square root. */
    static Lane floating(String name) {
        return new Lane(Form.LANEWISE, name, false, false, Routine.NONE, true, null, 1);
    }

    /** A math function of the vector library: within the bound of the scalar form's value. */
    static Lane mathFunction(String name) {
        return new Lane(Form.LANEWISE, name, false, true, Routine.NONE, true, null, 1);
    }

    static Lane comparison(String name) {
        return new Lane(Form.COMPARE, name, true, false, Routine.NONE, true, null, 1);
    }

    static Lane blend() {
        return new Lane(Form.BLEND, "blend", true, false, Routine.NONE, true, null, 1);
    }

    /** A method of {@link Operator.Lanes} that gives a mask: a predicate, on the vector types it has overloads for. */
    static Lane predicate(String name) {
        return new Lane(Form.PREDICATE, name, false, false, Routine.NONE, true, null, 1);
    }

    /** A method of {@link Operator.Lanes}: it applies to the vector types it has overloads for. */
    static Lane method(String name) {
        return new Lane(Form.METHOD, name, true, false, Routine.NONE, true, null, 1);
    }

    /**
     * Bitwise on integer lanes ({@code VectorOperators.NAME}), and on masks, for booleans,
     * through {@code Operator.Lanes.maskMethod}. The scalar form has no floating-point form, so
     * it has no float lanes either.
     */
    static Lane bitwise(String name, String maskMethod) {
        return new Lane(Form.LANEWISE, name, true, false, Routine.NONE, true, maskMethod, 1);
    }

    /** The same, applying to masks (booleans) too, through {@code Operator.Lanes.maskMethod}. */
    Lane onMasks(String maskMethod) {
        return new Lane(form, name, integers, vectorMath, routine, fusable, maskMethod, operations);
    }

    /** Whether it applies to masks: booleans in a generated loop. */
    public boolean appliesToMasks() {
        return maskMethod != null;
    }

    /** The same, a routine of the vector library: within the bound of the scalar form, not equal. */
    Lane libraryMath() {
        return new Lane(form, name, integers, true, routine, fusable, maskMethod, operations);
    }

    /** The same, run only where the vector library's {@code routine} pays. */
    Lane whereRoutinePays(Routine routine) {
        return new Lane(form, name, integers, vectorMath, routine, fusable, maskMethod, operations);
    }

    Lane blocksOnly() {
        return new Lane(form, name, integers, vectorMath, routine, false, maskMethod, operations);
    }

    /**
     * The same, counting {@code operations} against a loop's budget. A method form is copied into
     * the loop whole (so C2 inlines it however large: docs/simd.md), and what it counts for is
     * measured, not its operations counted: the weight at which a loop at the budget still runs
     * faster than the block engine, against the copy kernel in one run. The rounding forms'
     * 7 to 12 operations share their constants and hold few vectors: 8 truncs in one loop took
     * 6.2 times the copy kernel's time, block by block 12.6 times, so each counts for 2.
     */
    Lane weighing(int operations) {
        return new Lane(form, name, integers, vectorMath, routine, fusable, maskMethod, operations);
    }
}
