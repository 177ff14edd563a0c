package io.jvectorize.processor;

import io.jvectorize.processor.model.KernelMethod;
import javax.lang.model.element.ExecutableElement;

/**
 * A @Vectorize method that passed validation: its element, for later steps' diagnostics and
 * for the translation of its body, and its model, for the writers. Later steps carry both
 * along, so nothing is joined again by name.
 */
record ValidatedMethod(ExecutableElement element, KernelMethod model) {

    /** This method with a new model, such as the same one with its SIMD translation. */
    ValidatedMethod withModel(KernelMethod newModel) {
        return new ValidatedMethod(element, newModel);
    }
}
