package io.jvectorize.runtime.internal.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.Compute;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.Ulps;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.reference.ReferenceEngine;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator's lane form in a generated loop of every element it has one for, against the
 * reference engine's scalar form, straight from the table: a new operator is tested here without
 * a line added. Each is a pass built by hand (the operator over loaded arrays, and over an array
 * and a number; a comparison as the condition of {@code where}), run over special and random
 * values, whole vectors and a tail, cold and once C2 has compiled the loop: bit for bit, or
 * within {@link Compute#VECTOR_MATH_ULPS} for the vector library's math functions.
 */
class LaneFormsTest {

    private static final int N = 1000;

    @ParameterizedTest
    @EnumSource(Operator.class)
    void everyLaneFormInEveryElementsLoopComputesItsScalarForm(Operator op) {
        assumeTrue(Simd.ENABLED && VectorSupport.WIDE, "generated loops need the module and 256-bit vectors");
        Lane lane = op.lane().orElse(null);
        assumeTrue(lane != null && lane.fusable(), op + " runs block by block only");
        int elements = 0;
        for (Element element : Element.values()) {
            if (!LaneCode.has(op, element)) {
                continue;
            }
            elements++;
            for (boolean withNumber : new boolean[] {false, true}) {
                Pass pass = pass(op, element, withNumber);
                FusedLoop loop = Loops.compile(pass).orElse(null);
                assertTrue(loop != null, op + " in a " + element + " loop" + (withNumber ? " with a number" : ""));
                Random random = new Random(op.ordinal() * 31 + element.ordinal());
                Object[] inputs = inputs(pass, random);
                Object[] numbers = {numberOf(element.dtype(), random)};
                Object expected = ReferenceEngine.run(pass, inputs, numbers, N, 4096);
                // Cold, then once C2 has compiled the loop (some 60,000 vectors in).
                for (int round = 0; round < 2; round++) {
                    Object actual = Array.newInstance(element.dtype().arrayType().getComponentType(), N);
                    int done = 0;
                    for (int run = 0; run < (round == 0 ? 1 : 500); run++) {
                        done = loop.run(inputs, numbers, actual, 0, N, 0);
                    }
                    assertEquals(N - N % loop.lanes(), done, "whole vectors computed");
                    compare(expected, actual, done, lane.vectorMath(), op + " in a " + element + " loop"
                            + (round == 0 ? ", cold" : ", compiled"));
                }
            }
        }
        assertTrue(elements > 0, op + " has a lane form for no element");
    }

    /**
     * {@code op(a, b, ...)} over bound arrays of the element's type (a bool array for the
     * condition of {@code where}), its last operand number 0 if {@code withNumber}; a comparison
     * as {@code where(op(a, b), a, b)} and a predicate as {@code where(op(a), a, 0)}, since a
     * loop stores lanes, not masks.
     */
    private static Pass pass(Operator op, Element element, boolean withNumber) {
        DType type = element.dtype();
        boolean blend = op.lane().orElseThrow().form() == Lane.Form.BLEND;
        boolean compare = op.lane().orElseThrow().form() == Lane.Form.COMPARE;
        boolean predicate = op.lane().orElseThrow().form() == Lane.Form.PREDICATE;
        List<Pass.Input> inputs = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Operand> operands = new ArrayList<>();
        for (int k = 0; k < op.arity(); k++) {
            DType operandType = blend && k == 0 ? DType.BOOLEAN : type;
            if (withNumber && k == op.arity() - 1) {
                operands.add(Operand.number(0));
            } else {
                inputs.add(new Pass.Input("x" + k, operandType));
                steps.add(new Step.Load(inputs.size() - 1, operandType));
                operands.add(Operand.step(steps.size() - 1));
            }
        }
        steps.add(new Step.Apply(op, operands, compare || predicate ? DType.BOOLEAN : type, null));
        if (compare || predicate) {
            Operand condition = Operand.step(steps.size() - 1);
            if (inputs.isEmpty()) { // a predicate of the number
                inputs.add(new Pass.Input("x0", type));
            }
            steps.add(new Step.Load(0, type));
            Operand a = Operand.step(steps.size() - 1);
            steps.add(new Step.Apply(Operator.WHERE, List.of(condition, a, compare ? operands.get(1) : Operand.number(0)),
                    type, null));
        }
        List<Step> numbers = List.of(new Step.Literal(type, 0, 0));
        return new Pass("result", op.name(), inputs, numbers, Collections.singletonList(null), List.of(), steps,
                Operand.step(steps.size() - 1), null, type, true);
    }

    private static Object[] inputs(Pass pass, Random random) {
        Object[] arrays = new Object[pass.inputs().size()];
        for (int k = 0; k < arrays.length; k++) {
            DType type = pass.inputs().get(k).given();
            Object array = Array.newInstance(type.arrayType().getComponentType(), N);
            for (int i = 0; i < N; i++) {
                Array.set(array, i, value(type, random));
            }
            arrays[k] = array;
        }
        return arrays;
    }

    /** A number as the engines hold it: a one-element array of its kind. */
    private static Object numberOf(DType type, Random random) {
        Object value = value(type, random);
        return type.isFloating() ? new double[] {((Number) value).doubleValue()}
                : new long[] {((Number) value).longValue()};
    }

    private static Object value(DType type, Random random) {
        switch (type) {
            case FLOAT64: {
                // Rounding's edges too: halves (rint rounds them to even), just under a half,
                // around 2^52 (from which every double is whole) and 2^23, small negatives
                // (whose ceil and trunc are -0.0).
                double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                    Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
                    0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, -0.3, 0x1p52 - 0.5,
                    -(0x1p52 - 0.5), 0x1p52, 0x1p52 + 1, -(0x1p52 + 1), 0x1p53 + 2, 0x1p51 + 0.5, -(0x1p51 + 1.5),
                    0x1p23 + 0.5, -(0x1p22 + 0.5)};
                return random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)] : random.nextGaussian() * 10;
            }
            case FLOAT32: {
                float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
                    Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, 0.5f, -0.5f,
                    1.5f, -2.5f, 0.49999997f, -0.3f, 0x1p23f - 0.5f, -(0x1p23f - 0.5f), 0x1p23f, 0x1p23f + 1, 0x1p24f + 2,
                    0x1p22f + 0.5f, -(0x1p22f + 1.5f)};
                return random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)]
                        : (float) (random.nextGaussian() * 10);
            }
            case INT64: {
                long[] specials = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE};
                return random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)]
                        : random.nextBoolean() ? random.nextLong() : (long) (random.nextInt(21) - 10);
            }
            case INT32: {
                int[] specials = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 46341};
                return random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)]
                        : random.nextBoolean() ? random.nextInt() : random.nextInt(21) - 10;
            }
            default:
                return random.nextBoolean();
        }
    }

    private static void compare(Object expected, Object actual, int count, boolean vectorMath, String what) {
        for (int i = 0; i < count; i++) {
            Object e = Array.get(expected, i);
            Object a = Array.get(actual, i);
            // Exact forms equal bit for bit (signed zeros too; any NaN equals any NaN).
            boolean within = !vectorMath ? e.equals(a) : e instanceof Double d ? Ulps.between(d, (Double) a) <= Compute.VECTOR_MATH_ULPS
                    : Ulps.between((Float) e, (Float) a) <= Compute.VECTOR_MATH_ULPS;
            if (!within) {
                fail(what + " at " + i + ": " + a + ", the reference's " + e);
            }
        }
    }
}
