package io.jvectorize.runtime.internal.ir;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.List;

/**
 * One typed instruction of a pass: it gives one value of {@link #type}, from its operands. A
 * pass has two lists of them (see {@link Pass}): its numbers, computed once per run, and its
 * element steps, computed for every element. {@link Load} is an element step only;
 * {@link Literal}, {@link Bound} and {@link Earlier} are numbers only.
 */
public sealed interface Step {

    /** The type of the value it gives. */
    DType type();

    /** What it reads, in order. */
    List<Operand> operands();

    /** A bound array's elements as values of {@code type}, converted as Java casts where its data's type differs. */
    record Load(int input, DType type) implements Step {
        @Override
        public List<Operand> operands() {
            return List.of();
        }
    }

    /** A number written in the expression: {@code doubleValue} for a float type, {@code longValue} for an integer one. */
    record Literal(DType type, double doubleValue, long longValue) implements Step {
        @Override
        public List<Operand> operands() {
            return List.of();
        }
    }

    /** The number bound to a symbol, as a value of the symbol's type. */
    record Bound(String symbol, DType type) implements Step {
        @Override
        public List<Operand> operands() {
            return List.of();
        }
    }

    /** The value of an earlier pass of the plan (a reduction). */
    record Earlier(int pass, DType type) implements Step {
        @Override
        public List<Operand> operands() {
            return List.of();
        }
    }

    /**
     * An operator of the table applied to operands already of its operand types.
     *
     * @param text the operation as the expression writes it, for the message of an
     *     {@link ArithmeticException} its scalar form may throw; null where it throws none
     */
    record Apply(Operator op, List<Operand> operands, DType type, String text) implements Step {
        public Apply {
            operands = List.copyOf(operands);
        }
    }

    /** The operand's value converted to {@code type}, as Java casts convert. */
    record Convert(Operand operand, DType type) implements Step {
        @Override
        public List<Operand> operands() {
            return List.of(operand);
        }
    }

    /** A @Vectorize function's overload applied to operands of its argument types; gives its return type. */
    record Invoke(VectorizedFunction function, VectorizedFunction.Overload overload, List<Operand> operands)
            implements Step {
        public Invoke {
            operands = List.copyOf(operands);
        }

        @Override
        public DType type() {
            return overload.returnType();
        }
    }
}
