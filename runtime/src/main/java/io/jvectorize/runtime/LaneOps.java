package io.jvectorize.runtime;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;

/**
 * The type of a @Vectorize overload's lane function, which {@link VectorizedFunction} checks.
 * Touches {@code jdk.incubator.vector}: called only where a lane function exists, that is where
 * the Vector API is present. (What lane operations compute is the operator table's, in
 * {@code internal.op}; the vector facts of this machine are {@code internal.lanes.VectorSupport}'s.)
 */
final class LaneOps {

    private LaneOps() {}

    /** The type of a lane function of {@code arity} arguments: {@code (DoubleVector, ...)DoubleVector}. */
    static MethodType functionType(int arity) {
        Class<?>[] parameters = new Class<?>[arity];
        Arrays.fill(parameters, DoubleVector.class);
        return MethodType.methodType(DoubleVector.class, parameters);
    }
}
