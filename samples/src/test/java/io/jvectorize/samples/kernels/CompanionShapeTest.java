package io.jvectorize.samples.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.Vectorize;
import io.jvectorize.samples.Seed;
import io.jvectorize.samples.Ufuncs;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each companion class has exactly the public methods the contract promises (the elementwise
 * kernels, and the ufunc methods of each signature A(A, A)), and no way to instantiate it.
 */
class CompanionShapeTest {

    static List<Class<?>> annotatedClasses() {
        return List.of(Seed.class, UnaryKernels.class, BinaryKernels.class, TernaryKernels.class,
                SmallTypeKernels.class, NameClashKernels.class, Outer.Nested.class, Shapes.class,
                FailingKernels.class, ThreadProbeKernels.class, LaneKernels.class, SimdFixtures.class,
                TranscendentalKernels.class, Ufuncs.class);
    }

    @ParameterizedTest
    @MethodSource("annotatedClasses")
    void hasExactlyTheFourMethodsPerSignatureAndBroadcastForm(Class<?> annotated) {
        Set<String> expected = new TreeSet<>();
        for (Method method : annotated.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Vectorize.class)) {
                // Parameter names don't matter here: the shape is about types.
                String[] names = new String[method.getParameterCount()];
                Arrays.setAll(names, i -> "p" + i);
                KernelUnderTest kernel = new KernelUnderTest(method, List.of(names));
                for (KernelVariant variant : kernel.variants()) {
                    Class<?> returnType = variant.kind().into ? void.class : variant.resultArrayType();
                    expected.add(javaSignature(returnType, variant.methodName(), variant.parameterTypes()));
                }
                for (KernelSignature signature : kernel.signatures()) {
                    addUfuncMethods(expected, method, signature);
                }
            }
        }
        Set<String> actual = Arrays.stream(KernelUnderTest.companionOf(annotated).getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(method -> javaSignature(method.getReturnType(), method.getName(), method.getParameterTypes()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @ParameterizedTest
    @MethodSource("annotatedClasses")
    void everyPublicMethodIsStatic(Class<?> annotated) {
        for (Method method : KernelUnderTest.companionOf(annotated).getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertTrue(Modifier.isStatic(method.getModifiers()), method::toString);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("annotatedClasses")
    void isAPublicFinalClassWithoutPublicConstructors(Class<?> annotated) {
        Class<?> companion = KernelUnderTest.companionOf(annotated);
        assertTrue(Modifier.isPublic(companion.getModifiers()), companion + " is not public");
        assertTrue(Modifier.isFinal(companion.getModifiers()), companion + " is not final");
        assertEquals(annotated.getPackageName(), companion.getPackageName());
        for (Constructor<?> constructor : companion.getDeclaredConstructors()) {
            assertTrue(Modifier.isPrivate(constructor.getModifiers()), constructor::toString);
        }
    }

    /** NumPy's ufunc methods, which a signature A(A, A) adds (docs/ufuncs.md); the parallel reduce only with an identity. */
    private static void addUfuncMethods(Set<String> expected, Method method, KernelSignature signature) {
        Class<?> a = signature.returnType();
        if (signature.argumentTypes().size() != 2 || signature.argumentType(0) != a || signature.argumentType(1) != a) {
            return;
        }
        Class<?> array = a.arrayType();
        String name = method.getName();
        expected.add(javaSignature(a, name + "Reduce", new Class<?>[] {array}));
        if (!method.getAnnotation(Vectorize.class).identity().isBlank()) {
            expected.add(javaSignature(a, name + "ReduceParallel", new Class<?>[] {array}));
        }
        expected.add(javaSignature(array, name + "Accumulate", new Class<?>[] {array}));
        expected.add(javaSignature(void.class, name + "Accumulate", new Class<?>[] {array, array}));
        expected.add(javaSignature(array.arrayType(), name + "Outer", new Class<?>[] {array, array}));
        expected.add(javaSignature(void.class, name + "At", new Class<?>[] {array, int[].class, array}));
    }

    private static String javaSignature(Class<?> returnType, String name, Class<?>[] parameterTypes) {
        return returnType.getSimpleName() + " " + name + Arrays.stream(parameterTypes)
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
