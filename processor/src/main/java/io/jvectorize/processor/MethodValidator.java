package io.jvectorize.processor;

import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.spec.NumericType;
import io.jvectorize.processor.model.Parameter;
import io.jvectorize.spec.Signature;
import io.jvectorize.spec.SignatureException;
import io.jvectorize.spec.SignatureParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one @Vectorize method against the contract and turns it into a {@link KernelMethod}.
 * Every problem is reported on the element to change; a method with any error yields nothing.
 */
final class MethodValidator {
    static final String ANNOTATION = "io.jvectorize.Vectorize";

    private final ErrorReporter reporter;
    private final Elements elements;
    private final Types types;

    MethodValidator(ErrorReporter reporter, Elements elements, Types types) {
        this.reporter = reporter;
        this.elements = elements;
        this.types = types;
    }

    Optional<KernelMethod> validate(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        boolean valid = checkDeclaration(method, name);

        List<Parameter> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            Optional<NumericType> type = numericType(parameter.asType());
            if (type.isEmpty()) {
                if (!method.isVarArgs()) {
                    reporter.error(parameter, "parameter " + parameter.getSimpleName() + " of @Vectorize method " + name
                            + " has type " + parameter.asType() + "; declare it as one of " + NumericType.allJavaNames());
                }
                valid = false;
            } else {
                parameters.add(new Parameter(parameter.getSimpleName().toString(), type.get()));
            }
        }
        Optional<NumericType> returnType = numericType(method.getReturnType());
        if (returnType.isEmpty()) {
            reporter.error(method, "@Vectorize method " + name + " returns " + method.getReturnType()
                    + "; it must return one of " + NumericType.allJavaNames());
            valid = false;
        }
        if (method.getParameters().isEmpty()) {
            reporter.error(method, "@Vectorize method " + name
                    + " takes no parameters; give it at least one, the value that each array element supplies");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        return signatures(method, name, parameters, returnType.get())
                .map(signatures -> new KernelMethod(name, parameters, returnType.get(), signatures));
    }

