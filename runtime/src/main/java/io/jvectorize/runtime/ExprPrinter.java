package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes expressions as the infix text {@link ExprParser} reads, with Python's precedence and
 * only the parentheses it needs.
 */
final class ExprPrinter {
    /** Precedence levels, loosest first. */
    private static final int OR = 1;
    private static final int XOR = 2;
    private static final int AND = 3;
    private static final int COMPARISON = 4;
    private static final int SHIFT = 5;
    private static final int SUM = 6;
    private static final int PRODUCT = 7;
    private static final int UNARY = 8;
    private static final int POWER = 9;
    private static final int ATOM = 10;

    private ExprPrinter() {}

    static String print(Expr expr) {
        StringBuilder text = new StringBuilder();
        write(expr, text);
        return text.toString();
    }

    private static void write(Expr expr, StringBuilder text) {
        if (expr instanceof Symbol symbol) {
            text.append(symbol.name());
        } else if (expr instanceof Literal literal) {
            text.append(literalText(literal));
        } else if (expr instanceof Reduction reduction) {
            text.append(reduction.kind().text()).append('(');
            write(reduction.operand(), text);
            text.append(')');
        } else if (expr instanceof Call call) {
            writeCall(call.function().qualifiedName(), call.arguments(), text);
        } else {
            writeOperation((Operation) expr, text);
        }
    }

    private static void writeOperation(Operation operation, StringBuilder text) {
        Operator op = operation.op();
        List<Expr> operands = operation.operands();
        if (op.isFunction()) {
            writeCall(op.text(), operands, text);
        } else if (op.arity() == 1) {
            text.append(op.text());
            // A literal in parentheses: bare "-5" reads back as the literal -5, not as -(5).
            Expr operand = operands.get(0);
            writeOperand(operand, text, operand instanceof Literal || precedence(operand) < UNARY);
        } else {
            int own = precedence(operation);
            Expr left = operands.get(0);
            Expr right = operands.get(1);
            if (op == Operator.POW) {
                // Right-associative, and its exponent may be a unary minus: 2 ** -x.
                writeOperand(left, text, precedence(left) <= POWER);
                text.append(" ** ");
                writeOperand(right, text, precedence(right) < UNARY);
            } else {
                writeOperand(left, text, precedence(left) < own || own == COMPARISON && precedence(left) == COMPARISON);
                text.append(' ').append(op.text()).append(' ');
                writeOperand(right, text, precedence(right) <= own);
            }
        }
    }

    private static void writeOperand(Expr operand, StringBuilder text, boolean parenthesize) {
        if (parenthesize) {
            text.append('(');
        }
        write(operand, text);
        if (parenthesize) {
            text.append(')');
        }
    }

    private static void writeCall(String name, List<Expr> arguments, StringBuilder text) {
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        for (Expr argument : arguments) {
            joiner.add(print(argument));
        }
        text.append(joiner);
    }

    private static int precedence(Expr expr) {
        if (expr instanceof Literal literal) {
            return literalText(literal).startsWith("-") ? UNARY : ATOM;
        }
        if (!(expr instanceof Operation operation) || operation.op().isFunction()) {
            return ATOM;
        }
        switch (operation.op()) {
            case NEG: case INVERT: return UNARY;
            case POW: return POWER;
            case MUL: case DIV: case MOD: case FLOOR_DIVIDE: return PRODUCT;
            case LEFT_SHIFT: case RIGHT_SHIFT: return SHIFT;
            case ADD: case SUB: return SUM;
            case AND: return AND;
            case XOR: return XOR;
            case OR: return OR;
            default: return COMPARISON;
        }
    }

    /** Integers without a point; floats always with one (or an exponent), so that they read back as floats. */
    static String literalText(Literal literal) {
        if (literal.dtype() == DType.BOOLEAN) {
            return literal.longValue() != 0 ? "True" : "False";
        }
        if (literal.dtype() == DType.INT64) {
            return Long.toString(literal.longValue());
        }
        double value = literal.doubleValue();
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }
}
