package io.jvectorize.runtime.internal.jit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.VectorMath;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A generated loop calls no lane method of ours: each is copied in, so that C2 meets only the
 * Vector API's {@code @ForceInline} methods, which it inlines however many there are and however
 * cold a profile says the call is. (A call of ours past C2's node cutoff, or at a site it took
 * for cold, was not inlined, and every vector it took and returned was boxed.)
 */
class LoopCopiesLaneMethodsTest {

    private static final List<String> OURS = List.of(Type.getInternalName(Operator.Lanes.class),
            Type.getInternalName(VectorMath.class));

    @Test
    void noCallOfALaneMethodIsLeftInTheLoop() {
        assumeTrue(Simd.ENABLED && VectorSupport.WIDE, "generated loops need the module and 256-bit vectors");
        List<Operator> unary = List.of(Operator.FLOOR, Operator.CEIL, Operator.TRUNC, Operator.RINT, Operator.SIGN,
                Operator.TANH, Operator.ABS);
        for (Element element : List.of(Element.FLOAT64, Element.FLOAT32)) {
            // The sum of each operator of x, clip(x, x, x) and a where.
            DType type = element.dtype();
            List<Step> steps = new ArrayList<>(List.of(new Step.Load(0, type)));
            Operand x = Operand.step(0);
            steps.add(new Step.Apply(Operator.CLIP, List.of(x, x, x), type, null));
            for (Operator op : unary) {
                if (LaneCode.has(op, element)) {
                    steps.add(new Step.Apply(op, List.of(x), type, null));
                    steps.add(new Step.Apply(Operator.ADD, List.of(Operand.step(steps.size() - 2),
                            Operand.step(steps.size() - 1)), type, null));
                }
            }
            // where(isnan(x) | x > x, x, x): a predicate and logic on masks.
            steps.add(new Step.Apply(Operator.ISNAN, List.of(x), DType.BOOLEAN, null));
            steps.add(new Step.Apply(Operator.GT, List.of(x, x), DType.BOOLEAN, null));
            steps.add(new Step.Apply(Operator.OR, List.of(Operand.step(steps.size() - 2), Operand.step(steps.size() - 1)),
                    DType.BOOLEAN, null));
            steps.add(new Step.Apply(Operator.WHERE, List.of(Operand.step(steps.size() - 1), x, x), type, null));
            steps.add(new Step.Apply(Operator.ADD, List.of(Operand.step(steps.size() - 5), Operand.step(steps.size() - 1)),
                    type, null));
            Pass pass = new Pass("result", "lane methods", List.of(new Pass.Input("x", type)), List.of(),
                    Collections.singletonList(null), List.of(), steps, Operand.step(steps.size() - 1), null, type, true);
            LoopShape shape = LoopShape.of(pass).orElseThrow(() -> new AssertionError(element + ": no loop"));
            List<String> calls = new ArrayList<>();
            new ClassReader(new LoopWriter(shape).write()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            if (OURS.contains(owner)) {
                                calls.add(owner + "." + method);
                            }
                        }
                    };
                }
            }, 0);
            assertTrue(calls.isEmpty(), element + " loop calls " + calls);
        }
    }
}
