package io.jvectorize.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The processor's one diagnostics channel: every error, warning and note goes through it, on
 * the element it concerns and, where the text to change is an annotation value, on that value.
 * It counts the errors, so a step can tell whether it reported any.
 */
final class ErrorReporter {
    private final Messager messager;
    private final Trees trees;
    private int errors;

    /** @param trees javac's Trees, for {@link #error(TreePath, String)}; null outside javac */
    ErrorReporter(Messager messager, Trees trees) {
        this.messager = messager;
        this.trees = trees;
    }

    /** An error on {@code element}. */
    void error(Element element, String message) {
        report(Diagnostic.Kind.ERROR, element, message);
    }

    /** An error on one value of {@code annotation}, so javac points at the text to change. */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        report(Diagnostic.Kind.ERROR, element, annotation, value, message);
    }

    /** A warning on {@code element}. */
    void warning(Element element, String message) {
        report(Diagnostic.Kind.WARNING, element, message);
    }

    /** A warning on one value of {@code annotation}. */
    void warning(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        report(Diagnostic.Kind.WARNING, element, annotation, value, message);
    }

    /** A note on {@code element}. */
    void note(Element element, String message) {
        report(Diagnostic.Kind.NOTE, element, message);
    }

    /** A diagnostic of {@code kind} on {@code element}, for steps whose options choose the kind. */
    void report(Diagnostic.Kind kind, Element element, String message) {
        count(kind);
        messager.printMessage(kind, message, element);
    }

    private void report(Diagnostic.Kind kind, Element element, AnnotationMirror annotation, AnnotationValue value,
            String message) {
        count(kind);
        messager.printMessage(kind, message, element, annotation, value);
    }

    /**
     * An error on a declaration that has no element while processors run: a method of a local
     * or anonymous class, which javac enters only when it attributes the enclosing body.
     */
    void error(TreePath path, String message) {
        count(Diagnostic.Kind.ERROR);
        trees.printMessage(Diagnostic.Kind.ERROR, message, path.getLeaf(), path.getCompilationUnit());
    }

    /** The errors reported so far. */
    int errorCount() {
        return errors;
    }

    private void count(Diagnostic.Kind kind) {
        if (kind == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }
}
