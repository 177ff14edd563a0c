package io.jvectorize.runtime;

/**
 * Whether generated kernels run their Vector API loops. They do where the JVM has the module
 * {@code jdk.incubator.vector} (started with {@code --add-modules jdk.incubator.vector}) and
 * the system property {@value #PROPERTY} is not {@code false}; otherwise they run their scalar
 * loops, which give the same results for arithmetic, and never load a Vector API class.
 */
public final class Simd {

    /** The system property that forces the scalar loops when {@code false}. */
    public static final String PROPERTY = "jvectorize.simd";

    /** The module that holds the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    /** Whether generated kernels run their SIMD loops; a constant, so the JIT drops the untaken path. */
    public static final boolean ENABLED = enabled(System.getProperty(PROPERTY),
            ModuleLayer.boot().findModule(MODULE).isPresent());

    private Simd() {
    }

    /**
     * Whether SIMD runs, given the property's value (null if unset) and whether the module is present.
     *
     * @throws IllegalArgumentException if the property is neither {@code true} nor {@code false}
     */
    static boolean enabled(String property, boolean modulePresent) {
        if (property == null || property.equalsIgnoreCase("true")) {
            return modulePresent;
        }
        if (property.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("System property " + PROPERTY + " must be true or false, but is \""
                + property + "\"");
    }
}
