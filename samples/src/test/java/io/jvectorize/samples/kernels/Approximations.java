package io.jvectorize.samples.kernels;

import io.jvectorize.runtime.Simd;
import io.jvectorize.samples.SampleBounds;
import io.jvectorize.samples.Seed;
import io.jvectorize.samples.Waves;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How closely a kernel variant must match its scalar method: bit for bit, or, for a variant that
 * runs a SIMD loop of a method that calls transcendental functions, within that method's ulp
 * bound. The bound is the method's {@link Approximate} (test fixtures), or, for methods of the
 * main sources, which the tests cannot annotate, given here.
 *
 * <p>Whether a variant runs a SIMD loop is read off the generated code, not assumed: the
 * generated {@code FooVectorizedSimd} class must declare the loop the companion's variant
 * dispatches to ({@code m(A[] a, B b, R[] out)} runs {@code mLoop(A[] a, B b, R[] out, int from,
 * int to)}). A variant that converts its arguments, or a method that keeps its scalar loop, is
 * held to bit-for-bit equality even when its method is approximate. Were the loop renamed, the
 * tests would fall back to bit-for-bit comparison and fail loudly rather than pass silently.
 */
final class Approximations {

    private static final Map<String, Optional<Class<?>>> SIMD_CLASSES = new ConcurrentHashMap<>();

    private Approximations() {}

    /** The tolerance declared for {@code scalar}'s SIMD loops; {@link Tolerance#EXACT} for a method that must stay bit for bit. */
    static Tolerance declared(Method scalar) {
        Approximate approximate = scalar.getAnnotation(Approximate.class);
        if (approximate != null) {
            return Tolerance.of(approximate);
        }
        if (scalar.getDeclaringClass() == Seed.class && scalar.getName().equals("gaussian")) {
            return new Tolerance(SampleBounds.GAUSSIAN_ULPS, 0);
        }
        if (scalar.getDeclaringClass() == Waves.class && scalar.getName().equals("wave")) {
            return new Tolerance(SampleBounds.WAVE_ULPS, SampleBounds.WAVE_SCALE);
        }
        return Tolerance.EXACT;
    }

    /** The tolerance {@code variant}'s results get in this run: exact unless it runs an approximate SIMD loop. */
    static Tolerance tolerance(KernelVariant variant) {
        Tolerance declared = declared(variant.kernel().scalar());
        return !declared.isExact() && runsSimdLoop(variant) ? declared : Tolerance.EXACT;
    }

    /** Whether {@code variant} runs a SIMD loop in this run: SIMD is enabled and the SIMD class has its loop. */
    static boolean runsSimdLoop(KernelVariant variant) {
        if (!Simd.ENABLED) {
            return false;
        }
        Optional<Class<?>> simd = simdClass(variant.kernel().scalar().getDeclaringClass());
        if (simd.isEmpty()) {
            return false;
        }
        List<Class<?>> types = new ArrayList<>();
        for (int j = 0; j < variant.kernel().arity(); j++) {
            Class<?> element = variant.signature().argumentType(j);
            types.add(variant.isScalar(j) ? element : element.arrayType());
        }
        types.add(variant.resultArrayType());
        types.add(int.class);
        types.add(int.class);
        return loop(simd.get(), variant.kernel().name(), types.toArray(new Class<?>[0])).isPresent();
    }

    /**
     * The SIMD class of {@code owner}'s companion ({@code p.FooVectorizedSimd}), without
     * initializing it, if the build wrote one. Call only where {@link Simd#ENABLED}: elsewhere
     * the Vector API it refers to may be missing.
     */
    static Optional<Class<?>> simdClass(Class<?> owner) {
        String name = KernelUnderTest.companionOf(owner).getName() + "Simd";
        return SIMD_CLASSES.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, owner.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** The SIMD loop of method {@code name} with these parameter types, if the SIMD class declares it. */
    static Optional<Method> loop(Class<?> simd, String name, Class<?>... parameterTypes) {
        try {
            return Optional.of(simd.getDeclaredMethod(name + "Loop", parameterTypes));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
