package io.jvectorize.processor.model;

import com.squareup.javapoet.CodeBlock;
import java.util.List;

/**
 * An expression of a @Vectorize method's body, computed on all lanes of a vector at once. Every
 * node is either a vector of the kernel's lane type or, where {@link #isMask()}, a mask of it.
 * The tree keeps the source's order of operations: writers must not reassociate it.
 */
public sealed interface LaneExpr {

    /** Whether this is a mask (a boolean per lane) rather than a vector of numbers. */
    boolean isMask();

    /** Parameter {@code index} of the method: an element of an array argument, or a broadcast scalar. */
    record Argument(int index, boolean isMask) implements LaneExpr {}

    /**
     * A value the same in every lane, as Java source of the lane type: a literal such as
     * {@code 5.0}, a field such as {@code Foo.MU}, or an expression of them, which the
     * generated code computes exactly as the source did.
     */
    record Constant(CodeBlock code) implements LaneExpr {
        @Override
        public boolean isMask() {
            return false;
        }
    }

    /** A local variable, defined by a {@link Let} of the program. */
    record Local(String name, boolean isMask) implements LaneExpr {}

    /** A lanewise operation on numbers, such as {@code ADD} or {@code EXP}; see {@link LaneOp}. */
    record Operation(LaneOp op, List<LaneExpr> operands) implements LaneExpr {
        public Operation {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean isMask() {
            return false;
        }
    }

    /** A lanewise comparison such as {@code LT}, giving a mask. */
    record Comparison(String operator, LaneExpr left, LaneExpr right) implements LaneExpr {
        @Override
        public boolean isMask() {
            return true;
        }
    }

    /** {@code &&}, {@code ||} or {@code !} on masks. */
    record Logic(LogicOp op, List<LaneExpr> operands) implements LaneExpr {
        public Logic {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean isMask() {
            return true;
        }
    }

    /** {@code condition ? ifTrue : ifFalse}, lane by lane: a blend, so both sides are computed on every lane. */
    record Select(LaneExpr condition, LaneExpr ifTrue, LaneExpr ifFalse) implements LaneExpr {
        @Override
        public boolean isMask() {
            return ifTrue.isMask();
        }
    }

    /** The operators on masks. */
    enum LogicOp { AND, OR, NOT }
}
