package io.jvectorize.spark;

import static org.apache.spark.sql.functions.udf;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Expr;
import io.jvectorize.runtime.KernelLibrary;
import io.jvectorize.runtime.VectorizedFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Calls of {@code @Vectorize} functions on Spark: the functions the processor generated kernels
 * for (found as the runtime finds them, through {@link ServiceLoader}), as row-at-a-time UDFs
 * calling the scalar method. (Measured against a batch path over blocks of rows calling the array
 * kernel: the UDF is as fast or faster, and a column; see docs/spark.md.)
 */
public final class SparkKernels {
    private SparkKernels() {}

    /**
     * {@code name(arguments)}: the function {@code name} ({@code m} or {@code Foo.m}) of a class
     * with a generated kernel library, typed as the runtime types the call, computed by a UDF of
     * the overload the runtime picks (the first that accepts the arguments' types).
     *
     * @throws IllegalArgumentException for an unknown function or arguments no overload takes, as
     *     the runtime says it; or more than 3 arguments
     */
    public static NumPyColumn call(String name, NumPyColumn... arguments) {
        Objects.requireNonNull(name, "name");
        if (arguments.length > 3) {
            throw new IllegalArgumentException(name + " takes " + arguments.length + " arguments; calls on Spark"
                    + " take at most 3");
        }
        Expr call = Expr.call(name, Arrays.stream(arguments).map(NumPyColumn::expr).toArray(Expr[]::new));
        if (call.symbols().isEmpty()) {
            return NumPyColumn.constant(call);
        }
        VectorizedFunction function = function(name);
        VectorizedFunction.Overload overload = function.overloads().stream()
                .filter(o -> o.returnType() == call.dtype() && accepts(o, arguments))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no overload of " + function + " takes "
                        + Arrays.toString(arguments)));
        Column[] columns = new Column[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            columns[i] = SparkTypes.convert(arguments[i].column(), arguments[i].dtype(), overload.argumentTypes().get(i));
        }
        return NumPyColumn.of(apply(function, overload, columns), call);
    }

    /**
     * The UDF of {@code overload} of {@code function} applied to {@code arguments}, columns already
     * of the overload's argument types.
     */
    static Column apply(VectorizedFunction function, VectorizedFunction.Overload overload, Column[] arguments) {
        ScalarMethodUdf scalar = new ScalarMethodUdf(function.declaringClass(), function.name(), overload.returnType(),
                overload.argumentTypes());
        return udf(scalar, overload.argumentTypes().size(), overload.returnType())
                .withName(function.qualifiedName())
                .apply(arguments);
    }

    /**
     * The function {@code name} ({@code m} or {@code Foo.m}) among the generated kernel libraries on
     * the class path.
     *
     * @throws IllegalArgumentException naming the functions there are, if none or several have that name
     */
    public static VectorizedFunction function(String name) {
        List<VectorizedFunction> matches = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (KernelLibrary library : ServiceLoader.load(KernelLibrary.class, SparkKernels.class.getClassLoader())) {
            for (VectorizedFunction function : library.functions()) {
                known.add(function.qualifiedName());
                if (function.name().equals(name) || function.qualifiedName().equals(name)) {
                    matches.add(function);
                }
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException((matches.isEmpty() ? "no @Vectorize function " : "several functions ")
                    + name + " with a generated kernel library; there are " + known
                    + (matches.isEmpty() ? "" : ": write the class name too"));
        }
        return matches.get(0);
    }

    /**
     * Whether the overload takes the arguments as the runtime's typing does: a column's type must
     * widen to the parameter's; a number (a weak literal, or arithmetic on literals) takes the
     * parameter's type where it is of the same kind (a float for a floating parameter).
     */
    private static boolean accepts(VectorizedFunction.Overload overload, NumPyColumn[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            DType parameter = overload.argumentTypes().get(i);
            DType argument = arguments[i].dtype();
            boolean number = arguments[i].expr().symbols().isEmpty();
            boolean accepted = number ? (argument.isFloating() ? parameter.isFloating() : parameter.isNumeric())
                    : argument.widensTo(parameter);
            if (!accepted) {
                return false;
            }
        }
        return true;
    }

    private static UserDefinedFunction udf(ScalarMethodUdf scalar, int arity, DType returnType) {
        switch (arity) {
            case 1: return org.apache.spark.sql.functions.udf((org.apache.spark.sql.api.java.UDF1<?, ?>) scalar,
                    SparkTypes.dataType(returnType));
            case 2: return org.apache.spark.sql.functions.udf((org.apache.spark.sql.api.java.UDF2<?, ?, ?>) scalar,
                    SparkTypes.dataType(returnType));
            default: return org.apache.spark.sql.functions.udf((org.apache.spark.sql.api.java.UDF3<?, ?, ?, ?>) scalar,
                    SparkTypes.dataType(returnType));
        }
    }
}
