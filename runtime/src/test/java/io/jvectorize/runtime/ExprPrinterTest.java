package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** toString writes text that {@link Expr#parse} reads back to an equal expression. */
class ExprPrinterTest {
    private static final Map<String, DType> TYPES = Map.of("x", DType.FLOAT64, "y", DType.FLOAT64,
            "f", DType.FLOAT32, "g", DType.FLOAT32, "i", DType.INT32, "n", DType.INT64, "b", DType.BOOLEAN,
            // Symbols named like constants and functions.
            "pi", DType.FLOAT32, "e", DType.INT32, "sum", DType.FLOAT64);
    private static final List<String> NAMES = List.copyOf(TYPES.keySet());

    private static void assertRoundTrip(Expr expr) {
        String text = expr.toString();
        Expr back = Expr.parse(text, expr.symbols());
        assertEquals(expr, back, text);
        assertEquals(expr.hashCode(), back.hashCode(), text);
        assertEquals(text, back.toString());
    }

    /** Texts already in the printer's form: parsed and printed, they come back unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "-x", "--x", "-x ** 2", "(-x) ** 2", "2 ** 3 ** x", "(2 ** x) ** 2", "2 ** -1.5",
        "2 ** -x", "2 ** -x ** 2", "2 ** (-5) ** x", "x ** (y * 2)", "a - b - c", "a - (b - c)", "a / b * c",
        "a / (b * c)", "a + b * c", "(a + b) * c", "-x * y", "x * -y", "x - -5", "x * -1.5", "-(x + 5)",
        "-5", "-0.0", "0.0", "1.0E-5", "1.0E21", "4.9E-324", "-inf", "inf", "nan", "(-5) ** x", "(-inf) ** 2",
        "-9223372036854775808", "9223372036854775807", "a < b", "(a < b) == (c > x)", "a + b < c * x",
        "(a + b < c) != (x >= 0)", "x - mean(x)", "sum((x - mean(x)) ** 2)", "min(x)", "min(x, y)",
        "where(x > 0, x, 0)", "where(x > 0, -x, x ** 2) - 1", "atan2(y, x) % 3.141592653589793",
        "sqrt(-x)", "abs(-5.0)", "x // 2 % 3", "x > 0 & y < 1 | x > y", "clip(x, 0, 1)", "floor(-x) // 2", "hypot(x, y) ** 0.5", "sum(x * y) / count(x)", "nanmean(x) - nanstd"})
    void printsWhatItParses(String text) {
        Expr expr = Expr.parse(text);
        assertEquals(text, expr.toString());
        assertRoundTrip(expr);
    }

    @Test
    void parsesWhatItPrints() {
        Expr x = Expr.symbol("x");
        Expr f = Expr.symbol("f", DType.FLOAT32);
        Expr i = Expr.symbol("i", DType.INT32);
        assertRoundTrip(Expr.literal(5).neg());
        assertRoundTrip(Expr.literal(-5).neg());
        assertRoundTrip(Expr.literal(-5.5).pow(x));
        assertRoundTrip(x.pow(Expr.literal(-5.5)));
        assertRoundTrip(Expr.literal(Double.NEGATIVE_INFINITY).pow(Expr.literal(Double.NEGATIVE_INFINITY)));
        assertRoundTrip(Expr.literal(Long.MIN_VALUE).pow(Expr.literal(Long.MIN_VALUE)));
        assertRoundTrip(Expr.literal(-0.0).neg().neg());
        assertRoundTrip(x.sub(x.mean()).div(x.std()));
        assertRoundTrip(f.mul(2.0).add(i).lt(f).eq(x.gt(0)));
        assertRoundTrip(Expr.where(i.ge(0), i, Expr.literal(0)).sum());
        assertRoundTrip(Expr.symbol("pi", DType.FLOAT32).mul(Expr.literal(Math.PI)));
        assertRoundTrip(Expr.symbol("x1_β").add(Expr.symbol("min")));
    }

    // ---- random trees -------------------------------------------------------------------------

    private static final List<UnaryOperator<Expr>> UNARY = List.of(Expr::neg, Expr::abs, Expr::sqrt, Expr::exp,
            Expr::expm1, Expr::log, Expr::log10, Expr::log1p, Expr::sin, Expr::cos, Expr::tan, Expr::asin,
            Expr::acos, Expr::atan, Expr::sinh, Expr::cosh, Expr::tanh, Expr::not, e -> Expr.call("floor", e),
            e -> Expr.call("ceil", e), e -> Expr.call("trunc", e), e -> Expr.call("rint", e), e -> Expr.call("round", e),
            e -> Expr.call("sign", e), e -> Expr.call("reciprocal", e), e -> Expr.call("exp2", e),
            e -> Expr.call("log2", e), e -> Expr.call("arcsinh", e), e -> Expr.call("arccosh", e),
            e -> Expr.call("arctanh", e), e -> Expr.call("isnan", e), e -> Expr.call("isinf", e),
            e -> Expr.call("isfinite", e), e -> Expr.call("signbit", e), e -> Expr.call("copy", e),
            e -> Expr.call("ones_like", e), e -> Expr.call("square", e), Expr::real, Expr::imag, Expr::conj);
    private static final List<BinaryOperator<Expr>> BINARY = List.of(Expr::add, Expr::sub, Expr::mul, Expr::div,
            Expr::mod, Expr::pow, Expr::lt, Expr::le, Expr::gt, Expr::ge, Expr::eq, Expr::ne, Expr::atan2,
            Expr::hypot, Expr::min, Expr::max, (a, b) -> Expr.call("pow", a, b), Expr::and, Expr::or, Expr::xor,
            Expr::floorDiv, Expr::shiftLeft, Expr::shiftRight, (a, b) -> Expr.call("fmod", a, b),
            (a, b) -> Expr.call("copysign", a, b), (a, b) -> Expr.call("nextafter", a, b),
            (a, b) -> Expr.call("clip", a, b, a), (a, b) -> Expr.call("maximum", a, b), Expr::complex);
    private static final List<UnaryOperator<Expr>> REDUCTIONS = List.of(Expr::sum, Expr::mean, Expr::min,
            Expr::max, Expr::count, Expr::var, Expr::std, Expr::nansum, Expr::nanmean, Expr::nanmin, Expr::nanmax,
            Expr::nancount);
    private static final long[] LONGS = {0, 1, 2, 3, -1, -2, -7, 10, 1000, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] DOUBLES = {0.0, -0.0, 0.5, 1.0, -1.0, 2.5, -2.25, 1e-7, 1e300, -1e-300,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE,
            Math.PI, Math.E};

    private static Expr randomTree(Random random, int depth) {
        int choice = depth == 0 ? random.nextInt(2) : random.nextInt(12);
        switch (choice) {
            case 0: {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                return Expr.symbol(name, TYPES.get(name));
            }
            case 1:
                if (random.nextBoolean()) {
                    return Expr.literal(random.nextInt(4) == 0 ? random.nextLong() : LONGS[random.nextInt(LONGS.length)]);
                }
                return Expr.literal(random.nextInt(4) == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)
                        : DOUBLES[random.nextInt(DOUBLES.length)]);
            case 2:
            case 3:
            case 4: {
                Expr operand = randomTree(random, depth - 1);
                return orElse(() -> UNARY.get(random.nextInt(UNARY.size())).apply(operand), operand);
            }
            case 5: {
                Expr operand = randomTree(random, depth - 1);
                return orElse(() -> REDUCTIONS.get(random.nextInt(REDUCTIONS.size())).apply(operand), operand);
            }
            case 6: {
                Expr condition = randomTree(random, depth - 1);
                Expr a = randomTree(random, depth - 1);
                Expr b = randomTree(random, depth - 1);
                return orElse(() -> Expr.where(condition, a, b), a);
            }
            default: {
                Expr a = randomTree(random, depth - 1);
                Expr b = randomTree(random, depth - 1);
                return orElse(() -> BINARY.get(random.nextInt(BINARY.size())).apply(a, b), b);
            }
        }
    }

    /** The node, or {@code fallback} where its types do not fit, so that most trees are deep. */
    private static Expr orElse(Supplier<Expr> node, Expr fallback) {
        try {
            return node.get();
        } catch (IllegalArgumentException typingError) {
            return fallback;
        }
    }

    @Test
    void randomTreesRoundTrip() {
        Random random = new Random(20240607);
        Set<Operator> operators = EnumSet.noneOf(Operator.class);
        Set<ReductionKind> reductions = EnumSet.noneOf(ReductionKind.class);
        int nestedReductions = 0;
        for (int k = 0; k < 5000; k++) {
            Expr expr = randomTree(random, 1 + random.nextInt(6));
            assertRoundTrip(expr);
            collect(expr, operators, reductions);
            if (!expr.isReduction() && expr.toString().contains("(") && containsReduction(expr)) {
                nestedReductions++;
            }
        }
        assertEquals(EnumSet.copyOf(ComputeTesting.writtenOperators()), operators);
        assertEquals(EnumSet.allOf(ReductionKind.class), reductions);
        assertTrue(nestedReductions > 100, "nested reductions: " + nestedReductions);
    }

    private static void collect(Expr expr, Set<Operator> operators, Set<ReductionKind> reductions) {
        if (expr instanceof Operation operation) {
            operators.add(operation.op());
        } else if (expr instanceof Reduction reduction) {
            reductions.add(reduction.kind());
        }
        for (Expr child : expr.children()) {
            collect(child, operators, reductions);
        }
    }

    private static boolean containsReduction(Expr expr) {
        return expr.isReduction() || expr.children().stream().anyMatch(ExprPrinterTest::containsReduction);
    }
}
