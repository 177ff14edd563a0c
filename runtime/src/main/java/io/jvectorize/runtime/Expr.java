package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A symbolic array expression, such as {@code 1 / (sigma * sqrt(2*pi)) * exp(-(x - mu)**2 / (2*sigma**2))},
 * computed later by {@link Compute} on the arrays and scalars bound to its symbols.
 *
 * <p>Expressions are immutable and typed when built, by NumPy's promotion rules (see
 * {@link DType}); numbers written in them are weak, as Python's are in NumPy (NEP 50): they take
 * the type of what they meet. {@code equals} and {@code hashCode} compare structure, and
 * {@code toString} gives text that {@link #parse(String, Map)} reads back to an equal expression.
 * Arithmetic on integer literals alone is done when built, exactly, as Python does it ({@code 2**40}
 * is a literal; one outside int64 is an error), and no expression nests deeper than
 * {@link #MAX_DEPTH} levels or holds more than {@link #MAX_SIZE} operators and operands.
 *
 * <p>Elementwise expressions give an array; reductions ({@link #sum()}, {@link #mean()}, ...)
 * give one number. A reduction may also appear inside an elementwise expression, as in
 * {@code x - mean(x)}: it is computed first and acts as a scalar.
 */
public abstract class Expr {
    /**
     * The most levels an expression may nest: each operator, function and call is one above its
     * operands, so {@code a + b + c} is two. Deeper ones are refused when built, so that nothing
     * that walks an expression (parsing, computing, printing, comparing) can exhaust the stack of
     * a thread of the JVM's default size (1 MB on 64-bit platforms; a thread of 256 KB is not
     * enough to parse text nested 256 levels deep).
     */
    public static final int MAX_DEPTH = 256;
    /** What to do about an expression deeper than {@link #MAX_DEPTH}, as error messages say it. */
    static final String CHAINS = "(an operator in a chain such as a + b + c counts as one): split long chains in"
            + " parentheses, as in (a + b) + (c + d)";

    /**
     * The most operators and operands an expression may hold, counting a subexpression as often
     * as it occurs: about what text of the parser's 100,000 characters holds. Builders can share
     * subexpressions, so that {@code e = e.add(e)} doubles the work of everything that walks
     * {@code e} each time; beyond this they are refused.
     */
    public static final int MAX_SIZE = 100_000;

    private final int height;
    private final int size;
    /**
     * Remembered because a tree never changes and {@code compute} asks for both on every call
     * (binding, plan lookup): walking the tree each time allocated about 2 KB a call, and the
     * garbage of repeated calls is what set off issue #18's periodic slow calls.
     */
    private int hash;
    private volatile Map<String, DType> symbolsInOrder;
    private volatile List<VectorizedFunction> functionsInOrder;
    /** The last {@code computeInto} of this expression, for the next that binds alike ({@link RepeatedCall}); null before one. */
    volatile RepeatedCall repeatedCall;

    /** A leaf: a symbol or a literal. Only this package defines nodes. */
    Expr() {
        this.height = 0;
        this.size = 1;
    }

    /**
     * A node over {@code children}.
     *
     * @throws IllegalArgumentException if it would nest deeper than {@link #MAX_DEPTH} or hold
     *     more than {@link #MAX_SIZE} operators and operands
     */
    Expr(List<Expr> children) {
        this.height = heightAbove(children);
        this.size = sizeAbove(children);
    }

    // ---- leaves and parsing -------------------------------------------------------------------

    /** A float64 array or scalar named {@code name}, bound at compute time. */
    public static Expr symbol(String name) {
        return new Symbol(name, DType.FLOAT64);
    }

    /** An array or scalar of type {@code type} named {@code name}; bound data must widen to it. */
    public static Expr symbol(String name, DType type) {
        return new Symbol(name, type);
    }

    /** A float64 number, weak (it takes the type of what it meets, as in NumPy). */
    public static Expr literal(double value) {
        return Literal.of(value, true);
    }

    /** An integer number, weak (it takes the type of what it meets, as in NumPy). */
    public static Expr literal(long value) {
        return Literal.of(value, true);
    }

    /**
     * Parses infix text with Python's operators and precedence: {@code + - * / // % ** << >>}, unary
     * {@code - + ~}, comparisons, and {@code & ^ |} (bool logic, integer bits), which bind as in
     * Java and pandas' query, looser than comparisons; parentheses, numbers, names (float64
     * symbols), {@code pi}, {@code e}, {@code nan}, {@code inf}, the built-in functions (with
     * NumPy's names: {@code arcsin}, {@code maximum}, ...), reductions and @Vectorize functions by
     * name ({@code m} or {@code Foo.m}). docs/expressions.md lists them all with their semantics. Text may be up to 100,000 characters long
     * and nest up to 256 levels deep (parentheses, operators, calls); beyond that it is an error,
     * never a stack overflow.
     *
     * @throws ExprSyntaxException with the column and a caret line, for text that is not an expression
     */
    public static Expr parse(String text) {
        return parse(text, Map.of());
    }

    /**
     * As {@link #parse(String)}, with the types of symbols that are not float64: complex ones are
     * {@link DType#COMPLEX128} or {@link DType#COMPLEX64} ({@code Map.of("z", DType.COMPLEX128)}),
     * and then take {@code z.real}, {@code z.imag}, {@code conj(z)}, imaginary literals {@code 2j}
     * and {@code complex(re, im)}.
     */
    public static Expr parse(String text, Map<String, DType> symbolTypes) {
        return ExprParser.parse(text, symbolTypes);
    }

    /** {@code condition ? a : b} elementwise; {@code condition} must be boolean. */
    public static Expr where(Expr condition, Expr a, Expr b) {
        return Operation.of(Operator.WHERE, List.of(Objects.requireNonNull(condition, "condition"),
                Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")));
    }

    /**
     * A built-in function ({@code sqrt}, {@code atan2}, {@code sum}, ...) or a @Vectorize
     * function ({@code poly} or {@code Seed.poly}) by name, as {@link #parse} resolves it.
     *
     * @throws IllegalArgumentException for an unknown name, listing near matches
     */
    public static Expr call(String name, Expr... arguments) {
        Objects.requireNonNull(name, "name");
        for (Expr argument : Objects.requireNonNull(arguments, "arguments")) {
            Objects.requireNonNull(argument, "an argument of " + name);
        }
        return ExprParser.call(name, Arrays.asList(arguments));
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    public Expr add(Expr other) {
        return binary(Operator.ADD, other);
    }

    public Expr add(double other) {
        return add(literal(other));
    }

    public Expr sub(Expr other) {
        return binary(Operator.SUB, other);
    }

    public Expr sub(double other) {
        return sub(literal(other));
    }

    public Expr mul(Expr other) {
        return binary(Operator.MUL, other);
    }

    public Expr mul(double other) {
        return mul(literal(other));
    }

    /** True division: integers give float64. */
    public Expr div(Expr other) {
        return binary(Operator.DIV, other);
    }

    public Expr div(double other) {
        return div(literal(other));
    }

    /** Python's modulo: the result has the sign of the divisor. */
    public Expr mod(Expr other) {
        return binary(Operator.MOD, other);
    }

    public Expr mod(double other) {
        return mod(literal(other));
    }

    /**
     * Floor division, Python's and NumPy's {@code //}: the quotient rounded down (toward -inf).
     * Integer floor division by zero throws an {@link ArithmeticException} when computed.
     */
    public Expr floorDiv(Expr other) {
        return binary(Operator.FLOOR_DIVIDE, other);
    }

    public Expr floorDiv(double other) {
        return floorDiv(literal(other));
    }

    public Expr pow(Expr other) {
        return binary(Operator.POW, other);
    }

    public Expr pow(double other) {
        return pow(literal(other));
    }

    public Expr neg() {
        return unary(Operator.NEG);
    }

    // ---- comparisons --------------------------------------------------------------------------

    public Expr lt(Expr other) {
        return binary(Operator.LT, other);
    }

    public Expr lt(double other) {
        return lt(literal(other));
    }

    public Expr le(Expr other) {
        return binary(Operator.LE, other);
    }

    public Expr le(double other) {
        return le(literal(other));
    }

    public Expr gt(Expr other) {
        return binary(Operator.GT, other);
    }

    public Expr gt(double other) {
        return gt(literal(other));
    }

    public Expr ge(Expr other) {
        return binary(Operator.GE, other);
    }

    public Expr ge(double other) {
        return ge(literal(other));
    }

    public Expr eq(Expr other) {
        return binary(Operator.EQ, other);
    }

    public Expr eq(double other) {
        return eq(literal(other));
    }

    public Expr ne(Expr other) {
        return binary(Operator.NE, other);
    }

    public Expr ne(double other) {
        return ne(literal(other));
    }

    // ---- logic and bits -----------------------------------------------------------------------

    /** {@code this & other}: logical and of booleans (both evaluated), bitwise and of integers. */
    public Expr and(Expr other) {
        return binary(Operator.AND, other);
    }

    /** {@code this | other}: logical or of booleans, bitwise or of integers. */
    public Expr or(Expr other) {
        return binary(Operator.OR, other);
    }

    /** {@code this ^ other}: exclusive or of booleans, bitwise of integers. */
    public Expr xor(Expr other) {
        return binary(Operator.XOR, other);
    }

    /** {@code ~this}: logical not of a boolean, the bitwise complement of an integer (NumPy's invert). */
    public Expr not() {
        return unary(Operator.INVERT);
    }

    /** {@code this << count} on integers: 0 where the count is negative or at least 64, as NumPy's left_shift. */
    public Expr shiftLeft(Expr count) {
        return binary(Operator.LEFT_SHIFT, count);
    }

    /** {@code this >> count} on integers, arithmetic: the sign where the count is outside [0, 64), as NumPy's. */
    public Expr shiftRight(Expr count) {
        return binary(Operator.RIGHT_SHIFT, count);
    }

    // ---- elementwise functions ----------------------------------------------------------------

    public Expr abs() {
        return unary(Operator.ABS);
    }

    public Expr sqrt() {
        return unary(Operator.SQRT);
    }

    public Expr exp() {
        return unary(Operator.EXP);
    }

    public Expr expm1() {
        return unary(Operator.EXPM1);
    }

    public Expr log() {
        return unary(Operator.LOG);
    }

    public Expr log10() {
        return unary(Operator.LOG10);
    }

    public Expr log1p() {
        return unary(Operator.LOG1P);
    }

    public Expr sin() {
        return unary(Operator.SIN);
    }

    public Expr cos() {
        return unary(Operator.COS);
    }

    public Expr tan() {
        return unary(Operator.TAN);
    }

    public Expr asin() {
        return unary(Operator.ASIN);
    }

    public Expr acos() {
        return unary(Operator.ACOS);
    }

    public Expr atan() {
        return unary(Operator.ATAN);
    }

    public Expr sinh() {
        return unary(Operator.SINH);
    }

    public Expr cosh() {
        return unary(Operator.COSH);
    }

    public Expr tanh() {
        return unary(Operator.TANH);
    }

    /** {@code atan2(this, x)}. */
    public Expr atan2(Expr x) {
        return binary(Operator.ATAN2, x);
    }

    public Expr hypot(Expr other) {
        return binary(Operator.HYPOT, other);
    }

    /** The elementwise minimum; NaN where either is NaN. */
    public Expr min(Expr other) {
        return binary(Operator.MINIMUM, other);
    }

    /** The elementwise maximum; NaN where either is NaN. */
    public Expr max(Expr other) {
        return binary(Operator.MAXIMUM, other);
    }

    // ---- complex numbers ----------------------------------------------------------------------

    /** {@code complex(re, im)}: complex128 from two real values. */
    public static Expr complex(Expr re, Expr im) {
        return Operation.of(Operator.COMPLEX, List.of(re, im));
    }

    /** {@code this.real}: the real part, float64 for complex128 (float32 for complex64); a real value itself. */
    public Expr real() {
        return unary(Operator.REAL);
    }

    /** {@code this.imag}: the imaginary part, float64 for complex128 (float32 for complex64); zeros of a real value's type. */
    public Expr imag() {
        return unary(Operator.IMAG);
    }

    /** {@code conj(this)}: the complex conjugate; a real value itself. */
    public Expr conj() {
        return unary(Operator.CONJ);
    }

    // ---- reductions ---------------------------------------------------------------------------

    /** The sum of the elements; int64 for integers. */
    public Expr sum() {
        return reduce(ReductionKind.SUM);
    }

    /** The mean of the elements; NaN for no elements. */
    public Expr mean() {
        return reduce(ReductionKind.MEAN);
    }

    /** The smallest element; NaN if any is NaN. */
    public Expr min() {
        return reduce(ReductionKind.MIN);
    }

    /** The largest element; NaN if any is NaN. */
    public Expr max() {
        return reduce(ReductionKind.MAX);
    }

    /** The number of elements. */
    public Expr count() {
        return reduce(ReductionKind.COUNT);
    }

    /** The population variance (NumPy's default, {@code ddof = 0}). */
    public Expr var() {
        return reduce(ReductionKind.VAR);
    }

    /** The population standard deviation ({@code ddof = 0}). */
    public Expr std() {
        return reduce(ReductionKind.STD);
    }

    /** The sum of the elements that are not NaN. */
    public Expr nansum() {
        return reduce(ReductionKind.NANSUM);
    }

    /** The mean of the elements that are not NaN. */
    public Expr nanmean() {
        return reduce(ReductionKind.NANMEAN);
    }

    /** The smallest element that is not NaN; NaN if all are. */
    public Expr nanmin() {
        return reduce(ReductionKind.NANMIN);
    }

    /** The largest element that is not NaN; NaN if all are. */
    public Expr nanmax() {
        return reduce(ReductionKind.NANMAX);
    }

    /** The number of elements that are not NaN. */
    public Expr nancount() {
        return reduce(ReductionKind.NANCOUNT);
    }

    // ---- what every node tells ----------------------------------------------------------------

    /** The element type of the result. */
    public abstract DType dtype();

    /** Whether the result is one number (a reduction) rather than an array. */
    public boolean isReduction() {
        return false;
    }

    /** The names and types of the symbols, in the order they first appear. */
    public Map<String, DType> symbols() {
        return new LinkedHashMap<>(symbolsInOrder());
    }

    /** {@link #symbols()}, unmodifiable and worked out once. */
    final Map<String, DType> symbolsInOrder() {
        Map<String, DType> symbols = symbolsInOrder;
        if (symbols == null) {
            Map<String, DType> collected = new LinkedHashMap<>();
            collectSymbols(this, collected);
            symbols = Collections.unmodifiableMap(collected);
            symbolsInOrder = symbols;
        }
        return symbols;
    }

    /** The function of every call in the tree, in the order the calls first appear; worked out once. */
    final List<VectorizedFunction> functionsInOrder() {
        List<VectorizedFunction> functions = functionsInOrder;
        if (functions == null) {
            List<VectorizedFunction> collected = new ArrayList<>();
            collectFunctions(this, collected);
            functions = Collections.unmodifiableList(collected);
            functionsInOrder = functions;
        }
        return functions;
    }

    private static void collectFunctions(Expr node, List<VectorizedFunction> functions) {
        if (node instanceof Call call) {
            functions.add(call.function());
        }
        for (Expr child : node.children()) {
            collectFunctions(child, functions);
        }
    }

    /** The hash of the tree's structure ({@link #structuralHash}), worked out once. */
    @Override
    public final int hashCode() {
        int h = hash;
        if (h == 0) {
            h = structuralHash();
            hash = h; // racy but safe: every thread computes the same int
        }
        return h;
    }

    /** A hash consistent with {@link #equals}, of this node and its operands. */
    abstract int structuralHash();

    private static void collectSymbols(Expr expr, Map<String, DType> symbols) {
        if (expr instanceof Symbol symbol) {
            DType earlier = symbols.putIfAbsent(symbol.name(), symbol.dtype());
            if (earlier != null && earlier != symbol.dtype()) {
                throw new IllegalArgumentException("symbol " + symbol.name() + " appears as " + earlier + " and as "
                        + symbol.dtype() + "; give it one type");
            }
        }
        for (Expr child : expr.children()) {
            collectSymbols(child, symbols);
        }
    }

    /** The operands, in order. */
    List<Expr> children() {
        if (this instanceof Operation operation) {
            return operation.operands();
        }
        if (this instanceof Call call) {
            return call.arguments();
        }
        if (this instanceof Reduction reduction) {
            return List.of(reduction.operand());
        }
        return List.of();
    }

    /** The levels below it: 0 for a symbol or a literal, one more than its deepest operand otherwise. */
    final int height() {
        return height;
    }

    /** Its operators and operands, as {@link #MAX_SIZE} counts them: 1 for a symbol or a literal. */
    final int size() {
        return size;
    }

    /**
     * The size of a node over {@code children}.
     *
     * @throws IllegalArgumentException if it would hold more than {@link #MAX_SIZE}
     */
    private static int sizeAbove(List<Expr> children) {
        long size = 1;
        for (Expr child : children) {
            size += child.size();
        }
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("expression of more than " + MAX_SIZE + " operators and operands"
                    + " (counting a shared subexpression as often as it occurs): compute its parts separately");
        }
        return (int) size;
    }

    /**
     * The height of a node over {@code children}.
     *
     * @throws IllegalArgumentException if it would nest deeper than {@link #MAX_DEPTH}
     */
    private static int heightAbove(List<Expr> children) {
        int height = 0;
        for (Expr child : children) {
            height = Math.max(height, child.height());
        }
        if (height >= MAX_DEPTH) {
            throw new IllegalArgumentException("expression nested deeper than " + MAX_DEPTH + " levels " + CHAINS);
        }
        return height + 1;
    }

    /** Whether it is a weak number: a literal, or arithmetic on literals only. */
    boolean isWeak() {
        return false;
    }

    /** Text that {@link #parse(String, Map)}, given {@link #symbols()}, reads back to an equal expression. */
    @Override
    public final String toString() {
        return ExprPrinter.print(this);
    }

    private Expr binary(Operator op, Expr other) {
        return Operation.of(op, List.of(this, Objects.requireNonNull(other, "other")));
    }

    private Expr unary(Operator op) {
        return Operation.of(op, List.of(this));
    }

    private Expr reduce(ReductionKind kind) {
        return new Reduction(kind, this);
    }
}
