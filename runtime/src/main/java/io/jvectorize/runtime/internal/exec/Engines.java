package io.jvectorize.runtime.internal.exec;

import io.jvectorize.runtime.internal.plan.BoundData;
import io.jvectorize.runtime.internal.plan.Planner;
import io.jvectorize.runtime.internal.plan.Term;

/**
 * The one entry from the expression layer into the engines: an expression, typed and handed over
 * as a {@link Term}, is planned for data of a shape into an {@link Executable}, which runs it on
 * data of that shape with any settings. Executables are worth keeping: planning and compiling
 * cost more than a small run.
 */
public final class Engines {

    private Engines() {}

    /**
     * @param root the expression
     * @param shape data of the shape it will run on: whether each symbol is an array, and its data's type
     */
    public static Executable prepare(Term root, BoundData shape) {
        return new Executable(Planner.plan(root, shape));
    }
}
