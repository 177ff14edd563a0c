package io.jvectorize.runtime.internal.plan;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Plan;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lowers a typed expression into a {@link Plan}: one pass per reduction nested in it (inner ones
 * first, each once however often it appears), then the pass of its value, in which those
 * reductions are numbers.
 *
 * <p>In a pass, subexpressions without arrays (literals, bound numbers, nested reductions and
 * what is built of them only) become numbers, computed once per run by {@link Numbers}, the
 * same subexpression once; everything else becomes element steps, in the order of a postorder
 * walk, each operand converted to its operator's operand type. A power by a written number
 * is {@link Operator#loweredPower}'s where it has one: {@code x ** 2} is {@link Operator#SQUARE}
 * (a product, as {@code **} computes it, bit for bit), {@code x ** 0.5} {@link Operator#POW_HALF}
 * (bit for bit), and other small integer powers products (within their stated ulps of pow;
 * exact for integers). A rewrite gives the same values bit for bit and less work: a float64
 * {@code -t * c} or {@code -t / c} is {@code t * -c} (a product's or quotient's sign is the xor
 * of its operands', its magnitude theirs), one operator less per element.
 */
public final class Planner {

    private final BoundData shape;
    /** The nested reductions, by expression, with the index of the pass that computes each. */
    private final Map<Object, Integer> passes;
    private final Map<Object, String> passNames;

    private Planner(BoundData shape, Map<Object, Integer> passes, Map<Object, String> passNames) {
        this.shape = shape;
        this.passes = passes;
        this.passNames = passNames;
    }

    /**
     * @param root the expression, elementwise or a reduction
     * @param shape what its symbols are bound to: only whether each is an array, and its data's type, matter
     */
    public static Plan plan(Term root, BoundData shape) {
        Map<Object, Term.Reduce> nested = new LinkedHashMap<>();
        collectNested(root, root, nested);
        Map<Object, Integer> passes = new HashMap<>();
        Map<Object, String> names = new HashMap<>();
        List<Pass> lowered = new ArrayList<>();
        Planner planner = new Planner(shape, passes, names);
        for (Map.Entry<Object, Term.Reduce> reduction : nested.entrySet()) {
            String name = "r" + lowered.size();
            lowered.add(planner.new PassBuilder().reduction(reduction.getValue(), name));
            passes.put(reduction.getKey(), lowered.size() - 1);
            names.put(reduction.getKey(), name);
        }
        PassBuilder main = planner.new PassBuilder();
        lowered.add(root instanceof Term.Reduce reduce ? main.reduction(reduce, "result") : main.elementwise(root));
        return new Plan(lowered);
    }

    /** The reductions below {@code root}, in postorder (inner ones first), each once. */
    private static void collectNested(Term node, Term root, Map<Object, Term.Reduce> nested) {
        for (Term child : children(node)) {
            collectNested(child, root, nested);
        }
        if (node != root && node instanceof Term.Reduce reduce) {
            nested.putIfAbsent(reduce.source(), reduce);
        }
    }

    private static List<Term> children(Term node) {
        if (node instanceof Term.Apply apply) {
            return apply.operands();
        }
        if (node instanceof Term.Invoke invoke) {
            return invoke.arguments();
        }
        return node instanceof Term.Reduce reduce ? List.of(reduce.operand()) : List.of();
    }

    /** A number of a pass by what it computes: a subexpression, as a value of a type. */
    private record NumberKey(Object source, DType type) {
    // equals and hashCode written out: a record's generated ones bootstrap method handles on
    // first use, which a fresh JVM's first compute would pay for (#18).
        @Override
        public boolean equals(Object other) {
            return other instanceof NumberKey that && Objects.equals(source, that.source) && type == that.type;
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(source) + type.hashCode();
        }
    }

    /** The key of {@code -c}, for the rewrite of {@code -t * c}. */
    private record Negation(Object source) {
        // equals and hashCode written out, as NumberKey's.
        @Override
        public boolean equals(Object other) {
            return other instanceof Negation that && Objects.equals(source, that.source);
        }

        @Override
        public int hashCode() {
            return 17 + Objects.hashCode(source);
        }
    }

    /** Lowers one pass. */
    private final class PassBuilder {
        private final List<Pass.Input> inputs = new ArrayList<>();
        private final Map<String, Integer> inputIndex = new HashMap<>();
        private final List<Step> numbers = new ArrayList<>();
        private final List<String> numberNames = new ArrayList<>();
        private final List<String> scalarLines = new ArrayList<>();
        private final Map<NumberKey, Operand> numberKeys = new HashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final Map<Term, Boolean> scalar = new IdentityHashMap<>();

        Pass elementwise(Term root) {
            Operand result = element(root, root.type());
            return new Pass("result", root.source().toString(), inputs, numbers, numberNames, scalarLines, steps,
                    result, null, root.type(), !isScalar(root));
        }

        Pass reduction(Term.Reduce root, String name) {
            String text = root.source().toString();
            Reducer reducer = new Reducer(root.kind(), root.operand().type(), root.type(), text);
            Operand operand = element(root.operand(), reducer.inputType());
            return new Pass(name, text, inputs, numbers, numberNames, scalarLines, steps, null,
                    new Pass.Fold(reducer, operand), root.type(), !isScalar(root.operand()));
        }

        /** The values of {@code term} as {@code type}: a number where it has no array in it, else element steps. */
        private Operand element(Term term, DType type) {
            if (isScalar(term)) {
                return number(term, type);
            }
            if (term instanceof Term.Symbol symbol) {
                return add(new Step.Load(input(symbol.name()), type));
            }
            if (term instanceof Term.Apply apply) {
                return apply(apply, type);
            }
            Term.Invoke invoke = (Term.Invoke) term;
            List<Operand> arguments = new ArrayList<>();
            for (int i = 0; i < invoke.arguments().size(); i++) {
                arguments.add(element(invoke.arguments().get(i), invoke.overload().argumentTypes().get(i)));
            }
            return convert(add(new Step.Invoke(invoke.function(), invoke.overload(), arguments)), type);
        }

        private Operand apply(Term.Apply apply, DType type) {
            Operator op = apply.op();
            List<Term> operands = apply.operands();
            if (op == Operator.POW && operands.get(1) instanceof Term.Number exponent) {
                Operator power = Operator.loweredPower(exponent.doubleValue(), apply.operandTypes().get(0)).orElse(null);
                if (power != null) {
                    Operand base = element(operands.get(0), apply.operandTypes().get(0));
                    return convert(add(new Step.Apply(power, List.of(base), apply.type(), null)), type);
                }
            }
            Operand[] in = new Operand[operands.size()];
            int negated = negatedOperand(apply);
            for (int i = 0; i < in.length; i++) {
                if (negated >= 0 && i == negated) {
                    in[i] = element(((Term.Apply) operands.get(i)).operands().get(0), DType.FLOAT64);
                } else if (negated >= 0) {
                    in[i] = negatedNumber(operands.get(i));
                } else {
                    in[i] = element(operands.get(i), apply.operandTypes().get(i));
                }
            }
            String text = op.scalar().isThrowing() ? apply.source().toString() : null;
            return convert(add(new Step.Apply(op, List.of(in), apply.type(), text)), type);
        }

        /**
         * The operand of a float64 {@code -t * c} or {@code -t / c} (or {@code c * -t},
         * {@code c / -t}) that is the negation, where {@code c} is a float64 number: it is
         * computed as {@code t * -c}; -1 for any other operation.
         */
        private int negatedOperand(Term.Apply apply) {
            Operator op = apply.op();
            List<Term> operands = apply.operands();
            if (op != Operator.MUL && op != Operator.DIV || apply.type() != DType.FLOAT64
                    || apply.operandTypes().get(0) != DType.FLOAT64 || isScalar(operands.get(0)) == isScalar(operands.get(1))) {
                return -1;
            }
            for (int i = 0; i < 2; i++) {
                Term number = operands.get(1 - i);
                if (operands.get(i) instanceof Term.Apply negation && negation.op() == Operator.NEG
                        && negation.type() == DType.FLOAT64 && negation.operands().get(0).type() == DType.FLOAT64
                        && number.type() == DType.FLOAT64 && isScalar(number)) {
                    return i;
                }
            }
            return -1;
        }

        /** The number {@code -c} of a float64 number {@code c}: a literal's negation is a literal. */
        private Operand negatedNumber(Term number) {
            NumberKey key = new NumberKey(new Negation(number.source()), DType.FLOAT64);
            Operand known = numberKeys.get(key);
            if (known != null) {
                return known;
            }
            Operand operand;
            String name;
            if (number instanceof Term.Number literal) {
                double value = -literal.doubleValue();
                operand = addNumber(new Step.Literal(DType.FLOAT64, value, (long) value));
                name = Double.isNaN(value) ? "nan" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf")
                        : Double.toString(value);
            } else {
                Operand value = convertNumber(lowerNumber(number), number.type(), DType.FLOAT64);
                operand = addNumber(new Step.Apply(Operator.NEG, List.of(value), DType.FLOAT64, null));
                // As the expression language writes -c: parentheses around a sum or a product.
                boolean parenthesize = number instanceof Term.Apply apply && !apply.op().isFunction()
                        && apply.op() != Operator.NEG && apply.op() != Operator.POW;
                String text = number.source().toString();
                name = nameNumber("-" + (parenthesize ? "(" + text + ")" : text));
            }
            numberNames.set(operand.index(), name);
            numberKeys.put(key, operand);
            return operand;
        }

        /** A subexpression without arrays, as a number of the pass: computed once per run, however often it is used. */
        private Operand number(Term term, DType type) {
            NumberKey key = new NumberKey(term.source(), type);
            Operand known = numberKeys.get(key);
            if (known != null) {
                return known;
            }
            String name;
            if (term instanceof Term.Number || term instanceof Term.Symbol symbol && !shape.isArray(symbol.name())) {
                name = term instanceof Term.Symbol symbol ? symbol.name() : term.source().toString();
            } else if (passNames.containsKey(term.source())) {
                name = passNames.get(term.source());
            } else {
                name = nameNumber(term.source().toString());
            }
            Operand operand = convertNumber(lowerNumber(term), term.type(), type);
            numberNames.set(operand.index(), name);
            numberKeys.put(key, operand);
            return operand;
        }

        /** The next {@code c} name, listed with its expression for explain. */
        private String nameNumber(String text) {
            String name = "c" + scalarLines.size();
            scalarLines.add(name + " = " + text);
            return name;
        }

        /** The steps that compute a subexpression without arrays, as numbers. */
        private Operand lowerNumber(Term term) {
            if (term instanceof Term.Number number) {
                return addNumber(new Step.Literal(number.type(), number.doubleValue(), number.longValue()));
            }
            if (term instanceof Term.Symbol symbol) {
                return addNumber(new Step.Bound(symbol.name(), symbol.type()));
            }
            if (term instanceof Term.Reduce) {
                return addNumber(new Step.Earlier(passes.get(term.source()), term.type()));
            }
            if (term instanceof Term.Apply apply) {
                List<Operand> operands = new ArrayList<>();
                for (int i = 0; i < apply.operands().size(); i++) {
                    Term operand = apply.operands().get(i);
                    operands.add(convertNumber(lowerNumber(operand), operand.type(), apply.operandTypes().get(i)));
                }
                String text = apply.op().scalar().isThrowing() ? apply.source().toString() : null;
                return addNumber(new Step.Apply(apply.op(), operands, apply.type(), text));
            }
            Term.Invoke invoke = (Term.Invoke) term;
            List<Operand> arguments = new ArrayList<>();
            for (int i = 0; i < invoke.arguments().size(); i++) {
                Term argument = invoke.arguments().get(i);
                arguments.add(convertNumber(lowerNumber(argument), argument.type(),
                        invoke.overload().argumentTypes().get(i)));
            }
            return addNumber(new Step.Invoke(invoke.function(), invoke.overload(), arguments));
        }

        private Operand convert(Operand operand, DType type) {
            DType from = steps.get(operand.index()).type();
            return from == type ? operand : add(new Step.Convert(operand, type));
        }

        private Operand convertNumber(Operand operand, DType from, DType type) {
            return from == type ? operand : addNumber(new Step.Convert(operand, type));
        }

        private Operand add(Step step) {
            steps.add(step);
            return Operand.step(steps.size() - 1);
        }

        private Operand addNumber(Step step) {
            numbers.add(step);
            numberNames.add(null);
            return Operand.number(numbers.size() - 1);
        }

        private int input(String name) {
            return inputIndex.computeIfAbsent(name, n -> {
                inputs.add(new Pass.Input(n, shape.given(n)));
                return inputs.size() - 1;
            });
        }

        /** Whether {@code term} has no array in it: then it is one number, computed once. */
        private boolean isScalar(Term term) {
            Boolean known = scalar.get(term);
            if (known == null) {
                if (term instanceof Term.Symbol symbol) {
                    known = !shape.isArray(symbol.name());
                } else if (term instanceof Term.Number || term instanceof Term.Reduce) {
                    known = true;
                } else {
                    known = true;
                    for (Term child : children(term)) {
                        known &= isScalar(child);
                    }
                }
                scalar.put(term, known);
            }
            return known;
        }
    }
}
