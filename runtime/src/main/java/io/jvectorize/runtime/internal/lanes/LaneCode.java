package io.jvectorize.runtime.internal.lanes;

import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the bytecode of lanes: an operator's {@link Lane lane form} applied to vectors of an
 * {@link Element}, and the loads, stores, broadcasts and masks around it. Every engine that
 * computes with the Vector API writes its vector code through here, from the operator table;
 * nothing restates an operator's semantics. Uses reflection on the Vector API: only behind
 * {@code Simd.ENABLED}.
 */
public final class LaneCode {

    private static final String SPECIES = "Ljdk/incubator/vector/VectorSpecies;";
    private static final String MASK = "jdk/incubator/vector/VectorMask";
    private static final String LANES = Type.getInternalName(Lanes.class);
    private static final String OPERATOR_LANES = Type.getInternalName(Operator.Lanes.class);

    /** The method of each lane form and element, resolved once; empty where the form has none for it. */
    private static final Map<String, Optional<Method>> METHODS = new ConcurrentHashMap<>();

    private LaneCode() {}

    /**
     * Whether {@code op} has a lane form for lanes of this element here: it applies to them,
     * and the vector library has what it needs on this machine. (Whether the options allow
     * vector math is the engine's to ask: {@link Lane#vectorMath}.)
     */
    public static boolean has(Operator op, Element element) {
        Optional<Lane> lane = op.lane();
        if (lane.isEmpty() || !VectorSupport.pays(lane.get().routine())
                || lane.get().form() != Lane.Form.BLEND && !op.scalar().appliesTo(element.kind())) {
            return false;
        }
        if (lane.get().form() == Lane.Form.METHOD || lane.get().form() == Lane.Form.PREDICATE) {
            return method(op, element).isPresent();
        }
        return lane.get().integers() || !element.isInteger();
    }

    /**
     * Applies {@code op}'s lane form: calls {@code operand} for each operand it needs on the
     * stack, in the order it needs them, and leaves the result (a vector, or a mask for a
     * comparison or a predicate) on the stack. {@code where}'s condition, operand 0, is a mask.
     *
     * @throws IllegalArgumentException if it has no lane form for this element ({@link #has})
     */
    public static void apply(MethodVisitor code, Operator op, Element element, IntConsumer operand) {
        apply(code, op, element, operand, null);
    }

    /**
     * The same, a {@link Lane.Form#METHOD} or {@link Lane.Form#PREDICATE} form's method copied
     * into the code rather than called ({@link LaneInliner}), its locals from {@code newLocal}
     * (one slot a call): for a loop, in which C2 must inline every lane method or box the
     * vectors it takes and returns.
     */
    public static void apply(MethodVisitor code, Operator op, Element element, IntConsumer operand,
            IntSupplier newLocal) {
        if (!has(op, element)) {
            throw new IllegalArgumentException(op + " has no lane form for " + element);
        }
        Lane lane = op.lane().orElseThrow();
        Class<?> vector = vectorClass(element);
        switch (lane.form()) {
            case LANEWISE:
                operand.accept(0);
                operatorField(code, lane.name());
                if (op.arity() == 1) {
                    invoke(code, vector, "lanewise", VectorOperators.Unary.class);
                } else {
                    operand.accept(1);
                    invoke(code, vector, "lanewise", VectorOperators.Binary.class, Vector.class);
                }
                break;
            case COMPARE:
                operand.accept(0);
                operatorField(code, lane.name());
                operand.accept(1);
                invoke(code, vector, "compare", VectorOperators.Comparison.class, Vector.class);
                break;
            case BLEND:
                // where(c, a, b) is b.blend(a, c).
                operand.accept(2);
                operand.accept(1);
                operand.accept(0);
                invoke(code, vector, "blend", Vector.class, VectorMask.class);
                break;
            default:
                for (int i = 0; i < op.arity(); i++) {
                    operand.accept(i);
                }
                Method method = method(op, element).orElseThrow();
                if (newLocal != null) {
                    LaneInliner.inline(code, OPERATOR_LANES, method.getName(), Type.getMethodDescriptor(method), newLocal);
                } else {
                    code.visitMethodInsn(Opcodes.INVOKESTATIC, OPERATOR_LANES, method.getName(),
                            Type.getMethodDescriptor(method), false);
                }
        }
    }

    /**
     * Applies {@code op} to masks, the form booleans take in a loop ({@link Lane#maskMethod}):
     * calls {@code operand} for each operand, each a mask, and leaves the result mask on the stack.
     * The method is copied into the code ({@link LaneInliner}), its locals from {@code newLocal}.
     *
     * @throws IllegalArgumentException if it does not apply to masks
     */
    public static void applyToMasks(MethodVisitor code, Operator op, IntConsumer operand, IntSupplier newLocal) {
        Lane lane = op.lane().filter(Lane::appliesToMasks)
                .orElseThrow(() -> new IllegalArgumentException(op + " does not apply to masks"));
        for (int i = 0; i < op.arity(); i++) {
            operand.accept(i);
        }
        LaneInliner.inline(code, OPERATOR_LANES, lane.maskMethod(),
                "(" + ("L" + MASK + ";").repeat(op.arity()) + ")L" + MASK + ";", newLocal);
    }

