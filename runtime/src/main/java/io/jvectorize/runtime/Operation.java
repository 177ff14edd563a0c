package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import java.util.List;
import java.util.Objects;

/** An operator or built-in function applied elementwise, typed by NumPy's rules when built. */
final class Operation extends Expr {
    private final Operator op;
    private final List<Expr> operands;
    private final DType operandType;
    private final DType dtype;
    private final boolean weak;

    /**
     * {@code op} applied to {@code operands}: the literal it gives where they are all integer
     * literals ({@link LiteralArithmetic}), the operation otherwise.
     *
     * @throws IllegalArgumentException where the operand types do not fit the operator, saying what would
     */
    static Expr of(Operator op, List<Expr> operands) {
        if (operands.size() == op.arity()) {
            Literal folded = LiteralArithmetic.fold(op, operands);
            if (folded != null) {
                return folded;
            }
        }
        return new Operation(op, operands);
    }

    /** @throws IllegalArgumentException where the operand types do not fit the operator, saying what would */
    Operation(Operator op, List<Expr> operands) {
        super(operands);
        if (operands.size() != op.arity()) {
            throw new IllegalArgumentException(op.text() + " takes " + op.arity() + " operand"
                    + (op.arity() == 1 ? "" : "s") + ", not " + operands.size());
        }
        this.operands = List.copyOf(operands);
        List<Expr> values = op == Operator.WHERE ? this.operands.subList(1, 3) : this.operands;
        if (op == Operator.WHERE && operands.get(0).dtype() != DType.BOOLEAN) {
            throw new IllegalArgumentException("where(condition, a, b) needs a boolean condition, such as x > 0,"
                    + " not " + operands.get(0).dtype() + " " + operands.get(0));
        }
        DType promoted = Typing.promote(values, op.text());
        boolean computesInFloat64 = op.rule() == Operator.Rule.PROMOTE_FLOATING || op.rule() == Operator.Rule.FLOATING;
        Long tooLarge = promoted == DType.INT32 && !computesInFloat64 ? Typing.outsideInt32(values) : null;
        if (tooLarge != null) {
            if (op.rule() != Operator.Rule.COMPARE) {
                throw new IllegalArgumentException("integer " + tooLarge + " does not fit int32,"
                        + " the type it takes from the int32 values it meets in " + describe(op, operands)
                        + "; write it as a float, or give those values type int64");
            }
            // NumPy compares with a number out of range exactly: as int64.
            promoted = DType.INT64;
        }
        if (op.rule() == Operator.Rule.BITWISE && promoted.isFloating()) {
            throw new IllegalArgumentException(op.text() + " takes bool or integer operands, not " + promoted + " in "
                    + describe(op, operands) + (op == Operator.INVERT || op.rule() != Operator.Rule.BITWISE
                    || op == Operator.LEFT_SHIFT || op == Operator.RIGHT_SHIFT ? ""
                    : "; to combine conditions, compare first, as in (x > 0) " + op.text() + " (y < 1)"));
        }
        if (promoted == DType.BOOLEAN) {
            checkBooleans(op, operands);
        }
        DType type;
        switch (op.rule()) {
            case MAKE_COMPLEX:
                if (promoted.isComplex()) {
                    throw new IllegalArgumentException(describe(op, operands) + " takes real parts, not " + promoted);
                }
                this.operandType = DType.FLOAT64;
                type = DType.COMPLEX128;
                break;
            case PROMOTE_FLOATING:
                this.operandType = promoted.isFloating() || promoted.isComplex() ? promoted : DType.FLOAT64;
                type = operandType;
                break;
            case FLOATING:
                this.operandType = promoted == DType.FLOAT32 || promoted.isComplex() ? promoted : DType.FLOAT64;
                type = operandType;
                break;
            case COMPARE:
            case PREDICATE:
                this.operandType = promoted;
                type = DType.BOOLEAN;
                break;
            default:
                this.operandType = promoted;
                type = promoted;
        }
        if (operandType.isComplex() && op.rule() != Operator.Rule.MAKE_COMPLEX) {
            this.dtype = op.complexResultType(operandType, describe(op, operands));
        } else {
            this.dtype = type;
        }
        boolean nextAfter = op == Operator.NEXTAFTER || op == Operator.NEXTAFTER_FLOAT32;
        this.op = !nextAfter ? op : operandType == DType.FLOAT32 ? Operator.NEXTAFTER_FLOAT32 : Operator.NEXTAFTER;
        // A function of written numbers is a NumPy value, not a Python number: cos(3) is float64.
        // complex(re, im) of written numbers is Python's complex number, as 2j is: weak.
        this.weak = op.rule() != Operator.Rule.COMPARE && (!op.isFunction() || op == Operator.COMPLEX)
                && allWeak(this.operands);
    }

