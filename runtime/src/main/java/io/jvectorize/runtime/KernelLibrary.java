package io.jvectorize.runtime;

import java.util.List;

/**
 * The @Vectorize functions of one class, with their generated kernels. The processor writes one
 * implementation per class and lists it in {@code META-INF/services}, so that {@link Functions}
 * finds generated kernels with {@link java.util.ServiceLoader}, without configuration.
 */
public interface KernelLibrary {

    /** The class whose @Vectorize methods these are. */
    Class<?> declaringClass();

    /** Its functions, in source order. */
    List<VectorizedFunction> functions();
}