    /** {@code array, index} on the stack: a vector of the element's lanes from {@code array[index]} on. */
    public static void load(MethodVisitor code, Element element, Runnable array, Runnable index) {
        species(code, element);
        array.run();
        index.run();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, element.vectorClass(), "fromArray",
                "(" + SPECIES + element.arrayDescriptor() + "I)" + element.vectorDescriptor(), false);
        exactClass(code, element);
    }

    /** The same from an array of type {@code given}, converted ({@link Element#convertingLoad}). */
    public static void convertingLoad(MethodVisitor code, Element element, Element.ConvertingLoad load,
            String arrayDescriptor, Runnable array, Runnable index) {
        array.run();
        index.run();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, LANES, load.method(),
                "(" + arrayDescriptor + "I)" + element.vectorDescriptor(), false);
        exactClass(code, element);
    }

    /** A vector on the stack stored into {@code array} from {@code index} on. */
    public static void store(MethodVisitor code, Element element, Runnable array, Runnable index) {
        exactClass(code, element);
        array.run();
        index.run();
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, element.vectorClass(), "intoArray",
                "(" + element.arrayDescriptor() + "I)V", false);
    }

    /**
     * A float32 or int32 vector on the stack stored widened, exactly, into the {@code double[]}
     * or {@code long[]} register the block engine holds its values in.
     */
    public static void storeWidened(MethodVisitor code, Element element, Runnable array, Runnable index) {
        exactClass(code, element);
        array.run();
        index.run();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, LANES, "storeWidened", "(" + element.vectorDescriptor()
                + element.kind().arrayType().descriptorString() + "I)V", false);
    }

    /**
     * A block engine constant in every lane: {@code constants[k]} is a one-element array of the
     * element's {@link Element#kind}, whose value a float32 or int32 element narrows exactly.
     */
    public static void broadcast(MethodVisitor code, Element element, Runnable constants, int k) {
        species(code, element);
        constantValue(code, element.kind(), constants, k);
        if (element == Element.FLOAT32) {
            code.visitInsn(Opcodes.D2F);
        } else if (element == Element.INT32) {
            code.visitInsn(Opcodes.L2I);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, element.vectorClass(), "broadcast",
                "(" + SPECIES + element.primitiveDescriptor() + ")" + element.vectorDescriptor(), false);
    }

    /** A block engine bool constant ({@code constants[k]}, a one-element {@code boolean[]}) as a mask of the element's lanes. */
    public static void maskOf(MethodVisitor code, Element element, Runnable constants, int k) {
        species(code, element);
        constantValue(code, Kind.BOOLEAN, constants, k);
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, "jdk/incubator/vector/VectorSpecies", "maskAll",
                "(Z)L" + MASK + ";", true);
    }

    /** A mask of the element's lanes from a {@code boolean[]}, {@code array[index]} on. */
    public static void loadMask(MethodVisitor code, Element element, Runnable array, Runnable index) {
        species(code, element);
        array.run();
        index.run();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, MASK, "fromArray", "(" + SPECIES + "[ZI)L" + MASK + ";", false);
    }

    /** A mask on the stack, of another element of as many lanes, as a mask of this element's lanes. */
    public static void castMask(MethodVisitor code, Element element) {
        species(code, element);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MASK, "cast", "(" + SPECIES + ")L" + MASK + ";", false);
    }

    /**
     * Casts the vector on the stack to its species' concrete class ({@code Lanes.*_CLASS}):
     * C2 folds {@code Class.cast} of a constant class into an exact type (see {@link Lanes}).
     * Done where a vector enters the loop (loads) and where it leaves it (stores).
     */
    private static void exactClass(MethodVisitor code, Element element) {
        code.visitFieldInsn(Opcodes.GETSTATIC, LANES, element.speciesField() + "_CLASS", "Ljava/lang/Class;");
        code.visitInsn(Opcodes.SWAP);
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "cast", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        code.visitTypeInsn(Opcodes.CHECKCAST, element.vectorClass());
    }

    private static void species(MethodVisitor code, Element element) {
        code.visitFieldInsn(Opcodes.GETSTATIC, LANES, element.speciesField(), SPECIES);
    }

    private static void constantValue(MethodVisitor code, Kind kind, Runnable constants, int k) {
        constants.run();
        code.visitLdcInsn(k);
        code.visitInsn(Opcodes.AALOAD);
        code.visitTypeInsn(Opcodes.CHECKCAST, kind.arrayType().descriptorString());
        code.visitInsn(Opcodes.ICONST_0);
        code.visitInsn(kind == Kind.DOUBLE ? Opcodes.DALOAD : kind == Kind.LONG ? Opcodes.LALOAD : Opcodes.BALOAD);
    }

    private static void operatorField(MethodVisitor code, String name) {
        try {
            Class<?> type = VectorOperators.class.getField(name).getType();
            code.visitFieldInsn(Opcodes.GETSTATIC, Type.getInternalName(VectorOperators.class), name,
                    Type.getDescriptor(type));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the operator table names VectorOperators." + name + ", which does not exist", e);
        }
    }

    private static void invoke(MethodVisitor code, Class<?> owner, String name, Class<?>... parameters) {
        try {
            Method method = owner.getMethod(name, parameters);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(owner), name,
                    Type.getMethodDescriptor(method), false);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(owner.getSimpleName() + " has no " + name + Arrays.toString(parameters), e);
        }
    }

    private static Optional<Method> method(Operator op, Element element) {
        Lane lane = op.lane().orElseThrow();
        return METHODS.computeIfAbsent(lane.name() + "/" + element, key -> {
            Class<?>[] parameters = new Class<?>[op.arity()];
            Arrays.fill(parameters, vectorClass(element));
            try {
                return Optional.of(Operator.Lanes.class.getMethod(lane.name(), parameters));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }

    private static Class<?> vectorClass(Element element) {
        switch (element) {
            case FLOAT64: return DoubleVector.class;
            case FLOAT32: return FloatVector.class;
            case INT64: return LongVector.class;
            default: return IntVector.class;
        }
    }
}
