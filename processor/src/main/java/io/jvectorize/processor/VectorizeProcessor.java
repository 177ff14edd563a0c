package io.jvectorize.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.jvectorize.processor.codegen.CompanionWriter;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import com.squareup.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Writes {@code FooVectorized} for each class {@code Foo} with @Vectorize methods. A thin
 * adapter: {@link ClassValidator} and {@link MethodValidator} turn elements into the model, and
 * {@link CompanionWriter} turns the model into code.
 */
@AutoService(Processor.class)
public final class VectorizeProcessor extends AbstractProcessor {

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(MethodValidator.ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement vectorize = processingEnv.getElementUtils().getTypeElement(MethodValidator.ANNOTATION);
        if (vectorize == null) {
            return false;
        }
        ErrorReporter reporter = new ErrorReporter(processingEnv.getMessager());
        for (Map.Entry<TypeElement, List<ExecutableElement>> entry : methodsByClass(round, vectorize).entrySet()) {
            TypeElement type = entry.getKey();
            try {
                new ClassValidator(reporter, new MethodValidator(
                        reporter, processingEnv.getElementUtils(), processingEnv.getTypeUtils()))
                        .validate(type, entry.getValue())
                        .ifPresent(kernelClass -> write(reporter, type, kernelClass));
            } catch (RuntimeException e) {
                // A bug of ours must not show the user a processor stack trace.
                reporter.error(type, "jvectorize failed on " + type.getQualifiedName() + " (" + e
                        + "); please report this at https://github.com/jvectorize/jvectorize/issues");
            }
        }
        return true;
    }

    private static Map<TypeElement, List<ExecutableElement>> methodsByClass(
            RoundEnvironment round, TypeElement vectorize) {
        Map<TypeElement, List<ExecutableElement>> methods = new LinkedHashMap<>();
        for (Element element : round.getElementsAnnotatedWith(vectorize)) {
            if (element.getKind() == ElementKind.METHOD) {
                methods.computeIfAbsent((TypeElement) element.getEnclosingElement(), type -> new ArrayList<>())
                        .add((ExecutableElement) element);
            }
        }
        return methods;
    }

    private void write(ErrorReporter reporter, TypeElement type, KernelClass kernelClass) {
        Optional<ClassName> generated = Optional.ofNullable(
                        processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated"))
                .map(ClassName::get);
        JavaFile file = new CompanionWriter(generated).write(kernelClass);
        try {
            JavaFileObject source = processingEnv.getFiler().createSourceFile(kernelClass.companionQualifiedName(), type);
            try (Writer writer = source.openWriter()) {
                file.writeTo(writer);
            }
        } catch (IOException e) {
            reporter.error(type, "jvectorize could not write " + kernelClass.companionQualifiedName() + ": "
                    + e.getMessage() + "; is there a class of that name already?");
        }
    }
}
