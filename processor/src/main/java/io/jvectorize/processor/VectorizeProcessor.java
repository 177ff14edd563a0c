package io.jvectorize.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.JavaFile;
import com.sun.source.util.Trees;
import io.jvectorize.processor.codegen.CompanionWriter;
import io.jvectorize.processor.codegen.LibraryWriter;
import io.jvectorize.processor.codegen.SimdWriter;
import io.jvectorize.processor.model.GuMethod;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.translate.BodyTranslator;
import io.jvectorize.spec.EnclosingClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * for each class {@code Foo} with @Vectorize methods. A thin driver of steps, each of one
 * concern, all reporting through one {@link ErrorReporter}:
 * {@link LocalClassCheck} (methods javac never hands to processors), {@link ClassValidator}
 * (the contract's rules, giving {@link ValidatedMethod}s), {@link SimdStep} (lane programs of
 * method bodies), then {@link CompanionWriter}, {@link SimdWriter} and {@link LibraryWriter},
 * which turn the model into code and know nothing of validation or of javac's elements.
 */
@AutoService(Processor.class)
public final class VectorizeProcessor extends AbstractProcessor {

    /** The system property of javac's JVM that makes an internal failure print its stack trace. */
    static final String DEBUG_PROPERTY = "jvectorize.debug";

    /** Where {@link java.util.ServiceLoader} looks for the kernel libraries of expressions. */
    static final String SERVICES_FILE = "META-INF/services/io.jvectorize.runtime.KernelLibrary";

    private ErrorReporter reporter;
    private LocalClassCheck localClassCheck;
    private ClassValidator validator;
    private GuValidator guValidator;
    private SimdStep simdStep;
    /** The kernel libraries written in this compilation, for the services file, and the class of the first. */
    private final Set<String> libraries = new TreeSet<>();
    private TypeElement firstLibraryClass;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Trees trees = TreesAccess.of(environment);
        reporter = new ErrorReporter(environment.getMessager(), trees);
        localClassCheck = trees == null ? null : new LocalClassCheck(trees, reporter);
        DeclarationReader reader = new DeclarationReader(environment.getElementUtils(), environment.getTypeUtils());
        validator = new ClassValidator(reporter, reader);
        guValidator = new GuValidator(reporter, reader);
        simdStep = new SimdStep(environment, trees, reporter);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SimdStep.WARN_OPTION, BodyTranslator.EXACT_OPTION);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(DeclarationReader.ANNOTATION, GuValidator.ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement vectorize = processingEnv.getElementUtils().getTypeElement(DeclarationReader.ANNOTATION);
        if (vectorize == null) {
            return false; // jvectorize-annotations is not on the class path: nothing can use @Vectorize.
        }
        if (localClassCheck != null) {
            localClassCheck.check(round.getRootElements());
        }
        Map<TypeElement, List<ExecutableElement>> vectorized = methodsByClass(round, vectorize);
        TypeElement guVectorize = processingEnv.getElementUtils().getTypeElement(GuValidator.ANNOTATION);
        Map<TypeElement, List<ExecutableElement>> guVectorized = guVectorize == null ? Map.of()
                : methodsByClass(round, guVectorize);
        Set<TypeElement> types = new LinkedHashSet<>(vectorized.keySet());
        types.addAll(guVectorized.keySet());
        for (TypeElement type : types) {
            try {
                List<ExecutableElement> methods = vectorized.getOrDefault(type, List.of());
                Set<String> names = new HashSet<>();
                methods.forEach(method -> names.add(method.getSimpleName().toString()));
                List<GuMethod> guMethods = guValidator.validate(type, guVectorized.getOrDefault(type, List.of()), names);
                Optional<ValidatedClass> validated = validator.validate(type, methods);
                if (validated.isEmpty() && !guMethods.isEmpty()) {
                    validated = Optional.of(new ValidatedClass(type, ClassValidator.packageName(type),
                            DeclarationReader.nest(type).stream().map(EnclosingClass::simpleName).toList(),
                            List.of(), List.of()));
                }
                validated.map(valid -> valid.withGuMethods(guMethods))
                        .map(simdStep::translate)
                        .ifPresent(this::write);
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
            writeServicesFile();
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

    private void write(ValidatedClass validated) {
        TypeElement type = validated.element();
        KernelClass kernelClass = validated.model();
        if (!writeFile(type, new CompanionWriter().write(kernelClass))) {
            return; // One error is enough: the other files would clash the same way.
        }
        new SimdWriter().write(kernelClass).ifPresent(file -> writeFile(type, file));
        new LibraryWriter().write(kernelClass).ifPresent(file -> {
            if (writeFile(type, file)) {
                libraries.add(LibraryWriter.libraryQualifiedName(kernelClass));
                if (firstLibraryClass == null) {
                    firstLibraryClass = type;
                }
            }
        });
    }

    /** Lists the libraries for ServiceLoader, keeping those an earlier, incremental compilation listed. */
    private void writeServicesFile() {
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
            reporter.warning(firstLibraryClass, "jvectorize could not write " + SERVICES_FILE + " (" + e.getMessage()
                    + "); expressions will find these kernels only after Functions.register");
        }
    }

    /** Whether the file could be written; reports why not. */
    private boolean writeFile(TypeElement type, JavaFile file) {
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
