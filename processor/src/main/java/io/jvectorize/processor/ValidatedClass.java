package io.jvectorize.processor;

import io.jvectorize.processor.model.GuMethod;
import io.jvectorize.processor.model.KernelClass;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A class with at least one valid @Vectorize method: its element, and the parts of the
 * {@link KernelClass} the writers are given.
 *
 * @param element the class
 * @param packageName its package, empty for the unnamed package
 * @param simpleNames its simple name, preceded by those of its enclosing classes
 * @param methods its valid @Vectorize methods, in source order
 * @param guMethods its valid @GuVectorize methods, in source order
 */
record ValidatedClass(TypeElement element, String packageName, List<String> simpleNames,
        List<ValidatedMethod> methods, List<GuMethod> guMethods) {

    ValidatedClass {
        simpleNames = List.copyOf(simpleNames);
        methods = List.copyOf(methods);
        guMethods = List.copyOf(guMethods);
    }

    /** This class with other methods, such as the same ones with their SIMD translations. */
    ValidatedClass withMethods(List<ValidatedMethod> newMethods) {
        return new ValidatedClass(element, packageName, simpleNames, newMethods, guMethods);
    }

    /** This class with its valid @GuVectorize methods. */
    ValidatedClass withGuMethods(List<GuMethod> newGuMethods) {
        return new ValidatedClass(element, packageName, simpleNames, methods, newGuMethods);
    }

    /** The model the writers turn into code. */
    KernelClass model() {
        return new KernelClass(packageName, simpleNames, methods.stream().map(ValidatedMethod::model).toList(),
                guMethods);
    }
}
