package io.jvectorize.runtime.internal.kernel;

import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import java.lang.reflect.Method;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The body of a block kernel's {@code run}: its locals, and its scalar loop, which applies the
 * operator's scalar form, held as a constant (class data 0), to one element at a time. C2
 * inlines the form into the loop and compiles it as it would the hand-written loop.
 */
class KernelCode {

    /** The parameters of {@link BlockKernel#run}: operand arrays and offsets, out, its offset, n. */
    private static final int[] OPERANDS = {1, 3, 5};
    private static final int[] OFFSETS = {2, 4, 6};
    private static final int OUT = 7;
    private static final int OUT_OFFSET = 8;
    static final int N = 9;
    static final String RUN = "(Ljava/lang/Object;ILjava/lang/Object;ILjava/lang/Object;ILjava/lang/Object;II)V";

    final ClassWriter classWriter;
    final MethodVisitor code;
    final Operator op;
    final Kind kind;
    /** Bit i set: operand i is a scalar, read once. */
    final int scalars;
    private final Method function;
    private final Class<?>[] elements;
    /** The local holding each operand's array cast to its type, or its scalar value. */
    private final int[] operandLocals;
    private final int outLocal;
    /** The local holding the scalar form, loaded on entry: see the constructor. */
    private final int formLocal;
    final int index;
    private int nextLocal = N + 1;

    KernelCode(String name, Operator op, Kind kind, int scalars) {
        this.op = op;
        this.kind = kind;
        this.scalars = scalars;
        this.function = op.scalar().methodOf(kind);
        this.elements = function.getParameterTypes();
        this.classWriter = ClassFiles.newClassWriter(name, new String[] {Type.getInternalName(BlockKernel.class)});
        ClassFiles.writeConstructor(classWriter);
        this.code = classWriter.visitMethod(Opcodes.ACC_PUBLIC, "run", RUN, null, null);
        code.visitCode();
        this.operandLocals = new int[elements.length];
        for (int k = 0; k < elements.length; k++) {
            code.visitVarInsn(Opcodes.ALOAD, OPERANDS[k]);
            code.visitTypeInsn(Opcodes.CHECKCAST, arrayDescriptor(elements[k]));
            if (isScalar(k)) {
                code.visitVarInsn(Opcodes.ILOAD, OFFSETS[k]);
                code.visitInsn(Type.getType(elements[k]).getOpcode(Opcodes.IALOAD));
                operandLocals[k] = newLocal(elements[k]);
                code.visitVarInsn(Type.getType(elements[k]).getOpcode(Opcodes.ISTORE), operandLocals[k]);
            } else {
                operandLocals[k] = newLocal(Object.class);
                code.visitVarInsn(Opcodes.ASTORE, operandLocals[k]);
            }
        }
        code.visitVarInsn(Opcodes.ALOAD, OUT);
        code.visitTypeInsn(Opcodes.CHECKCAST, arrayDescriptor(function.getReturnType()));
        outLocal = newLocal(Object.class);
        code.visitVarInsn(Opcodes.ASTORE, outLocal);
        // The scalar form is loaded on entry, not where the scalar loop uses it: a dynamic
        // constant that is still unresolved when C2 compiles the method (the vector kernel's
        // tail has not run yet) makes JDK 17's C2 give up on the whole method (JDK-8280473),
        // and the vector loop then runs interpreted, with every vector boxed.
        ClassFiles.loadClassData(code, 0, Type.getDescriptor(function.getDeclaringClass()));
        formLocal = newLocal(Object.class);
        code.visitVarInsn(Opcodes.ASTORE, formLocal);
        index = newLocal(int.class);
        code.visitInsn(Opcodes.ICONST_0);
        code.visitVarInsn(Opcodes.ISTORE, index);
    }

    boolean isScalar(int operand) {
        return (scalars & (1 << operand)) != 0;
    }

    /** A local for a value of this type (two slots for a double or long). */
    int newLocal(Class<?> type) {
        int local = nextLocal;
        nextLocal += type == double.class || type == long.class ? 2 : 1;
        return local;
    }

    /** The local holding operand {@code k}: its array, or its value if a scalar. */
    int operandLocal(int k) {
        return operandLocals[k];
    }

    int outLocal() {
        return outLocal;
    }

    /** Pushes operand {@code k}'s array offset plus the loop index. */
    void operandIndex(int k) {
        code.visitVarInsn(Opcodes.ILOAD, OFFSETS[k]);
        code.visitVarInsn(Opcodes.ILOAD, index);
        code.visitInsn(Opcodes.IADD);
    }

    /** Pushes out's offset plus the loop index. */
    void outIndex() {
        code.visitVarInsn(Opcodes.ILOAD, OUT_OFFSET);
        code.visitVarInsn(Opcodes.ILOAD, index);
        code.visitInsn(Opcodes.IADD);
    }

    /** {@code for (; i < n; i++) out[oo + i] = f(a[ao + i], ...)}: the elements from the index on. */
    void scalarLoop() {
        Label head = new Label();
        Label exit = new Label();
        code.visitLabel(head);
        code.visitVarInsn(Opcodes.ILOAD, index);
        code.visitVarInsn(Opcodes.ILOAD, N);
        code.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
        code.visitVarInsn(Opcodes.ALOAD, outLocal);
        outIndex();
        code.visitVarInsn(Opcodes.ALOAD, formLocal);
        for (int k = 0; k < elements.length; k++) {
            Type element = Type.getType(elements[k]);
            if (isScalar(k)) {
                code.visitVarInsn(element.getOpcode(Opcodes.ILOAD), operandLocals[k]);
            } else {
                code.visitVarInsn(Opcodes.ALOAD, operandLocals[k]);
                operandIndex(k);
                code.visitInsn(element.getOpcode(Opcodes.IALOAD));
            }
        }
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, Type.getInternalName(function.getDeclaringClass()),
                function.getName(), Type.getMethodDescriptor(function), true);
        code.visitInsn(Type.getType(function.getReturnType()).getOpcode(Opcodes.IASTORE));
        code.visitIincInsn(index, 1);
        code.visitJumpInsn(Opcodes.GOTO, head);
        code.visitLabel(exit);
    }

    /** Ends the method and the class. */
    byte[] finish() {
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        classWriter.visitEnd();
        return classWriter.toByteArray();
    }

    static String arrayDescriptor(Class<?> element) {
        return element.arrayType().descriptorString();
    }
}
