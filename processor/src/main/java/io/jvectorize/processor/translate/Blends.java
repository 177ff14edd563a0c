package io.jvectorize.processor.translate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.spec.NumericType;
import java.util.Map;

/**
 * Branches as blends. SIMD computes both sides of a branch on every lane and keeps, lane by
 * lane, the side the condition picks: a conditional expression becomes one blend, and an
 * {@code if} a blend of each variable its branches assign differently (or, where both paths
 * return, of the results).
 */
final class Blends {
    private final LaneCode code;
    private final SourceLines lines;

    Blends(LaneCode code, SourceLines lines) {
        this.code = code;
        this.lines = lines;
    }

    /** {@code condition ? ifTrue : ifFalse}, lane by lane: masks blend to a mask, numbers to the lane type. */
    Value select(LaneExpr condition, Value ifTrue, Value ifFalse, Tree tree) throws Untranslatable {
        if (ifTrue instanceof Value.Mask || ifFalse instanceof Value.Mask) {
            return new Value.Mask(new LaneExpr.Select(condition, code.mask(ifTrue, tree), code.mask(ifFalse, tree)));
        }
        NumericType laneType = code.laneType();
        NumericType type = JavaNumerics.promote(code.typeOf(code.numeric(ifTrue, tree)),
                code.typeOf(code.numeric(ifFalse, tree)));
        if (ifTrue instanceof Value.Scalar && ifFalse instanceof Value.Scalar && type.widensTo(laneType)) {
            // c ? 1 : 0 in a double kernel: choosing, then converting, equals converting, then choosing.
            type = laneType;
        }
        if (type != laneType) {
            throw lines.untranslatable("a conditional of type " + type.javaName() + " inside a " + laneType.javaName()
                    + " kernel", tree);
        }
        return code.blend(condition, code.laneExpr(ifTrue, tree), code.laneExpr(ifFalse, tree));
    }

    /**
     * After an {@code if} whose branches do not return: each variable of {@code scope} that the
     * branches left with different values gets their blend. One that only one branch assigned
     * stays as it was, as Java's definite assignment has it.
     */
    void merge(LaneExpr condition, Map<String, Variable> scope, Map<String, Variable> thenScope,
            Map<String, Variable> elseScope, Tree tree) throws Untranslatable {
        for (Map.Entry<String, Variable> entry : scope.entrySet()) {
            String name = entry.getKey();
            Value ifTrue = thenScope.get(name).value();
            Value ifFalse = elseScope.get(name).value();
            if (ifTrue != ifFalse && ifTrue != null && ifFalse != null) {
                entry.setValue(entry.getValue().assigned(code.bind(name, select(condition, ifTrue, ifFalse, tree))));
            }
        }
    }

    /** Whether a statement contains a return (not counting those of lambdas or classes inside it). */
    static boolean returns(Tree tree) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitReturn(ReturnTree node, Void unused) {
                return true;
            }

            @Override
            public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean visitClass(ClassTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(tree, null);
        return Boolean.TRUE.equals(found);
    }
}
