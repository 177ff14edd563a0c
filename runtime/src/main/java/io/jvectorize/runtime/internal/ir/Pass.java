package io.jvectorize.runtime.internal.ir;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.List;

/**
 * One pass over the elements: the steps that compute an elementwise result, or the value a
 * reduction folds. Engines see nothing of the expression but this.
 *
 * @param name how explain names its value: {@code r0}, {@code r1}, ... for the reductions that
 *     earlier passes compute, {@code result} for the plan's last pass
 * @param text the expression it computes, as written
 * @param inputs the bound arrays its steps load
 * @param numbers the numbers it computes once per run, before its elements, in order: from
 *     literals, bound numbers and earlier passes' values ({@link Step.Literal},
 *     {@link Step.Bound}, {@link Step.Earlier}) and the numbers before them
 * @param numberNames how explain names each number the element steps read (a literal's text, a
 *     symbol's name, {@code r0}, {@code c0}); null for the others
 * @param scalarLines explain's list of the numbers it names {@code c0}, {@code c1}, ...:
 *     {@code c0 = 2 * sigma ** 2}
 * @param steps its element steps, in order, each reading numbers and the steps before it
 * @param result what an elementwise pass gives, of {@link #type}; null for a reduction
 * @param fold what a reduction folds, and how; null for an elementwise pass
 * @param type the type of its result
 * @param usesArrays whether any bound array takes part: if not, the pass is over one element,
 *     as NumPy's arithmetic on 0-d arrays
 */
public record Pass(String name, String text, List<Input> inputs, List<Step> numbers, List<String> numberNames,
        List<String> scalarLines, List<Step> steps, Operand result, Fold fold, DType type, boolean usesArrays) {

    /** A bound array the pass reads, and the type of its data (which may differ from the type it is read as). */
    public record Input(String name, DType given) {}

    /**
     * A reduction: the {@link Reducer} folds the values of {@code operand} (of its input type)
     * block by block.
     */
    public record Fold(Reducer reducer, Operand operand) {}

    public Pass {
        inputs = List.copyOf(inputs);
        numbers = List.copyOf(numbers);
        numberNames = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(numberNames));
        scalarLines = List.copyOf(scalarLines);
        steps = List.copyOf(steps);
    }

    public boolean isReduction() {
        return fold != null;
    }

    /**
     * Whether any of its values is complex: bound data, a number or a step. Such passes get no
     * generated loop: their complex steps run on the complex kernels, block by block.
     */
    public boolean involvesComplex() {
        // Indexed loops, not streams: every compute call asks, and streams' garbage adds up (#18).
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).given().isComplex()) {
                return true;
            }
        }
        return anyComplex(numbers) || anyComplex(steps);
    }

    private static boolean anyComplex(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).type().isComplex()) {
                return true;
            }
        }
        return false;
    }

    /** The type of the value an operand reads. */
    public DType typeOf(Operand operand) {
        return (operand.isNumber() ? numbers : steps).get(operand.index()).type();
    }
}
