package io.jvectorize.processor;

import com.google.auto.service.AutoService;
import io.jvectorize.processor.codegen.CompanionWriter;
import io.jvectorize.processor.codegen.LibraryWriter;
import io.jvectorize.processor.codegen.SimdWriter;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import com.squareup.javapoet.JavaFile;
import com.sun.source.util.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code FooVectorized} (and, where the Vector API is visible, {@code FooVectorizedSimd})
 * for each class {@code Foo} with @Vectorize methods. A thin adapter: {@link ClassValidator} and
 * {@link MethodValidator} turn elements into the model, {@link SimdStep} adds SIMD translations
 * of method bodies, and {@link CompanionWriter} and {@link SimdWriter} turn the model into code.
 */
@AutoService(Processor.class)
public final class VectorizeProcessor extends AbstractProcessor {

    /** The system property of javac's JVM that makes an internal failure print its stack trace. */
    static final String DEBUG_PROPERTY = "jvectorize.debug";

    /** Where {@link java.util.ServiceLoader} looks for the kernel libraries of expressions. */
    static final String SERVICES_FILE = "META-INF/services/io.jvectorize.runtime.KernelLibrary";

    private SimdStep simdStep;
    /** The kernel libraries written in this compilation, for the services file. */
    private final Set<String> libraries = new TreeSet<>();
    private LocalClassCheck localClassCheck;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        simdStep = new SimdStep(environment);
        Trees trees = SimdStep.trees(environment);
        localClassCheck = trees == null ? null : new LocalClassCheck(trees);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SimdStep.WARN_OPTION, SimdStep.EXACT_OPTION);
    }

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
            return false; // jvectorize-annotations is not on the class path: nothing can use @Vectorize.
        }
        if (localClassCheck != null) {
            localClassCheck.check(round.getRootElements());
        }
        ErrorReporter reporter = new ErrorReporter(processingEnv.getMessager());
        for (Map.Entry<TypeElement, List<ExecutableElement>> entry : methodsByClass(round, vectorize).entrySet()) {
            TypeElement type = entry.getKey();
            try {
                new ClassValidator(reporter, new MethodValidator(
                        reporter, processingEnv.getElementUtils(), processingEnv.getTypeUtils()))
                        .validate(type, entry.getValue())
                        .map(kernelClass -> simdStep.translate(type, kernelClass, entry.getValue()))
                        .ifPresent(kernelClass -> write(reporter, type, kernelClass));
            } catch (RuntimeException e) {
                // A bug of ours must not show the user a processor stack trace, unless asked for one.
                if (Boolean.getBoolean(DEBUG_PROPERTY)) {
                    e.printStackTrace();
                }
                reporter.error(type, "jvectorize failed on " + type.getQualifiedName() + " (" + e
                        + "); please report it with the stack trace that javac -J-D" + DEBUG_PROPERTY + "=true prints");
            }
        }
        if (round.processingOver() && !libraries.isEmpty()) {
            writeServicesFile(reporter);
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
        if (!writeFile(reporter, type, new CompanionWriter().write(kernelClass))) {
            return; // One error is enough: the other files would clash the same way.
        }
        new SimdWriter().write(kernelClass).ifPresent(file -> writeFile(reporter, type, file));
        new LibraryWriter().write(kernelClass).ifPresent(file -> {
            if (writeFile(reporter, type, file)) {
                libraries.add(LibraryWriter.libraryQualifiedName(kernelClass));
            }
        });
    }

    /** Lists the libraries for ServiceLoader, keeping those an earlier, incremental compilation listed. */
    private void writeServicesFile(ErrorReporter reporter) {
        Set<String> entries = new TreeSet<>(libraries);
        try {
            FileObject existing = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", SERVICES_FILE);
            try (BufferedReader reader = new BufferedReader(existing.openReader(true))) {
                reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(entries::add);
            }
        } catch (IOException | IllegalArgumentException e) {
            // No earlier file: this compilation's libraries are all there is.
        }
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES_FILE);
            try (Writer writer = file.openWriter()) {
                for (String entry : entries) {
                    writer.write(entry + "\n");
                }
            }
        } catch (IOException e) {
            reporter.warning("jvectorize could not write " + SERVICES_FILE + " (" + e.getMessage()
                    + "); expressions will find these kernels only after Functions.register");
        }
    }

    /** Whether the file could be written; reports why not. */
    private boolean writeFile(ErrorReporter reporter, TypeElement type, JavaFile file) {
        String name = file.packageName.isEmpty() ? file.typeSpec.name : file.packageName + "." + file.typeSpec.name;
        try {
            JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
            try (Writer writer = source.openWriter()) {
                file.writeTo(writer);
            }
            return true;
        } catch (IOException e) {
            reporter.error(type, "jvectorize could not write " + name + ": " + e.getMessage()
                    + "; is there a class of that name already?");
            return false;
        }
    }
}
