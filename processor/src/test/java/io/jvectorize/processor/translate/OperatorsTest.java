package io.jvectorize.processor.translate;

import static io.jvectorize.spec.NumericType.BOOLEAN;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT16;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.processor.model.LaneProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java's operators on translated values, without javac. */
class OperatorsTest {
    private static final LaneExpr X = new LaneExpr.Argument(0, false);
    private static final LaneExpr Y = new LaneExpr.Argument(1, false);
    private static final ClassName MATH = ClassName.get(Math.class);

    private final LaneCode doubles = new LaneCode(FLOAT64, SourceLines.UNKNOWN);
    private final Operators onDoubles = new Operators(doubles, SourceLines.UNKNOWN, false);
    private final LaneCode ints = new LaneCode(INT32, SourceLines.UNKNOWN);
    private final Operators onInts = new Operators(ints, SourceLines.UNKNOWN, false);

    @Test
    void arithmeticOnVectorsIsLanewiseWithConstantsInTheLaneType() throws Untranslatable {
        Value product = onDoubles.binary(Tree.Kind.MULTIPLY, new Value.Lane(X), Value.Scalar.literal(5, INT32), false, null);
        assertEquals(new Value.Lane(new LaneExpr.Operation(LaneOp.MUL, List.of(X,
                new LaneExpr.Constant(CodeBlock.of("5.0"))))), product);
    }

    @Test
    void arithmeticOnScalarsIsJavaSourceInThePromotedType() throws Untranslatable {
        Value sum = onDoubles.binary(Tree.Kind.PLUS, Value.Scalar.of(CodeBlock.of("Foo.A"), INT32),
                Value.Scalar.literal(2L, INT64), false, null);
        assertEquals(Value.Scalar.of(CodeBlock.of("(Foo.A + 2L)"), INT64), sum);
        assertEquals(Value.Scalar.literal(-3, INT32),
                onDoubles.unary(Tree.Kind.UNARY_MINUS, Value.Scalar.literal((short) 3, INT16),
                        null), "a negated short literal is an int literal");
    }

    @Test
    void aScalarOnTheLeftOfAComparisonIsMirrored() throws Untranslatable {
        Value less = onDoubles.binary(Tree.Kind.LESS_THAN, Value.Scalar.literal(1.0, FLOAT64), new Value.Lane(X), false, null);
        assertEquals(new Value.Mask(new LaneExpr.Comparison("GT", X, new LaneExpr.Constant(CodeBlock.of("1.0")))), less);
    }

    @Test
    void integerDivisionChecksItsDivisorAndRemainderIsBuiltFromIt() throws Untranslatable {
        Value quotient = onInts.binary(Tree.Kind.DIVIDE, new Value.Lane(X), new Value.Lane(Y), false, null);
        LaneExpr divisor = new LaneExpr.Local("divisor", false);
        assertEquals(new Value.Lane(new LaneExpr.Operation(LaneOp.DIV, List.of(X, divisor))), quotient);
        Value remainder = onInts.binary(Tree.Kind.REMAINDER, new Value.Lane(X), new Value.Lane(Y), false, null);
        LaneExpr divisor2 = new LaneExpr.Local("divisor2", false);
        assertEquals(new Value.Lane(new LaneExpr.Operation(LaneOp.SUB, List.of(X, new LaneExpr.Operation(LaneOp.MUL,
                List.of(new LaneExpr.Operation(LaneOp.DIV, List.of(X, divisor2)), divisor2))))), remainder);
        assertEquals(List.of(true, true), ints.program(X).lets().stream().map(LaneProgram.Let::divisor).toList());
    }

    @Test
    void integerDivisionInsideABranchHasNoTranslation() {
        assertEquals("integer division inside a conditional branch has no SIMD translation",
                assertThrows(Untranslatable.class, () -> onInts.binary(Tree.Kind.DIVIDE, new Value.Lane(X),
                        new Value.Lane(Y), true, null)).getMessage());
        assertEquals("integer division inside a conditional branch has no SIMD translation",
                assertThrows(Untranslatable.class, () -> onInts.binary(Tree.Kind.REMAINDER,
                        Value.Scalar.literal(7, INT32), Value.Scalar.literal(2, INT32), true, null)).getMessage(),
                "a constant one too: the branch could be the one that skips it");
    }

