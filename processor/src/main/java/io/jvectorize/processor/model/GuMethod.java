package io.jvectorize.processor.model;

import io.jvectorize.spec.GuParameter;
import java.util.List;

/**
 * A valid @GuVectorize method: its name, its parameters' source names and their types and core
 * dimensions, inputs then outputs.
 *
 * @param name the method's name
 * @param parameterNames the parameters' names in the source
 * @param parameters per parameter, its type and core dimension
 * @param layout the layout as written, for Javadoc
 */
public record GuMethod(String name, List<String> parameterNames, List<GuParameter> parameters, String layout) {

    public GuMethod {
        parameterNames = List.copyOf(parameterNames);
        parameters = List.copyOf(parameters);
        if (parameterNames.size() != parameters.size()) {
            throw new IllegalArgumentException("one name per parameter");
        }
    }

    /** The number of outputs: the allocating form exists where there is one. */
    public long outputCount() {
        return parameters.stream().filter(GuParameter::output).count();
    }

    /** Whether a core dimension is named by an input: otherwise the outputs alone size it. */
    public boolean isInputDimension(String dimension) {
        return parameters.stream().anyMatch(p -> !p.output() && p.dimension().filter(dimension::equals).isPresent());
    }

    /**
     * Whether the companion has forms that take the scalar inputs as one value for every row:
     * where there are scalar inputs and an array input whose rows give the number of rows.
     */
    public boolean hasBroadcastForms() {
        return parameters.stream().anyMatch(p -> !p.output() && !p.array())
                && parameters.stream().anyMatch(p -> !p.output() && p.array());
    }
}
