package io.jvectorize.processor;

import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.processor.model.Parameter;
import io.jvectorize.spec.CheckedMethod;
import io.jvectorize.spec.ClassDeclaration;
import io.jvectorize.spec.DeclarationRules;
import io.jvectorize.spec.EnclosingClass;
import io.jvectorize.spec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks a class's @Vectorize methods by the contract's rules ({@link DeclarationRules}, which
 * {@code Functions.register} applies by reflection too) and reports each problem where the
 * text to change is: the method, a parameter, or a signature string. Methods that pass become
 * {@link ValidatedMethod}s; one bad method never stops the others.
 */
final class ClassValidator {
    private final ErrorReporter reporter;
    private final DeclarationReader reader;

    ClassValidator(ErrorReporter reporter, DeclarationReader reader) {
        this.reporter = reporter;
        this.reader = reader;
    }

    /** The class to write a companion for, or empty when none of its methods can have kernels. */
    Optional<ValidatedClass> validate(TypeElement type, List<ExecutableElement> methods) {
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        List<DeclarationReader.Read> read = methods.stream().map(reader::method).toList();
        List<EnclosingClass> nest = DeclarationReader.nest(type);
        List<CheckedMethod> checked = DeclarationRules.check(new ClassDeclaration(nest,
                read.stream().map(DeclarationReader.Read::declaration).toList())).methods();
        List<ValidatedMethod> valid = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            ExecutableElement method = methods.get(i);
            for (Problem problem : checked.get(i).problems()) {
                report(problem, method, read.get(i));
            }
            if (checked.get(i).valid().isPresent() && !read.get(i).unresolved()) {
                valid.add(new ValidatedMethod(method, model(method, checked.get(i).valid().get())));
            }
        }
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ValidatedClass(type, packageName(type),
                nest.stream().map(EnclosingClass::simpleName).toList(), valid, List.of()));
    }

    /** Reports a problem on the method, the parameter or the signature string it is in. */
    private void report(Problem problem, ExecutableElement method, DeclarationReader.Read read) {
        boolean error = problem.isError();
        switch (problem.subject()) {
            case PARAMETER: {
                Element parameter = method.getParameters().get(problem.index());
                if (error) {
                    reporter.error(parameter, problem.message());
                } else {
                    reporter.warning(parameter, problem.message());
                }
                break;
            }
            case IDENTITY:
                if (read.identityValue() != null) {
                    reporter.error(method, read.annotation(), read.identityValue(), problem.message());
                } else {
                    reporter.error(method, problem.message());
                }
                break;
            case SIGNATURE:
                if (error) {
                    reporter.error(method, read.annotation(), read.signatureValues().get(problem.index()),
                            problem.message());
                } else {
                    reporter.warning(method, read.annotation(), read.signatureValues().get(problem.index()),
                            problem.message());
                }
                break;
            default:
                if (error) {
                    reporter.error(method, problem.message());
                } else {
                    reporter.warning(method, problem.message());
                }
        }
    }

    /** The kernel method: the contract's types and signatures, with the source's parameter names. */
    private static KernelMethod model(ExecutableElement method, CheckedMethod.Valid valid) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < valid.parameterTypes().size(); i++) {
            parameters.add(new Parameter(method.getParameters().get(i).getSimpleName().toString(),
                    valid.parameterTypes().get(i)));
        }
        return new KernelMethod(method.getSimpleName().toString(), parameters, valid.returnType(), valid.signatures(),
                Optional.empty(), valid.identity());
    }

    static String packageName(TypeElement type) {
        Element element = type;
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }
}
