package io.jvectorize;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a static scalar method for which jvectorize generates array kernels.
 *
 * <p>For a method {@code m} of class {@code p.Foo}, the jvectorize annotation processor writes
 * {@code p.FooVectorized} with, for each signature, an allocating variant {@code m(A[] a, ...)},
 * an into-{@code out} variant {@code m(A[] a, ..., R[] out)}, the same two split across threads
 * ({@code mParallel}), and, for methods of up to three parameters, every form in which some (not
 * all) arguments are scalars broadcast over the others.
 *
 * <pre>{@code
 * @Vectorize(signature = {"float32(float32)", "float64(float64)"})
 * static double poly(double t) {
 *     return (5.0 * t + 4.0) * t + 1.0;
 * }
 * }</pre>
 *
 * <p>The method must be static, not private, not generic, not varargs, take one or more primitive
 * parameters and return a primitive; its name must be unique among the {@code @Vectorize}
 * methods of its class. The processor reports anything else as a compile error on the method,
 * and {@code Functions.register} refuses such a method of a class compiled without the processor
 * with the same message.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Vectorize {

    /**
     * Numba-style signatures, such as {@code "float64(float64, float64)"}; empty means the
     * method's own types.
     *
     * <p>Type names: {@code float64 | f8 | double}, {@code float32 | f4 | float},
     * {@code int64 | i8}, {@code int32 | i4}, {@code int16 | i2}, {@code int8 | i1},
     * {@code boolean | b1}. Whitespace is ignored. Each argument type must widen to the
     * method's parameter type, as Java widens primitives; the result is converted to the
     * signature's return type as a Java cast would. List narrower signatures first: a call by
     * name picks the first signature that accepts its arguments.
     */
    String[] signature() default {};

    /**
     * The identity of a binary function whose signature is {@code R(A, A)} with {@code R = A},
     * as NumPy's ufuncs have one: a number ({@code "0"}, {@code "1"}, {@code "-1.5"}),
     * {@code "inf"} or {@code "-inf"}; or {@code "reorderable"}, for a function with no identity
     * that may still be regrouped; empty: none.
     *
     * <p>For such a signature the companion also has {@code mReduce} (NumPy's left fold; an
     * empty array gives the identity, or an {@code IllegalArgumentException} where there is
     * none), {@code mAccumulate}, {@code mOuter} and {@code mAt}; with an identity or
     * {@code "reorderable"}, also {@code mReduceParallel}, which folds fixed chunks and combines
     * them in a fixed tree, so that its result is the same for every thread count. The value
     * must be exact in the signature's type: {@code "1.5"} or {@code "inf"} is no identity of
     * an int64 function.
     */
    String identity() default "";
}
