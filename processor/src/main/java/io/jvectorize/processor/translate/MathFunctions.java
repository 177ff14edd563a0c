package io.jvectorize.processor.translate;

import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.spec.NumericType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Math} and {@code StrictMath} functions that have a lanewise operation, and the
 * type each computes in, as Java picks among their overloads.
 */
final class MathFunctions {

    private static final Map<String, LaneOp> FUNCTIONS = Map.ofEntries(
            Map.entry("abs", LaneOp.ABS), Map.entry("min", LaneOp.MIN), Map.entry("max", LaneOp.MAX),
            Map.entry("fma", LaneOp.FMA), Map.entry("sqrt", LaneOp.SQRT), Map.entry("cbrt", LaneOp.CBRT),
            Map.entry("exp", LaneOp.EXP), Map.entry("expm1", LaneOp.EXPM1), Map.entry("log", LaneOp.LOG),
            Map.entry("log10", LaneOp.LOG10), Map.entry("log1p", LaneOp.LOG1P), Map.entry("sin", LaneOp.SIN),
            Map.entry("cos", LaneOp.COS), Map.entry("tan", LaneOp.TAN), Map.entry("asin", LaneOp.ASIN),
            Map.entry("acos", LaneOp.ACOS), Map.entry("atan", LaneOp.ATAN), Map.entry("sinh", LaneOp.SINH),
            Map.entry("cosh", LaneOp.COSH), Map.entry("tanh", LaneOp.TANH), Map.entry("atan2", LaneOp.ATAN2),
            Map.entry("hypot", LaneOp.HYPOT), Map.entry("pow", LaneOp.POW));

    private MathFunctions() {}

    /** Whether the class is {@code java.lang.Math} or {@code java.lang.StrictMath}. */
    static boolean isMath(String qualifiedName) {
        return qualifiedName.equals("java.lang.Math") || qualifiedName.equals("java.lang.StrictMath");
    }

    /** The lanewise operation of the function of that name, if it has one. */
    static Optional<LaneOp> operation(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    /**
     * The type the function computes in for arguments of these types: abs, min and max are
     * overloaded for int, long, float and double (promoted as operands are), fma for float and
     * double; every other function takes and returns double.
     */
    static NumericType type(LaneOp op, List<NumericType> arguments) {
        if (op != LaneOp.ABS && op != LaneOp.MIN && op != LaneOp.MAX && op != LaneOp.FMA) {
            return NumericType.FLOAT64;
        }
        NumericType type = NumericType.INT32;
        for (NumericType argument : arguments) {
            type = JavaNumerics.promote(type, argument);
        }
        return op == LaneOp.FMA && type != NumericType.FLOAT32 ? NumericType.FLOAT64 : type;
    }
}
