package io.jvectorize.runtime.internal.emit;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How the runtime writes and defines the classes it generates (block kernels, fused loops):
 * with ASM, which computes stack map frames and stack sizes, as hidden classes whose constants
 * (the functions and method handles they call) are class data, which C2 folds like literals.
 *
 * <p>Tests see every class file before it is defined ({@link #checkWith}) and run in strict mode
 * ({@value #STRICT_PROPERTY}), in which a class that cannot be written or defined is an error
 * where production would leave its work to a slower engine.
 */
public final class ClassFiles {

    /**
     * The system property that makes a generated class the writer fails on, or the JVM refuses,
     * an error instead of a fallback: the runtime's tests set it, so that no emission bug hides
     * behind the fallback.
     */
    public static final String STRICT_PROPERTY = "jvectorize.test.strictLoops";

    /** Whether {@value #STRICT_PROPERTY} is {@code true}. */
    public static final boolean STRICT = Boolean.getBoolean(STRICT_PROPERTY);

    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;",
            false);

    /** Checks each class file before it is defined: nothing in production, ASM's CheckClassAdapter in the tests. */
    private static volatile Consumer<byte[]> check = bytes -> { };

    private ClassFiles() {}

    /** Has {@code check} see every generated class file before it is defined; it throws to refuse one. */
    public static void checkWith(Consumer<byte[]> check) {
        ClassFiles.check = Objects.requireNonNull(check, "check");
    }

    /**
     * A writer for a final class of Java 17 that computes frames. Generated code keeps one type
     * in each local, so frames never merge two reference types; a merge is a writer bug.
     */
    public static ClassWriter newClassWriter(String internalName, String[] interfaces) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                throw new IllegalStateException("generated code merges locals of types " + type1 + " and " + type2);
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object",
                interfaces);
        return writer;
    }

    /** Writes the no-argument constructor, for a class whose instances implement an interface. */
    public static void writeConstructor(ClassWriter writer) {
        MethodVisitor code = writer.visitMethod(0, "<init>", "()V", null, null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** Pushes element {@code index} of the class data, of the type {@code descriptor}: a constant C2 folds. */
    public static void loadClassData(MethodVisitor code, int index, String descriptor) {
        code.visitLdcInsn(new ConstantDynamic("_", descriptor, CLASS_DATA_AT, index));
    }

    /**
     * Checks the class file and defines it as a hidden class in the package of {@code lookup},
     * with {@code classData} as its constants.
     *
     * @return a lookup on the new class
     * @throws IllegalStateException if the check refuses it
     * @throws IllegalAccessException, LinkageError if the JVM refuses it
     */
    public static MethodHandles.Lookup define(MethodHandles.Lookup lookup, byte[] classFile, List<?> classData)
            throws IllegalAccessException {
        check.accept(classFile);
        return lookup.defineHiddenClassWithClassData(classFile, List.copyOf(classData), true);
    }

    /**
     * What to do where a class the runtime could do without could not be generated: nothing
     * (the caller falls back to a slower engine) but in strict mode, where it is an error.
     *
     * @throws IllegalStateException in strict mode
     */
    public static void fallBack(String what, Throwable cause) {
        if (STRICT) {
            throw new IllegalStateException(what, cause);
        }
    }
}
