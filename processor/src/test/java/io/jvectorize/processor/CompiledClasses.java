package io.jvectorize.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of a successful test compilation, so tests can run the generated kernels. */
final class CompiledClasses extends ClassLoader {
    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private final Map<String, byte[]> classes = new HashMap<>();

    CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        assertWithMessage("compilation status; diagnostics: %s", compilation.diagnostics())
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        for (JavaFileObject file : compilation.generatedFiles()) {
            String name = file.getName();
            if (file.getKind() == JavaFileObject.Kind.CLASS && name.startsWith(CLASS_OUTPUT)) {
                String binaryName = name.substring(CLASS_OUTPUT.length(), name.length() - ".class".length())
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(binaryName, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The class file of {@code className}, as compiled. */
    byte[] classFile(String className) {
        byte[] bytes = classes.get(className);
        assertWithMessage("class %s compiled", className).that(bytes).isNotNull();
        return bytes.clone();
    }

    /** Calls public static {@code className.method(types)}; rethrows what the method throws, unwrapped. */
    Object call(String className, String method, Class<?>[] types, Object... arguments) throws Throwable {
        Method target = loadClass(className).getMethod(method, types);
        try {
            return target.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
