package io.jvectorize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.jvectorize.processor.Source.classP;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of environments other than javac's own, plain one: a compiler without the
 * Trees API (an IDE or build tool that wraps javac's environment), a file the Filer cannot
 * write, and a bug of the processor. Each runs the processor in a wrapped environment.
 */
class EnvironmentDiagnosticsTest {
    private static final Source FOO = classP("Foo",
            "@Vectorize",
            "static double f(double x) throws IllegalStateException {",
            "    return x * 2;",
            "}");

    @Test
    void withoutTheTreesApiOneNoteSaysSoAndEveryKernelIsScalar() {
        ProcessingEnvironment[] wrapped = new ProcessingEnvironment[1];
        Compilation compilation = compile(environment -> wrapped[0] = wrap(environment, Map.of()));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("the Trees API is not available in this compiler ("
                        + wrapped[0].getClass().getName() + "), so jvectorize generates scalar kernels only")
                .inFile(FOO.file()).onLine(FOO.line("public class Foo"));
        assertThat(compilation).generatedSourceFile("p.FooVectorized");
        assertTrue(compilation.generatedSourceFile("p.FooVectorizedSimd").isEmpty());
    }

    @Test
    void aServicesFileThatCannotBeWrittenIsAWarningOnTheFirstClassWithALibrary() {
        Compilation compilation = compile(environment -> wrap(environment, Map.of("getFiler",
                arguments -> wrap(Filer.class, environment.getFiler(), Map.of("createResource", resource -> {
                    if (resource[2].toString().equals(VectorizeProcessor.SERVICES_FILE)) {
                        throw new IOException("disk full");
                    }
                    return null; // not refused: the Filer writes it
                })))));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("jvectorize could not write " + VectorizeProcessor.SERVICES_FILE
                        + " (disk full); expressions will find these kernels only after Functions.register")
                .inFile(FOO.file()).onLine(FOO.line("public class Foo"));
    }

    @Test
    void aBugOfTheProcessorIsOneErrorOnTheClassThatAsksForAReport() {
        Compilation compilation = compile(environment -> wrap(environment, Map.of("getTypeUtils",
                arguments -> wrap(Types.class, environment.getTypeUtils(), Map.of("isSubtype", subtype -> {
                    throw new IllegalStateException("a bug");
                })))));
        assertThat(compilation).hadErrorContaining("jvectorize failed on p.Foo (java.lang.IllegalStateException:"
                        + " a bug); please report it with the stack trace that javac -J-D"
                        + VectorizeProcessor.DEBUG_PROPERTY + "=true prints")
                .inFile(FOO.file()).onLine(FOO.line("public class Foo"));
        assertThat(compilation).hadErrorCount(1);
    }

    private static Compilation compile(UnaryOperator<ProcessingEnvironment> wrap) {
        return javac().withProcessors(new WrappingProcessor(new VectorizeProcessor(), wrap)).compile(FOO.file());
    }

    /** What a method of a wrapped object does instead; null to let the wrapped object do it. */
    private interface Replacement {
        Object call(Object[] arguments) throws Exception;
    }

    /** javac's environment behind another class, as build tools and IDEs wrap it: Trees refuses it. */
    private static ProcessingEnvironment wrap(ProcessingEnvironment javac, Map<String, Replacement> overrides) {
        return wrap(ProcessingEnvironment.class, javac, overrides);
    }

    /** {@code target} behind a proxy that runs {@code overrides} by method name, the target's methods otherwise. */
    private static <T> T wrap(Class<T> type, T target, Map<String, Replacement> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            Replacement override = overrides.get(method.getName());
            Object result = override == null ? null : override.call(arguments);
            if (result != null) {
                return result;
            }
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /** A processor that hands its delegate a wrapped environment. */
    private static final class WrappingProcessor implements Processor {
        private final Processor delegate;
        private final UnaryOperator<ProcessingEnvironment> wrap;

        WrappingProcessor(Processor delegate, UnaryOperator<ProcessingEnvironment> wrap) {
            this.delegate = delegate;
            this.wrap = wrap;
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment environment) {
            delegate.init(wrap.apply(environment));
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
