package io.jvectorize.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a class file (Java 17, version 61) holding one public static method: the little the
 * runtime needs to turn an expression into a loop C2 compiles like hand-written code. The JDK
 * has no public class-file API before 24, and the runtime takes no dependencies.
 *
 * <p>Knows nothing of expressions: {@link FusedLoop} says what to write. Instructions are the
 * few it uses; branch targets are {@link Label}s, each with the stack map frame the verifier
 * needs there (all locals given in full, empty operand stack).
 */
final class ClassFileWriter {

    /** A branch target: its code offset once {@link #place placed}, and the locals' verification types there. */
    static final class Label {
        private int offset = -1;
        private final List<Integer> patchSites = new ArrayList<>();
        private List<String> locals;
    }

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;

    private final String name;
    private final ByteArrayOutputStream constantPool = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(constantPool);
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private int poolCount = 1;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Label> frames = new ArrayList<>();
    /**
     * The BootstrapMethods attribute: each entry is classDataAt with one argument, this list's
     * pool index of an Integer.
     */
    private final List<Integer> bootstrapMethods = new ArrayList<>();
    private int classDataAt;
    private int maxStack;
    private int stack;
    private int maxLocals;

    /** @param name the class's internal name, e.g. {@code io/jvectorize/runtime/FusedLoop$Generated} */
    ClassFileWriter(String name) {
        this.name = name;
    }

    /** The size of the code so far, in bytes. */
    int codeSize() {
        return code.size();
    }

    // ---- instructions; each keeps count of the operand stack for max_stack ----

    void aload(int local) {
        local(0x19, local, +1);
    }

    void astore(int local) {
        local(0x3a, local, -1);
    }

    void iload(int local) {
        local(0x15, local, +1);
    }

    void istore(int local) {
        local(0x36, local, -1);
    }

