package io.jvectorize.runtime.internal.lanes;

import io.jvectorize.runtime.VectorMath;
import io.jvectorize.runtime.internal.op.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Copies a lane method's bytecode ({@link Operator.Lanes}, and the {@link VectorMath} methods it
 * calls) into generated code in place of a call to it, so that the code C2 compiles calls only
 * the Vector API's own methods. Those are {@code @ForceInline}: C2 inlines them past its size
 * limits and, where a method's inlining reaches its node cutoff, later (incremental inlining).
 * A call of a lane method of ours is inlined only while neither limit is reached: past
 * NodeCountInliningCutoff (a loop with floor, ceil and trunc), or at a call site the profile
 * thinks cold (a method over MaxInlineSize, 35 bytes: VectorMath's 294-byte tanh formula), C2
 * calls it, and every vector it takes and returns is boxed (24 to 48 bytes an element).
 *
 * <p>Each copy has locals of its own ({@code newLocal}), never reused, so that no branch in a
 * copy merges locals of different types; a return jumps to the end of the copy with the value
 * on the stack. A private constant the copy reads is written as its value.
 */
final class LaneInliner {

    /** The classes whose static methods are copied, by internal name. */
    private static final Map<String, Class<?>> LIBRARY = Map.of(
            Type.getInternalName(Operator.Lanes.class), Operator.Lanes.class,
            Type.getInternalName(VectorMath.class), VectorMath.class);

    /** The class files read, by internal name. */
    private static final Map<String, byte[]> CLASS_FILES = new ConcurrentHashMap<>();

    private LaneInliner() {}

    /** Whether {@code owner} is a class whose static methods {@link #inline} copies. */
    static boolean copies(String owner) {
        return LIBRARY.containsKey(owner);
    }

    /**
     * With the arguments of {@code owner.name descriptor} (a static method) on the stack, writes
     * its body to {@code code}, which leaves its value on the stack as the call would.
     */
    static void inline(MethodVisitor code, String owner, String name, String descriptor, IntSupplier newLocal) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        // The callee's slot s is the copy's locals.get(s); a two-slot value takes two.
        Map<Integer, Integer> locals = new HashMap<>();
        int[] slots = new int[arguments.length];
        int slot = 0;
        for (int a = 0; a < arguments.length; a++) {
            slots[a] = slot;
            locals.put(slot, fresh(newLocal, arguments[a].getSize()));
            slot += arguments[a].getSize();
        }
        for (int a = arguments.length - 1; a >= 0; a--) {
            code.visitVarInsn(arguments[a].getOpcode(Opcodes.ISTORE), locals.get(slots[a]));
        }
        Label end = new Label();
        boolean[] found = {false};
        new ClassReader(classFile(owner)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String desc, String signature, String[] exceptions) {
                if (!method.equals(name) || !desc.equals(descriptor)) {
                    return null;
                }
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    throw new IllegalStateException(owner + "." + name + " is not static: it cannot be copied");
                }
                found[0] = true;
                return new Copy(code, owner, locals, newLocal, end);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!found[0]) {
            throw new IllegalStateException(owner + " has no method " + name + descriptor + " to copy");
        }
        code.visitLabel(end);
    }

    private static int fresh(IntSupplier newLocal, int size) {
        int local = newLocal.getAsInt();
        if (size == 2) {
            newLocal.getAsInt();
        }
        return local;
    }

    private static byte[] classFile(String owner) {
        return CLASS_FILES.computeIfAbsent(owner, key -> {
            Class<?> type = LIBRARY.get(key);
            String file = key.substring(key.lastIndexOf('/') + 1) + ".class";
            try (InputStream in = type.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the class file of " + type.getName() + " is not readable");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Forwards one method's code, its locals renumbered, its returns and library calls replaced. */
    private static final class Copy extends MethodVisitor {
        private final String owner;
        private final Map<Integer, Integer> locals;
        private final IntSupplier newLocal;
        private final Label end;

        Copy(MethodVisitor code, String owner, Map<Integer, Integer> locals, IntSupplier newLocal, Label end) {
            super(Opcodes.ASM9, code);
            this.owner = owner;
            this.locals = locals;
            this.newLocal = newLocal;
            this.end = end;
        }

        private int local(int slot, int size) {
            return locals.computeIfAbsent(slot, s -> fresh(newLocal, size));
        }

        @Override
        public void visitVarInsn(int opcode, int slot) {
            int size = opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD || opcode == Opcodes.LSTORE
                    || opcode == Opcodes.DSTORE ? 2 : 1;
            super.visitVarInsn(opcode, local(slot, size));
        }

        @Override
        public void visitIincInsn(int slot, int increment) {
            super.visitIincInsn(local(slot, 1), increment);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                super.visitJumpInsn(Opcodes.GOTO, end);
            } else {
                super.visitInsn(opcode);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String callee, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && copies(callee)) {
                inline(mv, callee, name, descriptor, newLocal);
            } else {
                super.visitMethodInsn(opcode, callee, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && copies(fieldOwner)) {
                Field field = field(fieldOwner, name);
                if (!Modifier.isPublic(field.getModifiers())) {
                    if (!field.getType().isPrimitive() || !Modifier.isFinal(field.getModifiers())) {
                        throw new IllegalStateException(owner + " reads " + fieldOwner + "." + name
                                + ", which generated code cannot: make it a constant, or public");
                    }
                    super.visitLdcInsn(constant(field));
                    return;
                }
            }
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label stop, Label handler, String type) {
            throw new IllegalStateException(owner + " catches exceptions in a lane method: it cannot be copied");
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            // The generated method's are computed.
        }

        @Override
        public void visitCode() {}

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return null; // the callee's, not the generated method's
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return null;
        }

        @Override
        public void visitAnnotableParameterCount(int parameterCount, boolean visible) {}

        @Override
        public void visitAttribute(Attribute attribute) {}

        @Override
        public void visitEnd() {}
    }

    private static Field field(String owner, String name) {
        try {
            Field field = LIBRARY.get(owner).getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(owner + " has no field " + name, e);
        }
    }

    private static Object constant(Field field) {
        try {
            Object value = field.get(null);
            return value instanceof Boolean b ? (b ? 1 : 0) : value instanceof Character c ? (int) c
                    : value instanceof Byte || value instanceof Short ? ((Number) value).intValue() : value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
