package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.block.WholeVectors;
import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes a pass's scalar loop: a class whose {@code run} loops over the elements and calls, for
 * each, one static method {@code element} that applies every step to one element of each input,
 * through the operators' scalar forms (class data), as a plain Java loop calls a scalar method.
 * Being called once per element, {@code element} is compiled by the JIT within the first call,
 * where each of the block engine's kernels loops inside one call and runs interpreted until its
 * loop has turned tens of thousands of times.
 *
 * <p>It writes only passes whose values are all float64, int64 or bool, read from arrays of
 * those types as they are, with no calls, no conversions and no integer form that may throw
 * (integer {@code % 0}): there the forms' values are the block engine's, bit for bit, nothing
 * is narrowed after an operation, and the loop never throws, as a {@link WholeVectors} may not.
 */
final class ScalarLoopWriter {

    private static final String ELEMENT = "element";
    private static final String RUN = "([Ljava/lang/Object;[Ljava/lang/Object;Ljava/lang/Object;III)I";
    /** The locals of {@code run}: this, inputs, numbers, out, from, to, shift. */
    private static final int INPUTS = 1;
    private static final int NUMBERS = 2;
    private static final int OUT = 3;
    private static final int FROM = 4;
    private static final int TO = 5;
    private static final int SHIFT = 6;
    /**
     * The most element steps one loop holds: {@code element} takes at most about 24 bytes of
     * code a step, and HotSpot never compiles a method of more than 8,000 bytes
     * ({@code -XX:+DontCompileHugeMethods}), which would leave the loop interpreted for good.
     */
    static final int MAX_STEPS = 300;
    /** The most parameter slots a method may have (the class file format's 255). */
    private static final int MAX_PARAMETER_SLOTS = 255;

    private final Pass pass;
    /** The step whose value the loop stores: the result, or what a reduction folds. */
    private final int last;
    /** The inputs and numbers {@code element} takes, in its parameters' order. */
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    /** The scalar forms the steps call, in order: the class data. */
    final List<Object> forms = new ArrayList<>();

    private ScalarLoopWriter(Pass pass, int last) {
        this.pass = pass;
        this.last = last;
    }

    /** The writer of the pass's scalar loop, or empty where the pass is not one it writes (see the class comment). */
    static Optional<ScalarLoopWriter> of(Pass pass) {
        if (!pass.usesArrays() || pass.involvesComplex()) {
            return Optional.empty();
        }
        Operand value = pass.isReduction() ? pass.fold().operand() : pass.result();
        DType stored = pass.isReduction() ? pass.fold().reducer().inputType() : pass.type();
        if (value.isNumber() || pass.typeOf(value) != stored || element(stored) == null) {
            return Optional.empty();
        }
        if (pass.steps().size() > MAX_STEPS) {
            return Optional.empty();
        }
        ScalarLoopWriter writer = new ScalarLoopWriter(pass, value.index());
        for (Step step : pass.steps()) {
            if (element(step.type()) == null || !writer.accepts(step)) {
                return Optional.empty();
            }
        }
        return Type.getArgumentsAndReturnSizes(writer.elementDescriptor()) >> 2 > MAX_PARAMETER_SLOTS ? Optional.empty()
                : Optional.of(writer);
    }

    /** Whether the step is one the loop computes as the block engine does, noting what it reads. */
    private boolean accepts(Step step) {
        if (step instanceof Step.Load load) {
            if (pass.inputs().get(load.input()).given() != load.type()) {
                return false; // converted on reading: the block engine's conversion
            }
            if (!inputs.contains(load.input())) {
                inputs.add(load.input());
            }
            return true;
        }
        if (!(step instanceof Step.Apply apply)) {
            return false; // a call or a conversion
        }
        List<DType> operandTypes = new ArrayList<>();
        for (Operand operand : apply.operands()) {
            DType type = pass.typeOf(operand);
            if (element(type) == null) {
                return false;
            }
            operandTypes.add(type);
        }
        Kind kind = apply.op().operandKind(operandTypes);
        if (!apply.op().scalar().appliesTo(kind) || kind == Kind.LONG && apply.op().scalar().isThrowing()) {
            return false; // integer % 0 and the like throw, and a WholeVectors never throws (only integer forms do)
        }
        Method method = apply.op().scalar().methodOf(kind);
        if (method.getReturnType() != element(apply.type()) || method.getParameterCount() != operandTypes.size()) {
            return false;
        }
        for (int i = 0; i < operandTypes.size(); i++) {
            if (method.getParameterTypes()[i] != element(operandTypes.get(i))) {
                return false;
            }
        }
        for (Operand operand : apply.operands()) {
            if (operand.isNumber() && !numbers.contains(operand.index())) {
                numbers.add(operand.index());
            }
        }
        forms.add(apply.op().scalar().function(kind));
        return true;
    }

