package io.jvectorize.runtime;

import java.util.Optional;

/**
 * The elementwise operators and functions of expressions, with their text and their typing rule.
 * The text of a function is the name {@link Expr#parse} accepts for it.
 */
enum Operator {
    NEG("-", 1, Rule.SAME_NUMERIC),
    ADD("+", 2, Rule.PROMOTE_NUMERIC),
    SUB("-", 2, Rule.PROMOTE_NUMERIC),
    MUL("*", 2, Rule.PROMOTE_NUMERIC),
    /** True division: integers give float64, as in NumPy. */
    DIV("/", 2, Rule.PROMOTE_FLOATING),
    /** Python's and NumPy's modulo: the result has the sign of the divisor. */
    MOD("%", 2, Rule.PROMOTE_NUMERIC),
    POW("**", 2, Rule.PROMOTE_NUMERIC),
    LT("<", 2, Rule.COMPARE),
    LE("<=", 2, Rule.COMPARE),
    GT(">", 2, Rule.COMPARE),
    GE(">=", 2, Rule.COMPARE),
    EQ("==", 2, Rule.COMPARE),
    NE("!=", 2, Rule.COMPARE),
    /** {@code where(condition, a, b)}: a where the condition holds, b elsewhere. */
    WHERE("where", 3, Rule.WHERE),
    ABS("abs", 1, Rule.SAME_NUMERIC),
    SQRT("sqrt", 1, Rule.FLOATING),
    EXP("exp", 1, Rule.FLOATING),
    EXPM1("expm1", 1, Rule.FLOATING),
    LOG("log", 1, Rule.FLOATING),
    LOG10("log10", 1, Rule.FLOATING),
    LOG1P("log1p", 1, Rule.FLOATING),
    SIN("sin", 1, Rule.FLOATING),
    COS("cos", 1, Rule.FLOATING),
    TAN("tan", 1, Rule.FLOATING),
    ASIN("asin", 1, Rule.FLOATING),
    ACOS("acos", 1, Rule.FLOATING),
    ATAN("atan", 1, Rule.FLOATING),
    SINH("sinh", 1, Rule.FLOATING),
    COSH("cosh", 1, Rule.FLOATING),
    TANH("tanh", 1, Rule.FLOATING),
    ATAN2("atan2", 2, Rule.FLOATING),
    HYPOT("hypot", 2, Rule.FLOATING),
    /** Elementwise minimum; NaN if either is NaN, as NumPy's minimum. */
    MINIMUM("min", 2, Rule.PROMOTE_NUMERIC),
    /** Elementwise maximum; NaN if either is NaN, as NumPy's maximum. */
    MAXIMUM("max", 2, Rule.PROMOTE_NUMERIC);

    /** How an operator's result type follows from its operands' types. */
    enum Rule {
        /** The operand's numeric type. */
        SAME_NUMERIC,
        /** The operands' promoted numeric type. */
        PROMOTE_NUMERIC,
        /** The promoted type, or float64 where that is an integer. */
        PROMOTE_FLOATING,
        /** float32 stays float32; everything else computes in float64. */
        FLOATING,
        /** boolean, after promoting the operands to one type. */
        COMPARE,
        /** The promoted type of the last two operands; the first must be boolean. */
        WHERE
    }

    private final String text;
    private final int arity;
    private final Rule rule;

    Operator(String text, int arity, Rule rule) {
        this.text = text;
        this.arity = arity;
        this.rule = rule;
    }

    /** The symbol ({@code +}) or function name ({@code sqrt}). */
    String text() {
        return text;
    }

    int arity() {
        return arity;
    }

    Rule rule() {
        return rule;
    }

    /** Whether it is written as a function call, {@code name(args)}, rather than with a symbol. */
    boolean isFunction() {
        return Character.isLetter(text.charAt(0));
    }

    /** The function of this name and arity, if any: {@code min} with two arguments is {@link #MINIMUM}. */
    static Optional<Operator> function(String name, int arity) {
        if (name.equals("pow") && arity == 2) {
            return Optional.of(POW);
        }
        for (Operator op : values()) {
            if (op.isFunction() && op.text.equals(name) && op.arity == arity) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Whether some function has this name, whatever its arity. */
    static boolean isFunctionName(String name) {
        if (name.equals("pow")) {
            return true;
        }
        for (Operator op : values()) {
            if (op.isFunction() && op.text.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