    /** Pushes an int constant. */
    void push(int value) {
        if (value >= -1 && value <= 5) {
            op(0x03 + value, +1);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            op(0x10, +1);
            code.write(value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            op(0x11, +1);
            u2(value);
        } else {
            throw new IllegalArgumentException("constant out of range: " + value);
        }
    }

    void aaload() {
        op(0x32, -1);
    }

    /** Checks the reference on the stack is of the class {@code internalName} (such as {@code [D}). */
    void checkcast(String internalName) {
        op(0xc0, 0);
        u2(classRef(internalName));
    }

    void iadd() {
        op(0x60, -1);
    }

    void isub() {
        op(0x64, -1);
    }

    void ireturn() {
        op(0xac, -1);
    }

    /** Adds {@code delta} (-128 to 127) to an int local. */
    void iinc(int local, int delta) {
        checkLocal(local);
        op(0x84, 0);
        code.write(local);
        code.write(delta);
    }

    /**
     * Calls a static method.
     *
     * @param arguments the number of operand-stack slots its parameters take
     * @param results 1, or 0 for void
     */
    void invokestatic(String owner, String method, String descriptor, int arguments, int results) {
        op(0xb8, results - arguments);
        u2(methodRef(owner, method, descriptor));
    }

    /**
     * Calls an instance method; for {@code MethodHandle.invokeExact}, {@code descriptor} is the
     * handle's type.
     *
     * @param arguments the number of operand-stack slots its parameters take, not counting the receiver
     * @param results 1, or 0 for void
     */
    void invokevirtual(String owner, String method, String descriptor, int arguments, int results) {
        op(0xb6, results - arguments - 1);
        u2(methodRef(owner, method, descriptor));
    }

    /**
     * Pushes element {@code index} of the class data, a {@code List} given to
     * {@link java.lang.invoke.MethodHandles.Lookup#defineHiddenClassWithClassData}, as a
     * constant of class {@code type} (an internal name): a dynamic constant resolved once by
     * {@link java.lang.invoke.MethodHandles#classDataAt}, which C2 then folds like a literal.
     */
    void ldcClassData(int index, String type) {
        int classDataAt = methodHandle(6 /* REF_invokeStatic */, methodRef("java/lang/invoke/MethodHandles",
                "classDataAt",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;"));
        this.classDataAt = classDataAt;
        int argument = integer(index);
        int number = bootstrapMethods.indexOf(argument);
        if (number < 0) {
            bootstrapMethods.add(argument);
            number = bootstrapMethods.size() - 1;
        }
        op(0x13, +1); // ldc_w
        u2(dynamic(number, nameAndType("_", "L" + type + ";")));
    }

    /** Jumps to {@code target} if the int under the top of the stack is greater than the top. */
    void ifIcmpgt(Label target) {
        op(0xa3, -2);
        branch(target);
    }

    void goTo(Label target) {
        op(0xa7, 0);
        branch(target);
    }

    /**
     * Places {@code label} here, as a branch target with these locals: verification types, each
     * {@code "I"} for an int or an internal class name such as {@code [D}.
     */
    void place(Label label, List<String> locals) {
        if (stack != 0) {
            throw new IllegalStateException("a branch target needs an empty operand stack");
        }
        label.offset = code.size();
        label.locals = List.copyOf(locals);
        frames.add(label);
        byte[] bytes = code.toByteArray();
        for (int site : label.patchSites) {
            int delta = label.offset - (site - 1);
            bytes[site] = (byte) (delta >> 8);
            bytes[site + 1] = (byte) delta;
        }
        code.reset();
        code.write(bytes, 0, bytes.length);
    }

    /**
     * The class file: a final class with the method written so far as its only member,
     * {@code public static} and named {@code method}.
     */
    byte[] toBytes(String method, String descriptor) {
        try {
            int thisClass = classRef(name);
            int superClass = classRef("java/lang/Object");
            int methodName = utf8(method);
            int methodDescriptor = utf8(descriptor);
            int codeName = utf8("Code");
            byte[] stackMap = stackMapTable();
            int stackMapName = stackMap == null ? 0 : utf8("StackMapTable");
            int bootstrapName = bootstrapMethods.isEmpty() ? 0 : utf8("BootstrapMethods");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(61);
            out.writeShort(poolCount);
            constantPool.writeTo(out);
            out.writeShort(ACC_FINAL | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(1); // methods
            out.writeShort(ACC_PUBLIC | ACC_STATIC);
            out.writeShort(methodName);
            out.writeShort(methodDescriptor);
            out.writeShort(1); // its one attribute: Code
            out.writeShort(codeName);
            int attributes = stackMap == null ? 0 : 6 + stackMap.length;
            out.writeInt(12 + code.size() + attributes);
            out.writeShort(maxStack);
            out.writeShort(maxLocals);
            out.writeInt(code.size());
            code.writeTo(out);
            out.writeShort(0); // exception table
            out.writeShort(stackMap == null ? 0 : 1);
            if (stackMap != null) {
                out.writeShort(stackMapName);
                out.writeInt(stackMap.length);
                out.write(stackMap);
            }
            if (bootstrapMethods.isEmpty()) {
                out.writeShort(0); // class attributes
            } else {
                out.writeShort(1);
                out.writeShort(bootstrapName);
                out.writeInt(2 + 6 * bootstrapMethods.size());
                out.writeShort(bootstrapMethods.size());
                for (int argument : bootstrapMethods) {
                    out.writeShort(classDataAt);
                    out.writeShort(1);
                    out.writeShort(argument);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
    }

    // ---- encoding ----

    private void op(int opcode, int stackChange) {
        code.write(opcode);
        stack += stackChange;
        maxStack = Math.max(maxStack, stack);
    }

    private void local(int opcode, int local, int stackChange) {
        checkLocal(local);
        op(opcode, stackChange);
        code.write(local);
    }

    private void checkLocal(int local) {
        if (local < 0 || local > 255) {
            throw new IllegalArgumentException("local out of range: " + local);
        }
        maxLocals = Math.max(maxLocals, local + 1);
    }

    private void branch(Label target) {
        int site = code.size();
        if (target.offset >= 0) {
            u2(target.offset - (site - 1));
        } else {
            target.patchSites.add(site);
            u2(0);
        }
    }

    private void u2(int value) {
        code.write(value >> 8);
        code.write(value);
    }

    /** Full frames at every label, in code order; null without labels. */
    private byte[] stackMapTable() throws IOException {
        if (frames.isEmpty()) {
            return null;
        }
        List<Label> ordered = new ArrayList<>(frames);
        ordered.sort((a, b) -> Integer.compare(a.offset, b.offset));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(ordered.size());
        int previous = -1;
        for (Label label : ordered) {
            out.writeByte(255); // full_frame
            out.writeShort(label.offset - previous - 1);
            previous = label.offset;
            out.writeShort(label.locals.size());
            for (String type : label.locals) {
                if (type.equals("I")) {
                    out.writeByte(1); // Integer
                } else {
                    out.writeByte(7); // Object
                    out.writeShort(classRef(type));
                }
            }
            out.writeShort(0); // operand stack
        }
        return bytes.toByteArray();
    }

    private int methodRef(String owner, String method, String descriptor) {
        int ownerIndex = classRef(owner);
        int nameAndType = nameAndType(method, descriptor);
        return pooled("M" + owner + '.' + method + descriptor, pool -> {
            pool.writeByte(10);
            pool.writeShort(ownerIndex);
            pool.writeShort(nameAndType);
        });
    }

    private int methodHandle(int referenceKind, int reference) {
        return pooled("H" + referenceKind + ":" + reference, pool -> {
            pool.writeByte(15);
            pool.writeByte(referenceKind);
            pool.writeShort(reference);
        });
    }

    private int dynamic(int bootstrapMethod, int nameAndType) {
        return pooled("D" + bootstrapMethod + ":" + nameAndType, pool -> {
            pool.writeByte(17);
            pool.writeShort(bootstrapMethod);
            pool.writeShort(nameAndType);
        });
    }

    private int nameAndType(String method, String descriptor) {
        int nameIndex = utf8(method);
        int descriptorIndex = utf8(descriptor);
        return pooled("N" + method + descriptor, pool -> {
            pool.writeByte(12);
            pool.writeShort(nameIndex);
            pool.writeShort(descriptorIndex);
        });
    }

    private int classRef(String internalName) {
        int nameIndex = utf8(internalName);
        return pooled("C" + internalName, pool -> {
            pool.writeByte(7);
            pool.writeShort(nameIndex);
        });
    }

    private int integer(int value) {
        return pooled("I" + value, pool -> {
            pool.writeByte(3);
            pool.writeInt(value);
        });
    }

    private int utf8(String text) {
        return pooled("U" + text, pool -> {
            pool.writeByte(1);
            pool.writeUTF(text);
        });
    }

    /** Writes a constant-pool entry into the pool. */
    private interface Entry {
        void writeTo(DataOutputStream pool) throws IOException;
    }

    /** The index of the entry {@code key} names, written on first use. */
    private int pooled(String key, Entry entry) {
        Integer index = poolIndex.get(key);
        if (index != null) {
            return index;
        }
        try {
            entry.writeTo(pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        poolIndex.put(key, poolCount);
        return poolCount++;
    }
}
