package io.jvectorize.processor.model;

import io.jvectorize.spec.GeneratedNames;
import java.util.List;

/**
 * A class with @Vectorize methods, and the companion class to write for it.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleNames the class's simple name, preceded by those of its enclosing classes
 * @param methods its valid @Vectorize methods, in source order
 * @param guMethods its valid @GuVectorize methods, in source order
 */
public record KernelClass(String packageName, List<String> simpleNames, List<KernelMethod> methods,
        List<GuMethod> guMethods) {

    public KernelClass {
        simpleNames = List.copyOf(simpleNames);
        methods = List.copyOf(methods);
        guMethods = List.copyOf(guMethods);
    }

    /** A class with @Vectorize methods only. */
    public KernelClass(String packageName, List<String> simpleNames, List<KernelMethod> methods) {
        this(packageName, simpleNames, methods, List.of());
    }

    /** The companion's simple name: {@code Foo} gives {@code FooVectorized}, {@code Outer.Inner} gives {@code Outer_InnerVectorized}. */
    public String companionName() {
        return GeneratedNames.companion(simpleNames);
    }

    /** The companion's qualified name, as the Filer wants it. */
    public String companionQualifiedName() {
        return packageName.isEmpty() ? companionName() : packageName + "." + companionName();
    }
}
