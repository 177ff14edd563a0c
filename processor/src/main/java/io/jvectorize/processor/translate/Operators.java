package io.jvectorize.processor.translate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.spec.NumericType;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's operators, casts and Math functions on translated values: on scalars, Java source
 * computed once for every lane; on vectors, lanewise operations of the lane type, with Java's
 * promotion deciding the type, and only where the SIMD result is the scalar method's. The
 * trees passed along only place a NOTE on its line; they may be null.
 */
final class Operators {
    /** The processor option that keeps SIMD to operations whose results equal Java's bit for bit. */
    static final String EXACT_OPTION = "jvectorize.exactSimd";

    private final LaneCode code;
    private final SourceLines lines;
    private final boolean exactOnly;

    /** @param exactOnly whether to refuse Math functions whose vector routines are not bit-exact */
    Operators(LaneCode code, SourceLines lines, boolean exactOnly) {
        this.code = code;
        this.lines = lines;
        this.exactOnly = exactOnly;
    }

    /** {@code +x}, {@code -x}, {@code ~x} or {@code !x}. */
    Value unary(Tree.Kind kind, Value operand, Tree tree) throws Untranslatable {
        switch (kind) {
            case UNARY_PLUS:
                return operand instanceof Value.Scalar scalar ? scalar.promoted() : operand;
            case UNARY_MINUS:
                if (operand instanceof Value.Scalar scalar) {
                    NumericType type = JavaNumerics.promote(scalar.type());
                    return scalar.literal() != null
                            ? Value.Scalar.literal(JavaNumerics.negate(JavaNumerics.convert(scalar.literal(), type)), type)
                            : Value.Scalar.of(CodeBlock.of("-($L)", scalar.code()), type);
                }
                return code.lane(LaneOp.NEG, List.of(code.laneExpr(code.numeric(operand, tree), tree)));
            case BITWISE_COMPLEMENT:
                if (operand instanceof Value.Scalar scalar) {
                    return Value.Scalar.of(CodeBlock.of("~($L)", scalar.code()), JavaNumerics.promote(scalar.type()));
                }
                code.requireIntegral(kind, tree);
                return code.lane(LaneOp.NOT, List.of(code.laneExpr(code.numeric(operand, tree), tree)));
            case LOGICAL_COMPLEMENT:
                if (operand instanceof Value.Scalar scalar) {
                    return Value.Scalar.of(CodeBlock.of("!($L)", scalar.code()), NumericType.BOOLEAN);
                }
                return new Value.Mask(new LaneExpr.Logic(LaneExpr.LogicOp.NOT, List.of(code.mask(operand, tree))));
            default:
                throw new IllegalArgumentException(kind + " is no unary operator");
        }
    }

    /** {@code &&}, {@code ||}, and {@code &} or {@code |} on conditions. */
    Value logic(Tree.Kind kind, Value left, Value right, Tree tree) throws Untranslatable {
        boolean and = kind == Tree.Kind.CONDITIONAL_AND || kind == Tree.Kind.AND;
        if (left instanceof Value.Scalar l && right instanceof Value.Scalar r) {
            return Value.Scalar.of(CodeBlock.of("($L $L $L)", l.code(), JavaOperators.text(kind), r.code()),
                    NumericType.BOOLEAN);
        }
        return new Value.Mask(new LaneExpr.Logic(and ? LaneExpr.LogicOp.AND : LaneExpr.LogicOp.OR,
                List.of(code.mask(left, tree), code.mask(right, tree))));
    }

