package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.lanes.ComplexLanes;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import jdk.incubator.vector.VectorOperators;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the loop of a complex128 pass that {@link ComplexLoopShape} fits. Its method, for
 * {@code z * w + 1j}, reads as (elements are pairs; the arrays' index is twice the element's):
 * <pre>{@code
 * static int run(Object[] inputs, Object[] numbers, Object out, int from, int to, int shift) {
 *     double[] result = (double[]) out;
 *     double[] z = (double[]) inputs[0], w = (double[]) inputs[1];
 *     DoubleVector j1 = ComplexLanes.broadcast((double[]) numbers[0]); // (0, 1, 0, 1, ...)
 *     int i = 2 * from, store = 2 * (from + shift);
 *     for (int last = 2 * (to - PAIRS); i <= last; i += 2 * PAIRS, store += 2 * PAIRS) {
 *         DoubleVector t0 = DoubleVector.fromArray(Lanes.DOUBLES, z, i);
 *         DoubleVector t1 = DoubleVector.fromArray(Lanes.DOUBLES, w, i);
 *         DoubleVector t2 = ComplexLanes.multiply(t0, t1); // its code copied here
 *         DoubleVector t3 = t2.lanewise(VectorOperators.ADD, j1);
 *         t3.intoArray(result, store);
 *     }
 *     return i / 2; // the first element not computed
 * }
 * }</pre>
 * {@code + -} of pairs and unary {@code -} are lanewise: the scalar formula's one operation per part.
 * A float64 array read as complex128 loads half a vector and spreads it into pairs {@code (a, 0.0)}
 * ({@link ComplexLanes#widen}); {@code complex(a, b)} of two loads their pairs ({@link ComplexLanes#pairs}).
 */
final class ComplexLoopWriter {

    private static final int INPUTS = 0;
    private static final int NUMBERS = 1;
    private static final int OUT = 2;
    private static final int FROM = 3;
    private static final int TO = 4;
    private static final int SHIFT = 5;
    private static final int INDEX = 6;
    private static final int LAST = 7;
    private static final int STORE = 8;
    private static final String VECTOR = Element.FLOAT64.vectorClass();
    private static final String OPERATORS = Type.getInternalName(VectorOperators.class);

    private final Pass pass;
    private final ClassWriter classWriter;
    private final MethodVisitor code;
    private int nextLocal = STORE + 1;
    private final Map<Integer, Integer> inputLocals = new HashMap<>();
    private final Map<Integer, Integer> numberLocals = new HashMap<>();
    /** The local of each load's vector, by input: one load an iteration, however often the steps read it. */
    private final Map<String, Integer> loadLocals = new HashMap<>();
    private final int[] stepLocals;

    ComplexLoopWriter(Pass pass) {
        this.pass = pass;
        this.classWriter = ClassFiles.newClassWriter("io/jvectorize/runtime/internal/jit/GeneratedComplexLoop", null);
        this.code = classWriter.visitMethod(Opcodes.ACC_STATIC, "run", LoopWriter.RUN, null, null);
        this.stepLocals = new int[pass.steps().size()];
    }

    /** The class file. */
    byte[] write() {
        int pairs = ComplexLanes.PAIRS;
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, OUT);
        code.visitTypeInsn(Opcodes.CHECKCAST, "[D");
        code.visitVarInsn(Opcodes.ASTORE, OUT);
        hoist();
        // last = 2 * (to - PAIRS); i = 2 * from; store = 2 * (from + shift)
        code.visitVarInsn(Opcodes.ILOAD, TO);
        code.visitLdcInsn(pairs);
        code.visitInsn(Opcodes.ISUB);
        twice();
        code.visitVarInsn(Opcodes.ISTORE, LAST);
        code.visitVarInsn(Opcodes.ILOAD, FROM);
        twice();
        code.visitVarInsn(Opcodes.ISTORE, INDEX);
        code.visitVarInsn(Opcodes.ILOAD, FROM);
        code.visitVarInsn(Opcodes.ILOAD, SHIFT);
        code.visitInsn(Opcodes.IADD);
        twice();
        code.visitVarInsn(Opcodes.ISTORE, STORE);
        for (int s = 0; s < stepLocals.length; s++) {
            stepLocals[s] = nextLocal++;
        }
        for (Step step : pass.steps()) {
            String key = ComplexLoopShape.loadKey(pass, step);
            if (key != null) {
                loadLocals.putIfAbsent(key, nextLocal++);
            }
        }
        Label head = new Label();
        Label exit = new Label();
        code.visitLabel(head);
        code.visitVarInsn(Opcodes.ILOAD, INDEX);
        code.visitVarInsn(Opcodes.ILOAD, LAST);
        code.visitJumpInsn(Opcodes.IF_ICMPGT, exit);
        Set<String> loaded = new HashSet<>();
        for (int s = 0; s < stepLocals.length; s++) {
            body(s, loaded);
        }
        code.visitVarInsn(Opcodes.ALOAD, stepLocals[pass.result().index()]);
        LaneCode.store(code, Element.FLOAT64, () -> code.visitVarInsn(Opcodes.ALOAD, OUT),
                () -> code.visitVarInsn(Opcodes.ILOAD, STORE));
        code.visitIincInsn(INDEX, 2 * pairs);
        code.visitIincInsn(STORE, 2 * pairs);
        code.visitJumpInsn(Opcodes.GOTO, head);
        code.visitLabel(exit);
        code.visitVarInsn(Opcodes.ILOAD, INDEX);
        code.visitInsn(Opcodes.ICONST_1);
        code.visitInsn(Opcodes.ISHR);
        code.visitInsn(Opcodes.IRETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        classWriter.visitEnd();
        return classWriter.toByteArray();
    }

    private void twice() {
        code.visitInsn(Opcodes.ICONST_1);
        code.visitInsn(Opcodes.ISHL);
    }

    /** Before the loop: each input array into its local, each complex number's pair broadcast. */
    private void hoist() {
        for (Step step : pass.steps()) {
            if (step instanceof Step.Load load && !inputLocals.containsKey(load.input())) {
                int local = nextLocal++;
                inputLocals.put(load.input(), local);
                code.visitVarInsn(Opcodes.ALOAD, INPUTS);
                code.visitLdcInsn(load.input());
                code.visitInsn(Opcodes.AALOAD);
                code.visitTypeInsn(Opcodes.CHECKCAST, "[D");
                code.visitVarInsn(Opcodes.ASTORE, local);
            }
            for (Operand operand : step.operands()) {
                if (operand.isNumber() && !numberLocals.containsKey(operand.index())) {
                    code.visitVarInsn(Opcodes.ALOAD, NUMBERS);
                    code.visitLdcInsn(operand.index());
                    code.visitInsn(Opcodes.AALOAD);
                    code.visitTypeInsn(Opcodes.CHECKCAST, "[D");
                    LaneCode.complexBroadcast(code, () -> nextLocal++);
                    int local = nextLocal++;
                    code.visitVarInsn(Opcodes.ASTORE, local);
                    numberLocals.put(operand.index(), local);
                }
            }
        }
    }

    /** The code of step {@code s} in the loop's body, its value into its local. */
    private void body(int s, Set<String> loaded) {
        Step step = pass.steps().get(s);
        String key = ComplexLoopShape.loadKey(pass, step);
        if (ComplexLoopShape.isRealLoad(pass, step)) {
            return; // read only by the conversions that widen it
        }
        if (key != null) {
            int local = loadLocals.get(key);
            if (loaded.add(key)) {
                int input = step instanceof Step.Load load ? load.input()
                        : ((Step.Load) pass.steps().get(((Step.Convert) step).operand().index())).input();
                int array = inputLocals.get(input);
                if (key.endsWith(ComplexLoopShape.WIDENED)) {
                    code.visitVarInsn(Opcodes.ALOAD, array);
                    code.visitVarInsn(Opcodes.ILOAD, INDEX);
                    code.visitInsn(Opcodes.ICONST_1);
                    code.visitInsn(Opcodes.ISHR); // the element's index in a real array
                    LaneCode.complexWiden(code, () -> nextLocal++);
                } else {
                    LaneCode.load(code, Element.FLOAT64, () -> code.visitVarInsn(Opcodes.ALOAD, array),
                            () -> code.visitVarInsn(Opcodes.ILOAD, INDEX));
                }
                code.visitVarInsn(Opcodes.ASTORE, local);
            }
            code.visitVarInsn(Opcodes.ALOAD, local);
        } else if (ComplexLoopShape.isPairOfRealLoads(pass, step)) {
            for (Operand operand : step.operands()) {
                code.visitVarInsn(Opcodes.ALOAD, inputLocals.get(((Step.Load) pass.steps().get(operand.index())).input()));
            }
            code.visitVarInsn(Opcodes.ILOAD, INDEX);
            code.visitInsn(Opcodes.ICONST_1);
            code.visitInsn(Opcodes.ISHR); // the element's index in a real array
            LaneCode.complexPairs(code, () -> nextLocal++);
        } else {
            Step.Apply apply = (Step.Apply) step;
            for (int k = 0; k < apply.operands().size(); k++) {
                Operand operand = apply.operands().get(k);
                code.visitVarInsn(Opcodes.ALOAD, operand.isNumber() ? numberLocals.get(operand.index())
                        : stepLocals[operand.index()]);
            }
            Operator op = apply.op();
            if (op == Operator.MUL) {
                LaneCode.complex(code, "multiply", 2, () -> nextLocal++);
            } else if (op == Operator.CONJ) {
                LaneCode.complex(code, "conj", 1, () -> nextLocal++);
            } else if (op == Operator.NEG) {
                lanewise("NEG", "Unary", "");
            } else {
                lanewise(op == Operator.ADD ? "ADD" : "SUB", "Binary", "Ljdk/incubator/vector/Vector;");
            }
        }
        code.visitVarInsn(Opcodes.ASTORE, stepLocals[s]);
    }

    /** {@code a.lanewise(VectorOperators.NAME[, b])} with the operands on the stack. */
    private void lanewise(String name, String kind, String second) {
        String operator = "L" + OPERATORS + "$" + kind + ";";
        if (!second.isEmpty()) {
            // a, b on the stack: the operator goes between them.
            int b = nextLocal++;
            code.visitVarInsn(Opcodes.ASTORE, b);
            operatorField(name);
            code.visitVarInsn(Opcodes.ALOAD, b);
        } else {
            operatorField(name);
        }
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "lanewise", "(" + operator + second + ")"
                + Element.FLOAT64.vectorDescriptor(), false);
    }

    /** {@code VectorOperators.NAME}, read as the field's declared type (ADD is an Associative). */
    private void operatorField(String name) {
        try {
            code.visitFieldInsn(Opcodes.GETSTATIC, OPERATORS, name,
                    Type.getDescriptor(VectorOperators.class.getField(name).getType()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("VectorOperators has no " + name, e);
        }
    }
}
