package io.jvectorize.runtime.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Plan;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner on terms built by hand, without the expression layer: what it lowers an
 * expression to, step by step.
 */
class PlannerTest {

    /** Symbols x (a float64 array), q (an int32 array), mu and sigma (float64 numbers). */
    private static final BoundData SHAPE = new BoundData() {
        private final Map<String, DType> given = Map.of("x", DType.FLOAT64, "q", DType.INT32, "mu", DType.FLOAT64,
                "sigma", DType.FLOAT64);

        @Override
        public boolean isArray(String symbol) {
            return symbol.equals("x") || symbol.equals("q");
        }

        @Override
        public DType given(String symbol) {
            return given.get(symbol);
        }

        @Override
        public Object array(String symbol) {
            throw new UnsupportedOperationException("planning reads no data");
        }

        @Override
        public Object scalar(String symbol) {
            throw new UnsupportedOperationException("planning reads no data");
        }

        @Override
        public int length() {
            return 10;
        }
    };

    private static final Term X = symbol("x", DType.FLOAT64);
    private static final Term Q = symbol("q", DType.INT32);
    private static final Term MU = symbol("mu", DType.FLOAT64);
    private static final Term SIGMA = symbol("sigma", DType.FLOAT64);

    private static Term symbol(String name, DType type) {
        return new Term.Symbol(name, type, name);
    }

    private static Term number(double value) {
        return new Term.Number(DType.FLOAT64, value, (long) value, Double.toString(value));
    }

