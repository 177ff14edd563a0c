package io.jvectorize.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A float64 elementwise pass compiled to one loop of its own: a hidden class whose method loads
 * a vector of each input, applies every step to it in registers and stores the result, as
 * the processor's generated SIMD kernels do. The block engine makes one pass over a block per
 * operator; this makes one pass over memory in all, with no block temporaries.
 *
 * <p>Built for a {@link Program} whose steps all work on float64 values in {@code double[]}
 * arrays: operators with a Vector API counterpart ({@link LaneOps}), comparisons and
 * {@code where} (whose conditions the loop holds as masks), copies, and calls of
 * @Vectorize functions that have a lane function (the processor generates one for every
 * float64 method it translates to SIMD), which the loop calls through a constant method
 * handle, so that C2 inlines it. {@link #compile} returns null for anything else, and the
 * block engine runs it. The loop covers whole vectors; the caller runs the few elements
 * after them through the block engine.
 *
 * <p>The generated method, for {@code exp(x - mu)}, reads as:
 * <pre>{@code
 * static int run(Object[] inputs, double[][] constants, double[] out, int from, int to, int shift) {
 *     double[] x = (double[]) inputs[0];
 *     DoubleVector c0 = LaneOps.broadcast(constants, 0);
 *     int i = from;
 *     for (int last = to - LaneOps.LANES; i <= last; i += LaneOps.LANES) {
 *         DoubleVector xi = LaneOps.load(x, i); // once, however often the steps read x
 *         DoubleVector t0 = LaneOps.sub(xi, c0);
 *         DoubleVector result = LaneOps.exp(t0);
 *         LaneOps.store(result, out, i + shift);
 *     }
 *     return i; // the first element not computed
 * }
 * }</pre>
 *
 * <p>Only created behind {@link Simd#ENABLED}: the hidden class links against {@link LaneOps}.
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

    /** A loop's class file and the lane functions it calls, compared by content and identity. */
    private record Key(ByteBuffer classFile, List<MethodHandle> laneFunctions) {}

    private static final String LANE_OPS = "io/jvectorize/runtime/LaneOps";
    private static final String VECTOR = "jdk/incubator/vector/DoubleVector";
    private static final String VECTOR_TYPE = "L" + VECTOR + ";";
    private static final String MASK = "jdk/incubator/vector/VectorMask";
    private static final String MASK_TYPE = "L" + MASK + ";";
    private static final String UNARY = "(" + VECTOR_TYPE + ")" + VECTOR_TYPE;
    private static final String BINARY = "(" + VECTOR_TYPE + VECTOR_TYPE + ")" + VECTOR_TYPE;
    private static final String COMPARISON = "(" + VECTOR_TYPE + VECTOR_TYPE + ")" + MASK_TYPE;
    private static final String SELECTION = "(" + MASK_TYPE + VECTOR_TYPE + VECTOR_TYPE + ")" + VECTOR_TYPE;
    private static final MethodType RUN = MethodType.methodType(int.class, Object[].class, double[][].class,
            double[].class, int.class, int.class, int.class);

    /** The {@link LaneOps} method of each operator a fused loop can apply. */
    private static final Map<Operator, String> LANE_METHODS = new EnumMap<>(Operator.class);

    static {
        for (Operator op : List.of(Operator.NEG, Operator.ABS, Operator.SQRT, Operator.ADD, Operator.SUB,
                Operator.MUL, Operator.DIV)) {
            LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
        }
        LANE_METHODS.put(Operator.MINIMUM, "min");
        LANE_METHODS.put(Operator.MAXIMUM, "max");
        for (Operator op : Step.Op.VECTOR_MATH) {
            LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
        }
        for (Operator op : List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.EQ, Operator.NE,
                Operator.WHERE)) {
            LANE_METHODS.put(op, op.name().toLowerCase(Locale.ROOT));
        }
    }

    private final MethodHandle run;
    /** Whether it applies a math function, and so may run only where the options allow vector math. */
    final boolean usesVectorMath;

    private FusedLoop(MethodHandle run, boolean usesVectorMath) {
        this.run = run;
        this.usesVectorMath = usesVectorMath;
    }

    /** Elements per vector: the loop computes whole vectors only. */
    int lanes() {
        return LaneOps.LANES;
    }

    /**
     * Computes elements {@code from} (inclusive) up to at most {@code to} (exclusive), whole
     * vectors only, and returns the first element not computed.
     *
     * @param inputs the bound arrays, as the program numbers them (the loop reads only
     *     {@code double[]} and {@code boolean[]} ones)
     * @param constants the program's constants, a one-element array each: float64 ones, bools as 1 or 0,
     *     null for other types
     * @param out where element {@code i} goes, at {@code i + shift}: the result array (shift 0),
     *     or a block's register (shift: minus the block's start)
     */
    int run(Object[] inputs, double[][] constants, double[] out, int from, int to, int shift) {
        try {
            return (int) run.invokeExact(inputs, constants, out, from, to, shift);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("fused loop failed", e); // it declares no checked exception
        }
    }

    /**
     * The loop for these steps, which writes the last step's float64 value into {@code out}; or
     * null if a step has no lane operation, a value is neither float64 in a {@code double[]} nor
     * a bool (a mask) in a {@code boolean[]}, the result is a bool (JDK 17 allocates for every
     * mask it stores into a {@code boolean[]}), the loop would be too large for the JIT, or the
     * JVM refuses the class (the block engine computes the same values, so nothing is lost but
     * speed).
     */
    static FusedLoop compile(List<Step> steps, List<Program.Constant> constants, List<Program.Register> registers) {
        boolean usesVectorMath = false;
        for (Step step : steps) {
            if (!fusable(step, constants)) {
                return null;
            }
            usesVectorMath |= step instanceof Step.Op op && Step.Op.VECTOR_MATH.contains(op.op());
        }
        if (steps.isEmpty() || out(steps.get(steps.size() - 1)).arrayType != double[].class
                || operations(steps) > MAX_OPERATIONS) {
            return null;
        }
        Writer writer = new Writer(steps, constants, registers);
        byte[] bytes = writer.write();
        if (bytes == null) {
            return null;
        }
        Key key = new Key(ByteBuffer.wrap(bytes), List.copyOf(writer.laneFunctions));
        synchronized (CACHE) {
            FusedLoop loop = CACHE.get(key);
            if (loop != null) {
                return loop;
            }
        }
        FusedLoop loop;
        try {
            MethodHandles.Lookup defined = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                    key.laneFunctions(), true);
            loop = new FusedLoop(defined.findStatic(defined.lookupClass(), "run", RUN), usesVectorMath);
            DEFINED.incrementAndGet();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
        synchronized (CACHE) {
            FusedLoop raced = CACHE.putIfAbsent(key, loop);
            return raced != null ? raced : loop;
        }
    }

    /** The number of loop classes defined so far. */
    static long definedLoops() {
        return DEFINED.get();
    }

    /** The vector operations of a loop over these steps, as {@link #MAX_OPERATIONS} counts them. */
    static int operations(List<Step> steps) {
        int operations = 1; // the store
        List<Integer> loaded = new ArrayList<>();
        for (Step step : steps) {
            operations += step instanceof Step.CallKernel call ? call.overload().laneOperations()
                    : step instanceof Step.Op ? 1 : 0;
            for (Slot slot : Writer.reads(step)) {
                if (slot.where == Slot.Where.INPUT && !loaded.contains(slot.index)) {
                    loaded.add(slot.index);
                    operations++;
                }
            }
        }
        return operations;
    }

    private static boolean fusable(Step step, List<Program.Constant> constants) {
        if (step instanceof Step.Op op) {
            return laneMethod(op, constants) != null;
        }
        if (step instanceof Step.Convert convert) {
            return convert.isCopy() && (convert.in().arrayType == double[].class
                    || convert.in().arrayType == boolean[].class);
        }
        if (step instanceof Step.CallKernel call) {
            // A lane function exists only for float64 signatures, whose arrays are double[].
            return call.overload().lanes() != null && call.out().arrayType == double[].class
                    && Arrays.stream(call.in).allMatch(slot -> slot.arrayType == double[].class);
        }
        return false;
    }

    /** Where a step writes its value; null for a fold. */
    static Slot out(Step step) {
        return step instanceof Step.Op op ? op.out() : step instanceof Step.Convert convert ? convert.out()
                : step instanceof Step.CallKernel call ? call.out() : null;
    }

    /**
     * The {@link LaneOps} method that applies {@code op}, or null if it has none or a value is
     * not float64 (but a comparison's result and the condition of {@code where}: bools, which
     * the loop holds as masks).
     */
    private static String laneMethod(Step.Op op, List<Program.Constant> constants) {
        boolean comparison = op.op().rule() == Operator.Rule.COMPARE;
        if (op.node().dtype() != (comparison ? DType.BOOLEAN : DType.FLOAT64)
                || op.out().arrayType != (comparison ? boolean[].class : double[].class)) {
            return null;
        }
        Slot[] operands = op.operands();
        for (int k = 0; k < operands.length; k++) {
            Slot slot = operands[k];
            boolean condition = op.op() == Operator.WHERE && k == 0;
            if (slot.arrayType != (condition ? boolean[].class : double[].class)
                    || op.node().operandType(k) != (condition ? DType.BOOLEAN : DType.FLOAT64)) {
                return null;
            }
            if (slot.where == Slot.Where.SCALAR && !condition && constants.get(slot.index).arrayType() != double[].class) {
                return null;
            }
        }
        if (op.op() == Operator.POW) {
            // The block engine squares for an exponent of 2 and calls Math.pow otherwise.
            Slot exponent = operands[1];
            return exponent.where == Slot.Where.SCALAR && constants.get(exponent.index).expr() instanceof Literal l
                    && l.doubleValue() == 2.0 ? "square" : null;
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

        private final List<Step> steps;
        private final List<Program.Constant> constants;
        private final List<Program.Register> registers;
        private final ClassFileWriter out = new ClassFileWriter("io/jvectorize/runtime/FusedLoop$Generated");
        /** The local holding each input array, and each constant broadcast, by number. */
        private final Map<Integer, Integer> inputLocals = new LinkedHashMap<>();
        private final Map<Integer, Integer> constantLocals = new LinkedHashMap<>();
        /** The class of each input array the loop reads: {@code [D} or {@code [Z}. */
        private final Map<Integer, String> inputClasses = new LinkedHashMap<>();
        /** The local holding each input's vector in the loop body, loaded at its first use. */
        private final Map<Integer, Integer> loadedLocals = new LinkedHashMap<>();
        private final List<Integer> loadedThisIteration = new ArrayList<>();
        /** The locals live at the loop's head, as verification types. */
        private final List<String> headLocals = new ArrayList<>(List.of("[Ljava/lang/Object;", "[[D", "[D",
                "I", "I", "I", "I", "I"));
        /** The class data: the lane functions the loop calls, by number. */
        final List<MethodHandle> laneFunctions = new ArrayList<>();
        /** The local of the result slot's vector. */
        private int resultLocal;
        private int registerBase;

        Writer(List<Step> steps, List<Program.Constant> constants, List<Program.Register> registers) {
            this.steps = steps;
            this.constants = constants;
            this.registers = registers;
        }

        /** The class file, or null where it needs more locals than one-byte instructions reach. */
        byte[] write() {
            assignLocals();
            if (registerBase + registers.size() > 255) {
                return null; // beyond the locals that one-byte instructions reach
            }
            hoist();
            ClassFileWriter.Label head = new ClassFileWriter.Label();
            ClassFileWriter.Label exit = new ClassFileWriter.Label();
            // last = to - LANES; i = from
            out.iload(TO);
            out.push(LaneOps.LANES);
            out.isub();
            out.istore(LAST);
            out.iload(FROM);
            out.istore(INDEX);
            out.place(head, headLocals);
            out.iload(INDEX);
            out.iload(LAST);
            out.ifIcmpgt(exit);
            for (Step step : steps) {
                if (step instanceof Step.Op op) {
                    Slot[] operands = op.operands();
                    int used = Operator.POW == op.op() ? 1 : operands.length; // a square reads its base only
                    for (int k = 0; k < used; k++) {
                        pushVector(operands[k]);
                    }
                    String descriptor = op.op() == Operator.WHERE ? SELECTION
                            : op.op().rule() == Operator.Rule.COMPARE ? COMPARISON : used == 1 ? UNARY : BINARY;
                    out.invokestatic(LANE_OPS, laneMethod(op, constants), descriptor, used, 1);
                } else if (step instanceof Step.Convert copy) {
                    pushVector(copy.in());
                } else {
                    call((Step.CallKernel) step);
                }
                out.astore(local(out(step)));
            }
            out.aload(local(out(steps.get(steps.size() - 1))));
            out.aload(OUT);
            out.checkcast("[D");
            out.iload(INDEX);
            out.iload(SHIFT);
            out.iadd();
            out.invokestatic(LANE_OPS, "store", "(" + VECTOR_TYPE + "[DI)V", 3, 0);
            out.iinc(INDEX, LaneOps.LANES);
            out.goTo(head);
            out.place(exit, headLocals);
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

        static Slot[] reads(Step step) {
            return step instanceof Step.Op op ? op.operands()
                    : step instanceof Step.Convert convert ? new Slot[] {convert.in()} : ((Step.CallKernel) step).in;
        }

        /**
         * Numbers the locals: the inputs and constants the steps read (live at the loop's head),
         * then the result, the input vectors and the registers (set in the body before use).
         */
        private void assignLocals() {
            int next = LAST + 1;
            for (Step step : steps) {
                for (Slot slot : reads(step)) {
                    if (slot.where == Slot.Where.INPUT && !inputLocals.containsKey(slot.index)) {
                        inputLocals.put(slot.index, next++);
                        inputClasses.put(slot.index, slot.arrayType == boolean[].class ? "[Z" : "[D");
                        headLocals.add(inputClasses.get(slot.index));
                    }
                    int constant = constantOf(slot);
                    if (constant >= 0 && !constantLocals.containsKey(constant)) {
                        constantLocals.put(constant, next++);
                        headLocals.add(isBoolean(constant) ? MASK : VECTOR);
                    }
                }
            }
            resultLocal = next++;
            for (int input : inputLocals.keySet()) {
                loadedLocals.put(input, next++);
            }
            registerBase = next;
        }

        /** Before the loop: each input array into its local, each constant broadcast into a vector. */
        private void hoist() {
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
                    out.invokestatic(LANE_OPS, "maskOf", "([[DI)" + MASK_TYPE, 2, 1);
                } else {
                    out.invokestatic(LANE_OPS, "broadcast", "([[DI)" + VECTOR_TYPE, 2, 1);
                }
                out.astore(local);
            });
        }

        /** Whether constant number {@code k} is a bool, which the loop holds as a mask. */
        private boolean isBoolean(int k) {
            return constants.get(k).arrayType() == boolean[].class;
        }

        /** The constant a slot holds (a number, or a register of copies of one), or -1. */
        private int constantOf(Slot slot) {
            if (slot.where == Slot.Where.SCALAR) {
                return slot.index;
            }
            return slot.where == Slot.Where.REGISTER ? registers.get(slot.index).constant() : -1;
        }

        private void pushVector(Slot slot) {
            int constant = constantOf(slot);
            if (constant >= 0) {
                out.aload(constantLocals.get(constant));
            } else if (slot.where == Slot.Where.INPUT) {
                int loaded = loadedLocals.get(slot.index);
                if (!loadedThisIteration.contains(slot.index)) {
                    // Straight-line body: the first use comes before every other in each iteration.
                    loadedThisIteration.add(slot.index);
                    out.aload(inputLocals.get(slot.index));
                    out.iload(INDEX);
                    if (slot.arrayType == boolean[].class) {
                        out.invokestatic(LANE_OPS, "loadMask", "([ZI)" + MASK_TYPE, 2, 1);
                    } else {
                        out.invokestatic(LANE_OPS, "load", "([DI)" + VECTOR_TYPE, 2, 1);
                    }
                    out.astore(loaded);
                }
                out.aload(loaded);
            } else {
                out.aload(local(slot));
            }
        }

        /** The local that holds a register's or the result's vector in the loop body. */
        private int local(Slot slot) {
            return slot.where == Slot.Where.RESULT ? resultLocal : registerBase + slot.index;
        }
    }
}
