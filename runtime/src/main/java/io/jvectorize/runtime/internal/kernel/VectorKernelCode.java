package io.jvectorize.runtime.internal.kernel;

import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Operator;
import java.util.Optional;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * A Vector API block kernel over doubles: the operator's lane form over whole vectors, then its
 * scalar form over the elements after the last one. Touches the Vector API: only behind
 * {@code Simd.ENABLED}.
 */
final class VectorKernelCode {

    private VectorKernelCode() {}

    /** The kernel's code, or empty where the Vector API does not pay here or the operator has no lane form for float64 lanes. */
    static Optional<KernelCode> write(String name, Operator op, int scalars) {
        Element element = Element.FLOAT64;
        if (!VectorSupport.WIDE || !LaneCode.has(op, element)) {
            return Optional.empty();
        }
        KernelCode kernel = new KernelCode(name, op, Kind.DOUBLE, scalars);
        int lanes = element.lanes();
        // A scalar operand broadcast into a vector once.
        int[] broadcasts = new int[op.arity()];
        for (int k = 0; k < op.arity(); k++) {
            if (kernel.isScalar(k)) {
                int value = kernel.operandLocal(k);
                kernel.code.visitFieldInsn(Opcodes.GETSTATIC, "io/jvectorize/runtime/internal/lanes/Lanes", "DOUBLES",
                        "Ljdk/incubator/vector/VectorSpecies;");
                kernel.code.visitVarInsn(Opcodes.DLOAD, value);
                kernel.code.visitMethodInsn(Opcodes.INVOKESTATIC, element.vectorClass(), "broadcast",
                        "(Ljdk/incubator/vector/VectorSpecies;D)" + element.vectorDescriptor(), false);
                broadcasts[k] = kernel.newLocal(Object.class);
                kernel.code.visitVarInsn(Opcodes.ASTORE, broadcasts[k]);
            }
        }
        // bound = n - n % lanes: the elements in whole vectors.
        int bound = kernel.newLocal(int.class);
        kernel.code.visitVarInsn(Opcodes.ILOAD, KernelCode.N);
        kernel.code.visitVarInsn(Opcodes.ILOAD, KernelCode.N);
        kernel.code.visitLdcInsn(lanes);
        kernel.code.visitInsn(Opcodes.IREM);
        kernel.code.visitInsn(Opcodes.ISUB);
        kernel.code.visitVarInsn(Opcodes.ISTORE, bound);
        Label head = new Label();
        Label exit = new Label();
        kernel.code.visitLabel(head);
        kernel.code.visitVarInsn(Opcodes.ILOAD, kernel.index);
        kernel.code.visitVarInsn(Opcodes.ILOAD, bound);
        kernel.code.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
        LaneCode.apply(kernel.code, op, element, k -> {
            if (kernel.isScalar(k)) {
                kernel.code.visitVarInsn(Opcodes.ALOAD, broadcasts[k]);
            } else {
                LaneCode.load(kernel.code, element, () -> kernel.code.visitVarInsn(Opcodes.ALOAD, kernel.operandLocal(k)),
                        () -> kernel.operandIndex(k));
            }
        }, () -> kernel.newLocal(Object.class)); // a method form copied in, as in a generated loop
        LaneCode.store(kernel.code, element, () -> kernel.code.visitVarInsn(Opcodes.ALOAD, kernel.outLocal()),
                kernel::outIndex);
        kernel.code.visitIincInsn(kernel.index, lanes);
        kernel.code.visitJumpInsn(Opcodes.GOTO, head);
        kernel.code.visitLabel(exit);
        kernel.scalarLoop();
        return Optional.of(kernel);
    }
}
