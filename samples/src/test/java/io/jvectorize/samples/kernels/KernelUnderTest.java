package io.jvectorize.samples.kernels;

import io.jvectorize.Vectorize;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @Vectorize} method and what its companion should offer for it.
 *
 * @param scalar the annotated method
 * @param parameterNames its parameter names, given by the test because class files don't keep them
 */
record KernelUnderTest(Method scalar, List<String> parameterNames) {

    /** Methods of up to this many parameters have every broadcast form. */
    static final int MAX_BROADCAST_ARITY = 3;

    KernelUnderTest {
        parameterNames = List.copyOf(parameterNames);
        if (parameterNames.size() != scalar.getParameterCount()) {
            throw new IllegalArgumentException(scalar + " takes " + scalar.getParameterCount()
                    + " parameters, but the test names " + parameterNames);
        }
        scalar.setAccessible(true);
    }

    /** The {@code @Vectorize} method {@code name} of {@code owner}, whose parameters are called {@code parameterNames}. */
    static KernelUnderTest of(Class<?> owner, String name, String... parameterNames) {
        List<Method> found = new ArrayList<>();
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(Vectorize.class)) {
                found.add(method);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(owner.getName() + " has " + found.size() + " @Vectorize methods named " + name);
        }
        return new KernelUnderTest(found.get(0), Arrays.asList(parameterNames));
    }

    String name() {
        return scalar.getName();
    }

    int arity() {
        return scalar.getParameterCount();
    }

    /** The signatures the annotation lists, or the method's own types if it lists none. */
    List<KernelSignature> signatures() {
        String[] texts = scalar.getAnnotation(Vectorize.class).signature();
        if (texts.length == 0) {
            return List.of(new KernelSignature(scalar.getReturnType(), List.of(scalar.getParameterTypes())));
        }
        List<KernelSignature> signatures = new ArrayList<>();
        for (String text : texts) {
            signatures.add(KernelSignature.parse(text));
        }
        return signatures;
    }

    /** The broadcast forms as bit masks of scalar arguments: all proper subsets up to three parameters, else none. */
    List<Integer> scalarMasks() {
        if (arity() > MAX_BROADCAST_ARITY) {
            return List.of(0);
        }
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < (1 << arity()) - 1; mask++) {
            masks.add(mask);
        }
        return masks;
    }

    /** Every public method the companion should have for this kernel. */
    List<KernelVariant> variants() {
        List<KernelVariant> variants = new ArrayList<>();
        for (KernelSignature signature : signatures()) {
            for (int mask : scalarMasks()) {
                for (KernelVariant.Kind kind : KernelVariant.Kind.values()) {
                    variants.add(new KernelVariant(this, signature, mask, kind));
                }
            }
        }
        return variants;
    }

    /** {@code p.FooVectorized} for {@code p.Foo}, {@code p.Outer_InnerVectorized} for {@code p.Outer.Inner}. */
    Class<?> companion() {
        return companionOf(scalar.getDeclaringClass());
    }

    static Class<?> companionOf(Class<?> owner) {
        StringBuilder name = new StringBuilder(owner.getSimpleName());
        for (Class<?> c = owner.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            name.insert(0, c.getSimpleName() + "_");
        }
        String qualified = owner.getPackageName() + "." + name + "Vectorized";
        try {
            return Class.forName(qualified);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no companion class " + qualified + " for " + owner.getName(), e);
        }
    }

    /** Whether {@code method} is one a test can see a kernel for: public static. */
    static boolean isKernel(Method method) {
        return Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers());
    }

    @Override
    public String toString() {
        return scalar.getDeclaringClass().getSimpleName() + "." + name();
    }
}
