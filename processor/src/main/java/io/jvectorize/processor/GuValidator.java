package io.jvectorize.processor;

import io.jvectorize.processor.model.GuMethod;
import io.jvectorize.spec.CheckedGuMethod;
import io.jvectorize.spec.DeclarationRules;
import io.jvectorize.spec.GuRules;
import io.jvectorize.spec.MethodDeclaration;
import io.jvectorize.spec.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks a class's @GuVectorize methods by {@link GuRules} and reports each problem where the
 * text to change is: the method, a parameter, the signature or the layout string. Methods that
 * pass become {@link GuMethod}s; one bad method never stops the others.
 */
final class GuValidator {
    /** The annotation whose methods this step checks. */
    static final String ANNOTATION = "io.jvectorize.GuVectorize";

    private final ErrorReporter reporter;
    private final DeclarationReader reader;

    GuValidator(ErrorReporter reporter, DeclarationReader reader) {
        this.reporter = reporter;
        this.reader = reader;
    }

    /**
     * The valid @GuVectorize methods of {@code type}.
     *
     * @param vectorizeNames the names of the class's @Vectorize methods, which a gufunc must not take
     */
    List<GuMethod> validate(TypeElement type, List<ExecutableElement> methods, Set<String> vectorizeNames) {
        List<GuMethod> valid = new ArrayList<>();
        Optional<String> unreachable = DeclarationRules.nestProblem("", DeclarationReader.nest(type));
        Set<String> names = new HashSet<>();
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            if (unreachable.isPresent()) {
                reporter.error(method, DeclarationRules.nestProblem(name, DeclarationReader.nest(type)).orElseThrow()
                        .replace("@Vectorize method", "@GuVectorize method"));
                continue;
            }
            if (vectorizeNames.contains(name) || !names.add(name)) {
                reporter.error(method, "another @Vectorize or @GuVectorize method of " + type.getSimpleName()
                        + " is named " + name + "; rename one: the generated methods take the method's name");
                continue;
            }
            AnnotationMirror annotation = annotationOf(method);
            AnnotationValue signature = DeclarationReader.value(annotation, "signature");
            AnnotationValue layout = DeclarationReader.value(annotation, "layout");
            if (!isText(signature) || !isText(layout)) {
                continue; // javac reported the missing or unresolved value already
            }
            DeclarationReader.Read read = reader.method(method, ANNOTATION);
            MethodDeclaration declaration = withSignature(read.declaration(), (String) signature.getValue());
            CheckedGuMethod checked = GuRules.check(declaration, (String) layout.getValue());
            for (Problem problem : checked.problems()) {
                report(problem, method, annotation, signature, layout);
            }
            checked.parameters().ifPresent(parameters -> valid.add(new GuMethod(name,
                    method.getParameters().stream().map(VariableElement::getSimpleName).map(Object::toString).toList(),
                    parameters, (String) layout.getValue())));
        }
        return valid;
    }

    private static boolean isText(AnnotationValue value) {
        return value != null && value.getValue() instanceof String text && !text.equals("<error>");
    }

    private static MethodDeclaration withSignature(MethodDeclaration d, String signature) {
        return new MethodDeclaration(d.name(), d.isStatic(), d.isPrivate(), d.isGeneric(), d.isVarArgs(),
                d.parameterTypes(), d.returnType(), d.checkedExceptions(), List.of(signature));
    }

    private void report(Problem problem, ExecutableElement method, AnnotationMirror annotation,
            AnnotationValue signature, AnnotationValue layout) {
        switch (problem.subject()) {
            case PARAMETER:
                reporter.error(method.getParameters().get(problem.index()), problem.message());
                break;
            case SIGNATURE:
                reporter.error(method, annotation, signature, problem.message());
                break;
            case LAYOUT:
                reporter.error(method, annotation, layout, problem.message());
                break;
            default:
                reporter.error(method, problem.message());
        }
    }

    private static AnnotationMirror annotationOf(ExecutableElement method) {
        for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
            if (annotation.getAnnotationType().toString().equals(ANNOTATION)) {
                return annotation;
            }
        }
        throw new IllegalStateException("no @GuVectorize on " + method);
    }
}
