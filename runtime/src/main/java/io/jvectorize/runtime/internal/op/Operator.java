package io.jvectorize.runtime.internal.op;

import static io.jvectorize.runtime.internal.op.Lane.arithmetic;
import static io.jvectorize.runtime.internal.op.Lane.blend;
import static io.jvectorize.runtime.internal.op.Lane.comparison;
import static io.jvectorize.runtime.internal.op.Lane.floating;
import static io.jvectorize.runtime.internal.op.Lane.mathFunction;
import static io.jvectorize.runtime.internal.op.Lane.method;
import static io.jvectorize.runtime.internal.op.Scalar.bitwise;
import static io.jvectorize.runtime.internal.op.Scalar.choose;
import static io.jvectorize.runtime.internal.op.Scalar.compare;
import static io.jvectorize.runtime.internal.op.Scalar.onDoubles;
import static io.jvectorize.runtime.internal.op.Scalar.onNumbers;

import io.jvectorize.runtime.VectorMath;
import java.util.List;
import java.util.Optional;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The elementwise operators and functions: the one place that says what each computes, as
 * numexpr's opcode table does. Each entry gives
 * <ul>
 *   <li>its text and arity, as the parser reads it and explain writes it;
 *   <li>its typing {@link Rule}, NumPy's;
 *   <li>its {@link Scalar scalar form}: what it computes on one element of each {@link Kind}
 *       (double for float64 and float32, long for int64 and int32, boolean for bool). The
 *       block engines run loops generated from it, C2 compiling them as if written by hand;
 *       the planner computes constants with it; it is the reference;
 *   <li>its {@link Lane lane form}, where it has one: what it computes on a vector of lanes
 *       with the Vector API, which the Vector API block kernels and the generated loops are
 *       written from. It must give what the scalar form gives, bit for bit, but for the math
 *       functions ({@link Lane#vectorMath}), which may differ within
 *       {@code Compute.VECTOR_MATH_ULPS}.
 * </ul>
 * A new operator is one more entry here, with its tests: the parser, typing, explain, the
 * reference, the block engine and the generated loops all take it from this table.
 */
public enum Operator {
    NEG("-", 1, Rule.SAME_NUMERIC, onNumbers(a -> -a, a -> -a), arithmetic("NEG")),
    ADD("+", 2, Rule.PROMOTE_NUMERIC, onNumbers((a, b) -> a + b, (a, b) -> a + b), arithmetic("ADD")),
    SUB("-", 2, Rule.PROMOTE_NUMERIC, onNumbers((a, b) -> a - b, (a, b) -> a - b), arithmetic("SUB")),
    MUL("*", 2, Rule.PROMOTE_NUMERIC, onNumbers((a, b) -> a * b, (a, b) -> a * b), arithmetic("MUL")),
    /** True division: integers give float64, as in NumPy. */
    DIV("/", 2, Rule.PROMOTE_FLOATING, onDoubles((a, b) -> a / b), floating("DIV")),
    /** Python's and NumPy's modulo: the result has the sign of the divisor; an integer {@code % 0} throws. */
    MOD("%", 2, Rule.PROMOTE_NUMERIC, onNumbers(Semantics::mod, Semantics::mod).throwing(), null),
    /** {@code a ** 2} is {@code a * a} exactly, as NumPy squares; integer powers are exact and wrap. */
    POW("**", 2, Rule.PROMOTE_NUMERIC, onNumbers(Semantics::pow, Semantics::pow).throwing(),
            method("pow").libraryMath().whereRoutinePays(Lane.Routine.POW).blocksOnly()),
    LT("<", 2, Rule.COMPARE, compare((a, b) -> a < b, (a, b) -> a < b, (a, b) -> !a & b), comparison("LT")),
    LE("<=", 2, Rule.COMPARE, compare((a, b) -> a <= b, (a, b) -> a <= b, (a, b) -> !a | b), comparison("LE")),
    GT(">", 2, Rule.COMPARE, compare((a, b) -> a > b, (a, b) -> a > b, (a, b) -> a & !b), comparison("GT")),
    GE(">=", 2, Rule.COMPARE, compare((a, b) -> a >= b, (a, b) -> a >= b, (a, b) -> a | !b), comparison("GE")),
    EQ("==", 2, Rule.COMPARE, compare((a, b) -> a == b, (a, b) -> a == b, (a, b) -> a == b), comparison("EQ")),
    /** True where either is NaN, as Java's {@code !=}. */
    NE("!=", 2, Rule.COMPARE, compare((a, b) -> a != b, (a, b) -> a != b, (a, b) -> a != b), comparison("NE")),
    /** {@code where(condition, a, b)}: a where the condition holds, b elsewhere. */
    WHERE("where", 3, Rule.WHERE, choose((c, a, b) -> c ? a : b, (c, a, b) -> c ? a : b, (c, a, b) -> c ? a : b),
            blend()),
    ABS("abs", 1, Rule.SAME_NUMERIC, onNumbers(Math::abs, Math::abs), method("abs")),
    SQRT("sqrt", 1, Rule.FLOATING, onDoubles(Math::sqrt), floating("SQRT")),
    EXP("exp", 1, Rule.FLOATING, onDoubles(Math::exp), mathFunction("EXP")),
    EXPM1("expm1", 1, Rule.FLOATING, onDoubles(Math::expm1), mathFunction("EXPM1")),
    LOG("log", 1, Rule.FLOATING, onDoubles(Math::log), mathFunction("LOG")),
    LOG10("log10", 1, Rule.FLOATING, onDoubles(Math::log10), mathFunction("LOG10")),
    LOG1P("log1p", 1, Rule.FLOATING, onDoubles(Math::log1p), mathFunction("LOG1P")),
    SIN("sin", 1, Rule.FLOATING, onDoubles(Math::sin), mathFunction("SIN")),
    COS("cos", 1, Rule.FLOATING, onDoubles(Math::cos), mathFunction("COS")),
    TAN("tan", 1, Rule.FLOATING, onDoubles(Math::tan), mathFunction("TAN")),
    ASIN("asin", 1, Rule.FLOATING, onDoubles(Math::asin), mathFunction("ASIN")),
    ACOS("acos", 1, Rule.FLOATING, onDoubles(Math::acos), mathFunction("ACOS")),
    ATAN("atan", 1, Rule.FLOATING, onDoubles(Math::atan), mathFunction("ATAN")),
    SINH("sinh", 1, Rule.FLOATING, onDoubles(Math::sinh), mathFunction("SINH")),
    COSH("cosh", 1, Rule.FLOATING, onDoubles(Math::cosh), mathFunction("COSH")),
    TANH("tanh", 1, Rule.FLOATING, onDoubles(Math::tanh), mathFunction("TANH").whereRoutinePays(Lane.Routine.TANH)),
    ATAN2("atan2", 2, Rule.FLOATING, onDoubles(Math::atan2), mathFunction("ATAN2")),
    HYPOT("hypot", 2, Rule.FLOATING, onDoubles(Math::hypot), mathFunction("HYPOT")),
    /** Elementwise minimum; NaN if either is NaN, as NumPy's minimum. */
    MINIMUM("min", 2, Rule.PROMOTE_NUMERIC, onNumbers(Math::min, Math::min), arithmetic("MIN")),
    /** Elementwise maximum; NaN if either is NaN, as NumPy's maximum. */
    MAXIMUM("max", 2, Rule.PROMOTE_NUMERIC, onNumbers(Math::max, Math::max), arithmetic("MAX")),
    /** Logical and of booleans, bitwise and of integers (NumPy's {@code bitwise_and}). */
    AND("&", 2, Rule.BITWISE, bitwise((a, b) -> a & b, (a, b) -> a & b), Lane.bitwise("AND", "maskAnd")),
    /** Logical or of booleans, bitwise or of integers. */
    OR("|", 2, Rule.BITWISE, bitwise((a, b) -> a | b, (a, b) -> a | b), Lane.bitwise("OR", "maskOr")),
    /** Logical exclusive or of booleans, bitwise of integers. */
    XOR("^", 2, Rule.BITWISE, bitwise((a, b) -> a ^ b, (a, b) -> a ^ b), Lane.bitwise("XOR", "maskXor")),
    /** Logical not of booleans, bitwise complement of integers ({@code ~x == -x - 1}), NumPy's {@code invert}. */
    INVERT("~", 1, Rule.BITWISE, bitwise(a -> ~a, a -> !a), Lane.bitwise("NOT", "maskNot")),

    // Complex numbers: the scalar forms here are those of real operands; complex ones are
    // ComplexKernels', which also says which other operators take complex operands.

    /** {@code z.real}, NumPy's {@code real(z)}: the real part, float64 for complex; a real value itself. */
    REAL("real", 1, Rule.SAME_NUMERIC, onNumbers(a -> a, a -> a), null),
    /** {@code z.imag}, NumPy's {@code imag(z)}: the imaginary part, float64 for complex; 0 of a real value's type. */
    IMAG("imag", 1, Rule.SAME_NUMERIC, onNumbers(a -> 0.0, a -> 0L), null),
    /** The complex conjugate; a real value itself, as NumPy's {@code conj}. */
    CONJ("conj", 1, Rule.SAME_NUMERIC, onNumbers(a -> a, a -> a), null),
    /** {@code complex(re, im)}, numexpr's: complex128 from two real values (computed by ComplexKernels). */
    COMPLEX("complex", 2, Rule.MAKE_COMPLEX, Scalar.none(), null),

    // The planner's: what it lowers a power by a literal exponent to. No text reads as them.

    /** {@code a ** 2}: a multiplication, exactly what {@link #POW} gives for an exponent of 2. */
    SQUARE("** 2", 1, Rule.SAME_NUMERIC, onNumbers(a -> a * a, a -> a * a), method("square")),
    /** {@code a ** 0.5}: {@link #POW}'s value, on the vector library as a square root (see {@link Lanes#powHalf}). */
    POW_HALF("** 0.5", 1, Rule.FLOATING, onDoubles(a -> Math.pow(a, 0.5)),
            method("powHalf").libraryMath().whereRoutinePays(Lane.Routine.POW).blocksOnly());

    /** How an operator's result type follows from its operands' types. */
    public enum Rule {
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
        WHERE,
        /** The operands' promoted type, which must be bool or an integer: floats are an error, as in NumPy. */
        BITWISE,
        /** complex128 from real operands, computed as float64. */
        MAKE_COMPLEX
    }

    private final String text;
    private final int arity;
    private final Rule rule;
    private final Scalar scalar;
    private final Lane lane;

    Operator(String text, int arity, Rule rule, Scalar scalar, Lane lane) {
        this.text = text;
        this.arity = arity;
        this.rule = rule;
        this.scalar = scalar;
        this.lane = lane;
    }

    /** The symbol ({@code +}) or function name ({@code sqrt}). */
    public String text() {
        return text;
    }

    public int arity() {
        return arity;
    }

    public Rule rule() {
        return rule;
    }

    /** What it computes on one element. */
    public Scalar scalar() {
        return scalar;
    }

    /** What it computes on a vector of lanes; empty where only the scalar form computes it. */
    public Optional<Lane> lane() {
        return Optional.ofNullable(lane);
    }

    /**
     * Its type for complex128 operands ({@link ComplexKernels} computes those).
     *
     * @param operation the operation as written, for the error
     * @throws IllegalArgumentException where it is not defined for complex numbers, saying why
     */
    public io.jvectorize.runtime.DType complexResultType(String operation) {
        return ComplexKernels.resultType(this, operation);
    }

    /** The kind of operands its scalar form takes, for operands of these types: the branches' for {@code where}. */
    public Kind operandKind(List<io.jvectorize.runtime.DType> operandTypes) {
        return Kind.of(operandTypes.get(this == WHERE ? 1 : 0));
    }

    /** Whether the planner lowers to it: no text reads as it. */
    public boolean isLowered() {
        return this == SQUARE || this == POW_HALF;
    }

    /** Whether it is written as a function call, {@code name(args)}, rather than with a symbol. */
    public boolean isFunction() {
        return !isLowered() && Character.isLetter(text.charAt(0));
    }

    /** The operator applied to operands written as {@code operands}, as explain shows it: {@code t0 + 1}, {@code exp(t1)}. */
    public String format(List<String> operands) {
        if (isFunction()) {
            return text + "(" + String.join(", ", operands) + ")";
        }
        if (arity == 1 && !isLowered()) {
            return text + operands.get(0);
        }
        // -3 ** x would read as -(3 ** x).
        String left = (this == POW || isLowered()) && operands.get(0).startsWith("-")
                ? "(" + operands.get(0) + ")" : operands.get(0);
        return isLowered() ? left + " " + text : left + " " + text + " " + operands.get(1);
    }

    /** The function of this name and arity, if any: {@code min} with two arguments is {@link #MINIMUM}. */
    public static Optional<Operator> function(String name, int arity) {
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
    public static boolean isFunctionName(String name) {
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

    /** The scalar forms that are more than one Java operator. */
    static final class Semantics {
        /** NumPy's words for a negative integer exponent. */
        static final String NEGATIVE_POWER = "integers to negative integer powers are not allowed";
        /** Where NumPy returns 0 with a warning, an error is clearer. */
        static final String MODULO_BY_ZERO = "integer modulo by zero";

        private Semantics() {}

        /** NumPy's {@code remainder}: fmod, moved onto the divisor's side; a zero takes the divisor's sign. */
        static double mod(double a, double b) {
            double r = a % b;
            if (r == 0) {
                return Math.copySign(0.0, b);
            }
            return (r < 0) != (b < 0) ? r + b : r;
        }

        /** Python's integer modulo: the result has the divisor's sign. */
        static long mod(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException(MODULO_BY_ZERO);
            }
            return Math.floorMod(a, b);
        }

        /** {@code a ** 2} is {@code a * a} exactly, as NumPy squares; everything else is {@link Math#pow}. */
        static double pow(double a, double b) {
            return b == 2.0 ? a * a : Math.pow(a, b);
        }

        /** Exact integer power by squaring, wrapping around as C's (and NumPy's) integers do. */
        static long pow(long base, long exponent) {
            if (exponent < 0) {
                throw new ArithmeticException(NEGATIVE_POWER);
            }
            long result = 1;
            long b = base;
            for (long e = exponent; e != 0; e >>>= 1) {
                if ((e & 1) != 0) {
                    result *= b;
                }
                b *= b;
            }
            return result;
        }
    }

    /**
     * The lane forms that are more than one Vector API operator ({@link Lane#method}), one
     * overload per vector type the form has. Loaded only where the Vector API is present:
     * nothing outside generated code refers to this class.
     */
    public static final class Lanes {
        private Lanes() {}

        public static DoubleVector abs(DoubleVector a) {
            return a.lanewise(VectorOperators.ABS);
        }

        public static FloatVector abs(FloatVector a) {
            return a.lanewise(VectorOperators.ABS);
        }

        /**
         * {@link Math#abs}, {@code Long.MIN_VALUE} staying itself, as the larger of {@code a} and
         * {@code -a}: below AVX-512 the Vector API's {@code ABS} of longs falls back to code 30
         * times slower (JDK 17 and 25, AVX2), its {@code MAX} does not.
         */
        public static LongVector abs(LongVector a) {
            return a.lanewise(VectorOperators.MAX, a.neg());
        }

        public static IntVector abs(IntVector a) {
            return a.lanewise(VectorOperators.ABS);
        }

        public static DoubleVector square(DoubleVector a) {
            return a.mul(a);
        }

        public static FloatVector square(FloatVector a) {
            return a.mul(a);
        }

        public static LongVector square(LongVector a) {
            return a.mul(a);
        }

        public static IntVector square(IntVector a) {
            return a.mul(a);
        }

        public static <E> VectorMask<E> maskAnd(VectorMask<E> a, VectorMask<E> b) {
            return a.and(b);
        }

        public static <E> VectorMask<E> maskOr(VectorMask<E> a, VectorMask<E> b) {
            return a.or(b);
        }

        /** JDK 17's masks have no xor: true where they differ. */
        public static <E> VectorMask<E> maskXor(VectorMask<E> a, VectorMask<E> b) {
            return a.eq(b).not();
        }

        public static <E> VectorMask<E> maskNot(VectorMask<E> a) {
            return a.not();
        }

        /** {@link Semantics#pow}: a square where {@code b} is 2, exactly; else {@link VectorMath#pow}. */
        public static DoubleVector pow(DoubleVector a, DoubleVector b) {
            return VectorMath.pow(a, b).blend(a.mul(a), b.compare(VectorOperators.EQ, 2.0));
        }

        /**
         * {@code a ** 0.5} as Math.pow's rules give it: the square root, but +0.0 for -0.0 and
         * +Infinity for -Infinity; as HotSpot computes it, and three times faster than pow.
         */
        public static DoubleVector powHalf(DoubleVector a) {
            return a.lanewise(VectorOperators.SQRT).add(0.0)
                    .blend(Double.POSITIVE_INFINITY, a.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY));
        }
    }
}
