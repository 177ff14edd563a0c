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
import static io.jvectorize.runtime.internal.op.Scalar.onAll;
import static io.jvectorize.runtime.internal.op.Scalar.onLongs;
import static io.jvectorize.runtime.internal.op.Scalar.onNumbers;
import static io.jvectorize.runtime.internal.op.Scalar.predicate;

import io.jvectorize.runtime.VectorMath;
import java.util.List;
import java.util.Map;
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
 *   <li>its {@link Scalar scalar form}, its case in {@code scalarForm} below the table: what
 *       it computes on one element of each {@link Kind} (double for float64 and float32, long
 *       for int64 and int32, boolean for bool). The
 *       block engines run loops generated from it, C2 compiling them as if written by hand;
 *       the planner computes constants with it; it is the reference;
 *   <li>its {@link Lane lane form}, where it has one: what it computes on a vector of lanes
 *       with the Vector API, which the Vector API block kernels and the generated loops are
 *       written from. It must give what the scalar form gives, bit for bit, but for the math
 *       functions ({@link Lane#vectorMath}), which may differ within
 *       {@code Compute.VECTOR_MATH_ULPS}.
 * </ul>
 * A new operator is one more entry here and its case in {@code scalarForm} (the compiler asks
 * for it), with its tests: the parser, typing, explain, the reference, the block engine and
 * the generated loops all take it from this table.
 */
public enum Operator {
    NEG("-", 1, Rule.SAME_NUMERIC, arithmetic("NEG")),
    /** On two bools, NumPy's add is logical or. */
    ADD("+", 2, Rule.PROMOTE_NUMERIC, arithmetic("ADD").onMasks("maskOr")),
    SUB("-", 2, Rule.PROMOTE_NUMERIC, arithmetic("SUB")),
    /** On two bools, NumPy's multiply is logical and. */
    MUL("*", 2, Rule.PROMOTE_NUMERIC, arithmetic("MUL").onMasks("maskAnd")),
    /** True division: integers give float64, as in NumPy. */
    DIV("/", 2, Rule.PROMOTE_FLOATING, floating("DIV")),
    /** Python's and NumPy's modulo: the result has the sign of the divisor; an integer {@code % 0} throws. */
    MOD("%", 2, Rule.PROMOTE_NUMERIC, null),
    /** Python's and NumPy's floor division: the quotient rounded down; an integer {@code // 0} throws. */
    FLOOR_DIVIDE("//", 2, Rule.PROMOTE_NUMERIC, null),
    /** {@code a ** 2} is {@code a * a} exactly, as NumPy squares; integer powers are exact and wrap. */
    POW("**", 2, Rule.PROMOTE_NUMERIC, method("pow").libraryMath().whereRoutinePays(Lane.Routine.POW).blocksOnly()),
    LT("<", 2, Rule.COMPARE, comparison("LT")),
    LE("<=", 2, Rule.COMPARE, comparison("LE")),
    GT(">", 2, Rule.COMPARE, comparison("GT")),
    GE(">=", 2, Rule.COMPARE, comparison("GE")),
    EQ("==", 2, Rule.COMPARE, comparison("EQ")),
    /** True where either is NaN, as Java's {@code !=}. */
    NE("!=", 2, Rule.COMPARE, comparison("NE")),
    /** {@code where(condition, a, b)}: a where the condition holds, b elsewhere. */
    WHERE("where", 3, Rule.WHERE, blend()),
    ABS("abs", 1, Rule.SAME_NUMERIC, method("abs")),
    SQRT("sqrt", 1, Rule.FLOATING, floating("SQRT")),
    EXP("exp", 1, Rule.FLOATING, mathFunction("EXP")),
    EXPM1("expm1", 1, Rule.FLOATING, mathFunction("EXPM1")),
    LOG("log", 1, Rule.FLOATING, mathFunction("LOG")),
    LOG10("log10", 1, Rule.FLOATING, mathFunction("LOG10")),
    LOG1P("log1p", 1, Rule.FLOATING, mathFunction("LOG1P")),
    SIN("sin", 1, Rule.FLOATING, mathFunction("SIN")),
    COS("cos", 1, Rule.FLOATING, mathFunction("COS")),
    TAN("tan", 1, Rule.FLOATING, mathFunction("TAN")),
    ASIN("asin", 1, Rule.FLOATING, mathFunction("ASIN")),
    ACOS("acos", 1, Rule.FLOATING, mathFunction("ACOS")),
    ATAN("atan", 1, Rule.FLOATING, mathFunction("ATAN")),
    SINH("sinh", 1, Rule.FLOATING, mathFunction("SINH")),
    COSH("cosh", 1, Rule.FLOATING, mathFunction("COSH")),
    /** On vectors {@link VectorMath#tanh}: the library's TANH, or on AVX2 a formula on its EXPM1. */
    TANH("tanh", 1, Rule.FLOATING, method("tanh").libraryMath().whereRoutinePays(Lane.Routine.TANH)),
    ATAN2("atan2", 2, Rule.FLOATING, mathFunction("ATAN2")),
    HYPOT("hypot", 2, Rule.FLOATING, mathFunction("HYPOT")),
    /** Elementwise minimum; NaN if either is NaN, as NumPy's minimum. */
    MINIMUM("min", 2, Rule.PROMOTE_NUMERIC, arithmetic("MIN").onMasks("maskAnd")),
    /** Elementwise maximum; NaN if either is NaN, as NumPy's maximum. */
    MAXIMUM("max", 2, Rule.PROMOTE_NUMERIC, arithmetic("MAX").onMasks("maskOr")),
    /** Logical and of booleans, bitwise and of integers (NumPy's {@code bitwise_and}). */
    AND("&", 2, Rule.BITWISE, Lane.bitwise("AND", "maskAnd")),
    /** Logical or of booleans, bitwise or of integers. */
    OR("|", 2, Rule.BITWISE, Lane.bitwise("OR", "maskOr")),
    /** Logical exclusive or of booleans, bitwise of integers. */
    XOR("^", 2, Rule.BITWISE, Lane.bitwise("XOR", "maskXor")),
    /** Logical not of booleans, bitwise complement of integers ({@code ~x == -x - 1}), NumPy's {@code invert}. */
    INVERT("~", 1, Rule.BITWISE, Lane.bitwise("NOT", "maskNot")),
    /** {@code a << b}: 0 where {@code b} is negative or at least 64 (as NumPy's left_shift), wrapping around. */
    LEFT_SHIFT("<<", 2, Rule.BITWISE, null),
    /** {@code a >> b}, arithmetic: the sign where {@code b} is negative or at least 64 (as NumPy's right_shift). */
    RIGHT_SHIFT(">>", 2, Rule.BITWISE, null),

    // NumPy's functions (Semantics and NumPyMath say where they are more than Math's).

    /** C's fmod: the result has the dividend's sign (Java's {@code %}); an integer {@code fmod(a, 0)} throws. */
    FMOD("fmod", 2, Rule.PROMOTE_NUMERIC, null),
    FLOOR("floor", 1, Rule.FLOATING, method("floor").weighing(2)),
    CEIL("ceil", 1, Rule.FLOATING, method("ceil").weighing(2)),
    /** Rounds toward zero, keeping the sign of a zero: {@code trunc(-0.5)} is -0.0. */
    TRUNC("trunc", 1, Rule.FLOATING, method("trunc").weighing(2)),
    /** Rounds half to even, as NumPy's rint. */
    RINT("rint", 1, Rule.FLOATING, method("rint").weighing(2)),
    /** NumPy's round with no decimals: half to even; integers are already round and stay integers. */
    ROUND("round", 1, Rule.SAME_NUMERIC, null),
    /** -1, 0 or 1 (0.0 for either zero, NaN for NaN), in the operand's type, as NumPy's sign. */
    SIGN("sign", 1, Rule.SAME_NUMERIC, method("sign").weighing(2)),
    /** NumPy's clip(x, lo, hi): {@code minimum(maximum(x, lo), hi)}, NaN where any is NaN. */
    CLIP("clip", 3, Rule.PROMOTE_NUMERIC, method("clip").weighing(2)),
    /** {@code 1 / a}; of an integer, C's integer division {@code 1 / a} (0 for |a| &gt; 1); an integer 0 throws. */
    RECIPROCAL("reciprocal", 1, Rule.SAME_NUMERIC, null),
    EXP2("exp2", 1, Rule.FLOATING, null),
    LOG2("log2", 1, Rule.FLOATING, null),
    ASINH("asinh", 1, Rule.FLOATING, null),
    ACOSH("acosh", 1, Rule.FLOATING, null),
    ATANH("atanh", 1, Rule.FLOATING, null),
    /** The magnitude of the first with the sign bit of the second, a NaN's too, as C's copysign. */
    COPYSIGN("copysign", 2, Rule.FLOATING, null),
    /** The next float64 after the first toward the second ({@link #NEXTAFTER_FLOAT32} for float32). */
    NEXTAFTER("nextafter", 2, Rule.FLOATING, null),
    ISNAN("isnan", 1, Rule.PREDICATE, Lane.predicate("isnan")),
    ISINF("isinf", 1, Rule.PREDICATE, Lane.predicate("isinf").weighing(2)),
    ISFINITE("isfinite", 1, Rule.PREDICATE, Lane.predicate("isfinite").weighing(2)),
    /** Whether the sign bit is set: true for -0.0 and a negative NaN, as C's signbit. */
    SIGNBIT("signbit", 1, Rule.PREDICATE, null),
    /** The operand, as NumPy's copy: numexpr's way to write an expression that is one array. */
    COPY("copy", 1, Rule.SAME, null),
    /** 1 (true for bool) of the operand's type, wherever the operand is, NaN or not. */
    ONES_LIKE("ones_like", 1, Rule.SAME, null),

    // Complex numbers: the scalar forms here are those of real operands; complex ones are
    // ComplexKernels', which also says which other operators take complex operands.

    /** {@code z.real}, NumPy's {@code real(z)}: the real part, float64 for complex128 (float32 for complex64); a real value itself. */
    REAL("real", 1, Rule.SAME_NUMERIC, null),
    /** {@code z.imag}, NumPy's {@code imag(z)}: the imaginary part, float64 for complex128 (float32 for complex64); 0 of a real value's type. */
    IMAG("imag", 1, Rule.SAME_NUMERIC, null),
    /** The complex conjugate; a real value itself, as NumPy's {@code conj}. */
    CONJ("conj", 1, Rule.SAME_NUMERIC, null),
    /** {@code complex(re, im)}, numexpr's: complex128 from two real values (computed by ComplexKernels). */
    COMPLEX("complex", 2, Rule.MAKE_COMPLEX, null),

    // The planner's: what it lowers a power by a literal exponent to. No text reads as them.

    /** {@code a ** 2}: a multiplication, exactly what {@link #POW} gives for an exponent of 2. */
    SQUARE("** 2", 1, Rule.SAME_NUMERIC, method("square")),
    /** {@code a ** 0.5}: {@link #POW}'s value, on the vector library as a square root (see {@link Lanes#powHalf}). */
    POW_HALF("** 0.5", 1, Rule.FLOATING,
            method("powHalf").libraryMath().whereRoutinePays(Lane.Routine.POW).blocksOnly()),
    /**
     * {@code a ** 3} for a written 3: {@code a * a * a}, as numexpr expands small integer powers.
     * Within 2 ulps of the exact power (two roundings), where {@link #POW}'s Math.pow is within 1.
     */
    CUBE("** 3", 1, Rule.SAME_NUMERIC, method("cube")),
    /** {@code a ** 4}: {@code (a * a) * (a * a)}, within 3 ulps. */
    FOURTH("** 4", 1, Rule.SAME_NUMERIC, method("fourth")),
    /** {@code a ** -1}: {@code 1 / a}, exactly what the division gives. */
    INVERSE("** -1", 1, Rule.FLOATING, method("inverse")),
    /** {@code a ** -2}: {@code 1 / (a * a)}, within 2 ulps where {@code a * a} stays in the normal range. */
    INVERSE_SQUARE("** -2", 1, Rule.FLOATING, method("inverseSquare")),
    /** {@code a ** -3}: {@code 1 / (a * a * a)}, within 3 ulps where the cube stays in the normal range. */
    INVERSE_CUBE("** -3", 1, Rule.FLOATING, method("inverseCube")),
    /** {@code a ** -4}: {@code 1 / ((a * a) * (a * a))}, within 4 ulps where the power stays in the normal range. */
    INVERSE_FOURTH("** -4", 1, Rule.FLOATING, method("inverseFourth")),

    // Typing's: what a function computes for float32 operands where that differs. No text reads as them.

    /** {@link #NEXTAFTER} of float32 values: the next float32. */
    NEXTAFTER_FLOAT32("nextafter", 2, Rule.FLOATING, null);

    /**
     * The scalar forms, one case an entry, in the table's order. Written in a method rather
     * than passed to the constructor so that a program links only the forms it uses: a lambda
     * or method reference is bootstrapped (a hidden class spun) when its case first runs, where
     * the table's ~130 all were when the class initialised, most of a fresh JVM's first parse (#18).
     */
    private Scalar scalarForm() {
        return switch (this) {
            case NEG -> onNumbers(a -> -a, a -> -a);
            case ADD -> onAll((a, b) -> a + b, (a, b) -> a + b, (a, b) -> a | b);
            case SUB -> onNumbers((a, b) -> a - b, (a, b) -> a - b);
            case MUL -> onAll((a, b) -> a * b, (a, b) -> a * b, (a, b) -> a & b);
            case DIV -> onDoubles((a, b) -> a / b);
            case MOD -> onNumbers(Semantics::mod, Semantics::mod).throwing();
            case FLOOR_DIVIDE -> onNumbers(Semantics::floorDivide, Semantics::floorDivide).throwing();
            case POW -> onNumbers(Semantics::pow, Semantics::pow).throwing();
            case LT -> compare((a, b) -> a < b, (a, b) -> a < b, (a, b) -> !a & b);
            case LE -> compare((a, b) -> a <= b, (a, b) -> a <= b, (a, b) -> !a | b);
            case GT -> compare((a, b) -> a > b, (a, b) -> a > b, (a, b) -> a & !b);
            case GE -> compare((a, b) -> a >= b, (a, b) -> a >= b, (a, b) -> a | !b);
            case EQ -> compare((a, b) -> a == b, (a, b) -> a == b, (a, b) -> a == b);
            case NE -> compare((a, b) -> a != b, (a, b) -> a != b, (a, b) -> a != b);
            case WHERE -> choose((c, a, b) -> c ? a : b, (c, a, b) -> c ? a : b, (c, a, b) -> c ? a : b);
            case ABS -> onAll(Math::abs, Math::abs, a -> a);
            case SQRT -> onDoubles(Math::sqrt);
            case EXP -> onDoubles(Math::exp);
            case EXPM1 -> onDoubles(Math::expm1);
            case LOG -> onDoubles(Math::log);
            case LOG10 -> onDoubles(Math::log10);
            case LOG1P -> onDoubles(Math::log1p);
            case SIN -> onDoubles(Math::sin);
            case COS -> onDoubles(Math::cos);
            case TAN -> onDoubles(Math::tan);
            case ASIN -> onDoubles(Math::asin);
            case ACOS -> onDoubles(Math::acos);
            case ATAN -> onDoubles(Math::atan);
            case SINH -> onDoubles(Math::sinh);
            case COSH -> onDoubles(Math::cosh);
            case TANH -> onDoubles(Math::tanh);
            case ATAN2 -> onDoubles(Math::atan2);
            case HYPOT -> onDoubles(Math::hypot);
            case MINIMUM -> onAll(Math::min, Math::min, (a, b) -> a & b);
            case MAXIMUM -> onAll(Math::max, Math::max, (a, b) -> a | b);
            case AND -> bitwise((a, b) -> a & b, (a, b) -> a & b);
            case OR -> bitwise((a, b) -> a | b, (a, b) -> a | b);
            case XOR -> bitwise((a, b) -> a ^ b, (a, b) -> a ^ b);
            case INVERT -> bitwise(a -> ~a, a -> !a);
            case LEFT_SHIFT -> onLongs(Semantics::shiftLeft);
            case RIGHT_SHIFT -> onLongs(Semantics::shiftRight);
            case FMOD -> onNumbers((a, b) -> a % b, Semantics::fmod).throwing();
            case FLOOR -> onDoubles(Math::floor);
            case CEIL -> onDoubles(Math::ceil);
            case TRUNC -> onDoubles(NumPyMath::trunc);
            case RINT -> onDoubles(Math::rint);
            case ROUND -> onNumbers(Math::rint, a -> a);
            case SIGN -> onNumbers(NumPyMath::sign, Long::signum);
            case CLIP -> onNumbers(NumPyMath::clip, (a, lo, hi) -> Math.min(Math.max(a, lo), hi));
            case RECIPROCAL -> onNumbers(a -> 1 / a, Semantics::reciprocal).throwing();
            case EXP2 -> onDoubles(NumPyMath::exp2);
            case LOG2 -> onDoubles(NumPyMath::log2);
            case ASINH -> onDoubles(NumPyMath::asinh);
            case ACOSH -> onDoubles(NumPyMath::acosh);
            case ATANH -> onDoubles(NumPyMath::atanh);
            case COPYSIGN -> onDoubles(NumPyMath::copySign);
            case NEXTAFTER -> onDoubles(Math::nextAfter);
            case ISNAN -> predicate(Double::isNaN, a -> false, a -> false);
            case ISINF -> predicate(Double::isInfinite, a -> false, a -> false);
            case ISFINITE -> predicate(Double::isFinite, a -> true, a -> true);
            case SIGNBIT -> predicate(NumPyMath::signBit, a -> a < 0, a -> false);
            case COPY -> onAll(a -> a, a -> a, a -> a);
            case ONES_LIKE -> onAll(a -> 1.0, a -> 1L, a -> true);
            case REAL -> onNumbers(a -> a, a -> a);
            case IMAG -> onNumbers(a -> 0.0, a -> 0L);
            case CONJ -> onNumbers(a -> a, a -> a);
            case COMPLEX -> Scalar.none();
            case SQUARE -> onNumbers(a -> a * a, a -> a * a);
            case POW_HALF -> onDoubles(a -> Math.pow(a, 0.5));
            case CUBE -> onNumbers(a -> a * a * a, a -> a * a * a);
            case FOURTH -> onNumbers(a -> a * a * (a * a), a -> a * a * (a * a));
            case INVERSE -> onDoubles(a -> 1 / a);
            case INVERSE_SQUARE -> onDoubles(a -> 1 / (a * a));
            case INVERSE_CUBE -> onDoubles(a -> 1 / (a * a * a));
            case INVERSE_FOURTH -> onDoubles(a -> 1 / (a * a * (a * a)));
            case NEXTAFTER_FLOAT32 -> onDoubles((a, b) -> Math.nextAfter((float) a, b));
        };
    }

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
        /** bool, of an operand of any type: isnan. */
        PREDICATE,
        /** The operand's type, whatever it is, bool too. */
        SAME,
        /** complex128 from real operands, computed as float64. */
        MAKE_COMPLEX
    }

    private final String text;
    private final int arity;
    private final Rule rule;
    private final Lane lane;
    /** Its scalar form, built on first use: see {@link #scalarForm}. */
    private Scalar scalar;

    Operator(String text, int arity, Rule rule, Lane lane) {
        this.text = text;
        this.arity = arity;
        this.rule = rule;
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
        Scalar built = scalar;
        if (built == null) { // threads that race build equal forms: a Scalar is immutable, its fields final
            built = scalarForm();
            scalar = built;
        }
        return built;
    }

    /** What it computes on a vector of lanes; empty where only the scalar form computes it. */
    public Optional<Lane> lane() {
        return Optional.ofNullable(lane);
    }

    /**
     * Its type for complex operands of type {@code operands} ({@link ComplexKernels} computes those).
     *
     * @param operation the operation as written, for the error
     * @throws IllegalArgumentException where it is not defined for complex numbers, saying why
     */
    public io.jvectorize.runtime.DType complexResultType(io.jvectorize.runtime.DType operands, String operation) {
        return ComplexKernels.resultType(this, operands, operation);
    }

    /** Whether it computes on two bools (or one) as bools: NumPy's {@code +} (or), {@code *} (and), logic, abs. */
    public boolean computesOnBooleans() {
        return scalar().appliesTo(Kind.BOOLEAN);
    }

    /** The kind of operands its scalar form takes, for operands of these types: the branches' for {@code where}. */
    public Kind operandKind(List<io.jvectorize.runtime.DType> operandTypes) {
        return Kind.of(operandTypes.get(this == WHERE ? 1 : 0));
    }

    /** Whether the planner lowers to it: no text reads as it. */
    public boolean isLowered() {
        return text.startsWith("** ");
    }

    /**
     * The operator the planner computes {@code a ** n} with, for a written exponent {@code n} and
     * a base of this type, instead of {@link #POW}; empty where it keeps POW. Small integer
     * powers are multiplications (numexpr's way: several times faster than pow, within a few
     * ulps, exact for squares and for integers), {@code a ** 0.5} a square root as pow gives it.
     */
    public static Optional<Operator> loweredPower(double n, io.jvectorize.runtime.DType base) {
        if (base.isComplex()) {
            return complexLoweredPower(n);
        }
        boolean floating = base.isFloating();
        if (n == 2.0) {
            return Optional.of(SQUARE);
        }
        if (n == 3.0) {
            return Optional.of(CUBE);
        }
        if (n == 4.0) {
            return Optional.of(FOURTH);
        }
        if (!floating) {
            return Optional.empty(); // integer powers by squaring are exact already; negative ones throw
        }
        if (n == 0.5) {
            return Optional.of(POW_HALF);
        }
        if (n == -1.0) {
            return Optional.of(INVERSE);
        }
        if (n == -2.0) {
            return Optional.of(INVERSE_SQUARE);
        }
        if (n == -3.0) {
            return Optional.of(INVERSE_CUBE);
        }
        return n == -4.0 ? Optional.of(INVERSE_FOURTH) : Optional.empty();
    }

    /**
     * NumPy's {@code z ** n} for a complex array and a written exponent: ndarray's power takes
     * square for 2, sqrt for 0.5 and positive for 1 (numpy/core/src/multiarray/number.c,
     * fast_scalar_power), and reciprocal for -1, not the power loop, which gives NaN for
     * {@code (inf+0j) ** 0.5}, loses the sign of a zero part and rounds {@code 1/z} otherwise.
     * Other exponents stay POW: ComplexKernels multiplies out integer ones as NumPy's power loop
     * does (0 gives 1 either way).
     */
    private static Optional<Operator> complexLoweredPower(double n) {
        if (n == 2.0) {
            return Optional.of(SQUARE);
        }
        if (n == 0.5) {
            return Optional.of(SQRT);
        }
        if (n == -1.0) {
            return Optional.of(RECIPROCAL);
        }
        return n == 1.0 ? Optional.of(COPY) : Optional.empty();
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

    /**
     * NumPy's names for the functions that have another name here: each computes the same
     * function. ({@code pow} is {@code **}.)
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("pow", "**"),
            Map.entry("arcsin", "asin"), Map.entry("arccos", "acos"), Map.entry("arctan", "atan"),
            Map.entry("arctan2", "atan2"), Map.entry("arcsinh", "asinh"), Map.entry("arccosh", "acosh"),
            Map.entry("arctanh", "atanh"), Map.entry("maximum", "max"), Map.entry("minimum", "min"),
            Map.entry("absolute", "abs"), Map.entry("fabs", "abs"), Map.entry("power", "**"),
            Map.entry("true_divide", "/"), Map.entry("floor_divide", "//"), Map.entry("remainder", "%"),
            Map.entry("invert", "~"), Map.entry("bitwise_not", "~"),
            Map.entry("bitwise_and", "&"), Map.entry("bitwise_or", "|"), Map.entry("bitwise_xor", "^"),
            Map.entry("left_shift", "<<"), Map.entry("right_shift", ">>"));

    /** The function of this name (or NumPy's alias) and arity, if any: {@code min} with two arguments is {@link #MINIMUM}. */
    public static Optional<Operator> function(String name, int arity) {
        String text = ALIASES.getOrDefault(name, name);
        boolean alias = ALIASES.containsKey(name);
        for (Operator op : values()) {
            if ((op.isFunction() || alias) && !op.isLowered() && op.text.equals(text) && op.arity == arity) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Whether some function has this name (or it is NumPy's alias of one), whatever its arity. */
    public static boolean isFunctionName(String name) {
        return functionNames().contains(name);
    }

    /** The arities the function of this name takes; empty where there is none. */
    public static java.util.SortedSet<Integer> arities(String name) {
        java.util.SortedSet<Integer> arities = new java.util.TreeSet<>();
        for (int arity = 1; arity <= 3; arity++) {
            if (function(name, arity).isPresent()) {
                arities.add(arity);
            }
        }
        return arities;
    }

    /** Every name a call of a built-in function may use, aliases included. */
    public static java.util.Set<String> functionNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(ALIASES.keySet());
        for (Operator op : values()) {
            if (op.isFunction()) {
                names.add(op.text);
            }
        }
        return names;
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

        /** Where NumPy returns 0 with a warning, an error is clearer. */
        static final String FLOOR_DIVISION_BY_ZERO = "integer floor division by zero";
        static final String FMOD_BY_ZERO = "integer fmod by zero";
        static final String RECIPROCAL_OF_ZERO = "integer reciprocal of zero";

        /**
         * NumPy's floor division of floats ({@code npy_divmod}): {@code (a - fmod(a, b)) / b},
         * moved down by one where the remainder and the divisor differ in sign, then snapped to
         * the nearest integer; {@code a / b} for a zero divisor.
         */
        static double floorDivide(double a, double b) {
            if (b == 0) {
                return a / b;
            }
            double mod = a % b;
            double div = (a - mod) / b;
            if (mod != 0 && (b < 0) != (mod < 0)) {
                div -= 1.0;
            }
            if (div == 0) {
                return Math.copySign(0.0, a / b);
            }
            double floor = Math.floor(div);
            return div - floor > 0.5 ? floor + 1.0 : floor;
        }

        /** Python's integer floor division; {@code Long.MIN_VALUE // -1} wraps around, as in NumPy. */
        static long floorDivide(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException(FLOOR_DIVISION_BY_ZERO);
            }
            return Math.floorDiv(a, b);
        }

        /** C's integer remainder: the dividend's sign. */
        static long fmod(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException(FMOD_BY_ZERO);
            }
            return a % b;
        }

        static long reciprocal(long a) {
            if (a == 0) {
                throw new ArithmeticException(RECIPROCAL_OF_ZERO);
            }
            return 1 / a;
        }

        /** NumPy's left_shift: Java's, but 0 where the count is outside [0, 64) (Java would take it mod 64). */
        static long shiftLeft(long a, long b) {
            return b >= 0 && b < Long.SIZE ? a << b : 0;
        }

        /** NumPy's right_shift: arithmetic, the sign (0 or -1) where the count is outside [0, 64). */
        static long shiftRight(long a, long b) {
            return b >= 0 && b < Long.SIZE ? a >> b : a >> (Long.SIZE - 1);
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

        // Powers of more than one operation have no float lanes: float32 values compute them in
        // double, rounded to float once (the block engine's way), where float lanes would round
        // after each product.

        public static DoubleVector cube(DoubleVector a) {
            return a.mul(a).mul(a);
        }

        public static LongVector cube(LongVector a) {
            return a.mul(a).mul(a);
        }

        public static IntVector cube(IntVector a) {
            return a.mul(a).mul(a);
        }

        public static DoubleVector fourth(DoubleVector a) {
            DoubleVector square = a.mul(a);
            return square.mul(square);
        }

        public static LongVector fourth(LongVector a) {
            LongVector square = a.mul(a);
            return square.mul(square);
        }

        public static IntVector fourth(IntVector a) {
            IntVector square = a.mul(a);
            return square.mul(square);
        }

        public static DoubleVector inverse(DoubleVector a) {
            return a.broadcast(1.0).div(a);
        }

        public static FloatVector inverse(FloatVector a) {
            return a.broadcast(1.0f).div(a);
        }

        public static DoubleVector inverseSquare(DoubleVector a) {
            return a.broadcast(1.0).div(a.mul(a));
        }

        public static DoubleVector inverseCube(DoubleVector a) {
            return a.broadcast(1.0).div(a.mul(a).mul(a));
        }

        public static DoubleVector inverseFourth(DoubleVector a) {
            DoubleVector square = a.mul(a);
            return a.broadcast(1.0).div(square.mul(square));
        }

        // Rounding: Math.rint of |a| below 2^52 is |a| + 2^52 - 2^52 (2^23 in float), which
        // rounds half to even; from 2^52 on (and for NaN and Inf) |a| is its own rint. floor,
        // ceil and trunc follow from it, each with Math's sign of a zero.

        public static DoubleVector rint(DoubleVector a) {
            DoubleVector magnitude = a.abs();
            DoubleVector rounded = magnitude.add(0x1p52).sub(0x1p52)
                    .blend(magnitude, magnitude.compare(VectorOperators.GE, 0x1p52));
            return withSignOf(rounded, a);
        }

        public static FloatVector rint(FloatVector a) {
            FloatVector magnitude = a.abs();
            FloatVector rounded = magnitude.add(0x1p23f).sub(0x1p23f)
                    .blend(magnitude, magnitude.compare(VectorOperators.GE, 0x1p23f));
            return withSignOf(rounded, a);
        }

        /** rint, less 1 where that rounded up; {@code -0.0 - 0.0} keeps floor(-0.0) at -0.0. */
        public static DoubleVector floor(DoubleVector a) {
            DoubleVector rounded = rint(a);
            return rounded.sub(a.broadcast(0.0).blend(1.0, rounded.compare(VectorOperators.GT, a)));
        }

        public static FloatVector floor(FloatVector a) {
            FloatVector rounded = rint(a);
            return rounded.sub(a.broadcast(0.0f).blend(1.0f, rounded.compare(VectorOperators.GT, a)));
        }

        /** -floor(-a): ceil(-0.5) is -0.0, as Math's. */
        public static DoubleVector ceil(DoubleVector a) {
            return floor(a.neg()).neg();
        }

        public static FloatVector ceil(FloatVector a) {
            return floor(a.neg()).neg();
        }

        /** floor(|a|) with a's sign: trunc(-0.5) is -0.0. */
        public static DoubleVector trunc(DoubleVector a) {
            return withSignOf(floor(a.abs()), a);
        }

        public static FloatVector trunc(FloatVector a) {
            return withSignOf(floor(a.abs()), a);
        }

        /** {@code magnitude} (its sign bit clear) with the sign bit of {@code a}. */
        private static DoubleVector withSignOf(DoubleVector magnitude, DoubleVector a) {
            return magnitude.reinterpretAsLongs().or(a.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
        }

        private static FloatVector withSignOf(FloatVector magnitude, FloatVector a) {
            return magnitude.reinterpretAsInts().or(a.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
        }

        /** NumPy's sign: ±1, 0.0 for either zero, a NaN itself (no comparison holds for it). */
        public static DoubleVector sign(DoubleVector a) {
            return a.blend(1.0, a.compare(VectorOperators.GT, 0.0)).blend(-1.0, a.compare(VectorOperators.LT, 0.0))
                    .blend(0.0, a.compare(VectorOperators.EQ, 0.0));
        }

        public static FloatVector sign(FloatVector a) {
            return a.blend(1.0f, a.compare(VectorOperators.GT, 0.0f)).blend(-1.0f, a.compare(VectorOperators.LT, 0.0f))
                    .blend(0.0f, a.compare(VectorOperators.EQ, 0.0f));
        }

        public static LongVector sign(LongVector a) {
            return a.broadcast(0L).blend(1L, a.compare(VectorOperators.GT, 0L)).blend(-1L, a.compare(VectorOperators.LT, 0L));
        }

        public static IntVector sign(IntVector a) {
            return a.broadcast(0).blend(1, a.compare(VectorOperators.GT, 0)).blend(-1, a.compare(VectorOperators.LT, 0));
        }

        /** minimum(maximum(a, lo), hi): the Vector API's MIN and MAX are Math's, NaN where any is NaN. */
        public static DoubleVector clip(DoubleVector a, DoubleVector lo, DoubleVector hi) {
            return a.max(lo).min(hi);
        }

        public static FloatVector clip(FloatVector a, FloatVector lo, FloatVector hi) {
            return a.max(lo).min(hi);
        }

        public static LongVector clip(LongVector a, LongVector lo, LongVector hi) {
            return a.max(lo).min(hi);
        }

        public static IntVector clip(IntVector a, IntVector lo, IntVector hi) {
            return a.max(lo).min(hi);
        }

        // Predicates of floats, as masks: for conditions in a loop.

        /** NaN is the one value unequal to itself. */
        public static VectorMask<Double> isnan(DoubleVector a) {
            return a.compare(VectorOperators.NE, a);
        }

        public static VectorMask<Float> isnan(FloatVector a) {
            return a.compare(VectorOperators.NE, a);
        }

        public static VectorMask<Double> isinf(DoubleVector a) {
            return a.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY);
        }

        public static VectorMask<Float> isinf(FloatVector a) {
            return a.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY);
        }

        /** Below infinity in magnitude: false for NaN, which compares false. */
        public static VectorMask<Double> isfinite(DoubleVector a) {
            return a.abs().compare(VectorOperators.LT, Double.POSITIVE_INFINITY);
        }

        public static VectorMask<Float> isfinite(FloatVector a) {
            return a.abs().compare(VectorOperators.LT, Float.POSITIVE_INFINITY);
        }

        public static DoubleVector tanh(DoubleVector a) {
            return VectorMath.tanh(a);
        }

        public static FloatVector tanh(FloatVector a) {
            return VectorMath.tanh(a);
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
