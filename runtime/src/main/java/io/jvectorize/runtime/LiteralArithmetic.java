package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import java.math.BigInteger;
import java.util.List;

/**
 * Arithmetic on integer literals alone, done when the expression is built, exactly, as Python
 * does it: {@code 2**40} is the literal 1099511627776 and {@code 2**-1} is 0.5. Left to the
 * engines, it would run in int64 and wrap around: {@code x * 2**64} would multiply by 0. A
 * result that int64 cannot hold is an error that names it instead.
 */
final class LiteralArithmetic {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private LiteralArithmetic() {}

    /**
     * The literal {@code op} gives on {@code operands}, or null where they are not all weak
     * integer literals, or {@code op} is not one of {@code + - * / // % ** & | ^ ~ << >>} or unary minus
     * (functions of numbers are NumPy values, computed when the expression runs, as in NumPy).
     * Unary minus also folds into a float literal.
     *
     * @throws IllegalArgumentException where the exact result is outside int64, or divides by zero
     */
    static Literal fold(Operator op, List<Expr> operands) {
        if (op == Operator.NEG && operands.get(0) instanceof Literal literal && literal.isWeak()
                && literal.dtype() == DType.FLOAT64) {
            // Exact, and what the text says: -(5.0) is -5.0.
            return Literal.of(-literal.doubleValue(), true);
        }
        long[] values = new long[operands.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(operands.get(i) instanceof Literal literal && literal.isWeak() && literal.dtype() == DType.INT64)) {
                return null;
            }
            values[i] = literal.longValue();
        }
        BigInteger a = BigInteger.valueOf(values[0]);
        switch (op) {
            case NEG:
                return exact(a.negate(), op, operands);
            case ADD:
                return exact(a.add(BigInteger.valueOf(values[1])), op, operands);
            case SUB:
                return exact(a.subtract(BigInteger.valueOf(values[1])), op, operands);
            case MUL:
                return exact(a.multiply(BigInteger.valueOf(values[1])), op, operands);
            case DIV:
                return Literal.of(quotient(values[0], values[1], op, operands), true);
            case MOD:
                if (values[1] == 0) {
                    throw new IllegalArgumentException("integer modulo by zero in " + text(op, operands));
                }
                return Literal.of(Math.floorMod(values[0], values[1]), true);
            case POW:
                return power(values[0], values[1], op, operands);
            case FLOOR_DIVIDE:
                if (values[1] == 0) {
                    throw new IllegalArgumentException("integer floor division by zero in " + text(op, operands));
                }
                return exact(BigInteger.valueOf(Math.floorDiv(values[0], values[1])).add(
                        values[0] == Long.MIN_VALUE && values[1] == -1 ? TWO_TO_64 : BigInteger.ZERO), op, operands);
            case LEFT_SHIFT:
            case RIGHT_SHIFT:
                if (values[1] < 0) {
                    throw new IllegalArgumentException("negative shift count in " + text(op, operands));
                }
                if (op == Operator.RIGHT_SHIFT) {
                    return Literal.of(values[0] >> Math.min(values[1], Long.SIZE - 1), true);
                }
                if (values[0] != 0 && values[1] >= Long.SIZE) {
                    throw outOfRange(op, operands, "at least 2^" + values[1] + " in magnitude");
                }
                return exact(a.shiftLeft((int) Math.min(values[1], Long.SIZE)), op, operands);            case AND:
                return Literal.of(values[0] & values[1], true);
            case OR:
                return Literal.of(values[0] | values[1], true);
            case XOR:
                return Literal.of(values[0] ^ values[1], true);
            case INVERT:
                return Literal.of(~values[0], true);
            default:
                return null;
        }
    }

    /** Python's true division of integers: the quotient rounded once, to the nearest double. */
    private static double quotient(long dividend, long divisor, Operator op, List<Expr> operands) {
        if (divisor == 0) {
            throw new IllegalArgumentException("division by zero in " + text(op, operands));
        }
        BigInteger n = BigInteger.valueOf(dividend).abs();
        BigInteger d = BigInteger.valueOf(divisor).abs();
        // Scale to a quotient of 55 or 56 bits, so that a remainder only sets a bit below rounding.
        int shift = 55 - (n.bitLength() - d.bitLength());
        BigInteger[] qr = shift >= 0 ? n.shiftLeft(shift).divideAndRemainder(d)
                : n.divideAndRemainder(d.shiftLeft(-shift));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0) {
            q = q.shiftLeft(1).setBit(0);
            shift++;
        }
        double magnitude = Math.scalb(q.doubleValue(), -shift);
        return (dividend < 0) != (divisor < 0) ? -magnitude : magnitude;
    }

    /** Python's {@code int ** int}: exact for a non-negative exponent, a float otherwise. */
    private static Literal power(long base, long exponent, Operator op, List<Expr> operands) {
        if (exponent < 0) {
            if (base == 0) {
                throw new IllegalArgumentException("0 cannot be raised to a negative power, in " + text(op, operands));
            }
            return Literal.of(Math.pow(base, exponent), true);
        }
        if (base >= -1 && base <= 1) {
            boolean odd = (exponent & 1) == 1;
            return Literal.of(exponent == 0 ? 1 : base == -1 && !odd ? 1 : base, true);
        }
        if (exponent >= Long.SIZE) {
            throw outOfRange(op, operands, "at least 2^64 in magnitude");
        }
        return exact(BigInteger.valueOf(base).pow((int) exponent), op, operands);
    }

    private static Literal exact(BigInteger value, Operator op, List<Expr> operands) {
        if (value.bitLength() >= Long.SIZE) {
            boolean huge = value.bitLength() > 2 * Long.SIZE;
            throw outOfRange(op, operands,
                    huge ? "at least 2^" + (value.bitLength() - 1) + " in magnitude" : value.toString());
        }
        return Literal.of(value.longValueExact(), true);
    }

    private static IllegalArgumentException outOfRange(Operator op, List<Expr> operands, String value) {
        return new IllegalArgumentException(text(op, operands) + " is " + value + ", outside the range of int64;"
                + " write a number in it as a float (2.0 rather than 2) to compute it in float64");
    }

    private static String text(Operator op, List<Expr> operands) {
        return new Operation(op, operands).toString();
    }
}
