package io.jvectorize.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A float64 elementwise pass compiled to one loop of its own: a hidden class whose method loads
 * a vector of each input, applies every step to it in registers and stores the result, as
 * the processor's generated SIMD kernels do. The block engine makes one pass over a block per
 * operator; this makes one pass over memory in all, with no block temporaries.
 *
 * <p>Built for a {@link Program} whose steps all work on float64 values in {@code double[]}
 * arrays: operators with a Vector API counterpart ({@link LaneOps}), copies, and calls of
 * @Vectorize functions that have a lane function (the processor generates one for every
 * float64 method it translates to SIMD), which the loop calls through a constant method
 * handle, so that C2 inlines it. {@link #compile} returns null for anything else, and the
 * block engine runs it. The loop covers whole vectors; the caller runs the few elements
 * after them through the block engine.
 *
 * <p>The generated method, for {@code exp(x - mu)}, reads as:
 * <pre>{@code
 * static int run(double[][] inputs, double[][] constants, double[] out, int from, int to, int shift) {
 *     double[] x = inputs[0];
 *     DoubleVector c0 = LaneOps.broadcast(constants, 0);
 *     int i = from;
 *     for (int last = to - LaneOps.LANES; i <= last; i += LaneOps.LANES) {
 *         DoubleVector t0 = LaneOps.sub(LaneOps.load(x, i), c0);
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
     * Code larger than this is not compiled by HotSpot (its {@code HugeMethodLimit}, 8000
     * bytes): such a pass stays with the block engine rather than run interpreted.
     */
    static final int MAX_CODE_BYTES = 7900;

    private static final String LANE_OPS = "io/jvectorize/runtime/LaneOps";
    private static final String VECTOR = "jdk/incubator/vector/DoubleVector";
    private static final String VECTOR_TYPE = "L" + VECTOR + ";";
    private static final String UNARY = "(" + VECTOR_TYPE + ")" + VECTOR_TYPE;
    private static final String BINARY = "(" + VECTOR_TYPE + VECTOR_TYPE + ")" + VECTOR_TYPE;
    private static final MethodType RUN = MethodType.methodType(int.class, double[][].class, double[][].class,
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
     * @param inputs the bound arrays, as the program numbers them
     * @param constants the program's constants, a one-element array each (null where not float64)
     * @param out where element {@code i} goes, at {@code i + shift}: the result array (shift 0),
     *     or a block's register (shift: minus the block's start)
     */
    int run(double[][] inputs, double[][] constants, double[] out, int from, int to, int shift) {
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
     * a step has no lane operation, a value is not float64 in a {@code double[]}, or the loop
     * would be too large for the JIT.
     */
    static FusedLoop compile(List<Step> steps, List<Program.Constant> constants, List<Program.Register> registers) {
        boolean usesVectorMath = false;
        for (Step step : steps) {
            if (!fusable(step, constants)) {
                return null;
            }
            usesVectorMath |= step instanceof Step.Op op && Step.Op.VECTOR_MATH.contains(op.op());
        }
        if (steps.isEmpty()) {
            return null;
        }
        Writer writer = new Writer(steps, constants, registers);
        byte[] bytes = writer.write();
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup loop = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                    List.copyOf(writer.laneFunctions), true);
            return new FusedLoop(loop.findStatic(loop.lookupClass(), "run", RUN), usesVectorMath);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not define a fused loop", e);
        }
    }

    private static boolean fusable(Step step, List<Program.Constant> constants) {
        if (step instanceof Step.Op op) {
            return laneMethod(op, constants) != null;
        }
        if (step instanceof Step.Convert convert) {
            return convert.isCopy();
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

    /** The {@link LaneOps} method that applies {@code op}, or null if it has none or a value is not float64. */
    private static String laneMethod(Step.Op op, List<Program.Constant> constants) {
        if (op.node().dtype() != DType.FLOAT64 || op.out().arrayType != double[].class) {
            return null;
        }
        Slot[] operands = op.operands();
        for (int k = 0; k < operands.length; k++) {
            Slot slot = operands[k];
            if (slot.arrayType != double[].class || op.node().operandType(k) != DType.FLOAT64) {
                return null;
            }
            if (slot.where == Slot.Where.SCALAR && constants.get(slot.index).arrayType() != double[].class) {
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
        /** The locals live at the loop's head, as verification types. */
        private final List<String> headLocals = new ArrayList<>(List.of("[[D", "[[D", "[D", "I", "I", "I", "I", "I"));
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

        /** The class file, or null where it would be too large. */
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
                    out.invokestatic(LANE_OPS, laneMethod(op, constants), used == 1 ? UNARY : BINARY, used, 1);
                } else if (step instanceof Step.Convert copy) {
                    pushVector(copy.in());
                } else {
                    call((Step.CallKernel) step);
                }
                out.astore(local(out(step)));
                if (out.codeSize() > MAX_CODE_BYTES) {
                    return null;
                }
            }
            out.aload(local(out(steps.get(steps.size() - 1))));
            out.aload(OUT);
            out.iload(INDEX);
            out.iload(SHIFT);
            out.iadd();
            out.invokestatic(LANE_OPS, "store", "(" + VECTOR_TYPE + "[DI)V", 3, 0);
            out.iinc(INDEX, LaneOps.LANES);
            out.goTo(head);
            out.place(exit, headLocals);
            out.iload(INDEX);
            out.ireturn();
            return out.codeSize() > MAX_CODE_BYTES ? null : out.toBytes("run", RUN.toMethodDescriptorString());
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

        private static Slot[] reads(Step step) {
            return step instanceof Step.Op op ? op.operands()
                    : step instanceof Step.Convert convert ? new Slot[] {convert.in()} : ((Step.CallKernel) step).in;
        }

        /** Numbers the locals: the inputs and constants the steps read, then the result, then the registers. */
        private void assignLocals() {
            int next = LAST + 1;
            for (Step step : steps) {
                for (Slot slot : reads(step)) {
                    if (slot.where == Slot.Where.INPUT && !inputLocals.containsKey(slot.index)) {
                        inputLocals.put(slot.index, next++);
                        headLocals.add("[D");
                    }
                    int constant = constantOf(slot);
                    if (constant >= 0 && !constantLocals.containsKey(constant)) {
                        constantLocals.put(constant, next++);
                        headLocals.add(VECTOR);
                    }
                }
            }
            resultLocal = next++;
            registerBase = next;
        }

        /** Before the loop: each input array into its local, each constant broadcast into a vector. */
        private void hoist() {
            inputLocals.forEach((input, local) -> {
                out.aload(INPUTS);
                out.push(input);
                out.aaload();
                out.astore(local);
            });
            constantLocals.forEach((constant, local) -> {
                out.aload(CONSTANTS);
                out.push(constant);
                out.invokestatic(LANE_OPS, "broadcast", "([[DI)" + VECTOR_TYPE, 2, 1);
                out.astore(local);
            });
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
                out.aload(inputLocals.get(slot.index));
                out.iload(INDEX);
                out.invokestatic(LANE_OPS, "load", "([DI)" + VECTOR_TYPE, 2, 1);
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
