package io.jvectorize.processor.model;

import io.jvectorize.spec.NumericType;
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

    public LaneProgram {
        lets = List.copyOf(lets);
    }

    /**
     * The vector operations the program's code holds: operations, comparisons, logic, blends
     * and broadcast constants, each local's once, a mask blend's condition twice (its code
     * writes it twice). This bounds the code's size, about 10 bytes per operation at most,
     * which decides whether C2 inlines it. An identity holds none.
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
            // Masks blend as (c and a) or (not c and b).
            int condition = operations(select.condition());
            return select.isMask() ? 4 + 2 * condition + operations(select.ifTrue()) + operations(select.ifFalse())
                    : 1 + condition + operations(select.ifTrue()) + operations(select.ifFalse());
        }
        return expr instanceof LaneExpr.Constant ? 1 : 0; // an argument or a local: none
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
