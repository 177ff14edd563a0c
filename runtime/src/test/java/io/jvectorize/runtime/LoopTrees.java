package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the tests of generated loops share: random expression trees of the operators loops
 * cover, their data, and what {@link Compute#explain} says of a loop.
 */
final class LoopTrees {

    private LoopTrees() {}

    static final Expr A = Expr.symbol("a");
    static final Expr B = Expr.symbol("b");
    static final Expr S = Expr.symbol("s");
    static final Expr FLAG = Expr.symbol("flag", DType.BOOLEAN);
    static final Operator[] ARITHMETIC = {Operator.NEG, Operator.ABS, Operator.SQRT, Operator.ADD,
        Operator.SUB, Operator.MUL, Operator.DIV, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW};
    static final Operator[] COMPARISONS = {Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.EQ,
        Operator.NE};
    static final String LOOP = "in one generated Vector API loop";
    /** Written integer exponents, each a product or a quotient of products in the loop. */
    static final double[] EXPONENTS = {2, 3, 4, -1, -2, -3, -4};
    static final Operator[] LOGIC = {Operator.AND, Operator.OR, Operator.XOR};

    /** A condition of a loop: a comparison or a bool array, sometimes combined with & | ^ ~ (masks in the loop). */
    private static Expr condition(Random random, int depth, java.util.function.Supplier<Expr> operand) {
        Expr condition = random.nextInt(4) == 0 ? FLAG : new Operation(COMPARISONS[random.nextInt(COMPARISONS.length)],
                List.of(operand.get(), operand.get()));
        // Deep in the tree only, so that trees stay within what one loop holds (LoopShape.MAX_OPERATIONS).
        switch (depth < 3 ? 3 : random.nextInt(4)) {
            case 0: return condition.not();
            case 1: return new Operation(LOGIC[random.nextInt(LOGIC.length)], List.of(condition, FLAG));
            default: return condition;
        }
    }
    /** What explain says of a reduction whose operand runs in the loop. */
    static final String REDUCTION_LOOP = "each through one generated Vector API loop";

    /**
     * Random float64 trees of the operators a loop covers: arithmetic (powers by small written
     * integers), and where on comparisons or a bool array, combined with logic.
     */
    static Expr tree(Random random, int depth) {
        int pick = random.nextInt(10);
        if (depth >= 5 || pick < 3) {
            switch (random.nextInt(5)) {
                case 0: return B;
                case 1: return S;
                case 2: return Expr.literal(random.nextBoolean() ? random.nextGaussian()
                        : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
                default: return A;
            }
        }
        if (pick == 3) {
            Expr condition = condition(random, depth, () -> tree(random, depth + 2));
            return Expr.where(condition, tree(random, depth + 1), tree(random, depth + 1));
        }
        Operator op = ARITHMETIC[random.nextInt(ARITHMETIC.length)];
        if (op == Operator.POW) {
            return tree(random, depth + 1).pow(Expr.literal(EXPONENTS[random.nextInt(EXPONENTS.length)]));
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            operands.add(tree(random, depth + 1));
        }
        return new Operation(op, operands);
    }

    static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        data.put("a", ComputeTesting.doubles(random, n));
        data.put("b", ComputeTesting.doubles(random, n));
        data.put("flag", ComputeTesting.booleans(random, n));
        data.put("s", random.nextBoolean() ? random.nextGaussian()
                : ComputeTesting.SPECIAL_DOUBLES[random.nextInt(ComputeTesting.SPECIAL_DOUBLES.length)]);
        return data;
    }

    static boolean hasArrays(Expr e) {
        if (e instanceof Symbol symbol) {
            return !symbol.name().equals("s"); // parsed trees have symbols of their own
        }
        for (Expr child : e.children()) {
            if (hasArrays(child)) {
                return true;
            }
        }
        return false;
    }

    static final Operator[] INTEGER_ARITHMETIC = {Operator.NEG, Operator.ABS, Operator.ADD, Operator.SUB,
        Operator.MUL, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW, Operator.AND, Operator.OR, Operator.XOR,
        Operator.INVERT};

    /** Random integer trees of the operators an integer loop covers: wrapping arithmetic, bitwise logic, and where. */
    static Expr integerTree(Random random, int depth, DType type) {
        int pick = random.nextInt(10);
        if (depth >= 5 || pick < 3) {
            switch (random.nextInt(5)) {
                case 0: return Expr.symbol("b", type);
                case 1: return Expr.symbol("s", type);
                case 2: return Expr.literal(random.nextBoolean() ? random.nextInt(21) - 10
                        : ComputeTesting.SPECIAL_INTS[random.nextInt(ComputeTesting.SPECIAL_INTS.length)]);
                default: return Expr.symbol("a", type);
            }
        }
        if (pick == 3) {
            Expr condition = condition(random, depth, () -> integerTree(random, depth + 2, type));
            return Expr.where(condition, integerTree(random, depth + 1, type), integerTree(random, depth + 1, type));
        }
        Operator op = INTEGER_ARITHMETIC[random.nextInt(INTEGER_ARITHMETIC.length)];
        if (op == Operator.POW) {
            // A literal base would be folded, and its square may not fit int32.
            Expr base = integerTree(random, depth + 1, type);
            return (base instanceof Literal ? Expr.symbol("a", type) : base).pow(Expr.literal(2 + random.nextInt(3)));
        }
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < op.arity(); i++) {
            operands.add(integerTree(random, depth + 1, type));
        }
        if (operands.stream().allMatch(operand -> operand instanceof Literal)) {
            // Parsed, literals alone are folded, exactly: their result may not fit int32.
            operands.set(0, Expr.symbol("a", type));
        }
        return new Operation(op, operands);
    }
}
