package io.jvectorize.spark;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.Lowering;
import io.jvectorize.runtime.internal.plan.Term;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random typed expression trees over symbols of every type, built with the public builders
 * (the idea of the runtime's {@code ComputeRandomTreesTest} generator): every operator of
 * {@link SparkOperator}, every reduction of {@link SparkReduction}, and calls of the samples'
 * {@code @Vectorize} functions; integer and float literals, NaN and infinities among them.
 *
 * <p>Every entry of {@link SparkOperator} is drawn, the functions since issue #14 and the
 * planner's powers by small integers ({@code x ** 3}) among them.
 *
 * <p>Each tree is exact on Spark (every value bit for bit the in-JVM reference engine's) except
 * where said: Spark 4.2 calls {@code StrictMath} for {@code exp}, {@code log}, {@code log10} and
 * float {@code **} (the engine {@code Math}, within 1 ulp), so those appear only at the root;
 * float sums, means and variances add in another order, so they appear only as the root
 * reduction (compared within a rounding bound), never inside an elementwise expression.
 */
final class RandomTrees {
    /** Symbol name to its type; {@code g} and {@code j} are bound to narrower columns (float32, int32). */
    static final Map<String, DType> SYMBOLS = symbols();
    /** The Spark column type of each symbol's data. */
    static final Map<String, DType> COLUMNS = columns();

    private static final Set<SparkOperator> STRICT_MATH = EnumSet.of(SparkOperator.EXP, SparkOperator.LOG,
            SparkOperator.LOG10, SparkOperator.POW);
    static final Set<SparkReduction> REASSOCIATED = EnumSet.of(SparkReduction.SUM, SparkReduction.MEAN,
            SparkReduction.VAR, SparkReduction.STD, SparkReduction.NANSUM, SparkReduction.NANMEAN);
    private static final String[] FUNCTIONS = {"Seed.poly", "Seed.gaussian"};

    /**
     * The operators that raise for an integer zero. With missing values the reference computes
     * only the rows where every symbol of a tree is present, while Spark raises on any row where
     * the operator's own operands are: those batches draw none of them (their sure error trees,
     * {@code l % (j - j)} and the like, still run).
     */
    private static final Set<SparkOperator> RAISING = EnumSet.of(SparkOperator.MOD, SparkOperator.FLOOR_DIVIDE,
            SparkOperator.FMOD, SparkOperator.RECIPROCAL);

    private final SplittableRandom random;
    private final boolean forMissingValues;

    /**
     * @param forMissingValues for data with missing values: no reduction inside an elementwise
     *     expression, no operator that raises for an integer zero
     */
    RandomTrees(SplittableRandom random, boolean forMissingValues) {
        this.random = random;
        this.forMissingValues = forMissingValues;
    }

    /** A tree with at least one symbol, typed without error, exact on Spark but where the class says. */
    Expr tree() {
        while (true) {
            try {
                Expr e = node(0);
                int root = random.nextInt(10);
                if (root < 2) {
                    e = reduction().build(e);
                } else if (root == 2) {
                    e = strictMath(e);
                }
                Term term = Lowering.term(e);
                if ((e.isReduction() || hasSymbolOutsideReductions(term)) && exactBelowRoot(term, true)) {
                    return e;
                }
            } catch (IllegalArgumentException typingError) {
                // another
            }
        }
    }

    /** Whether a term is StrictMath-free and sums-free below its root (the root itself may be either). */
    static boolean exactBelowRoot(Term term, boolean root) {
        if (!root) {
            if (term instanceof Term.Apply apply && STRICT_MATH.contains(SparkOperator.valueOf(apply.op().name()))
                    && apply.type().isFloating()) {
                return false;
            }
            if (term instanceof Term.Reduce reduce && reassociated(reduce)) {
                return false;
            }
        }
        List<Term> children = term instanceof Term.Apply a ? a.operands()
                : term instanceof Term.Invoke i ? i.arguments()
                : term instanceof Term.Reduce r ? List.of(r.operand()) : List.of();
        for (Term child : children) {
            if (!exactBelowRoot(child, false)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a reduction's float value depends on the order of addition. */
    static boolean reassociated(Term.Reduce reduce) {
        return REASSOCIATED.contains(SparkReduction.valueOf(reduce.kind().name()))
                && (reduce.type().isFloating());
    }

    /** Whether an elementwise term has rows of its own: a symbol not inside a reduction. */
    static boolean hasSymbolOutsideReductions(Term term) {
        if (term instanceof Term.Symbol) {
            return true;
        }
        List<Term> children = term instanceof Term.Apply a ? a.operands()
                : term instanceof Term.Invoke i ? i.arguments() : List.of();
        return children.stream().anyMatch(RandomTrees::hasSymbolOutsideReductions);
    }

    /** Whether the term holds a reduction below its root. */
    static boolean hasNestedReduction(Term term, boolean root) {
        if (!root && term instanceof Term.Reduce) {
            return true;
        }
        List<Term> children = term instanceof Term.Apply a ? a.operands()
                : term instanceof Term.Invoke i ? i.arguments()
                : term instanceof Term.Reduce r ? List.of(r.operand()) : List.of();
        return children.stream().anyMatch(c -> hasNestedReduction(c, false));
    }

    private Expr strictMath(Expr operand) {
        switch (random.nextInt(4)) {
            case 0: return operand.exp();
            case 1: return operand.log();
            case 2: return operand.log10();
            default: return operand.pow(leaf());
        }
    }

    private SparkReduction reduction() {
        SparkReduction[] kinds = SparkReduction.values();
        return kinds[random.nextInt(kinds.length)];
    }

    private Expr node(int depth) {
        int pick = random.nextInt(20);
        if (depth >= 4 || pick < 5) {
            return leaf();
        }
        if (pick == 5 && !forMissingValues) {
            Expr inner = node(depth + 1);
            return inner.isReduction() ? inner : reduction().build(inner);
        }
        if (pick == 6) {
            return Expr.call(FUNCTIONS[random.nextInt(FUNCTIONS.length)], node(depth + 1));
        }
        SparkOperator[] operators = SparkOperator.values();
        SparkOperator op = operators[random.nextInt(operators.length)];
        if (STRICT_MATH.contains(op) && op != SparkOperator.POW || forMissingValues && RAISING.contains(op)) {
            return leaf();
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            // The sign bit of a computed NaN is the hardware's (Java leaves it open), so the operand
            // whose sign copysign and signbit read is data or a literal.
            boolean readsSign = op == SparkOperator.SIGNBIT || op == SparkOperator.COPYSIGN && i == 1;
            operands.add(readsSign ? leaf() : node(depth + 1));
        }
        return op.build(operands);
    }

    private Expr leaf() {
        int pick = random.nextInt(10);
        if (pick < 7) {
            List<String> names = new ArrayList<>(SYMBOLS.keySet());
            String name = names.get(random.nextInt(names.size()));
            return Expr.symbol(name, SYMBOLS.get(name));
        }
        if (pick < 9) {
            return Expr.literal((long) (random.nextInt(7) - 2));
        }
        double[] specials = (double[]) Values.special(DType.FLOAT64);
        return Expr.literal(random.nextBoolean() ? random.nextDouble(-4, 4) : specials[random.nextInt(specials.length)]);
    }

    /**
     * Columns of {@code n} rows for the symbols: special values of each type (NaN, infinities,
     * signed zeros, subnormals, extremes) and random ones, in random order; {@code e} small
     * non-negative exponents.
     */
    static Map<String, Object> data(SplittableRandom random, int n) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, DType> column : COLUMNS.entrySet()) {
            Object pool = column.getKey().equals("e") ? new int[] {0, 1, 2, 3, 5, 31, 62, 63, 64}
                    : Values.special(column.getValue());
            int size = java.lang.reflect.Array.getLength(pool);
            Object values = java.lang.reflect.Array.newInstance(column.getValue().arrayType().getComponentType(), n);
            for (int i = 0; i < n; i++) {
                java.lang.reflect.Array.set(values, i, java.lang.reflect.Array.get(pool, random.nextInt(size)));
            }
            data.put(column.getKey(), values);
        }
        return data;
    }

    private static Map<String, DType> symbols() {
        Map<String, DType> symbols = new LinkedHashMap<>();
        symbols.put("a", DType.FLOAT64);
        symbols.put("b", DType.FLOAT64);
        symbols.put("f", DType.FLOAT32);
        symbols.put("g", DType.FLOAT64);
        symbols.put("l", DType.INT64);
        symbols.put("i", DType.INT32);
        symbols.put("j", DType.INT64);
        symbols.put("e", DType.INT32);
        symbols.put("p", DType.BOOLEAN);
        return symbols;
    }

    private static Map<String, DType> columns() {
        Map<String, DType> columns = new LinkedHashMap<>(symbols());
        columns.put("g", DType.FLOAT32);
        columns.put("j", DType.INT32);
        return columns;
    }
}
