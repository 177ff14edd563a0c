package io.jvectorize.runtime.internal.op;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * An operator's scalar form: for each {@link Kind} of operands it applies to, a function of
 * one element of each operand, as a functional interface whose one method's parameter and
 * return types say the element types it reads and writes (a comparison of doubles reads two
 * doubles and gives a boolean). Engines never call these per element through an interface:
 * generated block kernels hold the function as a constant, which C2 inlines into the loop.
 */
public final class Scalar {

    /** {@code (double, double) -> boolean}: a comparison of two doubles. */
    @FunctionalInterface
    public interface DoubleTest {
        boolean test(double a, double b);
    }

    /** {@code (long, long) -> boolean}: a comparison of two longs. */
    @FunctionalInterface
    public interface LongTest {
        boolean test(long a, long b);
    }

    /** {@code (boolean, boolean) -> boolean}: a comparison of two booleans (false below true). */
    @FunctionalInterface
    public interface BooleanTest {
        boolean test(boolean a, boolean b);
    }

    /** {@code (boolean, boolean) -> boolean}: logic on two booleans. */
    @FunctionalInterface
    public interface BooleanBinaryOperator {
        boolean apply(boolean a, boolean b);
    }

    /** {@code boolean -> boolean}: logic on one boolean. */
    @FunctionalInterface
    public interface BooleanUnaryOperator {
        boolean apply(boolean a);
    }

    /** {@code (double, double, double) -> double}: clip. */
    @FunctionalInterface
    public interface DoubleTernaryOperator {
        double apply(double a, double b, double c);
    }

    /** {@code (long, long, long) -> long}: clip. */
    @FunctionalInterface
    public interface LongTernaryOperator {
        long apply(long a, long b, long c);
    }

    /** {@code (boolean, double, double) -> double}: a choice by a condition. */
    @FunctionalInterface
    public interface DoubleChoice {
        double choose(boolean condition, double a, double b);
    }

    /** {@code (boolean, long, long) -> long}: a choice by a condition. */
    @FunctionalInterface
    public interface LongChoice {
        long choose(boolean condition, long a, long b);
    }

    /** {@code (boolean, boolean, boolean) -> boolean}: a choice by a condition. */
    @FunctionalInterface
    public interface BooleanChoice {
        boolean choose(boolean condition, boolean a, boolean b);
    }

    private final Map<Kind, Object> functions;
    private final boolean throwing;

    private Scalar(Map<Kind, Object> functions, boolean throwing) {
        this.functions = functions;
        this.throwing = throwing;
    }

    static Scalar onNumbers(DoubleUnaryOperator doubles, LongUnaryOperator longs) {
        return of(doubles, longs, null);
    }

    static Scalar onNumbers(DoubleBinaryOperator doubles, LongBinaryOperator longs) {
        return of(doubles, longs, null);
    }

    static Scalar onDoubles(DoubleUnaryOperator doubles) {
        return of(doubles, null, null);
    }

    static Scalar onDoubles(DoubleBinaryOperator doubles) {
        return of(doubles, null, null);
    }

    /** Logic on booleans, bitwise on integers; no floating-point form. */
    static Scalar bitwise(LongBinaryOperator longs, BooleanBinaryOperator booleans) {
        return of(null, longs, booleans);
    }

    static Scalar bitwise(LongUnaryOperator longs, BooleanUnaryOperator booleans) {
        return of(null, longs, booleans);
    }

    static Scalar onNumbers(DoubleTernaryOperator doubles, LongTernaryOperator longs) {
        return of(doubles, longs, null);
    }

    /** On booleans too: arithmetic NumPy defines on two booleans ({@code +} is or, {@code *} is and). */
    static Scalar onAll(DoubleBinaryOperator doubles, LongBinaryOperator longs, BooleanBinaryOperator booleans) {
        return of(doubles, longs, booleans);
    }

    static Scalar onAll(DoubleUnaryOperator doubles, LongUnaryOperator longs, BooleanUnaryOperator booleans) {
        return of(doubles, longs, booleans);
    }

    /** A test of one value of every kind: isnan, signbit. */
    static Scalar predicate(DoublePredicate doubles, LongPredicate longs, BooleanUnaryOperator booleans) {
        return of(doubles, longs, booleans);
    }

    /** Integers only. */
    static Scalar onLongs(LongBinaryOperator longs) {
        return of(null, longs, null);
    }

    static Scalar compare(DoubleTest doubles, LongTest longs, BooleanTest booleans) {
        return of(doubles, longs, booleans);
    }

    static Scalar choose(DoubleChoice doubles, LongChoice longs, BooleanChoice booleans) {
        return of(doubles, longs, booleans);
    }

    /** No real form: for an operator whose values only {@link ComplexKernels} computes. */
    static Scalar none() {
        return new Scalar(new EnumMap<>(Kind.class), false);
    }

    private static Scalar of(Object doubles, Object longs, Object booleans) {
        Map<Kind, Object> functions = new EnumMap<>(Kind.class);
        if (doubles != null) {
            functions.put(Kind.DOUBLE, doubles);
        }
        if (longs != null) {
            functions.put(Kind.LONG, longs);
        }
        if (booleans != null) {
            functions.put(Kind.BOOLEAN, booleans);
        }
        return new Scalar(functions, false);
    }

