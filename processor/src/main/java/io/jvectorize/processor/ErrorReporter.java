package io.jvectorize.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports diagnostics on the element (and, where known, the annotation value) they concern. */
final class ErrorReporter {
    private final Messager messager;

    ErrorReporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on {@code element}. */
    void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** An error on one value of {@code annotation}, so javac points at the text to change. */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }

    /** A warning about the compilation as a whole. */
    void warning(String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, message);
    }

    /** A warning on one value of {@code annotation}. */
    void warning(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, message, element, annotation, value);
    }
}