    /** The Java type of one value of {@code type}, for the types the loop computes; null for the others. */
    private static Class<?> element(DType type) {
        return type == DType.FLOAT64 ? double.class : type == DType.INT64 ? long.class
                : type == DType.BOOLEAN ? boolean.class : null;
    }

    /** The class file of a final class implementing {@link WholeVectors} with one lane. */
    byte[] write() {
        ClassWriter writer = ClassFiles.newClassWriter("io/jvectorize/runtime/internal/jit/ScalarLoop",
                new String[] {Type.getInternalName(WholeVectors.class)});
        ClassFiles.writeConstructor(writer);
        MethodVisitor lanes = writer.visitMethod(Opcodes.ACC_PUBLIC, "lanes", "()I", null, null);
        lanes.visitCode();
        lanes.visitInsn(Opcodes.ICONST_1);
        lanes.visitInsn(Opcodes.IRETURN);
        lanes.visitMaxs(0, 0);
        lanes.visitEnd();
        String elementDescriptor = elementDescriptor();
        writeRun(writer, elementDescriptor);
        writeElement(writer, elementDescriptor);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private String elementDescriptor() {
        List<Type> parameters = new ArrayList<>();
        for (int input : inputs) {
            parameters.add(Type.getType(element(pass.inputs().get(input).given())));
        }
        for (int number : numbers) {
            parameters.add(Type.getType(element(pass.numbers().get(number).type())));
        }
        return Type.getMethodDescriptor(Type.getType(element(pass.steps().get(last).type())),
                parameters.toArray(new Type[0]));
    }

    /** {@code for (i = from; i < to; i++) out[i + shift] = element(in0[i], ..., n0, ...); return to;} */
    private void writeRun(ClassWriter writer, String elementDescriptor) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", RUN, null, null);
        code.visitCode();
        int next = SHIFT + 1;
        int[] inputLocals = new int[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            code.visitVarInsn(Opcodes.ALOAD, INPUTS);
            push(code, inputs.get(k));
            code.visitInsn(Opcodes.AALOAD);
            code.visitTypeInsn(Opcodes.CHECKCAST, arrayOf(element(pass.inputs().get(inputs.get(k)).given())));
            inputLocals[k] = next++;
            code.visitVarInsn(Opcodes.ASTORE, inputLocals[k]);
        }
        int[] numberLocals = new int[numbers.size()];
        for (int k = 0; k < numbers.size(); k++) {
            Type type = Type.getType(element(pass.numbers().get(numbers.get(k)).type()));
            code.visitVarInsn(Opcodes.ALOAD, NUMBERS);
            push(code, numbers.get(k));
            code.visitInsn(Opcodes.AALOAD);
            code.visitTypeInsn(Opcodes.CHECKCAST, "[" + type.getDescriptor());
            code.visitInsn(Opcodes.ICONST_0);
            code.visitInsn(type.getOpcode(Opcodes.IALOAD));
            numberLocals[k] = next;
            next += type.getSize();
            code.visitVarInsn(type.getOpcode(Opcodes.ISTORE), numberLocals[k]);
        }
        Type result = Type.getType(element(pass.steps().get(last).type()));
        int out = next++;
        code.visitVarInsn(Opcodes.ALOAD, OUT);
        code.visitTypeInsn(Opcodes.CHECKCAST, "[" + result.getDescriptor());
        code.visitVarInsn(Opcodes.ASTORE, out);
        int i = next;
        code.visitVarInsn(Opcodes.ILOAD, FROM);
        code.visitVarInsn(Opcodes.ISTORE, i);
        Label head = new Label();
        Label exit = new Label();
        code.visitLabel(head);
        code.visitVarInsn(Opcodes.ILOAD, i);
        code.visitVarInsn(Opcodes.ILOAD, TO);
        code.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
        code.visitVarInsn(Opcodes.ALOAD, out);
        code.visitVarInsn(Opcodes.ILOAD, i);
        code.visitVarInsn(Opcodes.ILOAD, SHIFT);
        code.visitInsn(Opcodes.IADD);
        for (int k = 0; k < inputs.size(); k++) {
            code.visitVarInsn(Opcodes.ALOAD, inputLocals[k]);
            code.visitVarInsn(Opcodes.ILOAD, i);
            code.visitInsn(Type.getType(element(pass.inputs().get(inputs.get(k)).given())).getOpcode(Opcodes.IALOAD));
        }
        for (int k = 0; k < numbers.size(); k++) {
            Type type = Type.getType(element(pass.numbers().get(numbers.get(k)).type()));
            code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), numberLocals[k]);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "io/jvectorize/runtime/internal/jit/ScalarLoop", ELEMENT,
                elementDescriptor, false);
        code.visitInsn(result.getOpcode(Opcodes.IASTORE));
        code.visitIincInsn(i, 1);
        code.visitJumpInsn(Opcodes.GOTO, head);
        code.visitLabel(exit);
        code.visitVarInsn(Opcodes.ILOAD, TO);
        code.visitInsn(Opcodes.IRETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** One element: each step in order into a local of its own, through the scalar forms; returns the stored step's value. */
    private void writeElement(ClassWriter writer, String elementDescriptor) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, ELEMENT, elementDescriptor, null, null);
        code.visitCode();
        int next = 0;
        int[] inputLocals = new int[pass.inputs().size()];
        for (int input : inputs) {
            inputLocals[input] = next;
            next += Type.getType(element(pass.inputs().get(input).given())).getSize();
        }
        int[] numberLocals = new int[pass.numbers().size()];
        for (int number : numbers) {
            numberLocals[number] = next;
            next += Type.getType(element(pass.numbers().get(number).type())).getSize();
        }
        int[] stepLocals = new int[pass.steps().size()];
        int form = 0;
        for (int s = 0; s < pass.steps().size(); s++) {
            Step step = pass.steps().get(s);
            if (step instanceof Step.Load load) {
                stepLocals[s] = inputLocals[load.input()];
                continue;
            }
            Step.Apply apply = (Step.Apply) step;
            Operator op = apply.op();
            List<DType> operandTypes = new ArrayList<>();
            for (Operand operand : apply.operands()) {
                operandTypes.add(pass.typeOf(operand));
            }
            Method method = op.scalar().methodOf(op.operandKind(operandTypes));
            ClassFiles.loadClassData(code, form++, Type.getDescriptor(method.getDeclaringClass()));
            for (Operand operand : apply.operands()) {
                Type type = Type.getType(element(pass.typeOf(operand)));
                code.visitVarInsn(type.getOpcode(Opcodes.ILOAD),
                        operand.isNumber() ? numberLocals[operand.index()] : stepLocals[operand.index()]);
            }
            code.visitMethodInsn(Opcodes.INVOKEINTERFACE, Type.getInternalName(method.getDeclaringClass()),
                    method.getName(), Type.getMethodDescriptor(method), true);
            Type type = Type.getType(element(apply.type()));
            stepLocals[s] = next;
            next += type.getSize();
            code.visitVarInsn(type.getOpcode(Opcodes.ISTORE), stepLocals[s]);
        }
        Type result = Type.getType(element(pass.steps().get(last).type()));
        code.visitVarInsn(result.getOpcode(Opcodes.ILOAD), stepLocals[last]);
        code.visitInsn(result.getOpcode(Opcodes.IRETURN));
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    private static String arrayOf(Class<?> element) {
        return element.arrayType().descriptorString();
    }

    private static void push(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(Opcodes.ICONST_0 + value);
        } else {
            code.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }
}
