package io.jvectorize.runtime.internal.plan;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.List;

/**
 * A typed expression as the planner reads it: what the expression layer hands over, already
 * typed by NumPy's rules. Each term keeps its {@link #source}, the expression node it stands
 * for: the planner uses it only as text ({@code toString}) and as a key ({@code equals},
 * {@code hashCode}), so that it depends on no expression class.
 */
public sealed interface Term {

    /** The type of its value. */
    DType type();

    /** The expression node: its text, and equal for equal expressions. */
    Object source();

    /** A name bound to an array or a number at compute time. */
    record Symbol(String name, DType type, Object source) implements Term {}

    /** A number written in the expression: {@code longValue} exact for int64, {@code doubleValue} for float64. */
    record Number(DType type, double doubleValue, long longValue, Object source) implements Term {}

    /** An operator applied to operands, each converted to its operand type first. */
    record Apply(Operator op, List<Term> operands, List<DType> operandTypes, DType type, Object source)
            implements Term {
        public Apply {
            operands = List.copyOf(operands);
            operandTypes = List.copyOf(operandTypes);
        }
    }

    /** A @Vectorize function's chosen overload applied to arguments, converted to its argument types. */
    record Invoke(VectorizedFunction function, VectorizedFunction.Overload overload, List<Term> arguments,
            Object source) implements Term {
        public Invoke {
            arguments = List.copyOf(arguments);
        }

        @Override
        public DType type() {
            return overload.returnType();
        }
    }

    /** A reduction of an elementwise operand to one number. */
    record Reduce(ReductionKind kind, Term operand, DType type, Object source) implements Term {}
}