    /** Modifiers, type parameters, varargs and exceptions: what the generated code needs to call the method. */
    private boolean checkDeclaration(ExecutableElement method, String name) {
        boolean valid = true;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, "@Vectorize method " + name + " must be static; add the static modifier");
            valid = false;
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(method, "@Vectorize method " + name
                    + " must not be private: the generated kernels call it; make it package-private or public");
            valid = false;
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(method, "@Vectorize method " + name
                    + " must not be generic; remove its type parameters and use primitive types");
            valid = false;
        }
        if (method.isVarArgs()) {
            reporter.error(method, "@Vectorize method " + name
                    + " must not be varargs; declare one primitive parameter per argument");
            valid = false;
        }
        List<String> checked = method.getThrownTypes().stream()
                .filter(this::isChecked)
                .map(TypeMirror::toString)
                .collect(Collectors.toList());
        if (!checked.isEmpty()) {
            reporter.error(method, "@Vectorize method " + name + " must not throw checked exceptions ("
                    + String.join(", ", checked) + "); catch them in the method or rethrow them unchecked");
            valid = false;
        }
        return valid;
    }

    /** The annotation's signatures, checked against the method; the method's own types when it names none. */
    private Optional<List<Signature>> signatures(
            ExecutableElement method, String name, List<Parameter> parameters, NumericType returnType) {
        AnnotationMirror annotation = annotationOf(method);
        Optional<AnnotationValue> values = signatureValue(annotation);
        List<? extends AnnotationValue> texts = values.map(MethodValidator::elements).orElse(List.of());
        if (texts.isEmpty()) {
            return Optional.of(List.of(KernelMethod.ownSignature(parameters, returnType)));
        }
        boolean valid = true;
        List<Signature> signatures = new ArrayList<>();
        List<AnnotationValue> sources = new ArrayList<>();
        for (AnnotationValue text : texts) {
            if (!(text.getValue() instanceof String) || text.getValue().equals("<error>")) {
                // Not a constant string (javac's "<error>" stands for one it could not resolve): javac reported it.
                valid = false;
                continue;
            }
            try {
                Signature signature = SignatureParser.parse((String) text.getValue());
                if (fits(method, name, parameters, returnType, signature, annotation, text)
                        && isNew(method, signature, signatures, annotation, text)) {
                    warnIfShadowed(method, signature, signatures, annotation, text);
                    signatures.add(signature);
                    sources.add(text);
                } else {
                    valid = false;
                }
            } catch (SignatureException e) {
                reporter.error(method, annotation, text, e.getMessage());
                valid = false;
            }
        }
        return valid ? Optional.of(signatures) : Optional.empty();
    }

    /** Whether the signature's arity and types fit the method's parameters and return type. */
    private boolean fits(ExecutableElement method, String name, List<Parameter> parameters, NumericType returnType,
            Signature signature, AnnotationMirror annotation, AnnotationValue text) {
        if (signature.arity() != parameters.size()) {
            reporter.error(method, annotation, text, "signature \"" + text.getValue() + "\" has "
                    + count(signature.arity(), "argument type") + " but " + name + " takes "
                    + count(parameters.size(), "parameter") + "; give it one type per parameter");
            return false;
        }
        boolean fits = true;
        for (int i = 0; i < parameters.size(); i++) {
            NumericType argument = signature.argumentType(i);
            Parameter parameter = parameters.get(i);
            if (!argument.widensTo(parameter.type())) {
                reporter.error(method, annotation, text, "signature \"" + text.getValue() + "\": argument type "
                        + argument.numbaName() + " does not widen to parameter " + parameter.name() + " of type "
                        + parameter.type().javaName() + "; use a type that widens to "
                        + parameter.type().javaName() + ", or widen the parameter");
                fits = false;
            }
        }
        if (!returnType.castsTo(signature.returnType())) {
            reporter.error(method, annotation, text, "signature \"" + text.getValue() + "\": return type "
                    + signature.returnType().numbaName() + " cannot hold " + name + "'s " + returnType.javaName()
                    + " result; boolean converts only to boolean, numbers only to numbers");
            fits = false;
        }
        return fits;
    }

    /** Whether no earlier signature has the same argument types: their kernels would clash. */
    private boolean isNew(ExecutableElement method, Signature signature, List<Signature> earlier,
            AnnotationMirror annotation, AnnotationValue text) {
        for (Signature other : earlier) {
            if (other.argumentTypes().equals(signature.argumentTypes())) {
                reporter.error(method, annotation, text, "signature \"" + text.getValue()
                        + "\" has the same argument types as " + other
                        + "; their kernels would clash: remove one");
                return false;
            }
        }
        return true;
    }

    private void warnIfShadowed(ExecutableElement method, Signature signature, List<Signature> earlier,
            AnnotationMirror annotation, AnnotationValue text) {
        for (Signature other : earlier) {
            if (other.shadows(signature)) {
                reporter.warning(method, annotation, text, "signature \"" + text.getValue()
                        + "\" is never picked by a call by name (Expr.parse, Compute): the earlier " + other
                        + " accepts all its argument types and is tried first; list narrower signatures first"
                        + " (its Java kernels are still generated)");
                return;
            }
        }
    }

    private Optional<NumericType> numericType(TypeMirror type) {
        return type.getKind().isPrimitive() ? NumericType.forJavaName(type.toString()) : Optional.empty();
    }

    private boolean isChecked(TypeMirror thrown) {
        TypeMirror runtimeException = elementType("java.lang.RuntimeException");
        TypeMirror error = elementType("java.lang.Error");
        return !types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error);
    }

    private TypeMirror elementType(String name) {
        return elements.getTypeElement(name).asType();
    }

    private static AnnotationMirror annotationOf(ExecutableElement method) {
        for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
            if (annotation.getAnnotationType().toString().equals(ANNOTATION)) {
                return annotation;
            }
        }
        throw new IllegalStateException("no @Vectorize on " + method);
    }

    private static Optional<AnnotationValue> signatureValue(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("signature")) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<? extends AnnotationValue> elements(AnnotationValue array) {
        return (List<? extends AnnotationValue>) array.getValue();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