    @Test
    void floatingRemainderAndBitwiseOperationsOnDoublesHaveNoTranslation() {
        assertEquals("floating-point remainder % has no SIMD translation", assertThrows(Untranslatable.class,
                () -> onDoubles.binary(Tree.Kind.REMAINDER, new Value.Lane(X), new Value.Lane(Y), false, null)).getMessage());
        assertEquals("left shift on double has no SIMD translation", assertThrows(Untranslatable.class,
                () -> onDoubles.binary(Tree.Kind.LEFT_SHIFT, new Value.Lane(X), Value.Scalar.literal(1, INT32), false,
                        null)).getMessage());
    }

    @Test
    void anOperationInAWiderTypeThanTheLanesHasNoTranslation() {
        assertEquals("an operation in double inside a int kernel has no SIMD translation",
                assertThrows(Untranslatable.class, () -> onInts.binary(Tree.Kind.PLUS, new Value.Lane(X),
                        Value.Scalar.of(CodeBlock.of("Foo.D"), FLOAT64), false, null)).getMessage());
    }

    @Test
    void logicOnMasksAndOnScalarConditions() throws Untranslatable {
        LaneExpr c = new LaneExpr.Argument(2, true);
        assertEquals(new Value.Mask(new LaneExpr.Logic(LaneExpr.LogicOp.AND, List.of(c, c))),
                onDoubles.binary(Tree.Kind.AND, new Value.Mask(c), new Value.Mask(c), false, null));
        assertEquals(Value.Scalar.of(CodeBlock.of("(a || b)"), BOOLEAN), onDoubles.logic(Tree.Kind.CONDITIONAL_OR,
                Value.Scalar.of(CodeBlock.of("a"), BOOLEAN), Value.Scalar.of(CodeBlock.of("b"), BOOLEAN), null));
        assertEquals(new Value.Mask(new LaneExpr.Logic(LaneExpr.LogicOp.NOT, List.of(c))),
                onDoubles.unary(Tree.Kind.LOGICAL_COMPLEMENT, new Value.Mask(c), null));
    }

    @Test
    void castsOfVectorsAreToTheirOwnTypeOnly() throws Untranslatable {
        assertEquals(new Value.Lane(X), onDoubles.cast(FLOAT64, new Value.Lane(X), null));
        assertEquals("cast from double to int has no SIMD translation",
                assertThrows(Untranslatable.class, () -> onDoubles.cast(INT32, new Value.Lane(X), null)).getMessage());
        assertEquals(Value.Scalar.literal(3, INT32), onDoubles.cast(INT32, Value.Scalar.literal(3.9, FLOAT64), null));
    }

    @Test
    void mathFunctionsOfVectorsAreLanewiseAndOfScalarsStayCalls() throws Untranslatable {
        assertEquals(new Value.Lane(new LaneExpr.Operation(LaneOp.EXP, List.of(X))),
                onDoubles.math(MATH, "exp", LaneOp.EXP, List.of(new Value.Lane(X)), null));
        assertEquals(Value.Scalar.of(CodeBlock.of("$T.sqrt(2.0)", Math.class), FLOAT64),
                onDoubles.math(MATH, "sqrt", LaneOp.SQRT, List.of(Value.Scalar.literal(2.0, FLOAT64)), null));
        assertEquals(new Value.Lane(new LaneExpr.Operation(LaneOp.ABS, List.of(X))),
                onInts.math(MATH, "abs", LaneOp.ABS, List.of(new Value.Lane(X)), null), "abs(int) stays int");
        assertEquals("Math.exp in double inside a int kernel has no SIMD translation", assertThrows(Untranslatable.class,
                () -> onInts.math(MATH, "exp", LaneOp.EXP, List.of(new Value.Lane(X)), null)).getMessage());
    }

    @Test
    void exactOnlyRefusesMathFunctionsThatAreNotBitExact() throws Untranslatable {
        Operators exact = new Operators(doubles, SourceLines.UNKNOWN, true);
        assertEquals("Math.sin, whose vector routine is not bit-exact (-Ajvectorize.exactSimd=true), has no SIMD"
                + " translation", assertThrows(Untranslatable.class,
                        () -> exact.math(MATH, "sin", LaneOp.SIN, List.of(new Value.Lane(X)), null)).getMessage());
        exact.math(MATH, "sqrt", LaneOp.SQRT, List.of(new Value.Lane(X)), null);
    }
}
