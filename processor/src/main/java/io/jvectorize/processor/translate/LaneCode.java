package io.jvectorize.processor.translate;

import com.sun.source.tree.Tree;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.processor.model.LaneProgram;
import io.jvectorize.spec.NumericType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lane program of one method as the translation emits it: its local definitions, named
 * uniquely, the operations it holds so far, and the conversions of values into lane
 * expressions of the one lane type.
 */
final class LaneCode {
    private final NumericType laneType;
    private final SourceLines lines;
    private final List<LaneProgram.Let> lets = new ArrayList<>();
    private final Set<String> letNames = new HashSet<>();
    private int operations;

    LaneCode(NumericType laneType, SourceLines lines) {
        this.laneType = laneType;
        this.lines = lines;
    }

    /** The type every vector of the program holds. */
    NumericType laneType() {
        return laneType;
    }

    /** The operations and blends emitted so far. */
    int operations() {
        return operations;
    }

    /** The program: the local definitions so far, then {@code result}. */
    LaneProgram program(LaneExpr result) {
        return new LaneProgram(laneType, lets, result);
    }

    /** A lanewise operation. */
    Value.Lane lane(LaneOp op, List<LaneExpr> operands) {
        operations++;
        return new Value.Lane(new LaneExpr.Operation(op, operands));
    }

    /** A blend of two vectors of the lane type. */
    Value.Lane blend(LaneExpr condition, LaneExpr ifTrue, LaneExpr ifFalse) {
        operations++;
        return new Value.Lane(new LaneExpr.Select(condition, ifTrue, ifFalse));
    }

    /** {@code value} with a name of its own where it is more than a name already. */
    Value bind(String name, Value value) {
        if (value instanceof Value.Lane lane && !isName(lane.expr())) {
            return new Value.Lane(named(name, lane.expr()));
        }
        if (value instanceof Value.Mask mask && !isName(mask.expr())) {
            return new Value.Mask(named(name, mask.expr()));
        }
        return value;
    }

    /** {@code expr} as a local named after {@code name}, unless it is a name or a constant already. */
    LaneExpr named(String name, LaneExpr expr) {
        if (isName(expr) || expr instanceof LaneExpr.Constant) {
            return expr;
        }
        return let(name, expr, false);
    }

    /** An integer divisor, as a local the loop checks for zero lanes before it divides. */
    LaneExpr divisor(LaneExpr expr) {
        return let("divisor", expr, true);
    }

    private LaneExpr let(String name, LaneExpr expr, boolean divisor) {
        String unique = name;
        for (int n = 2; !letNames.add(unique); n++) {
            unique = name + n;
        }
        lets.add(new LaneProgram.Let(unique, expr, divisor));
        return new LaneExpr.Local(unique, expr.isMask());
    }

    private static boolean isName(LaneExpr expr) {
        return expr instanceof LaneExpr.Local || expr instanceof LaneExpr.Argument;
    }

    // ---- values as lane expressions ------------------------------------------------------------

    /** {@code value} as {@code type}, as Java's assignment conversion would make it. */
    Value convert(Value value, NumericType type, Tree tree) throws Untranslatable {
        if (type == NumericType.BOOLEAN) {
            if (value instanceof Value.Scalar scalar && scalar.type() == NumericType.BOOLEAN
                    || value instanceof Value.Mask) {
                return value;
            }
            throw lines.untranslatable("a number where a boolean is needed", tree);
        }
        if (value instanceof Value.Scalar scalar) {
            return scalar.as(type);
        }
        if (typeOf(numeric(value, tree)) != type) {
            throw lines.untranslatable("a conversion from " + typeOf(value).javaName() + " to " + type.javaName(), tree);
        }
        return value;
    }

    /** The value as a lane expression of the lane type: scalars become constants of that type. */
    LaneExpr laneExpr(Value value, Tree tree) throws Untranslatable {
        if (value instanceof Value.Lane lane) {
            return lane.expr();
        }
        if (value instanceof Value.Scalar scalar && scalar.type() != NumericType.BOOLEAN) {
            if (!scalar.type().widensTo(laneType) && scalar.literal() == null) {
                throw lines.untranslatable("a " + scalar.type().javaName() + " value inside a " + laneType.javaName()
                        + " kernel", tree);
            }
            return new LaneExpr.Constant(scalar.as(laneType).code());
        }
        throw lines.untranslatable("a boolean where a number is needed", tree);
    }

    /** The value as a mask. */
    LaneExpr mask(Value value, Tree tree) throws Untranslatable {
        if (value instanceof Value.Mask mask) {
            return mask.expr();
        }
        throw lines.untranslatable(value instanceof Value.Scalar ? "a condition that is the same for every element"
                : "a number where a condition is needed", tree);
    }

    /** The value, which must be a number. */
    Value numeric(Value value, Tree tree) throws Untranslatable {
        if (value instanceof Value.Mask || value instanceof Value.Scalar scalar && scalar.type() == NumericType.BOOLEAN) {
            throw lines.untranslatable("a boolean where a number is needed", tree);
        }
        return value;
    }

    /** The Java type of a value: the lane type for a vector, boolean for a mask. */
    NumericType typeOf(Value value) {
        if (value instanceof Value.Lane) {
            return laneType;
        }
        return value instanceof Value.Scalar scalar ? scalar.type() : NumericType.BOOLEAN;
    }

    /** Stops unless the lane type is an integer type: {@code kind} is a bitwise operation or a shift. */
    void requireIntegral(Tree.Kind kind, Tree tree) throws Untranslatable {
        if (laneType != NumericType.INT32 && laneType != NumericType.INT64) {
            throw lines.untranslatable(JavaOperators.describe(kind) + " on " + laneType.javaName(), tree);
        }
    }
}
