package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import io.jvectorize.spec.GeneratedNames;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The {@link io.jvectorize.Vectorize @Vectorize} functions that expressions can call by name. Classes compiled with the
 * jvectorize processor are found without configuration, through the {@link KernelLibrary}
 * the processor wrote for them ({@link ServiceLoader}); {@link #register} adds any other class,
 * whose methods then run through the reflective fallback. No other Java method can
 * ever be reached from an expression.
 */
public final class Functions {
    /** Registered and discovered functions, by class, in registration order. */
    private static final Map<Class<?>, List<VectorizedFunction>> BY_CLASS = new ConcurrentHashMap<>();

    private Functions() {}

    /**
     * Makes the @Vectorize methods of {@code type} callable by name: through its generated
     * kernels where the processor wrote them, otherwise through the reflective fallback.
     * Registering a class again changes nothing.
     *
     * @throws IllegalArgumentException if {@code type} has no @Vectorize method, or one that
     *     breaks the rules of {@link Vectorize}: whatever the processor refuses at compile time,
     *     with javac's message (one line per error), which says what to change
     */
    public static void register(Class<?> type) {
        register(MethodHandles.lookup(), type);
    }

    /**
     * As {@link #register(Class)}, with a lookup that may access {@code type}: pass your own
     * {@code MethodHandles.lookup()} for a class in a named module that does not open its
     * package to jvectorize.
     */
    public static void register(MethodHandles.Lookup lookup, Class<?> type) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(type, "type");
        BY_CLASS.computeIfAbsent(type, t -> generatedLibrary(t)
                .map(KernelLibrary::functions)
                .orElseGet(() -> ReflectiveFunctions.of(lookup, t)));
    }

    /**
     * The function a name stands for: {@code m}, {@code Foo.m} or {@code p.Foo.m}.
     *
     * @throws IllegalArgumentException if no function, or more than one, has that name; the
     *     message lists near matches or the candidates
     */
    static VectorizedFunction resolve(String name) {
        List<VectorizedFunction> matches = all().stream()
                .filter(function -> matches(function, name))
                .collect(Collectors.toList());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("unknown function " + name + nearMatches(name, names())
                    + "; only built-in functions and @Vectorize methods of compiled or registered classes"
                    + " (Functions.register) can be called");
        }
        throw new IllegalArgumentException(name + " is ambiguous: it could be "
                + matches.stream().map(VectorizedFunction::qualifiedName).collect(Collectors.joining(" or "))
                + "; write the class name too");
    }

    /** Every name an expression may call: built-in functions, reductions and @Vectorize functions. */
    static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(Operator.functionNames());
        names.add("square");
        for (ReductionKind kind : ReductionKind.values()) {
            names.add(kind.text());
        }
        for (VectorizedFunction function : all()) {
            names.add(function.name());
            names.add(function.qualifiedName());
        }
        return new ArrayList<>(names);
    }

    /** ", did you mean a or b?" for the known names within two edits or sharing a prefix; empty if none. */
    static String nearMatches(String name, List<String> known) {
        List<String> near = known.stream()
                .filter(candidate -> editDistance(name.toLowerCase(), candidate.toLowerCase()) <= 2
                        || candidate.startsWith(name) && name.length() >= 2)
                .sorted(Comparator.comparingInt(candidate -> editDistance(name, candidate)))
                .limit(5)
                .collect(Collectors.toList());
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    private static boolean matches(VectorizedFunction function, String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return function.name().equals(name);
        }
        String owner = name.substring(0, dot);
        Class<?> type = function.declaringClass();
        return function.name().equals(name.substring(dot + 1))
                && (owner.equals(type.getSimpleName()) || owner.equals(type.getCanonicalName()));
    }

    /** Registered classes and every class with a generated library on the class path. */
    private static List<VectorizedFunction> all() {
        Discovered.ensureLoaded();
        List<VectorizedFunction> all = new ArrayList<>();
        BY_CLASS.values().forEach(all::addAll);
        return all;
    }

    /** The library the processor generated for {@code type}: {@code p.FooVectorizedKernels} for {@code p.Foo}. */
    private static Optional<KernelLibrary> generatedLibrary(Class<?> type) {
        String name = type.getPackageName().isEmpty() ? libraryName(type) : type.getPackageName() + "." + libraryName(type);
        try {
            Class<?> library = Class.forName(name, true, type.getClassLoader());
            return Optional.of((KernelLibrary) library.getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the generated " + name + " cannot be loaded: " + e
                    + "; rebuild " + type.getName() + " with the same jvectorize version as the runtime", e);
        }
    }

    /** {@code FooVectorizedKernels}, {@code Outer_InnerVectorizedKernels}: as the processor names it. */
    static String libraryName(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            names.add(0, c.getSimpleName());
        }
        return GeneratedNames.kernelLibrary(names);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The libraries on the class path, loaded once, on first use, with {@link ServiceLoader}. */
    private static final class Discovered {
        static {
            Map<Class<?>, List<VectorizedFunction>> found = new LinkedHashMap<>();
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                    Functions.class.getClassLoader()}) {
                for (KernelLibrary library : ServiceLoader.load(KernelLibrary.class, loader)) {
                    found.putIfAbsent(library.declaringClass(), library.functions());
                }
            }
            found.forEach(BY_CLASS::putIfAbsent);
        }

        static void ensureLoaded() {
            // Loading this class ran the static initializer above, once.
        }
    }
}
