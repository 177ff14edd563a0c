package io.jvectorize.processor;

import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.processor.model.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks a class's @Vectorize methods together: that the companion can reach the class, that
 * names are unique and that no two methods would generate the same kernel. Methods that pass
 * form the {@link KernelClass}; one bad method never stops the others.
 */
final class ClassValidator {
    private final ErrorReporter reporter;
    private final MethodValidator methodValidator;

    ClassValidator(ErrorReporter reporter, MethodValidator methodValidator) {
        this.reporter = reporter;
        this.methodValidator = methodValidator;
    }

    /** The class to write a companion for, or empty when none of its methods can have kernels. */
    Optional<KernelClass> validate(TypeElement type, List<ExecutableElement> methods) {
        List<String> simpleNames = new ArrayList<>();
        if (!reachable(type, methods, simpleNames)) {
            return Optional.empty();
        }
        String companion = KernelClass.companionName(simpleNames);
        Set<String> names = new HashSet<>();
        Map<String, String> generatedBy = new HashMap<>();
        List<KernelMethod> valid = new ArrayList<>();
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            if (!names.add(name)) {
                reporter.error(method, "another @Vectorize method of " + type.getSimpleName() + " is named " + name
                        + "; rename one: the generated kernels take the method's name");
                continue;
            }
            methodValidator.validate(method)
                    .filter(kernel -> isUnique(method, kernel, companion, generatedBy))
                    .ifPresent(valid::add);
        }
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KernelClass(packageName(type), simpleNames, valid));
    }

    /** Whether the companion, in the same package, can call static methods of {@code type}; collects its names. */
    private boolean reachable(TypeElement type, List<ExecutableElement> methods, List<String> simpleNames) {
        Element element = type;
        while (element instanceof TypeElement) {
            TypeElement enclosing = (TypeElement) element;
            String problem = null;
            if (enclosing.getNestingKind() == NestingKind.LOCAL || enclosing.getNestingKind() == NestingKind.ANONYMOUS) {
                problem = "is in a local or anonymous class, which generated code cannot name;"
                        + " move it to a top-level or member class";
            } else if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
                problem = "is in private class " + enclosing.getSimpleName() + ", which the generated "
                        + "companion cannot call; make " + enclosing.getSimpleName() + " package-private or public";
            }
            if (problem != null) {
                for (ExecutableElement method : methods) {
                    reporter.error(method, "@Vectorize method " + method.getSimpleName() + " " + problem);
                }
                return false;
            }
            simpleNames.add(0, enclosing.getSimpleName().toString());
            element = enclosing.getEnclosingElement();
        }
        return true;
    }

    /** Whether none of the kernel's generated methods has the Java signature of one written for an earlier method. */
    private boolean isUnique(ExecutableElement method, KernelMethod kernel, String companion,
            Map<String, String> generatedBy) {
        Map<String, String> mine = new HashMap<>();
        for (Variant variant : Variant.allOf(kernel)) {
            String signature = variant.javaSignature();
            String earlier = generatedBy.get(signature);
            if (earlier != null) {
                reporter.error(method, "@Vectorize method " + kernel.name() + " would generate " + companion + "."
                        + signature + ", which " + earlier + " generates already; rename one of them");
                return false;
            }
            mine.put(signature, kernel.name());
        }
        generatedBy.putAll(mine);
        return true;
    }

    private static String packageName(TypeElement type) {
        Element element = type;
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }
}
