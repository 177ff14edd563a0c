package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.plan.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands an expression to the planner: its typed nodes as {@link Term}s, each with the node itself
 * as its source (its text, and its key). The engines see nothing of {@link Expr} but that.
 *
 * <p>Public for the project's engines outside this module (the Spark backend translates the same
 * terms); {@link Term} lives in an internal package and is not a user API.
 */
public final class Lowering {

    private Lowering() {}

    /** The typed terms of {@code node}, as every engine reads them. */
    public static Term term(Expr node) {
        if (node instanceof Symbol symbol) {
            return new Term.Symbol(symbol.name(), symbol.dtype(), symbol);
        }
        if (node instanceof Literal literal) {
            return new Term.Number(literal.dtype(), literal.doubleValue(), literal.longValue(), literal);
        }
        if (node instanceof Reduction reduction) {
            return new Term.Reduce(reduction.kind(), term(reduction.operand()), reduction.dtype(), reduction);
        }
        if (node instanceof Call call) {
            return new Term.Invoke(call.function(), call.overload(), terms(call.arguments()), call);
        }
        Operation operation = (Operation) node;
        List<DType> operandTypes = new ArrayList<>();
        for (int i = 0; i < operation.operands().size(); i++) {
            operandTypes.add(operation.operandType(i));
        }
        return new Term.Apply(operation.op(), terms(operation.operands()), operandTypes, operation.dtype(), operation);
    }

    private static List<Term> terms(List<Expr> nodes) {
        List<Term> terms = new ArrayList<>(nodes.size());
        for (Expr node : nodes) {
            terms.add(term(node));
        }
        return terms;
    }
}
