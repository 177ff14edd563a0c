package io.jvectorize.runtime.internal.ir;

import java.util.List;

/**
 * An expression lowered for the engines: its passes in order, one per reduction nested in it
 * (inner ones first, each once however often it appears), then the pass of its value, in which
 * those reductions are numbers ({@link Step.Earlier}).
 */
public record Plan(List<Pass> passes) {

    public Plan {
        passes = List.copyOf(passes);
    }

    /** The last pass: the expression's value. */
    public Pass main() {
        return passes.get(passes.size() - 1);
    }
}
