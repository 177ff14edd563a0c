package io.jvectorize.processor.translate;

import static io.jvectorize.spec.NumericType.BOOLEAN;
import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.processor.model.LaneProgram;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the translation emits, without javac: locals, their names, and conversions into the lane type. */
class LaneCodeTest {
    private static final LaneExpr X = new LaneExpr.Argument(0, false);
    private static final LaneExpr Y = new LaneExpr.Argument(1, false);

    private final LaneCode code = new LaneCode(FLOAT64, SourceLines.UNKNOWN);

    @Test
    void localsAreNamedAfterTheSourceAndMadeUnique() {
        LaneExpr sum = code.lane(LaneOp.ADD, List.of(X, Y)).expr();
        LaneExpr first = code.named("t", sum);
        LaneExpr second = code.named("t", sum);
        assertEquals(new LaneExpr.Local("t", false), first);
        assertEquals(new LaneExpr.Local("t2", false), second);
        LaneProgram program = code.program(second);
        assertEquals(List.of("t", "t2"), program.lets().stream().map(LaneProgram.Let::name).toList());
    }

    @Test
    void namesAndConstantsAreNotNamedAgain() {
        LaneExpr constant = new LaneExpr.Constant(CodeBlock.of("1.0"));
        assertSame(X, code.named("x", X));
        assertSame(constant, code.named("c", constant));
        Value arguments = new Value.Lane(X);
        assertSame(arguments, code.bind("x", arguments));
        assertEquals(List.of(), code.program(X).lets());
    }

    @Test
    void aDivisorIsALocalTheLoopChecksForZero() {
        LaneExpr divisor = code.divisor(Y);
        LaneProgram program = code.program(code.lane(LaneOp.DIV, List.of(X, divisor)).expr());
        assertEquals(List.of(new LaneProgram.Let("divisor", Y, true)), program.lets());
    }

    @Test
    void operationsAndBlendsAreCounted() {
        code.lane(LaneOp.NEG, List.of(X));
        code.blend(new LaneExpr.Argument(2, true), X, Y);
        assertEquals(2, code.operations());
    }

    @Test
    void scalarsBecomeConstantsOfTheLaneTypeAsACastWouldMakeThem() throws Untranslatable {
        assertEquals(new LaneExpr.Constant(CodeBlock.of("2.0")), code.laneExpr(Value.Scalar.literal(2, INT32), null));
        assertEquals(new LaneExpr.Constant(CodeBlock.of("((double) Foo.K)")),
                code.laneExpr(Value.Scalar.of(CodeBlock.of("Foo.K"), FLOAT32), null));
        LaneCode floats = new LaneCode(FLOAT32, SourceLines.UNKNOWN);
        assertEquals(new LaneExpr.Constant(CodeBlock.of("0.1f")), floats.laneExpr(Value.Scalar.literal(0.1, FLOAT64), null),
                "a double literal in a float kernel is the float literal Java's cast gives");
        Untranslatable e = assertThrows(Untranslatable.class,
                () -> floats.laneExpr(Value.Scalar.of(CodeBlock.of("Foo.D"), FLOAT64), null));
        assertEquals("a double value inside a float kernel has no SIMD translation", e.getMessage());
    }

    @Test
    void booleansAndNumbersDoNotMix() {
        Value condition = new Value.Mask(new LaneExpr.Argument(0, true));
        assertEquals("a boolean where a number is needed has no SIMD translation",
                assertThrows(Untranslatable.class, () -> code.laneExpr(condition, null)).getMessage());
        assertEquals("a number where a condition is needed has no SIMD translation",
                assertThrows(Untranslatable.class, () -> code.mask(new Value.Lane(X), null)).getMessage());
        assertEquals("a condition that is the same for every element has no SIMD translation",
                assertThrows(Untranslatable.class,
                        () -> code.mask(Value.Scalar.of(CodeBlock.of("true"), BOOLEAN), null)).getMessage());
        assertEquals("a number where a boolean is needed has no SIMD translation",
                assertThrows(Untranslatable.class, () -> code.convert(new Value.Lane(X), BOOLEAN, null)).getMessage());
    }

    @Test
    void vectorsConvertOnlyToTheirOwnType() throws Untranslatable {
        assertEquals(new Value.Lane(X), code.convert(new Value.Lane(X), FLOAT64, null));
        assertEquals("a conversion from double to long has no SIMD translation",
                assertThrows(Untranslatable.class, () -> code.convert(new Value.Lane(X), INT64, null)).getMessage());
    }

    @Test
    void bitwiseOperationsNeedAnIntegerLaneType() throws Untranslatable {
        assertEquals("bitwise complement on double has no SIMD translation", assertThrows(Untranslatable.class,
                () -> code.requireIntegral(Tree.Kind.BITWISE_COMPLEMENT, null)).getMessage());
        new LaneCode(INT64, SourceLines.UNKNOWN).requireIntegral(Tree.Kind.XOR, null);
    }

    @Test
    void aNoteNamesTheLineWhereItIsKnown() {
        LaneCode placed = new LaneCode(FLOAT64, tree -> 12);
        Tree somewhere = (Tree) Proxy.newProxyInstance(Tree.class.getClassLoader(), new Class<?>[] {Tree.class},
                (proxy, method, arguments) -> null);
        assertEquals("a boolean where a number is needed at line 12 has no SIMD translation",
                assertThrows(Untranslatable.class, () -> placed.numeric(new Value.Mask(X), somewhere)).getMessage());
    }
}
