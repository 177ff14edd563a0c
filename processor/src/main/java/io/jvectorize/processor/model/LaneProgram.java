package io.jvectorize.processor.model;

import java.util.List;

/**
 * A @Vectorize method's body as straight-line lane code: local definitions in order, then the
 * result. Branches have become {@link LaneExpr.Select} blends.
 *
 * @param laneType the numeric type every vector of the program holds
 * @param lets the local definitions, in the order they must be computed
 * @param result the value for {@code out}
 */
public record LaneProgram(NumericType laneType, List<Let> lets, LaneExpr result) {

    /**
     * The most {@link #operations()} a program may have for the processor to write its lane
     * function: the runtime's {@code VectorizedFunction.Overload.MAX_LANE_OPERATIONS}, which a
     * test checks this equals. A larger one would not be inlined into {@code Compute}'s loops.
     */
    public static final int MAX_LANE_FUNCTION_OPERATIONS = 24;

    public LaneProgram {
        lets = List.copyOf(lets);
    }

    /**
     * The vector operations the program computes: operations, comparisons, logic and blends,
     * each local's once. Constants are not counted, as {@code Compute}'s loops do not count
     * theirs: C2 hoists them out of the loop. An identity computes none.
     */
    public int operations() {
        int operations = operations(result);
        for (Let let : lets) {
            operations += operations(let.value());
        }
        return operations;
    }

    private static int operations(LaneExpr expr) {
        if (expr instanceof LaneExpr.Operation operation) {
            return 1 + operation.operands().stream().mapToInt(LaneProgram::operations).sum();
        }
        if (expr instanceof LaneExpr.Comparison comparison) {
            return 1 + operations(comparison.left()) + operations(comparison.right());
        }
        if (expr instanceof LaneExpr.Logic logic) {
            return 1 + logic.operands().stream().mapToInt(LaneProgram::operations).sum();
        }
        if (expr instanceof LaneExpr.Select select) {
            return 1 + operations(select.condition()) + operations(select.ifTrue()) + operations(select.ifFalse());
        }
        return 0; // an argument, a local or a constant
    }

    /**
     * {@code name = value}: a local vector or mask, named after the source's local where there
     * was one.
     *
     * @param divisor whether it divides integers: where a lane is zero, the loop must leave the
     *     vector part to the scalar method, which throws its own {@link ArithmeticException}
     */
    public record Let(String name, LaneExpr value, boolean divisor) {}
}
