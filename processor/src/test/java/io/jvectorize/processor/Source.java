package io.jvectorize.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A Java source for a test compilation that knows its own line numbers, so tests can say
 * "the error is on the line of {@code "float64(float64"}" instead of counting lines.
 */
final class Source {
    private final List<String> lines;
    private final JavaFileObject file;

    private Source(String qualifiedName, List<String> lines) {
        this.lines = List.copyOf(lines);
        this.file = JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** A source of the given lines, exactly. */
    static Source of(String qualifiedName, String... lines) {
        return new Source(qualifiedName, Arrays.asList(lines));
    }

    /**
     * {@code public class p.<simpleName>} importing {@code io.jvectorize.Vectorize}, whose body
     * is the given lines (indented by four spaces).
     */
    static Source classP(String simpleName, String... body) {
        List<String> lines = new ArrayList<>(List.of(
                "package p;",
                "",
                "import io.jvectorize.Vectorize;",
                "",
                "public class " + simpleName + " {"));
        for (String line : body) {
            lines.add(line.isEmpty() ? "" : "    " + line);
        }
        lines.add("}");
        return new Source("p." + simpleName, lines);
    }

    JavaFileObject file() {
        return file;
    }

    /** The 1-based number of the only line that contains {@code text}. */
    long line(String text) {
        long found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                if (found != -1) {
                    throw new IllegalArgumentException("\"" + text + "\" is on lines " + found + " and " + (i + 1));
                }
                found = i + 1;
            }
        }
        if (found == -1) {
            throw new IllegalArgumentException("\"" + text + "\" is on no line of " + file.getName());
        }
        return found;
    }

    /** Compiles the sources with the processor. */
    static Compilation compile(Source... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles the sources with the processor and the given javac options. */
    static Compilation compile(List<String> options, Source... sources) {
        return javac()
                .withProcessors(new VectorizeProcessor(), new LocalClassProcessor())
                .withOptions(options)
                .compile(Arrays.stream(sources).map(Source::file).toArray(JavaFileObject[]::new));
    }

    /** The text of a generated source file, failing when it was not generated. */
    static String generated(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated; diagnostics: "
                        + compilation.diagnostics()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a source file the processor generated, even when the compilation failed:
     * compile-testing hides generated files then, so this compiles again with plain javac into
     * a temporary directory and reads the file from there.
     */
    static Optional<String> generatedDespiteErrors(String qualifiedName, Source... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path directory = null;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            directory = Files.createTempDirectory("jvectorize-processor-test");
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(directory));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(directory));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostic -> { }, List.of(), null,
                    Arrays.stream(sources).map(Source::file).toList());
            task.setProcessors(List.of(new VectorizeProcessor()));
            task.call();
            Path file = directory.resolve(qualifiedName.replace('.', '/') + ".java");
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