    private static Term apply(Operator op, DType type, Term... operands) {
        DType operandType = op == Operator.WHERE ? operands[1].type() : operands[0].type();
        List<DType> types = new java.util.ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            types.add(op == Operator.WHERE && i == 0 ? DType.BOOLEAN : operandType);
        }
        String text = "(" + op.text() + " " + String.join(" ", java.util.Arrays.stream(operands)
                .map(t -> t.source().toString()).toList()) + ")";
        return new Term.Apply(op, List.of(operands), types, type, text);
    }

    @Test
    void squaresAndHalfPowersOfLiteralsLowerToTheirOwnOperators() {
        Pass square = Planner.plan(apply(Operator.POW, DType.FLOAT64, X, number(2)), SHAPE).main();
        assertEquals(List.of(new Step.Load(0, DType.FLOAT64),
                new Step.Apply(Operator.SQUARE, List.of(Operand.step(0)), DType.FLOAT64, null)), square.steps());
        Pass half = Planner.plan(apply(Operator.POW, DType.FLOAT64, X, number(0.5)), SHAPE).main();
        assertEquals(Operator.POW_HALF, ((Step.Apply) half.steps().get(1)).op());
        Pass cube = Planner.plan(apply(Operator.POW, DType.FLOAT64, X, number(3)), SHAPE).main();
        assertEquals(Operator.CUBE, ((Step.Apply) cube.steps().get(1)).op());
        Pass inverse = Planner.plan(apply(Operator.POW, DType.FLOAT64, X, number(-2)), SHAPE).main();
        assertEquals(Operator.INVERSE_SQUARE, ((Step.Apply) inverse.steps().get(1)).op());
        Pass fifth = Planner.plan(apply(Operator.POW, DType.FLOAT64, X, number(5)), SHAPE).main();
        assertEquals(Operator.POW, ((Step.Apply) fifth.steps().get(1)).op());
    }

    @Test
    void numbersAreComputedOncePerRunAndNamed() {
        // x * (2 * sigma) + (2 * sigma) - mu: one number for 2 * sigma, however often it appears.
        Term twoSigma = apply(Operator.MUL, DType.FLOAT64, number(2), SIGMA);
        Term e = apply(Operator.SUB, DType.FLOAT64, apply(Operator.ADD, DType.FLOAT64,
                apply(Operator.MUL, DType.FLOAT64, X, twoSigma), twoSigma), MU);
        Pass pass = Planner.plan(e, SHAPE).main();
        assertEquals(List.of("c0 = (* 2.0 sigma)"), pass.scalarLines());
        long named = pass.numberNames().stream().filter(name -> name != null).count();
        assertEquals(2, named, "c0 and mu: " + pass.numberNames());
        assertTrue(pass.numberNames().contains("mu"));
        // The steps read numbers, never a computed copy of them.
        for (Step step : pass.steps()) {
            assertTrue(!(step instanceof Step.Literal || step instanceof Step.Bound), step.toString());
        }
        assertEquals(4, pass.steps().size(), "load, multiply, add, subtract: " + pass.steps());
    }

    @Test
    void aNegationTimesANumberNegatesTheNumber() {
        // -x * (2 * sigma) is x * -(2 * sigma): one operator less per element.
        Term e = apply(Operator.MUL, DType.FLOAT64, apply(Operator.NEG, DType.FLOAT64, X),
                apply(Operator.MUL, DType.FLOAT64, number(2), SIGMA));
        Pass pass = Planner.plan(e, SHAPE).main();
        assertEquals(2, pass.steps().size(), pass.steps().toString());
        Step.Apply product = (Step.Apply) pass.steps().get(1);
        assertEquals(Operator.MUL, product.op());
        Operand negated = product.operands().get(1);
        assertTrue(negated.isNumber());
        assertEquals(Operator.NEG, ((Step.Apply) pass.numbers().get(negated.index())).op());
        assertEquals(List.of("c0 = -((* 2.0 sigma))"), pass.scalarLines());
        // A literal's negation is a literal.
        Pass literal = Planner.plan(apply(Operator.DIV, DType.FLOAT64, apply(Operator.NEG, DType.FLOAT64, X), number(1.5)),
                SHAPE).main();
        Operand minus = ((Step.Apply) literal.steps().get(1)).operands().get(1);
        assertEquals(new Step.Literal(DType.FLOAT64, -1.5, -1), literal.numbers().get(minus.index()));
        assertEquals("-1.5", literal.numberNames().get(minus.index()));
    }

    @Test
    void operandsAreConvertedToTheirOperandTypesWhereTheyAreRead() {
        // q * x: q loaded as float64, exactly, from its int32 data.
        Term e = new Term.Apply(Operator.MUL, List.of(Q, X), List.of(DType.FLOAT64, DType.FLOAT64), DType.FLOAT64, "q*x");
        Pass pass = Planner.plan(e, SHAPE).main();
        assertEquals(new Step.Load(0, DType.FLOAT64), pass.steps().get(0));
        assertEquals(new Pass.Input("q", DType.INT32), pass.inputs().get(0));
        // sqrt(q) in int32 arithmetic first: q + 1 computed as int32, then converted.
        Term sum = new Term.Apply(Operator.ADD, List.of(Q, new Term.Number(DType.INT64, 1, 1, "1")),
                List.of(DType.INT32, DType.INT32), DType.INT32, "q+1");
        Pass converted = Planner.plan(new Term.Apply(Operator.SQRT, List.of(sum), List.of(DType.FLOAT64), DType.FLOAT64,
                "sqrt(q+1)"), SHAPE).main();
        assertEquals(new Step.Convert(Operand.step(1), DType.FLOAT64), converted.steps().get(2));
    }

    @Test
    void nestedReductionsArePassesOfTheirOwnInnerOnesFirst() {
        // (x - mean(x)) / std(x - mean(x))
        Term mean = new Term.Reduce(ReductionKind.MEAN, X, DType.FLOAT64, "mean(x)");
        Term centered = apply(Operator.SUB, DType.FLOAT64, X, mean);
        Term std = new Term.Reduce(ReductionKind.STD, centered, DType.FLOAT64, "std(x - mean(x))");
        Plan plan = Planner.plan(apply(Operator.DIV, DType.FLOAT64, centered, std), SHAPE);
        assertEquals(List.of("r0", "r1", "result"), plan.passes().stream().map(Pass::name).toList());
        assertEquals("mean(x)", plan.passes().get(0).text());
        assertTrue(plan.passes().get(0).isReduction());
        assertEquals(new Step.Earlier(0, DType.FLOAT64), plan.passes().get(1).numbers().get(0));
        Pass main = plan.main();
        assertEquals(List.of(new Step.Earlier(0, DType.FLOAT64), new Step.Earlier(1, DType.FLOAT64)), main.numbers());
        assertEquals(List.of("r0", "r1"), main.numberNames());
        assertNull(main.fold());
        assertTrue(main.usesArrays());
    }

    @Test
    void anExpressionWithoutArraysIsOneNumberOverOneElement() {
        Pass pass = Planner.plan(apply(Operator.ADD, DType.FLOAT64, MU, SIGMA), SHAPE).main();
        assertTrue(pass.steps().isEmpty());
        assertTrue(pass.result().isNumber());
        assertTrue(!pass.usesArrays());
    }
}