    /** The same, marked as throwing {@link ArithmeticException} for some integer operands. */
    Scalar throwing() {
        return new Scalar(functions, true);
    }

    /** Whether it may throw {@link ArithmeticException} (integer {@code % 0}, negative integer powers). */
    public boolean isThrowing() {
        return throwing;
    }

    /** Whether it applies to operands of this kind (the branches' kind, for {@code where}). */
    public boolean appliesTo(Kind kind) {
        return functions.containsKey(kind);
    }

    /**
     * The function for operands of this kind: an instance of {@link #interfaceOf its interface}.
     *
     * @throws IllegalStateException where it does not apply to them (typing rules that out)
     */
    public Object function(Kind kind) {
        Object function = functions.get(kind);
        if (function == null) {
            throw new IllegalStateException("no " + kind + " form");
        }
        return function;
    }

    /**
     * Every interface a scalar form implements. Looked up in this list, not by the
     * {@code @FunctionalInterface} annotation: reading annotations generates a proxy class,
     * which a fresh JVM's first compute would pay for (#18).
     */
    private static final List<Class<?>> INTERFACES = List.of(DoubleUnaryOperator.class, DoubleBinaryOperator.class,
            DoubleTernaryOperator.class, DoublePredicate.class, DoubleTest.class, DoubleChoice.class,
            LongUnaryOperator.class, LongBinaryOperator.class, LongTernaryOperator.class, LongPredicate.class,
            LongTest.class, LongChoice.class, BooleanUnaryOperator.class, BooleanBinaryOperator.class,
            BooleanTest.class, BooleanChoice.class);

    /** The functional interface the function for this kind implements. */
    public Class<?> interfaceOf(Kind kind) {
        for (Class<?> candidate : function(kind).getClass().getInterfaces()) {
            if (INTERFACES.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("a scalar form implements none of Scalar's interfaces");
    }

    /** The one abstract method of that interface: its parameter and return types are the elements'. */
    public Method methodOf(Kind kind) {
        for (Method method : interfaceOf(kind).getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())) {
                return method;
            }
        }
        throw new IllegalStateException("a functional interface without an abstract method");
    }

    /**
     * Applies the function for this kind to one value of each operand, boxed: for the planner's
     * numbers, computed once per run. Engines loop over generated kernels instead. Called
     * through its interface, not a method handle, whose adapters a fresh JVM would spin first.
     *
     * @throws ArithmeticException as the function does (integer {@code % 0}, negative integer powers)
     */
    public Object apply(Kind kind, Object... operands) {
        Object f = function(kind);
        if (f instanceof DoubleUnaryOperator g) {
            return g.applyAsDouble(d(operands[0]));
        } else if (f instanceof DoubleBinaryOperator g) {
            return g.applyAsDouble(d(operands[0]), d(operands[1]));
        } else if (f instanceof DoubleTernaryOperator g) {
            return g.apply(d(operands[0]), d(operands[1]), d(operands[2]));
        } else if (f instanceof DoublePredicate g) {
            return g.test(d(operands[0]));
        } else if (f instanceof DoubleTest g) {
            return g.test(d(operands[0]), d(operands[1]));
        } else if (f instanceof DoubleChoice g) {
            return g.choose((boolean) operands[0], d(operands[1]), d(operands[2]));
        } else if (f instanceof LongUnaryOperator g) {
            return g.applyAsLong(l(operands[0]));
        } else if (f instanceof LongBinaryOperator g) {
            return g.applyAsLong(l(operands[0]), l(operands[1]));
        } else if (f instanceof LongTernaryOperator g) {
            return g.apply(l(operands[0]), l(operands[1]), l(operands[2]));
        } else if (f instanceof LongPredicate g) {
            return g.test(l(operands[0]));
        } else if (f instanceof LongTest g) {
            return g.test(l(operands[0]), l(operands[1]));
        } else if (f instanceof LongChoice g) {
            return g.choose((boolean) operands[0], l(operands[1]), l(operands[2]));
        } else if (f instanceof BooleanUnaryOperator g) {
            return g.apply((boolean) operands[0]);
        } else if (f instanceof BooleanBinaryOperator g) {
            return g.apply((boolean) operands[0], (boolean) operands[1]);
        } else if (f instanceof BooleanTest g) {
            return g.test((boolean) operands[0], (boolean) operands[1]);
        } else if (f instanceof BooleanChoice g) {
            return g.choose((boolean) operands[0], (boolean) operands[1], (boolean) operands[2]);
        }
        throw new IllegalStateException("a scalar form implements none of Scalar's interfaces");
    }

    /** An operand as a double: a float32 value (a Float) or an integer widened, as a method handle's unboxing would. */
    private static double d(Object operand) {
        return ((Number) operand).doubleValue();
    }

    /** An operand as a long: an int32 value (an Integer) widened. */
    private static long l(Object operand) {
        return ((Number) operand).longValue();
    }
}
