package io.jvectorize.processor;

import com.sun.source.util.Trees;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.spec.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Gives each valid method its SIMD translation where there can be one, and says in a NOTE (a
 * warning with {@code -A}{@value #WARN_OPTION}{@code =true}) why a method keeps its scalar loop.
 */
final class SimdStep {
    /** The processor option that turns "keeps the scalar loop" notes into warnings. */
    static final String WARN_OPTION = "jvectorize.warnScalar";
    /** The processor option that keeps SIMD to operations whose results equal Java's bit for bit. */
    static final String EXACT_OPTION = "jvectorize.exactSimd";

    private final ProcessingEnvironment environment;
    private final BodyTranslator translator;
    private final boolean vectorApiVisible;
    private final Diagnostic.Kind kind;
    private boolean explained;

    SimdStep(ProcessingEnvironment environment) {
        this.environment = environment;
        Trees trees = trees(environment);
        this.translator = trees == null ? null : new BodyTranslator(trees, environment.getElementUtils(),
                Boolean.parseBoolean(environment.getOptions().get(EXACT_OPTION)));
        this.vectorApiVisible = environment.getElementUtils().getTypeElement("jdk.incubator.vector.DoubleVector") != null;
        this.kind = Boolean.parseBoolean(environment.getOptions().get(WARN_OPTION))
                ? Diagnostic.Kind.WARNING : Diagnostic.Kind.NOTE;
    }

    /** The class with lane programs for the methods that translate. */
    KernelClass translate(TypeElement type, KernelClass kernelClass, List<ExecutableElement> elements) {
        if (!canTranslate(type)) {
            return kernelClass;
        }
        Map<String, ExecutableElement> valid = new LinkedHashMap<>();
        for (KernelMethod method : kernelClass.methods()) {
            for (ExecutableElement element : elements) {
                if (element.getSimpleName().contentEquals(method.name())) {
                    valid.put(method.name(), element);
                }
            }
        }
        List<KernelMethod> methods = new ArrayList<>();
        for (KernelMethod method : kernelClass.methods()) {
            ExecutableElement element = valid.get(method.name());
            try {
                KernelMethod translated = method.withLanes(translator.translate(element, valid));
                noteConvertingSignatures(element, translated);
                methods.add(translated);
            } catch (BodyTranslator.Untranslatable e) {
                environment.getMessager().printMessage(kind,
                        method.name() + " keeps its scalar loop: " + e.getMessage(), element);
                methods.add(method);
            }
        }
        return new KernelClass(kernelClass.packageName(), kernelClass.simpleNames(), methods);
    }

    private void noteConvertingSignatures(ExecutableElement element, KernelMethod method) {
        Signature own = KernelMethod.ownSignature(method.parameters(), method.returnType());
        if (!method.signatures().contains(own)) {
            environment.getMessager().printMessage(kind, method.name() + " keeps its scalar loop: each of its signatures"
                    + " converts to the method's own types, and SIMD runs only for those; add \"" + own + "\"", element);
            return;
        }
        for (Signature signature : method.signatures()) {
            if (!signature.equals(own)) {
                environment.getMessager().printMessage(kind, method.name() + " keeps its scalar loop for " + signature
                        + ", which converts to the method's own types; SIMD runs for " + own, element);
            }
        }
    }

    /** Whether SIMD can be generated at all; says once, on the first class, why not. */
    private boolean canTranslate(TypeElement type) {
        String reason = null;
        if (translator == null) {
            reason = "the Trees API is not available in this compiler (" + environment.getClass().getName()
                    + "), so jvectorize generates scalar kernels only";
        } else if (!vectorApiVisible) {
            reason = "jdk.incubator.vector is not visible to javac, so jvectorize generates scalar kernels only;"
                    + " compile with --add-modules jdk.incubator.vector for SIMD kernels";
        }
        if (reason != null && !explained) {
            explained = true;
            environment.getMessager().printMessage(Diagnostic.Kind.NOTE, reason, type);
        }
        return reason == null;
    }

    /** javac's Trees, or null where the processing environment is not javac's own. */
    static Trees trees(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError e) {
            // Not javac's own environment: an IDE or build tool wrapped it, or another compiler runs.
            return null;
        }
    }
}
