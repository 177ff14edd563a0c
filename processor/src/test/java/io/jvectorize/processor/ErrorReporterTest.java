package io.jvectorize.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The one channel, on a recording Messager: every kind reaches it with its position, and errors are counted. */
class ErrorReporterTest {

    /** What the Messager was given: kind, message and which of element, annotation and value were set. */
    private record Printed(Diagnostic.Kind kind, String message, boolean element, boolean annotation, boolean value) {}

    private final List<Printed> printed = new ArrayList<>();
    private final Messager messager = new Messager() {
        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message) {
            printed.add(new Printed(kind, message.toString(), false, false, false));
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element) {
            printed.add(new Printed(kind, message.toString(), element != null, false, false));
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element, AnnotationMirror a) {
            printed.add(new Printed(kind, message.toString(), element != null, a != null, false));
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element, AnnotationMirror a,
                AnnotationValue v) {
            printed.add(new Printed(kind, message.toString(), element != null, a != null, v != null));
        }
    };

    @Test
    void everyDiagnosticPointsAtItsElementAndValueAndOnlyErrorsAreCounted() {
        Element element = proxy(Element.class);
        AnnotationMirror annotation = proxy(AnnotationMirror.class);
        AnnotationValue value = proxy(AnnotationValue.class);
        ErrorReporter reporter = new ErrorReporter(messager, null);
        reporter.note(element, "n");
        reporter.warning(element, "w");
        reporter.warning(element, annotation, value, "wv");
        reporter.report(Diagnostic.Kind.NOTE, element, "chosen");
        assertEquals(0, reporter.errorCount());
        reporter.error(element, "e");
        reporter.error(element, annotation, value, "ev");
        reporter.report(Diagnostic.Kind.ERROR, element, "chosen error");
        assertEquals(3, reporter.errorCount());
        assertEquals(List.of(
                new Printed(Diagnostic.Kind.NOTE, "n", true, false, false),
                new Printed(Diagnostic.Kind.WARNING, "w", true, false, false),
                new Printed(Diagnostic.Kind.WARNING, "wv", true, true, true),
                new Printed(Diagnostic.Kind.NOTE, "chosen", true, false, false),
                new Printed(Diagnostic.Kind.ERROR, "e", true, false, false),
                new Printed(Diagnostic.Kind.ERROR, "ev", true, true, true),
                new Printed(Diagnostic.Kind.ERROR, "chosen error", true, false, false)), printed);
    }

    /** A stand-in of {@code type} that only needs to be there. */
    private static <T> T proxy(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, arguments) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
