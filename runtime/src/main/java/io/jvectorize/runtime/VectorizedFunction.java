package io.jvectorize.runtime;

import io.jvectorize.spec.Limits;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A @Vectorize method that expressions can call by name: its class, its name and its overloads,
 * one per signature, in the order the annotation lists them. A call takes the first overload
 * whose argument types accept the call's arguments.
 */
public final class VectorizedFunction {

    /** How an overload runs; {@link Compute#explain} reports it for each call. */
    public enum Implementation {
        /** The Vector API loop the processor generated. */
        GENERATED_SIMD("generated SIMD kernel"),
        /** The scalar loop the processor generated. */
        GENERATED_SCALAR("generated scalar kernel"),
        /** The scalar method, called through a MethodHandle: no kernel was generated. */
        REFLECTIVE("reflective fallback");

        private final String description;

        Implementation(String description) {
            this.description = description;
        }

        /** How a generated overload runs here: SIMD where it has a SIMD loop and {@link Simd#ENABLED}. */
        public static Implementation generated(boolean hasSimdLoop) {
            return hasSimdLoop && Simd.ENABLED ? GENERATED_SIMD : GENERATED_SCALAR;
        }

        /** As {@link Compute#explain} writes it, e.g. "generated SIMD kernel". */
        public String description() {
            return description;
        }
    }

    /**
     * One signature of the function and the kernel that computes it.
     *
     * @param returnType the signature's return type
     * @param argumentTypes the signature's argument types
     * @param implementation how {@code kernel} runs
     * @param kernel the loop over a range of elements
     * @param lanes the function on one vector of each argument, of type
     *     {@code (DoubleVector, ...)DoubleVector}, which {@link Compute}'s generated loops call
     *     (see {@link #laneFunction}); null where there is none. It must compute what
     *     {@code kernel} computes, and neither it nor {@code kernel} may throw:
     *     {@link Compute#computeInto} writes a generated loop's results in place, and the
     *     kernel computes the loop's last few elements.
     * @param laneOperations the vector operations {@code lanes} holds (operators, math
     *     functions, comparisons, blends, broadcast constants), which a generated loop counts
     *     against its budget: 0 for an identity; a loop refuses a function that holds too many.
     *     Ignored (0) without a lane function
     */
    public record Overload(DType returnType, List<DType> argumentTypes, Implementation implementation,
            RangeKernel kernel, MethodHandle lanes, int laneOperations) {

        /**
         * The most vector operations a lane function holds: the processor writes none for a
         * larger method ({@link Limits#MAX_LANE_FUNCTION_OPERATIONS}, which says why).
         */
        public static final int MAX_LANE_OPERATIONS = Limits.MAX_LANE_FUNCTION_OPERATIONS;

        public Overload {
            Objects.requireNonNull(returnType, "returnType");
            argumentTypes = List.copyOf(argumentTypes);
            Objects.requireNonNull(implementation, "implementation");
            Objects.requireNonNull(kernel, "kernel");
            if (lanes != null && (returnType != DType.FLOAT64 || argumentTypes.stream().anyMatch(t -> t != DType.FLOAT64)
                    || !lanes.type().equals(LaneOps.functionType(argumentTypes.size())))) {
                throw new IllegalArgumentException("a lane function is for a float64 signature, of type (DoubleVector"
                        + ", ...)DoubleVector, one per argument; not " + lanes.type() + " for " + argumentTypes);
            }
            if (lanes == null) {
                laneOperations = 0; // laneFunction gives null without the Vector API
            } else if (laneOperations < 0) {
                throw new IllegalArgumentException("a lane function holds 0 or more vector operations, not "
                        + laneOperations);
            }
        }

        /**
         * An overload whose lane function's size is not known (as libraries generated before
         * {@code laneOperations} pass it): a generated loop counts it as the largest,
         * {@link #MAX_LANE_OPERATIONS}.
         */
        public Overload(DType returnType, List<DType> argumentTypes, Implementation implementation, RangeKernel kernel,
                MethodHandle lanes) {
            this(returnType, argumentTypes, implementation, kernel, lanes, MAX_LANE_OPERATIONS);
        }

        /** An overload without a lane function: calls run its kernel block by block. */
        public Overload(DType returnType, List<DType> argumentTypes, Implementation implementation, RangeKernel kernel) {
            this(returnType, argumentTypes, implementation, kernel, null, 0);
        }

        /** The signature in Numba's form, e.g. {@code float64(float64, int32)}. */
        public String signature() {
            return returnType.numpyName() + argumentTypes.stream().map(DType::numpyName)
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * The lane function {@code name} of class {@code className}, as generated SIMD classes
     * declare them: a static method of {@code arity} {@code DoubleVector} parameters returning
     * a {@code DoubleVector}. Null where the Vector API is not present; then the class is not
     * even loaded.
     *
     * @param lookup a lookup with access to the method: the generated kernel library's own
     * @throws IllegalStateException if there is no such method
     */
    public static MethodHandle laneFunction(MethodHandles.Lookup lookup, String className, String name, int arity) {
        if (!Simd.ENABLED) {
            return null;
        }
        try {
            return lookup.findStatic(lookup.findClass(className), name, LaneOps.functionType(arity));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no lane function " + className + "." + name + " of " + arity
                    + " DoubleVector arguments: recompile with the jvectorize processor that generated it", e);
        }
    }

    private final Class<?> declaringClass;
    private final String name;
    private final List<Overload> overloads;

    /**
     * @param declaringClass the class that declares the @Vectorize method
     * @param name the method's name
     * @param overloads its signatures, in the annotation's order
     */
    public VectorizedFunction(Class<?> declaringClass, String name, List<Overload> overloads) {
        this.declaringClass = Objects.requireNonNull(declaringClass, "declaringClass");
        this.name = Objects.requireNonNull(name, "name");
        this.overloads = List.copyOf(overloads);
        if (this.overloads.isEmpty()) {
            throw new IllegalArgumentException(qualifiedName() + " has no overloads");
        }
    }

    public Class<?> declaringClass() {
        return declaringClass;
    }

    public String name() {
        return name;
    }

    public List<Overload> overloads() {
        return overloads;
    }

    /** {@code Foo.m}, as expressions may name it. */
    public String qualifiedName() {
        return declaringClass.getSimpleName() + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName() + overloads.stream().map(Overload::signature).collect(Collectors.joining(", ", " [", "]"));
    }
}