    /**
     * A binary operator.
     *
     * @param conditional whether it runs only where a branch was taken: SIMD would compute it on
     *     every lane, so an integer division there, which could throw, has no translation
     */
    Value binary(Tree.Kind kind, Value left, Value right, boolean conditional, Tree tree) throws Untranslatable {
        if ((kind == Tree.Kind.AND || kind == Tree.Kind.OR) && (left instanceof Value.Mask || right instanceof Value.Mask)) {
            return logic(kind, left, right, tree);
        }
        if (left instanceof Value.Scalar l && right instanceof Value.Scalar r) {
            NumericType type = JavaOperators.isComparison(kind) ? NumericType.BOOLEAN
                    : JavaOperators.isShift(kind) ? JavaNumerics.promote(l.type())
                    : JavaNumerics.promote(l.type(), r.type());
            if ((kind == Tree.Kind.DIVIDE || kind == Tree.Kind.REMAINDER)
                    && (type == NumericType.INT32 || type == NumericType.INT64)) {
                requireUnconditional(conditional, tree);
            }
            return Value.Scalar.of(CodeBlock.of("($L $L $L)", l.code(), JavaOperators.text(kind), r.code()), type);
        }
        NumericType laneType = code.laneType();
        NumericType type = JavaOperators.isShift(kind) ? JavaNumerics.promote(code.typeOf(left))
                : JavaNumerics.promote(code.typeOf(code.numeric(left, tree)), code.typeOf(code.numeric(right, tree)));
        if (type != laneType) {
            throw lines.untranslatable("an operation in " + type.javaName() + " inside a " + laneType.javaName()
                    + " kernel", tree);
        }
        if (JavaOperators.isComparison(kind)) {
            return comparison(kind, left, right, tree);
        }
        LaneExpr a = code.laneExpr(left, tree);
        LaneExpr b = code.laneExpr(right, tree);
        boolean integral = laneType == NumericType.INT32 || laneType == NumericType.INT64;
        switch (kind) {
            case PLUS: return code.lane(LaneOp.ADD, List.of(a, b));
            case MINUS: return code.lane(LaneOp.SUB, List.of(a, b));
            case MULTIPLY: return code.lane(LaneOp.MUL, List.of(a, b));
            case DIVIDE:
                if (integral) {
                    requireUnconditional(conditional, tree);
                    b = code.divisor(b);
                }
                return code.lane(LaneOp.DIV, List.of(a, b));
            case REMAINDER:
                if (!integral) {
                    throw lines.untranslatable("floating-point remainder %", tree);
                }
                requireUnconditional(conditional, tree);
                // Java's a % b is exactly a - (a / b) * b, overflow included.
                LaneExpr dividend = code.named("dividend", a);
                LaneExpr divisor = code.divisor(b);
                return code.lane(LaneOp.SUB, List.of(dividend,
                        new LaneExpr.Operation(LaneOp.MUL, List.of(new LaneExpr.Operation(LaneOp.DIV,
                                List.of(dividend, divisor)), divisor))));
            case LEFT_SHIFT: return integral(kind, LaneOp.LSHL, a, b, tree);
            case RIGHT_SHIFT: return integral(kind, LaneOp.ASHR, a, b, tree);
            case UNSIGNED_RIGHT_SHIFT: return integral(kind, LaneOp.LSHR, a, b, tree);
            case AND: return integral(kind, LaneOp.AND, a, b, tree);
            case OR: return integral(kind, LaneOp.OR, a, b, tree);
            case XOR: return integral(kind, LaneOp.XOR, a, b, tree);
            default: throw lines.untranslatable(JavaOperators.describe(kind), tree);
        }
    }

    private Value integral(Tree.Kind kind, LaneOp op, LaneExpr a, LaneExpr b, Tree tree) throws Untranslatable {
        code.requireIntegral(kind, tree);
        return code.lane(op, List.of(a, b));
    }

    private Value comparison(Tree.Kind kind, Value left, Value right, Tree tree) throws Untranslatable {
        String operator = JavaOperators.comparison(kind);
        if (left instanceof Value.Scalar && !(right instanceof Value.Scalar)) {
            // c < x is x > c: the vector stays on the left, the scalar on the right.
            return new Value.Mask(new LaneExpr.Comparison(JavaOperators.mirror(operator),
                    code.laneExpr(right, tree), code.laneExpr(left, tree)));
        }
        return new Value.Mask(new LaneExpr.Comparison(operator, code.laneExpr(left, tree), code.laneExpr(right, tree)));
    }

    /** {@code (type) value}: a scalar converts; a vector only to its own type. */
    Value cast(NumericType type, Value value, Tree tree) throws Untranslatable {
        if (value instanceof Value.Scalar scalar) {
            return scalar.as(type);
        }
        if (code.typeOf(value) != type) {
            throw lines.untranslatable("cast from " + code.typeOf(value).javaName() + " to " + type.javaName(), tree);
        }
        return value;
    }

    /** A Math or StrictMath function: a scalar where every argument is one, otherwise a lanewise operation. */
    Value math(ClassName math, String name, LaneOp op, List<Value> arguments, Tree tree) throws Untranslatable {
        if (arguments.size() != op.arity()) {
            throw lines.untranslatable("call to " + math.simpleName() + "." + name + " with " + arguments.size()
                    + " arguments", tree);
        }
        List<NumericType> argumentTypes = new ArrayList<>();
        for (Value argument : arguments) {
            argumentTypes.add(code.typeOf(code.numeric(argument, tree)));
        }
        NumericType type = MathFunctions.type(op, argumentTypes);
        if (arguments.stream().allMatch(argument -> argument instanceof Value.Scalar)) {
            CodeBlock.Builder call = CodeBlock.builder().add("$T.$L(", math, name);
            for (int i = 0; i < arguments.size(); i++) {
                call.add(i > 0 ? ", $L" : "$L", ((Value.Scalar) arguments.get(i)).code());
            }
            return Value.Scalar.of(call.add(")").build(), type);
        }
        if (type != code.laneType()) {
            throw lines.untranslatable(math.simpleName() + "." + name + " in " + type.javaName() + " inside a "
                    + code.laneType().javaName() + " kernel", tree);
        }
        if (exactOnly && !op.exact()) {
            throw lines.untranslatable(math.simpleName() + "." + name + ", whose vector routine is not bit-exact"
                    + " (-A" + EXACT_OPTION + "=true),", tree);
        }
        List<LaneExpr> operands = new ArrayList<>();
        for (Value argument : arguments) {
            operands.add(code.laneExpr(argument, tree));
        }
        return code.lane(op, operands);
    }

    private void requireUnconditional(boolean conditional, Tree tree) throws Untranslatable {
        if (conditional) {
            // SIMD computes both sides of a branch on every lane; the division could throw where the scalar code would not run it.
            throw lines.untranslatable("integer division inside a conditional branch", tree);
        }
    }
}
