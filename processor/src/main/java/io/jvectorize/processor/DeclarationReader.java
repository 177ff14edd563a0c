package io.jvectorize.processor;

import io.jvectorize.spec.EnclosingClass;
import io.jvectorize.spec.MethodDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads what spec's declaration rules check off javac's elements, spelled as javac prints it:
 * the processor's half of the contract, whose other half reads the same facts by reflection.
 */
final class DeclarationReader {
    /** The annotation whose methods the rules check. */
    static final String ANNOTATION = "io.jvectorize.Vectorize";

    private final TypeMirror runtimeException;
    private final TypeMirror error;
    private final Types types;

    DeclarationReader(Elements elements, Types types) {
        this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        this.error = elements.getTypeElement("java.lang.Error").asType();
        this.types = types;
    }

    /**
     * A method as the rules see it, with the annotation and the values its signature texts
     * came from, so that a problem in a text can be reported on that text.
     *
     * @param signatureValues the values of {@link MethodDeclaration#signatures()}, index for index
     * @param unresolved whether a signature value is not a constant string: javac reported it
     *     already, and the method can have no kernels
     */
    record Read(MethodDeclaration declaration, AnnotationMirror annotation, List<AnnotationValue> signatureValues,
            AnnotationValue identityValue, boolean unresolved) {}

    Read method(ExecutableElement method) {
        return method(method, ANNOTATION);
    }

    /** A method as the rules see it, reading {@code signature} and {@code identity} of {@code annotationName}. */
    Read method(ExecutableElement method, String annotationName) {
        List<String> parameterTypes = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameterTypes.add(typeName(parameter.asType()));
        }
        List<String> checked = new ArrayList<>();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
                checked.add(thrown.toString());
            }
        }
        AnnotationMirror annotation = annotationOf(method, annotationName);
        List<String> signatures = new ArrayList<>();
        List<AnnotationValue> values = new ArrayList<>();
        boolean unresolved = false;
        // @GuVectorize's one signature is a plain string, which GuValidator reads itself.
        List<? extends AnnotationValue> signatureValues =
                annotationName.equals(ANNOTATION) ? signatureValues(annotation) : List.of();
        for (AnnotationValue value : signatureValues) {
            // javac gives "<error>" for a constant it could not resolve, and reports it itself.
            if (value.getValue() instanceof String text && !text.equals("<error>")) {
                signatures.add(text);
                values.add(value);
            } else {
                unresolved = true;
            }
        }
        AnnotationValue identityValue = value(annotation, "identity");
        String identity = "";
        if (identityValue != null) {
            if (identityValue.getValue() instanceof String text && !text.equals("<error>")) {
                identity = text;
            } else {
                unresolved = true;
            }
        }
        MethodDeclaration declaration = new MethodDeclaration(method.getSimpleName().toString(),
                method.getModifiers().contains(Modifier.STATIC), method.getModifiers().contains(Modifier.PRIVATE),
                !method.getTypeParameters().isEmpty(), method.isVarArgs(), parameterTypes,
                typeName(method.getReturnType()), checked, signatures, identity);
        return new Read(declaration, annotation, values, identityValue, unresolved);
    }

    /** The class and the classes around it, outermost first. */
    static List<EnclosingClass> nest(TypeElement type) {
        List<EnclosingClass> nest = new ArrayList<>();
        for (Element element = type; element instanceof TypeElement; element = element.getEnclosingElement()) {
            TypeElement enclosing = (TypeElement) element;
            nest.add(0, new EnclosingClass(enclosing.getSimpleName().toString(),
                    EnclosingClass.Nesting.valueOf(enclosing.getNestingKind().name()),
                    enclosing.getModifiers().contains(Modifier.PRIVATE)));
        }
        return nest;
    }

    /** {@code double} for a primitive (whatever annotations it carries), javac's own text otherwise. */
    private static String typeName(TypeMirror type) {
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : type.toString();
    }

    private static AnnotationMirror annotationOf(ExecutableElement method, String annotationName) {
        for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
            if (annotation.getAnnotationType().toString().equals(annotationName)) {
                return annotation;
            }
        }
        throw new IllegalStateException("no @" + annotationName + " on " + method);
    }

    /** The value of the annotation's element {@code name}; null where the annotation does not set it. */
    static AnnotationValue value(AnnotationMirror annotation, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The values of {@code signature}; none where the annotation does not set it. */
    @SuppressWarnings("unchecked")
    private static List<? extends AnnotationValue> signatureValues(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("signature")) {
                return (List<? extends AnnotationValue>) entry.getValue().getValue();
            }
        }
        return List.of();
    }
}
