package io.jvectorize.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An elementwise pass compiled to one loop of its own: a hidden class whose method loads
 * a vector of each input, applies every step to it in registers and stores the result, as
 * the processor's generated SIMD kernels do. The block engine makes one pass over a block per
 * operator; this makes one pass over memory in all, with no block temporaries.
 *
 * <p>Built for a {@link Program} whose steps all work on float64 values (or all on float32,
 * int64 or int32 ones, see {@link Element}) and bools: operators with a Vector API counterpart
 * ({@link LaneOps}, {@link FloatLaneOps}, {@link LongLaneOps}, {@link IntLaneOps}),
 * comparisons and {@code where} (whose conditions the loop holds as masks), copies,
 * conversions of other arrays as it loads them (int64, int32 and float32 ones to float64,
 * int32 ones to int64), and calls
 * of @Vectorize functions that have a lane function (the processor generates one for each
 * float64 method it translates to SIMD of at most
 * {@link VectorizedFunction.Overload#MAX_LANE_OPERATIONS} operations), which the loop calls
 * through a constant method handle, so that C2 inlines it. {@link #compile} returns null for
 * anything else, and the block engine runs it. The loop covers whole vectors; the caller runs
 * the few elements after them through the block engine.
 *
 * <p>The generated method, for {@code exp(x - mu)}, reads as:
 * <pre>{@code
 * static int run(Object[] inputs, Object[] constants, Object out, int from, int to, int shift) {
 *     double[] result = (double[]) out;
 *     double[] x = (double[]) inputs[0];
 *     DoubleVector c0 = LaneOps.broadcast(constants, 0);
 *     int i = from;
 *     int store = from + shift;
 *     for (int last = to - LaneOps.LANES; i <= last; i += LaneOps.LANES, store += LaneOps.LANES) {
 *         DoubleVector xi = LaneOps.load(x, i); // once, however often the steps read x
 *         DoubleVector t0 = LaneOps.sub(xi, c0);
 *         DoubleVector t1 = LaneOps.exp(t0);
 *         LaneOps.store(t1, result, store); // store = i + shift, stepped with i
 *     }
 *     return i; // the first element not computed
 * }
 * }</pre>
 *
 * <p>Only created behind {@link Simd#ENABLED} and {@link LaneOps#WIDE}: the hidden class links
 * against the lane operations' classes.
 */
final class FusedLoop {

    /**
     * The most vector operations (loads, operators, the store, and a call's
     * {@link VectorizedFunction.Overload#laneOperations}) one loop may hold; a larger pass stays
     * with the block engine.
     * A loop's values compete for the CPU's vector registers, its constants among them for the
     * whole loop, and each math function is a call across which they are all saved and
     * restored. Measured on sums of {@code x * c} terms over 2^20 elements (AVX-512): 34
     * operations ran 5x faster than the block engine and 38 three times slower than 34; with
     * an {@code exp} per term, 38 operations ran 1.4x faster than the block engine and 44
     * slower than it. (Before each input was loaded once per iteration, larger loops also
     * outgrew what C2 inlines into one method, which boxes every vector.)
     */
    static final int MAX_OPERATIONS = 36;

    /**
     * The loops defined so far, by class file and lane functions: expressions that differ only
     * in their constants, such as {@code x * 1.5 + 1} and {@code x * 2.5 + 1}, share one
     * class, so each new one needs neither a class definition nor a JIT compilation. Bounded:
     * the least recently used goes first, and its class is unloaded once no plan uses it.
     */
    private static final int CACHE_CAPACITY = 256;
    private static final Map<Key, FusedLoop> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FusedLoop> eldest) {
            return size() > CACHE_CAPACITY;
        }
    };

    /** The loop classes defined so far, for tests: a cache hit defines none. */
    private static final AtomicLong DEFINED = new AtomicLong();

    /**
     * The system property that makes a loop the writer fails on, or a loop class the JVM
     * refuses, throw an {@link IllegalStateException} instead of leaving the pass to the block
     * engine: the runtime's tests set it, so that no emission bug hides behind the fallback.
     */
    static final String STRICT_PROPERTY = "jvectorize.test.strictLoops";
    private static final boolean STRICT = Boolean.getBoolean(STRICT_PROPERTY);

    /** Checks each class file before it is defined: nothing in production, ASM's CheckClassAdapter in the tests. */
    private static volatile Consumer<byte[]> classCheck = bytes -> { };

    /** In the cache for a class the JVM refused, so that it is not defined again. */
    private static final FusedLoop REFUSED = new FusedLoop(null, 0, false);

    /** A loop's class file and the lane functions it calls, compared by content and identity. */
    private record Key(ByteBuffer classFile, List<MethodHandle> laneFunctions) {}

    private static final String MASK = "jdk/incubator/vector/VectorMask";
    private static final String MASK_TYPE = "L" + MASK + ";";
    private static final MethodType RUN = MethodType.methodType(int.class, Object[].class, Object[].class,
            Object.class, int.class, int.class, int.class);

    /**
     * What a loop computes in: lanes of DoubleVector, FloatVector, LongVector or IntVector.
     * The block engine holds float32 values in {@code double[]} registers, rounded after each
     * operation, and int32 ones in {@code long[]} registers, wrapped after each operation; a
     * float32 or int32 loop holds them in vectors of their own type, which for its operators
     * gives the same values (for math functions: within the same bound of {@link Math}'s), and
     * loads and stores their {@code float[]} or {@code int[]} arrays; a reduction's operand it
     * stores widened, exactly, into the register that the fold reads.
     */
    enum Element {
        FLOAT64(DType.FLOAT64, "LaneOps", "DoubleVector", double[].class, double[].class,
                Map.of(long[].class, new ConvertingLoad("loadLongs", 10),
                        int[].class, new ConvertingLoad("loadInts", 2),
                        float[].class, new ConvertingLoad("loadFloats", 2))),
        FLOAT32(DType.FLOAT32, "FloatLaneOps", "FloatVector", float[].class, double[].class, Map.of()),
        INT64(DType.INT64, "LongLaneOps", "LongVector", long[].class, long[].class,
                Map.of(int[].class, new ConvertingLoad("loadInts", 2))),
        INT32(DType.INT32, "IntLaneOps", "IntVector", int[].class, long[].class, Map.of());

        final DType dtype;
        /** The class of its lane operations, and of its vectors, as internal names. */
        final String laneOps;
        final String vector;
        /** The internal name of its array class. */
        final String array;
        /** The class of the block engine's registers for its values. */
        final Class<?> register;
        /** Whether the block engine holds its values in registers of a wider type. */
        final boolean heldWider;
        /** The arrays of other types it loads converted to its lanes, with the method that does. */
        final Map<Class<?>, ConvertingLoad> convertingLoads;

        Element(DType dtype, String laneOps, String vector, Class<?> arrayClass, Class<?> register,
                Map<Class<?>, ConvertingLoad> convertingLoads) {
            this.dtype = dtype;
            this.laneOps = "io/jvectorize/runtime/" + laneOps;
            this.vector = "jdk/incubator/vector/" + vector;
            this.array = arrayClass(arrayClass);
            this.register = register;
            this.heldWider = arrayClass != register;
            this.convertingLoads = convertingLoads;
        }

        /** The element of a pass whose result goes into an array of this type, or null. */
        static Element of(Class<?> arrayType) {
            return arrayType == double[].class ? FLOAT64 : arrayType == float[].class ? FLOAT32
                    : arrayType == long[].class ? INT64 : arrayType == int[].class ? INT32 : null;
        }

        boolean integer() {
            return this == INT64 || this == INT32;
        }

        /**
         * The element whose comparisons a loop of this one may take as conditions (its mask
         * cast, lane for lane): float64 and int64, which have as many lanes, for
         * {@code where(q > 0, x, 0)} and {@code where(x > 0, q, 0)}; null for the others.
         */
        Element partner() {
            return this == FLOAT64 ? INT64 : this == INT64 ? FLOAT64 : null;
        }

        /** The internal name of an array class the loop loads: its element's or {@code boolean[]}. */
        static String arrayClass(Class<?> arrayType) {
            if (arrayType == double[].class) {
                return "[D";
            }
            if (arrayType == boolean[].class) {
                return "[Z";
            }
            if (arrayType == float[].class) {
                return "[F";
            }
            if (arrayType == long[].class) {
                return "[J";
            }
            if (arrayType == int[].class) {
                return "[I";
            }
            throw new IllegalArgumentException("no loop holds a " + arrayType.getSimpleName());
        }

        int lanes() {
            switch (this) {
                case FLOAT64: return LaneOps.LANES;
                case FLOAT32: return FloatLaneOps.LANES;
                case INT64: return LongLaneOps.LANES;
                default: return IntLaneOps.LANES;
            }
        }

        String vectorType() {
            return "L" + vector + ";";
        }

        /** The descriptor of the lane operation that applies {@code op}. */
        String descriptor(Operator op, int operands) {
            String v = vectorType();
            return op == Operator.WHERE ? "(" + MASK_TYPE + v + v + ")" + v
                    : op.rule() == Operator.Rule.COMPARE ? "(" + v + v + ")" + MASK_TYPE
                    : operands == 1 ? "(" + v + ")" + v : "(" + v + v + ")" + v;
        }
    }

    /**
     * A lane operation that loads an array of another type converted to a loop's lanes, and
     * the vector operations it costs (int64 to float64 is built of nine, see LaneOps.loadLongs).
     */
    record ConvertingLoad(String method, int operations) {}

    /** The {@link LaneOps} method of each operator a fused loop can apply. */
    private static final Map<Operator, String> LANE_METHODS = new EnumMap<>(Operator.class);
    /** The operators that integer loops apply: those whose integer result stays an integer. */
    private static final Set<Operator> INTEGER_OPERATORS = EnumSet.of(Operator.NEG, Operator.ABS, Operator.ADD,
            Operator.SUB, Operator.MUL, Operator.MINIMUM, Operator.MAXIMUM, Operator.POW, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE, Operator.EQ, Operator.NE, Operator.WHERE);

    static {
        for (Operator op : List.of(Operator.NEG, Operator.ABS, Operator.SQRT, Operator.ADD, Operator.SUB,
                Operator.MUL, Operator.DIV)) {
            LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
        }
        LANE_METHODS.put(Operator.MINIMUM, "min");
        LANE_METHODS.put(Operator.MAXIMUM, "max");
        for (Operator op : Step.Op.VECTOR_MATH) {
            if (op != Operator.POW) { // squares only: see laneMethod
                LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
            }
        }
        for (Operator op : List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.EQ, Operator.NE,
                Operator.WHERE)) {
            LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
        }
    }

    private final MethodHandle run;
    private final int lanes;
    /** Whether it applies a math function, and so may run only where the options allow vector math. */
    final boolean usesVectorMath;

    private FusedLoop(MethodHandle run, int lanes, boolean usesVectorMath) {
        this.run = run;
        this.lanes = lanes;
        this.usesVectorMath = usesVectorMath;
    }

    /** Elements per vector: the loop computes whole vectors only. */
    int lanes() {
        return lanes;
    }

    /**
     * Computes elements {@code from} (inclusive) up to at most {@code to} (exclusive), whole
     * vectors only, and returns the first element not computed.
     *
     * @param inputs the bound arrays, as the program numbers them
     * @param constants the program's constants, a one-element array each, as the block engine
     *     holds them: float64 and float32 ones in {@code double[]}, int64 and int32 ones in
     *     {@code long[]}, bools in {@code boolean[]}
     * @param out where element {@code i} goes, at {@code i + shift}: the result array (shift 0),
     *     or a block's register (shift: minus the block's start), of the loop's element
     */
    int run(Object[] inputs, Object[] constants, Object out, int from, int to, int shift) {
        try {
            return (int) run.invokeExact(inputs, constants, out, from, to, shift);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("fused loop failed", e); // it declares no checked exception
        }
    }

    /**
     * The loop for these steps, which writes the last step's value into {@code out}; or null if
     * the Vector API does not pay here ({@link LaneOps#WIDE}), a step has no lane operation, a value is
     * neither of the result's element (see {@link Element}; a reduction's operand is in a
     * register) nor a bool (a mask) in a {@code boolean[]}, the result is a bool (JDK 17
     * allocates for every mask it stores into a {@code boolean[]}), the loop would be too large
     * for the JIT, or the JVM refuses the class (the block engine computes the same values, so
     * nothing is lost but speed).
     */
    static FusedLoop compile(List<Step> steps, List<Program.Constant> constants, List<Program.Register> registers) {
        if (!LaneOps.WIDE) {
            return null;
        }
        Element element = steps.isEmpty() ? null : element(steps.get(steps.size() - 1));
        if (element == null) {
            return null;
        }
        boolean usesVectorMath = false;
        for (Step step : steps) {
            if (!fusable(step, constants, registers, element)) {
                return null;
            }
            usesVectorMath |= step instanceof Step.Op op && Step.Op.VECTOR_MATH.contains(op.op()) && !op.isSquare();
        }
        // A widened store is two conversions and two stores: three more than operations counts.
        boolean widened = element.heldWider && out(steps.get(steps.size() - 1)).arrayType == element.register;
        if (operations(steps, element) + (widened ? 3 : 0) > MAX_OPERATIONS) {
            return null;
        }
        Writer writer = new Writer(steps, constants, registers, element);
        byte[] bytes;
        try {
            bytes = writer.write();
            if (bytes != null) {
                classCheck.accept(bytes);
            }
        } catch (RuntimeException e) {
            // A bug in the writer: the block engine runs the pass, but not in the tests.
            if (STRICT) {
                throw new IllegalStateException("the loop writer failed on " + steps.size() + " steps", e);
            }
            return null;
        }
        if (bytes == null) {
            return null;
        }
        Key key = new Key(ByteBuffer.wrap(bytes), List.copyOf(writer.laneFunctions));
        synchronized (CACHE) {
            FusedLoop loop = CACHE.get(key);
            if (loop != null) {
                return loop == REFUSED ? null : loop;
            }
        }
        FusedLoop loop;
        try {
            MethodHandles.Lookup defined = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                    key.laneFunctions(), true);
            loop = new FusedLoop(defined.findStatic(defined.lookupClass(), "run", RUN), element.lanes(),
                    usesVectorMath);
            DEFINED.incrementAndGet();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A bug in the writer: the block engine runs the pass, but not in the tests.
            if (STRICT) {
                throw new IllegalStateException("the JVM refused a generated loop class", e);
            }
            loop = REFUSED;
        }
        synchronized (CACHE) {
            FusedLoop raced = CACHE.putIfAbsent(key, loop);
            FusedLoop cached = raced != null ? raced : loop;
            return cached == REFUSED ? null : cached;
        }
    }

    /**
     * The element a loop ending with this step computes in: its result array's, or for a
     * float32 or int32 value in a register (a reduction's operand, which its fold reads), that
     * type, stored widened. Null for other values.
     */
    private static Element element(Step last) {
        Slot result = out(last);
        if (result == null) {
            return null;
        }
        DType type = last instanceof Step.Op op ? op.node().dtype()
                : last instanceof Step.Convert convert ? convert.to() : DType.FLOAT64;
        for (Element heldWider : List.of(Element.FLOAT32, Element.INT32)) {
            if (result.where == Slot.Where.REGISTER && result.arrayType == heldWider.register
                    && type == heldWider.dtype) {
                return heldWider;
            }
        }
        return Element.of(result.arrayType);
    }

    /**
     * The names of the lane operations a loop of this element may call: its class must have
     * a static method of each (a test checks), or the loop would fail to link when it runs.
     */
    static Set<String> laneMethodNames(Element element) {
        Set<String> names = new TreeSet<>(List.of("load", "store", "loadMask", "broadcast", "maskOf", "square"));
        element.convertingLoads.values().forEach(load -> names.add(load.method()));
        if (element.heldWider) {
            names.add("storeWidened");
        }
        if (element.partner() != null) {
            names.add("castMask");
        }
        LANE_METHODS.forEach((op, name) -> {
            if (!element.integer() || INTEGER_OPERATORS.contains(op)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Has {@code check} see every loop class file before it is defined; it throws to refuse one. */
    static void checkClassFilesWith(Consumer<byte[]> check) {
        classCheck = Objects.requireNonNull(check, "check");
    }

    /** The number of loop classes defined so far. */
    static long definedLoops() {
        return DEFINED.get();
    }

    /** The vector operations of a loop over these steps, as {@link #MAX_OPERATIONS} counts them. */
    static long operations(List<Step> steps, Element element) {
        long operations = 1; // the store; long, as a hand-built overload may give any count
        List<Integer> loaded = new ArrayList<>();
        for (Step step : steps) {
            operations += step instanceof Step.CallKernel call ? call.overload().laneOperations()
                    : step instanceof Step.Op ? 1 : 0;
            for (Slot slot : Writer.reads(step)) {
                if (slot.where == Slot.Where.INPUT && !loaded.contains(slot.index)) {
                    loaded.add(slot.index);
                    operations += step instanceof Step.Convert convert && isConvertingLoad(convert, element)
                            ? element.convertingLoads.get(slot.arrayType).operations() : 1;
                }
            }
        }
        return operations;
    }

    private static boolean fusable(Step step, List<Program.Constant> constants, List<Program.Register> registers,
            Element element) {
        if (step instanceof Step.Op op) {
            return laneMethod(op, constants, registers, element) != null
                    || isPartnerComparison(op, constants, registers, element);
        }
        if (step instanceof Step.Convert convert) {
            Class<?> from = convert.in().arrayType;
            Class<?> to = convert.out().arrayType;
            if (element.heldWider) {
                return isNarrowLoadOrStore(convert, element);
            }
            boolean copy = from == element.register && to == element.register && convert.to() == element.dtype;
            return copy || from == boolean[].class && to == boolean[].class
                    || isConvertingLoad(convert, element);
        }
        if (step instanceof Step.CallKernel call) {
            // A lane function exists only for float64 signatures, whose arrays are double[].
            return element == Element.FLOAT64 && call.overload().lanes() != null
                    && call.out().arrayType == double[].class
                    && Arrays.stream(call.in).allMatch(slot -> slot.arrayType == double[].class);
        }
        return false;
    }

    /**
     * Whether a float32 (or int32) conversion only moves values between a bound
     * {@code float[]} ({@code int[]}) and a register, or between a register and the result of
     * that type: in a loop of that element, where every value is such a lane, it changes nothing.
     */
    private static boolean isNarrowLoadOrStore(Step.Convert convert, Element element) {
        Slot in = convert.in();
        Slot out = convert.out();
        String array = element.array;
        return convert.to() == element.dtype
                && (in.where == Slot.Where.INPUT && Element.arrayClass(in.arrayType).equals(array)
                        && out.arrayType == element.register && out.where == Slot.Where.REGISTER
                    || in.where == Slot.Where.REGISTER && in.arrayType == element.register
                        && out.where == Slot.Where.RESULT && Element.arrayClass(out.arrayType).equals(array));
    }

    /**
     * Whether a conversion reads a bound array of another type into a register of the loop's
     * element (int64, int32 or float32 values into float64 ones, int32 into int64): the loop
     * loads it converted ({@link Element#convertingLoads}), as exactly as the block engine
     * converts it.
     */
    private static boolean isConvertingLoad(Step.Convert convert, Element element) {
        return convert.in().where == Slot.Where.INPUT && convert.to() == element.dtype
                && convert.out().arrayType == element.register
                && element.convertingLoads.containsKey(convert.in().arrayType);
    }

    /**
     * Whether {@code op} compares values of the element's partner read straight from bound
     * arrays or constants (no partner arithmetic runs in the loop): the loop loads them as
     * partner vectors, compares them with the partner's lane operation and casts the mask.
     */
    private static boolean isPartnerComparison(Step.Op op, List<Program.Constant> constants,
            List<Program.Register> registers, Element element) {
        Element partner = element.partner();
        if (partner == null || partner.lanes() != element.lanes() || op.op().rule() != Operator.Rule.COMPARE
                || op.out().arrayType != boolean[].class) {
            return false;
        }
        Slot[] operands = op.operands();
        for (int k = 0; k < operands.length; k++) {
            Slot slot = operands[k];
            if (slot.arrayType != partner.register || op.node().operandType(k) != partner.dtype) {
                return false;
            }
            int constant = constantOf(slot, registers);
            boolean fromArray = slot.where == Slot.Where.INPUT;
            if (!fromArray && (constant < 0 || constants.get(constant).arrayType() != partner.register
                    || constants.get(constant).type() != partner.dtype)) {
                return false;
            }
        }
        return true;
    }

    /** The constant a slot holds (a number, or a register of copies of one), or -1. */
    private static int constantOf(Slot slot, List<Program.Register> registers) {
        if (slot.where == Slot.Where.SCALAR) {
            return slot.index;
        }
        return slot.where == Slot.Where.REGISTER ? registers.get(slot.index).constant() : -1;
    }

    /** Where a step writes its value; null for a fold. */
    static Slot out(Step step) {
        return step instanceof Step.Op op ? op.out() : step instanceof Step.Convert convert ? convert.out()
                : step instanceof Step.CallKernel call ? call.out() : null;
    }

    /**
     * The lane operations' method that applies {@code op}, or null if it has none or a value is
     * not of the element (but a comparison's result and the condition of {@code where}: bools,
     * which the loop holds as masks).
     */
    private static String laneMethod(Step.Op op, List<Program.Constant> constants, List<Program.Register> registers,
            Element element) {
        // Values are in the block engine's registers: float32 ones in double[], int32 in long[].
        boolean comparison = op.op().rule() == Operator.Rule.COMPARE;
        if (op.node().dtype() != (comparison ? DType.BOOLEAN : element.dtype)
                || op.out().arrayType != (comparison ? boolean[].class : element.register)
                || element.integer() && !INTEGER_OPERATORS.contains(op.op())) {
            return null;
        }
        Slot[] operands = op.operands();
        for (int k = 0; k < operands.length; k++) {
            Slot slot = operands[k];
            boolean condition = op.op() == Operator.WHERE && k == 0;
            if (slot.arrayType != (condition ? boolean[].class : element.register)
                    || op.node().operandType(k) != (condition ? DType.BOOLEAN : element.dtype)) {
                return null;
            }
            if (!condition && slot.where == Slot.Where.SCALAR
                    && (constants.get(slot.index).arrayType() != element.register
                        || constants.get(slot.index).type() != element.dtype)) {
                return null;
            }
            if (!condition && slot.where == Slot.Where.INPUT && element.heldWider) {
                return null; // a float32 or int32 loop loads its arrays only through their conversion
            }
        }
        if (op.op() == Operator.POW) {
            // The block engine squares for an exponent of 2 (integers: by squaring, the same
            // product) and calls pow otherwise, which a loop leaves to it: VectorMath.pow inlined
            // into a loop outgrows what C2 inlines into one method, which boxes every vector.
            // The exponent is a number, or (for integers, which have no kernel with a number) a
            // register of its copies.
            Slot exponent = operands[1];
            int constant = exponent.where == Slot.Where.REGISTER && !element.integer() ? -1
                    : constantOf(exponent, registers);
            return constant >= 0 && constants.get(constant).expr() instanceof Literal l && l.doubleValue() == 2.0
                    ? "square" : null;
        }
        return LANE_METHODS.get(op.op());
    }

    /** Writes the class of one loop; see the class comment for what its method reads as. */
    private static final class Writer {
        private static final int INPUTS = 0;
        private static final int CONSTANTS = 1;
        private static final int OUT = 2;
        private static final int FROM = 3;
        private static final int TO = 4;
        private static final int SHIFT = 5;
        private static final int INDEX = 6;
        private static final int LAST = 7;
        /** Where the loop stores: {@code i + shift}, an induction variable of its own. */
        private static final int STORE = 8;

        private final List<Step> steps;
        private final List<Program.Constant> constants;
        private final List<Program.Register> registers;
        private final Element element;
        private final Assembler out = new Assembler("io/jvectorize/runtime/FusedLoop$Generated");
        /** The local holding each input array, and each constant broadcast, by number. */
        private final Map<Integer, Integer> inputLocals = new LinkedHashMap<>();
        private final Map<Integer, Integer> constantLocals = new LinkedHashMap<>();
        /** The class of each input array the loop reads: the element's, or {@code [Z}. */
        private final Map<Integer, String> inputClasses = new LinkedHashMap<>();
        /** The local holding each input's vector in the loop body, loaded at its first use. */
        private final Map<Integer, Integer> loadedLocals = new LinkedHashMap<>();
        /** The inputs loaded so far while writing the body, which loads each once. */
        private final Set<Integer> loadedInputs = new HashSet<>();
        /** The same for the partner's vectors that partner comparisons read (see isPartnerComparison). */
        private final Map<Integer, Integer> partnerConstantLocals = new LinkedHashMap<>();
        private final Map<Integer, Integer> partnerLoadedLocals = new LinkedHashMap<>();
        private final Set<Integer> partnerLoadedInputs = new HashSet<>();
        /** The class data: the lane functions the loop calls, by number. */
        final List<MethodHandle> laneFunctions = new ArrayList<>();
        /** The internal name of the array the loop stores into: the element's, or its register's when widened. */
        private final String outArray;
        /** The local of the result slot's vector. */
        private int resultLocal;
        private int registerBase;

        Writer(List<Step> steps, List<Program.Constant> constants, List<Program.Register> registers, Element element) {
            this.steps = steps;
            this.constants = constants;
            this.registers = registers;
            this.element = element;
            this.outArray = Element.arrayClass(out(steps.get(steps.size() - 1)).arrayType);
        }

        /** The class file, or null where it needs more locals than one-byte instructions reach. */
        byte[] write() {
            assignLocals();
            if (registerBase + registers.size() > 255) {
                return null; // beyond the locals that one-byte instructions reach
            }
            hoist();
            Label head = new Label();
            Label exit = new Label();
            // last = to - LANES; i = from; store = from + shift. The store index is a variable of
            // its own: stores at i + shift made a loop with exp half as fast on JDK 25 (9.5
            // against 5.3 ms over 10^7 elements).
            out.iload(TO);
            out.push(element.lanes());
            out.isub();
            out.istore(LAST);
            out.iload(FROM);
            out.istore(INDEX);
            out.iload(FROM);
            out.iload(SHIFT);
            out.iadd();
            out.istore(STORE);
            out.place(head);
            out.iload(INDEX);
            out.iload(LAST);
            out.ifIcmpgt(exit);
            for (Step step : steps) {
                if (step instanceof Step.Op op && laneMethod(op, constants, registers, element) == null) {
                    // A partner comparison: compared as partner vectors, its mask cast to the element's.
                    Element partner = element.partner();
                    for (Slot operand : op.operands()) {
                        pushPartnerVector(operand, partner);
                    }
                    out.invokestatic(partner.laneOps, LANE_METHODS.get(op.op()), partner.descriptor(op.op(), 2), 2, 1);
                    out.invokestatic(element.laneOps, "castMask", "(" + MASK_TYPE + ")" + MASK_TYPE, 1, 1);
                } else if (step instanceof Step.Op op) {
                    Slot[] operands = reads(op);
                    for (Slot operand : operands) {
                        pushVector(operand);
                    }
                    out.invokestatic(element.laneOps, laneMethod(op, constants, registers, element),
                            element.descriptor(op.op(), operands.length), operands.length, 1);
                } else if (step instanceof Step.Convert copy) {
                    pushVector(copy.in());
                } else {
                    call((Step.CallKernel) step);
                }
                out.astore(local(out(step)));
            }
            out.aload(local(out(steps.get(steps.size() - 1))));
            out.aload(OUT);
            out.iload(STORE);
            out.invokestatic(element.laneOps, outArray.equals(element.array) ? "store" : "storeWidened",
                    "(" + element.vectorType() + outArray + "I)V", 3, 0);
            out.iinc(INDEX, element.lanes());
            out.iinc(STORE, element.lanes());
            out.goTo(head);
            out.place(exit);
            out.iload(INDEX);
            out.ireturn();
            return out.toBytes("run", RUN.toMethodDescriptorString());
        }

        /** {@code lanes.invokeExact(arguments...)}, the function's handle a constant of the class. */
        private void call(Step.CallKernel call) {
            laneFunctions.add(call.overload().lanes());
            out.ldcClassData(laneFunctions.size() - 1, "java/lang/invoke/MethodHandle");
            for (Slot argument : call.in) {
                pushVector(argument);
            }
            out.invokevirtual("java/lang/invoke/MethodHandle", "invokeExact",
                    LaneOps.functionType(call.in.length).toMethodDescriptorString(), call.in.length, 1);
        }

        /** The slots a step's lane code reads: a square, {@code x ** 2}, reads its base only. */
        static Slot[] reads(Step step) {
            if (step instanceof Step.Op op) {
                return op.isSquare() ? new Slot[] {op.operands()[0]} : op.operands();
            }
            return step instanceof Step.Convert convert ? new Slot[] {convert.in()} : ((Step.CallKernel) step).in;
        }

        /**
         * Numbers the locals: the inputs and constants the steps read (live at the loop's head),
         * then the result, the input vectors and the registers (set in the body before use).
         */
        private void assignLocals() {
            int next = STORE + 1;
            Set<Integer> partnerInputs = new HashSet<>();
            for (Step step : steps) {
                boolean partnerComparison = step instanceof Step.Op op
                        && laneMethod(op, constants, registers, element) == null;
                for (Slot slot : reads(step)) {
                    if (slot.where == Slot.Where.INPUT && !inputLocals.containsKey(slot.index)) {
                        inputLocals.put(slot.index, next++);
                        inputClasses.put(slot.index, Element.arrayClass(slot.arrayType));
                    }
                    if (slot.where == Slot.Where.INPUT && partnerComparison) {
                        partnerInputs.add(slot.index);
                    }
                    int constant = constantOf(slot, registers);
                    Map<Integer, Integer> locals = partnerComparison ? partnerConstantLocals : constantLocals;
                    if (constant >= 0 && !locals.containsKey(constant)) {
                        locals.put(constant, next++);
                    }
                }
            }
            resultLocal = next++;
            for (int input : inputLocals.keySet()) {
                loadedLocals.put(input, next++);
            }
            for (int input : partnerInputs) {
                partnerLoadedLocals.put(input, next++);
            }
            registerBase = next;
        }

        /**
         * Before the loop: {@code out} cast to the element's array, each input array into its
         * local, each constant broadcast into a vector.
         */
        private void hoist() {
            out.aload(OUT);
            out.checkcast(outArray);
            out.astore(OUT);
            inputLocals.forEach((input, local) -> {
                out.aload(INPUTS);
                out.push(input);
                out.aaload();
                out.checkcast(inputClasses.get(input));
                out.astore(local);
            });
            constantLocals.forEach((constant, local) -> {
                out.aload(CONSTANTS);
                out.push(constant);
                if (isBoolean(constant)) {
                    out.invokestatic(element.laneOps, "maskOf", "([Ljava/lang/Object;I)" + MASK_TYPE, 2, 1);
                } else {
                    out.invokestatic(element.laneOps, "broadcast", "([Ljava/lang/Object;I)" + element.vectorType(), 2, 1);
                }
                out.astore(local);
            });
            partnerConstantLocals.forEach((constant, local) -> {
                Element partner = element.partner();
                out.aload(CONSTANTS);
                out.push(constant);
                out.invokestatic(partner.laneOps, "broadcast", "([Ljava/lang/Object;I)" + partner.vectorType(), 2, 1);
                out.astore(local);
            });
        }

        /** Whether constant number {@code k} is a bool, which the loop holds as a mask. */
        private boolean isBoolean(int k) {
            return constants.get(k).arrayType() == boolean[].class;
        }

        private void pushVector(Slot slot) {
            int constant = constantOf(slot, registers);
            if (constant >= 0) {
                out.aload(constantLocals.get(constant));
            } else if (slot.where == Slot.Where.INPUT) {
                int loaded = loadedLocals.get(slot.index);
                if (!loadedInputs.contains(slot.index)) {
                    // Straight-line body: the first use comes before every other in each iteration.
                    loadedInputs.add(slot.index);
                    out.aload(inputLocals.get(slot.index));
                    out.iload(INDEX);
                    String array = Element.arrayClass(slot.arrayType);
                    if (slot.arrayType == boolean[].class) {
                        out.invokestatic(element.laneOps, "loadMask", "([ZI)" + MASK_TYPE, 2, 1);
                    } else {
                        String load = array.equals(element.array) ? "load"
                                : element.convertingLoads.get(slot.arrayType).method();
                        out.invokestatic(element.laneOps, load,
                                "(" + array + "I)" + element.vectorType(), 2, 1);
                    }
                    out.astore(loaded);
                }
                out.aload(loaded);
            } else {
                out.aload(local(slot));
            }
        }

        /** A partner comparison's operand: a constant broadcast, or a bound array's vector, of the partner. */
        private void pushPartnerVector(Slot slot, Element partner) {
            int constant = constantOf(slot, registers);
            if (constant >= 0) {
                out.aload(partnerConstantLocals.get(constant));
                return;
            }
            int loaded = partnerLoadedLocals.get(slot.index);
            if (partnerLoadedInputs.add(slot.index)) {
                out.aload(inputLocals.get(slot.index));
                out.iload(INDEX);
                out.invokestatic(partner.laneOps, "load", "(" + partner.array + "I)" + partner.vectorType(), 2, 1);
                out.astore(loaded);
            }
            out.aload(loaded);
        }

        /** The local that holds a register's or the result's vector in the loop body. */
        private int local(Slot slot) {
            return slot.where == Slot.Where.RESULT ? resultLocal : registerBase + slot.index;
        }
    }

    /**
     * The instructions the loop writer uses, written with ASM, which computes the stack map
     * frames and the stack size. In strict test mode ({@value #STRICT_PROPERTY}) a class that
     * cannot be written or defined throws instead of falling back.
     */
    private static final class Assembler {
        private final ClassWriter classWriter = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // The loop's locals keep one type each; any merge is a writer bug.
                throw new IllegalStateException("locals of types " + type1 + " and " + type2 + " merge");
            }
        };
        private final MethodVisitor code;

        Assembler(String name) {
            classWriter.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
            code = classWriter.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", RUN.toMethodDescriptorString(),
                    null, null);
            code.visitCode();
        }

        void aload(int local) {
            code.visitVarInsn(Opcodes.ALOAD, local);
        }

        void astore(int local) {
            code.visitVarInsn(Opcodes.ASTORE, local);
        }

        void iload(int local) {
            code.visitVarInsn(Opcodes.ILOAD, local);
        }

        void istore(int local) {
            code.visitVarInsn(Opcodes.ISTORE, local);
        }

        void push(int value) {
            code.visitLdcInsn(value);
        }

        void aaload() {
            code.visitInsn(Opcodes.AALOAD);
        }

        void checkcast(String internalName) {
            code.visitTypeInsn(Opcodes.CHECKCAST, internalName);
        }

        void iadd() {
            code.visitInsn(Opcodes.IADD);
        }

        void isub() {
            code.visitInsn(Opcodes.ISUB);
        }

        void ireturn() {
            code.visitInsn(Opcodes.IRETURN);
        }

        void iinc(int local, int delta) {
            code.visitIincInsn(local, delta);
        }

        void invokestatic(String owner, String method, String descriptor, int arguments, int results) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, descriptor, false);
        }

        void invokevirtual(String owner, String method, String descriptor, int arguments, int results) {
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, method, descriptor, false);
        }

        /** Pushes element {@code index} of the class data, a constant C2 folds like a literal. */
        void ldcClassData(int index, String type) {
            code.visitLdcInsn(new ConstantDynamic("_", "L" + type + ";", new Handle(Opcodes.H_INVOKESTATIC,
                    "java/lang/invoke/MethodHandles", "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;"
                            + "Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false), index));
        }

        void ifIcmpgt(Label target) {
            code.visitJumpInsn(Opcodes.IF_ICMPGT, target);
        }

        void goTo(Label target) {
            code.visitJumpInsn(Opcodes.GOTO, target);
        }

        void place(Label label) {
            code.visitLabel(label);
        }

        byte[] toBytes(String method, String descriptor) {
            code.visitMaxs(0, 0);
            code.visitEnd();
            classWriter.visitEnd();
            return classWriter.toByteArray();
        }
    }
}
