package io.jvectorize.samples.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Numba-style signature such as {@code float64(int32, float32)}, as Java types. */
record KernelSignature(Class<?> returnType, List<Class<?>> argumentTypes) {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("float64", double.class), Map.entry("f8", double.class), Map.entry("double", double.class),
            Map.entry("float32", float.class), Map.entry("f4", float.class), Map.entry("float", float.class),
            Map.entry("int64", long.class), Map.entry("i8", long.class),
            Map.entry("int32", int.class), Map.entry("i4", int.class),
            Map.entry("int16", short.class), Map.entry("i2", short.class),
            Map.entry("int8", byte.class), Map.entry("i1", byte.class),
            Map.entry("boolean", boolean.class), Map.entry("b1", boolean.class));

    KernelSignature {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** Parses {@code ret(arg, ...)}; whitespace is ignored. */
    static KernelSignature parse(String text) {
        String compact = text.replaceAll("\\s+", "");
        int open = compact.indexOf('(');
        if (open < 0 || !compact.endsWith(")")) {
            throw new IllegalArgumentException("not a signature: " + text);
        }
        List<Class<?>> arguments = new ArrayList<>();
        String inside = compact.substring(open + 1, compact.length() - 1);
        if (!inside.isEmpty()) {
            for (String name : inside.split(",")) {
                arguments.add(type(name));
            }
        }
        return new KernelSignature(type(compact.substring(0, open)), arguments);
    }

    private static Class<?> type(String name) {
        Class<?> type = TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown type name " + name);
        }
        return type;
    }

    Class<?> argumentType(int index) {
        return argumentTypes.get(index);
    }

    @Override
    public String toString() {
        return returnType.getName() + argumentTypes.stream().map(Class::getName).collect(Collectors.joining(", ", "(", ")"));
    }
}
