package io.jvectorize.runtime;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A call of a @Vectorize function, bound when built to the first overload that accepts its arguments. */
final class Call extends Expr {
    private final VectorizedFunction function;
    private final List<Expr> arguments;
    private final int overload;

    /** @throws IllegalArgumentException if no overload accepts the arguments' types */
    Call(VectorizedFunction function, List<Expr> arguments) {
        super(arguments);
        this.function = Objects.requireNonNull(function, "function");
        this.arguments = List.copyOf(arguments);
        this.overload = chooseOverload(function, this.arguments);
    }


    private static int chooseOverload(VectorizedFunction function, List<Expr> arguments) {
        List<VectorizedFunction.Overload> overloads = function.overloads();
        for (int k = 0; k < overloads.size(); k++) {
            List<DType> types = overloads.get(k).argumentTypes();
            if (types.size() == arguments.size() && accepts(types, arguments)) {
                return k;
            }
        }
        Long tooLarge = Typing.outsideInt32(arguments);
        throw new IllegalArgumentException(function.qualifiedName() + " has no signature for ("
                + arguments.stream().map(argument -> argument.dtype().numpyName()).collect(Collectors.joining(", "))
                + "); its signatures are " + overloads.stream().map(VectorizedFunction.Overload::signature)
                        .collect(Collectors.joining(", "))
                + (tooLarge == null ? "" : " (an int32 parameter cannot take the integer " + tooLarge + ")"));
    }

    private static boolean accepts(List<DType> types, List<Expr> arguments) {
        for (int i = 0; i < types.size(); i++) {
            if (!Typing.accepts(types.get(i), arguments.get(i))) {
                return false;
            }
        }
        return true;
    }

    VectorizedFunction function() {
        return function;
    }

    List<Expr> arguments() {
        return arguments;
    }

    /** The chosen overload. */
    VectorizedFunction.Overload overload() {
        return function.overloads().get(overload);
    }

    /** The type argument {@code index} is converted to: the overload's argument type. */
    DType operandType(int index) {
        return overload().argumentTypes().get(index);
    }

    @Override
    public DType dtype() {
        return overload().returnType();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Call that && function.declaringClass() == that.function.declaringClass()
                && function.name().equals(that.function.name()) && arguments.equals(that.arguments);
    }

    @Override
    int structuralHash() {
        return Objects.hash(function.declaringClass(), function.name(), arguments);
    }
}
