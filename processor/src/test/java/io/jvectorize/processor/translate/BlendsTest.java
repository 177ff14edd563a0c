package io.jvectorize.processor.translate;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.javapoet.CodeBlock;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneProgram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Branches as blends, without javac. */
class BlendsTest {
    private static final LaneExpr C = new LaneExpr.Argument(0, true);
    private static final LaneExpr X = new LaneExpr.Argument(1, false);
    private static final LaneExpr Y = new LaneExpr.Argument(2, false);

    private final LaneCode code = new LaneCode(FLOAT64, SourceLines.UNKNOWN);
    private final Blends blends = new Blends(code, SourceLines.UNKNOWN);

    @Test
    void twoVectorsBlendIntoOneAndTheBlendCounts() throws Untranslatable {
        assertEquals(new Value.Lane(new LaneExpr.Select(C, X, Y)),
                blends.select(C, new Value.Lane(X), new Value.Lane(Y), null));
        assertEquals(1, code.operations());
    }

    @Test
    void masksBlendIntoAMask() throws Untranslatable {
        LaneExpr d = new LaneExpr.Argument(3, true);
        Value blended = blends.select(C, new Value.Mask(d), new Value.Mask(C), null);
        assertEquals(new Value.Mask(new LaneExpr.Select(C, d, C)), blended);
    }

    @Test
    void twoIntegerConstantsInADoubleKernelBlendAsDoubles() throws Untranslatable {
        // c ? 1 : 0 chooses, then converts: the same as converting both, then choosing.
        assertEquals(new Value.Lane(new LaneExpr.Select(C, new LaneExpr.Constant(CodeBlock.of("1.0")),
                        new LaneExpr.Constant(CodeBlock.of("0.0")))),
                blends.select(C, Value.Scalar.literal(1, INT32), Value.Scalar.literal(0, INT32), null));
    }

    @Test
    void aConditionalOfAnotherTypeThanTheLanesHasNoTranslation() {
        LaneCode floats = new LaneCode(FLOAT32, SourceLines.UNKNOWN);
        Blends floatBlends = new Blends(floats, SourceLines.UNKNOWN);
        Untranslatable e = assertThrows(Untranslatable.class, () -> floatBlends.select(C, new Value.Lane(X),
                Value.Scalar.of(CodeBlock.of("Foo.D"), FLOAT64), null));
        assertEquals("a conditional of type double inside a float kernel has no SIMD translation", e.getMessage());
    }

    @Test
    void onlyVariablesTheBranchesLeftDifferentAreBlendedAndNamed() throws Untranslatable {
        Value one = new Value.Lane(X);
        Map<String, Variable> scope = new LinkedHashMap<>();
        scope.put("same", new Variable(FLOAT64, one));
        scope.put("changed", new Variable(FLOAT64, one));
        scope.put("onlyInThen", new Variable(FLOAT64, null));
        Map<String, Variable> thenScope = new LinkedHashMap<>(scope);
        Map<String, Variable> elseScope = new LinkedHashMap<>(scope);
        thenScope.put("changed", new Variable(FLOAT64, new Value.Lane(Y)));
        thenScope.put("onlyInThen", new Variable(FLOAT64, new Value.Lane(Y)));
        blends.merge(C, scope, thenScope, elseScope, null);
        assertSame(one, scope.get("same").value());
        assertEquals(new Value.Lane(new LaneExpr.Local("changed", false)), scope.get("changed").value());
        assertEquals(null, scope.get("onlyInThen").value(), "not definitely assigned: stays unassigned");
        assertEquals(List.of(new LaneProgram.Let("changed", new LaneExpr.Select(C, Y, X), false)),
                code.program(X).lets());
    }
}
