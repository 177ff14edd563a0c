package io.jvectorize.runtime;

import io.jvectorize.Vectorize;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reflective fallback: @Vectorize methods of a class compiled without the processor, as
 * {@link VectorizedFunction}s whose kernels call the scalar method through a MethodHandle, one
 * element at a time. Checks the methods by the rules the processor enforces at compile time.
 */
final class ReflectiveFunctions {
    private static final List<Class<?>> WIDENING = List.of(
            byte.class, short.class, int.class, long.class, float.class, double.class);

    private ReflectiveFunctions() {}

    /** The class's @Vectorize methods, in name order. */
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
        MethodHandles.Lookup access = access(lookup, type);
        Set<String> names = new HashSet<>();
        List<VectorizedFunction> functions = new ArrayList<>();
        for (Method method : methods) {
            if (!names.add(method.getName())) {
                throw new IllegalArgumentException(type.getName() + " has two @Vectorize methods named "
                        + method.getName() + "; rename one");
            }
            functions.add(function(access, method));
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

    private static VectorizedFunction function(MethodHandles.Lookup access, Method method) {
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        check(method, name);
        MethodHandle handle;
        try {
            handle = access.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(name + " cannot be called: " + e.getMessage(), e);
        }
        String[] signatures = method.getAnnotation(Vectorize.class).signature();
        List<VectorizedFunction.Overload> overloads = new ArrayList<>();
        if (signatures.length == 0) {
            ownOverload(method, handle).ifPresent(overloads::add);
        }
        for (String signature : signatures) {
            overload(name, method, handle, signature).ifPresent(overloads::add);
        }
        if (overloads.isEmpty()) {
            throw new IllegalArgumentException(name + " has no signature that expressions can call: their types are "
                    + "float64, float32, int64, int32 and bool");
        }
        return new VectorizedFunction(method.getDeclaringClass(), method.getName(), overloads);
    }

    /** The rules of {@link Vectorize}, as the processor checks them. */
    private static void check(Method method, String name) {
        int modifiers = method.getModifiers();
        String problem = null;
        if (!Modifier.isStatic(modifiers)) {
            problem = "must be static";
        } else if (Modifier.isPrivate(modifiers)) {
            problem = "must not be private";
        } else if (method.getTypeParameters().length > 0) {
            problem = "must not be generic";
        } else if (method.isVarArgs()) {
            problem = "must not be varargs";
        } else if (method.getParameterCount() == 0) {
            problem = "must take at least one parameter";
        } else if (!method.getReturnType().isPrimitive() || method.getReturnType() == void.class) {
            problem = "must return a primitive, not " + method.getReturnType().getName();
        } else if (Arrays.stream(method.getParameterTypes()).anyMatch(p -> !p.isPrimitive() || p == char.class)) {
            problem = "must take only double, float, long, int, short, byte or boolean parameters";
        }
        if (problem != null) {
            throw new IllegalArgumentException("@Vectorize method " + name + " " + problem);
        }
    }

    private static Optional<VectorizedFunction.Overload> ownOverload(Method method, MethodHandle handle) {
        Optional<DType> returnType = dtype(method.getReturnType());
        List<DType> argumentTypes = new ArrayList<>();
        for (Class<?> parameter : method.getParameterTypes()) {
            Optional<DType> type = dtype(parameter);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            argumentTypes.add(type.get());
        }
        return returnType.map(r -> overload(handle, r, argumentTypes));
    }

    /** The overload of one signature text; empty where it uses a type that expressions do not have (int16, int8). */
    private static Optional<VectorizedFunction.Overload> overload(String name, Method method, MethodHandle handle,
            String signature) {
        String text = signature.replaceAll("\\s", "");
        int open = text.indexOf('(');
        if (open <= 0 || !text.endsWith(")")) {
            throw new IllegalArgumentException(name + ": malformed signature \"" + signature
                    + "\"; write it as ret(arg, ...), e.g. \"float64(float64)\"");
        }
        List<String> typeNames = new ArrayList<>();
        typeNames.add(text.substring(0, open));
        String arguments = text.substring(open + 1, text.length() - 1);
        if (!arguments.isEmpty()) {
            typeNames.addAll(Arrays.asList(arguments.split(",", -1)));
        }
        List<DType> types = new ArrayList<>();
        for (String typeName : typeNames) {
            if (Set.of("int16", "i2", "int8", "i1").contains(typeName)) {
                return Optional.empty();
            }
            types.add(DType.forName(typeName).orElseThrow(() -> new IllegalArgumentException(name
                    + ": unknown type \"" + typeName + "\" in signature \"" + signature + "\"; known types: "
                    + String.join(", ", DType.names()) + ", int16, i2, int8, i1")));
        }
        List<DType> argumentTypes = types.subList(1, types.size());
        Class<?>[] parameters = method.getParameterTypes();
        if (argumentTypes.size() != parameters.length) {
            throw new IllegalArgumentException(name + ": signature \"" + signature + "\" has " + argumentTypes.size()
                    + " argument types but the method takes " + parameters.length + " parameters");
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!widens(javaType(argumentTypes.get(i)), parameters[i])) {
                throw new IllegalArgumentException(name + ": signature \"" + signature + "\": argument type "
                        + argumentTypes.get(i) + " does not widen to parameter type " + parameters[i]);
            }
        }
        if ((types.get(0) == DType.BOOLEAN) != (method.getReturnType() == boolean.class)) {
            throw new IllegalArgumentException(name + ": signature \"" + signature + "\": return type " + types.get(0)
                    + " cannot hold a " + method.getReturnType() + " result");
        }
        return Optional.of(overload(handle, types.get(0), argumentTypes));
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

    private static Optional<DType> dtype(Class<?> type) {
        for (DType dtype : DType.values()) {
            if (javaType(dtype) == type) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    static Class<?> javaType(DType type) {
        return type.arrayType().getComponentType();
    }

    /** Java's widening primitive conversion (JLS 5.1.2), or identity. */
    private static boolean widens(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        int f = WIDENING.indexOf(from);
        int t = WIDENING.indexOf(to);
        return f >= 0 && t > f;
    }
}
