package io.jvectorize.spec;

import java.util.List;

/**
 * The names of the classes the processor writes for a class with @Vectorize methods, which the
 * runtime looks up by the same rule: for {@code p.Foo}, {@code p.FooVectorized} (the contract),
 * its SIMD loops {@code p.FooVectorizedSimd} and its kernel library {@code p.FooVectorizedKernels};
 * a nested {@code p.Outer.Inner} gives {@code p.Outer_InnerVectorized} and so on.
 */
public final class GeneratedNames {

    private GeneratedNames() {}

    /**
     * The companion's simple name.
     *
     * @param simpleNames the class's simple name, preceded by those of its enclosing classes
     */
    public static String companion(List<String> simpleNames) {
        if (simpleNames.isEmpty()) {
            throw new IllegalArgumentException("a class has a simple name");
        }
        return String.join("_", simpleNames) + "Vectorized";
    }

    /** The simple name of the class that holds the companion's Vector API loops. */
    public static String simd(List<String> simpleNames) {
        return companion(simpleNames) + "Simd";
    }

    /** The simple name of the kernel library, through which expressions call the functions by name. */
    public static String kernelLibrary(List<String> simpleNames) {
        return companion(simpleNames) + "Kernels";
    }
}
