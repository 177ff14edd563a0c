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

    public LaneProgram {
        lets = List.copyOf(lets);
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
