package io.jvectorize.processor;

import com.sun.source.util.Trees;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.processor.translate.BodyTranslator;
import io.jvectorize.processor.translate.Untranslatable;
import io.jvectorize.spec.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Gives each valid method its SIMD translation where there can be one, and says in a NOTE (a
 * warning with {@code -A}{@value #WARN_OPTION}{@code =true}) why a method keeps its scalar loop.
 */
final class SimdStep {
    /** The processor option that turns "keeps the scalar loop" notes into warnings. */
    static final String WARN_OPTION = "jvectorize.warnScalar";

    private final ErrorReporter reporter;
    private final BodyTranslator translator;
    private final String compiler;
    private final boolean vectorApiVisible;
    private final Diagnostic.Kind kind;
    private boolean explained;

    /** @param trees javac's Trees, null where the compiler is not javac: then no method translates */
    SimdStep(ProcessingEnvironment environment, Trees trees, ErrorReporter reporter) {
        this.reporter = reporter;
        this.translator = trees == null ? null : new BodyTranslator(trees, environment.getElementUtils(),
                Boolean.parseBoolean(environment.getOptions().get(BodyTranslator.EXACT_OPTION)));
        this.compiler = environment.getClass().getName();
        this.vectorApiVisible = environment.getElementUtils().getTypeElement("jdk.incubator.vector.DoubleVector") != null;
        this.kind = Boolean.parseBoolean(environment.getOptions().get(WARN_OPTION))
                ? Diagnostic.Kind.WARNING : Diagnostic.Kind.NOTE;
    }

    /** The class with lane programs for the methods that translate. */
    ValidatedClass translate(ValidatedClass type) {
        if (!canTranslate(type)) {
            return type;
        }
        // Calls to the class's other valid @Vectorize methods inline their bodies.
        Map<String, ExecutableElement> siblings = new LinkedHashMap<>();
        for (ValidatedMethod method : type.methods()) {
            siblings.put(method.model().name(), method.element());
        }
        List<ValidatedMethod> methods = new ArrayList<>();
        for (ValidatedMethod method : type.methods()) {
            try {
                KernelMethod translated = method.model().withLanes(translator.translate(method.element(), siblings));
                noteConvertingSignatures(method.element(), translated);
                methods.add(method.withModel(translated));
            } catch (Untranslatable e) {
                reporter.report(kind, method.element(),
                        method.model().name() + " keeps its scalar loop: " + e.getMessage());
                methods.add(method);
            }
        }
        return type.withMethods(methods);
    }

    private void noteConvertingSignatures(ExecutableElement element, KernelMethod method) {
        Signature own = KernelMethod.ownSignature(method.parameters(), method.returnType());
        if (!method.signatures().contains(own)) {
            reporter.report(kind, element, method.name() + " keeps its scalar loop: each of its signatures"
                    + " converts to the method's own types, and SIMD runs only for those; add \"" + own + "\"");
            return;
        }
        for (Signature signature : method.signatures()) {
            if (!signature.equals(own)) {
                reporter.report(kind, element, method.name() + " keeps its scalar loop for " + signature
                        + ", which converts to the method's own types; SIMD runs for " + own);
            }
        }
    }

    /** Whether SIMD can be generated at all; says once, on the first class, why not. */
    private boolean canTranslate(ValidatedClass type) {
        String reason = null;
        if (translator == null) {
            reason = "the Trees API is not available in this compiler (" + compiler
                    + "), so jvectorize generates scalar kernels only";
        } else if (!vectorApiVisible) {
            reason = "jdk.incubator.vector is not visible to javac, so jvectorize generates scalar kernels only;"
                    + " compile with --add-modules jdk.incubator.vector for SIMD kernels";
        }
        if (reason != null && !explained) {
            explained = true;
            reporter.note(type.element(), reason);
        }
        return reason == null;
    }
}
