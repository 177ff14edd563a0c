package io.jvectorize.runtime;

import io.jvectorize.Vectorize;
import io.jvectorize.spec.CheckedClass;
import io.jvectorize.spec.CheckedMethod;
import io.jvectorize.spec.ClassDeclaration;
import io.jvectorize.spec.DeclarationRules;
import io.jvectorize.spec.EnclosingClass;
import io.jvectorize.spec.MethodDeclaration;
import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.Problem;
import io.jvectorize.spec.Signature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reflective fallback: @Vectorize methods of a class compiled without the processor, as
 * {@link VectorizedFunction}s whose kernels call the scalar method through a MethodHandle, one
 * element at a time. Checks the methods by the contract's rules ({@link DeclarationRules}),
 * read off reflection, so that it refuses what javac refuses, in the same words.
 */
final class ReflectiveFunctions {

    private ReflectiveFunctions() {}

    /**
     * The class's @Vectorize methods, in name order.
     *
     * @throws IllegalArgumentException if it has none, or one the processor would refuse: the
     *     message is javac's, one line per error
     */
    static List<VectorizedFunction> of(MethodHandles.Lookup lookup, Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Vectorize.class)) {
                methods.add(method);
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Vectorize method to register");
        }
        methods.sort(Comparator.comparing(Method::getName));
        CheckedClass checked = DeclarationRules.check(new ClassDeclaration(nest(type),
                methods.stream().map(ReflectiveFunctions::declaration).toList()));
        if (!checked.errors().isEmpty()) {
            throw new IllegalArgumentException(checked.errors().stream().map(Problem::message)
                    .collect(Collectors.joining("\n")));
        }
        MethodHandles.Lookup access = access(lookup, type);
        List<VectorizedFunction> functions = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            functions.add(function(access, methods.get(i), checked.methods().get(i).valid().orElseThrow()));
        }
        return functions;
    }

    private static MethodHandles.Lookup access(MethodHandles.Lookup lookup, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, lookup);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("jvectorize cannot access " + type.getName() + " (" + e.getMessage()
                    + "); open its package to jvectorize, or call Functions.register(MethodHandles.lookup(), "
                    + type.getSimpleName() + ".class) from inside its module", e);
        }
    }

    private static VectorizedFunction function(MethodHandles.Lookup access, Method method, CheckedMethod.Valid valid) {
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        MethodHandle handle;
        try {
            handle = access.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(name + " cannot be called: " + e.getMessage(), e);
        }
        List<VectorizedFunction.Overload> overloads = new ArrayList<>();
        for (Signature signature : valid.signatures()) {
            overload(handle, signature).ifPresent(overloads::add);
        }
        if (overloads.isEmpty()) {
            throw new IllegalArgumentException(name + " has no signature that expressions can call: their types are "
                    + "float64, float32, int64, int32 and bool");
        }
        return new VectorizedFunction(method.getDeclaringClass(), method.getName(), overloads);
    }

    /** The overload of one signature; empty where it uses a type that expressions do not have (int16, int8). */
    private static Optional<VectorizedFunction.Overload> overload(MethodHandle handle, Signature signature) {
        Optional<DType> returnType = DType.of(signature.returnType());
        List<DType> argumentTypes = new ArrayList<>();
        for (NumericType type : signature.argumentTypes()) {
            Optional<DType> argumentType = DType.of(type);
            if (argumentType.isEmpty()) {
                return Optional.empty();
            }
            argumentTypes.add(argumentType.get());
        }
        return returnType.map(r -> overload(handle, r, argumentTypes));
    }

    // ---- the facts the rules check, as javac would spell them -----------------------------------

    private static MethodDeclaration declaration(Method method) {
        int modifiers = method.getModifiers();
        List<String> checked = new ArrayList<>();
        for (Type thrown : method.getGenericExceptionTypes()) {
            Class<?> erased = erasure(thrown);
            if (!RuntimeException.class.isAssignableFrom(erased) && !Error.class.isAssignableFrom(erased)) {
                checked.add(typeName(thrown));
            }
        }
        return new MethodDeclaration(method.getName(), Modifier.isStatic(modifiers), Modifier.isPrivate(modifiers),
                method.getTypeParameters().length > 0, method.isVarArgs(),
                Arrays.stream(method.getGenericParameterTypes()).map(ReflectiveFunctions::typeName).toList(),
                typeName(method.getGenericReturnType()), checked,
                List.of(method.getAnnotation(Vectorize.class).signature()),
                method.getAnnotation(Vectorize.class).identity());
    }

    /** The class and the classes around it, outermost first. */
    private static List<EnclosingClass> nest(Class<?> type) {
        List<EnclosingClass> nest = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            EnclosingClass.Nesting nesting = c.isAnonymousClass() ? EnclosingClass.Nesting.ANONYMOUS
                    : c.isLocalClass() ? EnclosingClass.Nesting.LOCAL
                    : c.isMemberClass() ? EnclosingClass.Nesting.MEMBER
                    : EnclosingClass.Nesting.TOP_LEVEL;
            nest.add(0, new EnclosingClass(c.getSimpleName(), nesting, Modifier.isPrivate(c.getModifiers())));
        }
        return nest;
    }

    /** A type as javac's {@code TypeMirror.toString()} writes it: {@code java.util.List<java.lang.String>}. */
    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return typeName(c.getComponentType()) + "[]";
            }
            return c.getCanonicalName() != null ? c.getCanonicalName() : c.getName();
        }
        if (type instanceof ParameterizedType parameterized) {
            return typeName(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(ReflectiveFunctions::typeName).collect(Collectors.joining(",", "<", ">"));
        }
        if (type instanceof GenericArrayType array) {
            return typeName(array.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                return "? super " + typeName(wildcard.getLowerBounds()[0]);
            }
            Type upper = wildcard.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + typeName(upper);
        }
        return type.getTypeName(); // a type variable: its name
    }

    /** The class a thrown type stands for: a type variable's first bound. */
    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return erasure(parameterized.getRawType());
        }
        if (type instanceof TypeVariable<?> variable) {
            return erasure(variable.getBounds()[0]);
        }
        return Object.class;
    }

    private static VectorizedFunction.Overload overload(MethodHandle handle, DType returnType, List<DType> argumentTypes) {
        Class<?>[] javaArguments = argumentTypes.stream().map(ReflectiveFunctions::javaType).toArray(Class<?>[]::new);
        // Converts at the boundary as a generated kernel does: arguments widen, the result is cast.
        MethodHandle typed = MethodHandles.explicitCastArguments(handle,
                MethodType.methodType(javaType(returnType), javaArguments));
        return new VectorizedFunction.Overload(returnType, argumentTypes, VectorizedFunction.Implementation.REFLECTIVE,
                new ElementwiseKernel(elementHandle(typed, javaArguments)));
    }

    /** {@code (Object[] arrays, int i) -> f(arrays[0][i], arrays[1][i], ...)}, boxed to Object. */
    private static MethodHandle elementHandle(MethodHandle function, Class<?>[] argumentTypes) {
        MethodHandle handle = function;
        for (int k = argumentTypes.length - 1; k >= 0; k--) {
            MethodHandle array = MethodHandles.insertArguments(
                    MethodHandles.arrayElementGetter(Object[].class), 1, k)
                    .asType(MethodType.methodType(argumentTypes[k].arrayType(), Object[].class));
            MethodHandle element = MethodHandles.filterArguments(
                    MethodHandles.arrayElementGetter(argumentTypes[k].arrayType()), 0, array);
            handle = MethodHandles.collectArguments(handle, k, element);
        }
        int[] reorder = new int[2 * argumentTypes.length];
        for (int k = 0; k < argumentTypes.length; k++) {
            reorder[2 * k] = 0;
            reorder[2 * k + 1] = 1;
        }
        return MethodHandles.permuteArguments(handle,
                        MethodType.methodType(handle.type().returnType(), Object[].class, int.class), reorder)
                .asType(MethodType.methodType(Object.class, Object[].class, int.class));
    }

    /** The kernel over a range: one MethodHandle call per element. */
    private static final class ElementwiseKernel implements RangeKernel {
        private final MethodHandle element;

        ElementwiseKernel(MethodHandle element) {
            this.element = element;
        }

        @Override
        public void run(Object[] arguments, Object out, int from, int to) {
            try {
                for (int i = from; i < to; i++) {
                    store(out, i, (Object) element.invokeExact(arguments, i));
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("a @Vectorize method threw a checked exception: " + e, e);
            }
        }

        private static void store(Object out, int i, Object value) {
            if (out instanceof double[] doubles) {
                doubles[i] = (Double) value;
            } else if (out instanceof float[] floats) {
                floats[i] = (Float) value;
            } else if (out instanceof long[] longs) {
                longs[i] = (Long) value;
            } else if (out instanceof int[] ints) {
                ints[i] = (Integer) value;
            } else {
                ((boolean[]) out)[i] = (Boolean) value;
            }
        }
    }

    static Class<?> javaType(DType type) {
        return type.arrayType().getComponentType();
    }
}