    /** Whether every operand is weak; a loop, not a stream, whose lambda a fresh JVM would link on its first parse (#18). */
    private static boolean allWeak(List<Expr> operands) {
        for (Expr operand : operands) {
            if (!operand.isWeak()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses what NumPy refuses on bool operands, or computes in a type expressions do not
     * have, saying what to write instead. Arithmetic on bools with numbers is fine: True is 1.
     */
    private static void checkBooleans(Operator op, List<Expr> operands) {
        if (op.rule() == Operator.Rule.PROMOTE_FLOATING || op.computesOnBooleans()) {
            return; // bool / bool is float64; + * min max abs & | ^ ~ have bool forms, comparisons and where too
        }
        String text = describe(op, operands);
        String numbers = "; make numbers of them first, as in where(c, 1, 0)";
        if (op == Operator.SUB) {
            throw new IllegalArgumentException("- of two bools is not defined (as in NumPy) in " + text
                    + "; use ^ for exclusive or" + numbers);
        }
        if (op == Operator.NEG) {
            throw new IllegalArgumentException("- of a bool is not defined (as in NumPy) in " + text + "; use ~ for not"
                    + numbers);
        }
        if (op.rule() == Operator.Rule.FLOATING || op == Operator.ROUND) {
            throw new IllegalArgumentException(op.text() + " of bool gives float16 in NumPy, a type expressions do not"
                    + " have, in " + text + "; make float64 of them first, as in where(c, 1.0, 0.0)");
        }
        if (op == Operator.SIGN || op == Operator.CLIP) {
            throw new IllegalArgumentException(op.text() + " of bool is not defined (as in NumPy) in " + text + numbers);
        }
        if (op == Operator.REAL || op == Operator.IMAG) {
            throw new IllegalArgumentException(op.text() + " of a bool is not defined here (NumPy gives the bool"
                    + (op == Operator.REAL ? " itself" : "'s imaginary False") + ") in " + text + "; .real and .imag are"
                    + " for complex values: write " + (op == Operator.REAL ? "the bool itself, or where(c, 1, 0)" : "False"));
        }
        throw new IllegalArgumentException(op.text() + (op.arity() == 1 ? " of a bool" : " of two bools")
                + " gives int8 in NumPy, a type expressions do not have, in " + text + numbers);
    }

    /** The operation as text, before it is built: operands that are operations in parentheses. */
    private static String describe(Operator op, List<Expr> operands) {
        List<String> texts = operands.stream()
                .map(operand -> operand instanceof Operation ? "(" + operand + ")" : operand.toString())
                .toList();
        if (op.isFunction()) {
            return op.text() + "(" + String.join(", ", texts) + ")";
        }
        return texts.size() == 1 ? op.text() + texts.get(0) : texts.get(0) + " " + op.text() + " " + texts.get(1);
    }

    Operator op() {
        return op;
    }

    List<Expr> operands() {
        return operands;
    }

    /**
     * The type operand {@code index} is converted to before the operator applies: the promoted
     * type (float64 for integers under true division and math functions), boolean for the
     * condition of {@code where}.
     */
    DType operandType(int index) {
        return op == Operator.WHERE && index == 0 ? DType.BOOLEAN : operandType;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    boolean isWeak() {
        return weak;
    }


    @Override
    public boolean equals(Object other) {
        return other instanceof Operation that && op == that.op && operands.equals(that.operands);
    }

    @Override
    int structuralHash() {
        return Objects.hash(op, operands);
    }
}
