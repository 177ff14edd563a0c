package io.jvectorize.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Reports @Vectorize and @GuVectorize methods of local and anonymous classes. javac calls processors only for
 * annotations outside method bodies, so {@link VectorizeProcessor} never sees these methods:
 * this processor looks at every compilation unit ({@code "*"}), even where no other annotation
 * is, and claims nothing, so that every other processor still sees every annotation.
 */
@AutoService(Processor.class)
public final class LocalClassProcessor extends AbstractProcessor {
    private LocalClassCheck check;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Trees trees = TreesAccess.of(environment);
        check = trees == null ? null : new LocalClassCheck(trees, new ErrorReporter(environment.getMessager(), trees));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (check != null) {
            check.check(round.getRootElements());
        }
        return false;
    }
}
