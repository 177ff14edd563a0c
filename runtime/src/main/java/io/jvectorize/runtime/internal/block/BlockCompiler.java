package io.jvectorize.runtime.internal.block;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.op.ComplexKernels;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Reducer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Compiles a pass into a {@link BlockProgram}, numexpr's way: each element step an instruction
 * over one block, each intermediate value a block-sized register.
 *
 * <ul>
 *   <li>Numbers are read as scalars by the kernels; a call, whose kernel takes arrays, gets a
 *       register filled with copies.
 *   <li>Bound arrays are read in place where their Java type is the engine's kind for the value
 *       (a {@code double[]} for float64), and converted block by block otherwise.
 *   <li>The last step writes straight into the result array where it has the result's type,
 *       and a call whose arguments are all bound arrays as they are reads them in place.
 *   <li>A register is reused as soon as its value has been consumed.
 * </ul>
 */
final class BlockCompiler {

    /** What the step that reads a value wants it as: a type, in an array class (null: any), and whether it is the result. */
    private record Want(DType type, Class<?> arrayType, boolean result) {}

    /** A register's array class, and whether it holds complex values as interleaved pairs. */
    private record Shape(Class<?> arrayType, boolean pairs) {}

    private final Pass pass;
    private final List<BlockProgram.Register> registers = new ArrayList<>();
    /** The free temporaries by what they hold: a register of pairs is twice as long as one of real values. */
    private final Map<Shape, Deque<Integer>> free = new HashMap<>();
    private final List<BlockStep> steps = new ArrayList<>();
    private final List<BlockStep.Call> calls = new ArrayList<>();
    private final Slot[] slots;
    private final Want[] wants;
    private int temporaries;
    /**
     * The result array's class, where steps may use it as scratch: for an elementwise pass of a
     * real type; null for a reduction, which has no result array, and for a complex result, whose
     * array of pairs only the last step writes.
     */
    private final Class<?> resultArray;
    /** Whether a live value occupies the result array's block: then nothing else may be written there. */
    private boolean resultBusy;

    private BlockCompiler(Pass pass) {
        this.pass = pass;
        this.slots = new Slot[pass.steps().size()];
        this.wants = new Want[pass.steps().size()];
        this.resultArray = pass.isReduction() || pass.type().isComplex() ? null : pass.type().arrayType();
    }

    static BlockProgram compile(Pass pass) {
        return new BlockCompiler(pass).compile();
    }

    private BlockProgram compile() {
        findWants();
        for (int s = 0; s < slots.length; s++) {
            slots[s] = step(s, pass.steps().get(s), wants[s] == null ? new Want(pass.steps().get(s).type(), null, false)
                    : wants[s]);
        }
        if (pass.isReduction()) {
            Reducer reducer = pass.fold().reducer();
            DType type = reducer.inputType();
            Slot in = read(pass.fold().operand(), Conversions.kindArray(type), type);
            steps.add(new BlockStep.Fold(pass.name() + " = " + reducer.kind().text() + "(" + in + ")", in, reducer));
        } else {
            Slot out = read(pass.result(), pass.type().arrayType(), pass.type());
            if (out.where != Slot.Where.RESULT) {
                Slot result = result(pass.type().arrayType());
                steps.add(conversion("result = " + conversionText(pass.type(), out), out, pass.typeOf(pass.result()), result,
                        pass.type()));
            }
        }
        return new BlockProgram(pass, registers, steps, calls);
    }

    /** What each element step's reader wants its value as. */
    private void findWants() {
        for (Step step : pass.steps()) {
            if (step instanceof Step.Apply apply) {
                for (Operand operand : apply.operands()) {
                    DType type = pass.typeOf(operand);
                    want(operand, new Want(type, Conversions.kindArray(type), false));
                }
            } else if (step instanceof Step.Invoke invoke) {
                for (int i = 0; i < invoke.operands().size(); i++) {
                    DType type = invoke.overload().argumentTypes().get(i);
                    want(invoke.operands().get(i), new Want(type, type.arrayType(), false));
                }
            } else if (step instanceof Step.Convert convert) {
                want(convert.operand(), new Want(pass.typeOf(convert.operand()), null, false));
            }
        }
        if (pass.isReduction()) {
            DType type = pass.fold().reducer().inputType();
            want(pass.fold().operand(), new Want(type, Conversions.kindArray(type), false));
        } else {
            want(pass.result(), new Want(pass.type(), pass.type().arrayType(), true));
        }
    }

    private void want(Operand operand, Want want) {
        if (!operand.isNumber()) {
            if (wants[operand.index()] != null) {
                throw new IllegalStateException("element step " + operand + " is read twice: plans are trees");
            }
            wants[operand.index()] = want;
        }
    }

    /** Emits the block steps of one element step, and returns where its value is, as its reader wants it. */
    private Slot step(int s, Step step, Want want) {
        if (step instanceof Step.Load load) {
            Pass.Input input = pass.inputs().get(load.input());
            Slot in = new Slot(Slot.Where.INPUT, load.input(), input.given().arrayType(), input.name());
            return convert(in, input.given(), load.type(), arrayOf(want, load.type()), want.result);
        }
        if (step instanceof Step.Convert convert) {
            Slot in = slots[convert.operand().index()];
            return convert(in, pass.typeOf(convert.operand()), convert.type(), arrayOf(want, convert.type()),
                    want.result);
        }
        if (step instanceof Step.Apply apply) {
            return apply(apply, want);
        }
        return call((Step.Invoke) step, want);
    }

    private static Class<?> arrayOf(Want want, DType type) {
        return want.arrayType != null ? want.arrayType : Conversions.kindArray(type);
    }

    private Slot apply(Step.Apply apply, Want want) {
        Slot[] in = new Slot[apply.operands().size()];
        List<DType> operandTypes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            Operand operand = apply.operands().get(i);
            in[i] = operand.isNumber() ? number(operand.index()) : slots[operand.index()];
            operandTypes.add(pass.typeOf(operand));
            names.add(in[i].name);
        }
        release(in);
        DType own = apply.type();
        Class<?> kind = Conversions.kindArray(own);
        // In place in the result block where the pass's value goes there, or where an operand was
        // there (each kernel reads element i before writing it): no register needed.
        Slot out = want.result && own == want.type && kind == want.arrayType
                || resultFreed(in) && kind == resultArray && !own.isComplex() ? result(kind) : temporary(kind, own.isComplex());
        String text = out + " = " + apply.op().format(names);
        steps.add(ComplexKernels.involvesComplex(operandTypes, own) ? new BlockStep.ComplexApply(text, apply.op(), in, out, own)
                : new BlockStep.Apply(text, apply.op(), operandTypes, in, out, own, apply.text()));
        return convert(out, own, own, arrayOf(want, own), want.result);
    }

    private Slot call(Step.Invoke invoke, Want want) {
        List<Operand> operands = invoke.operands();
        Slot[] in = new Slot[operands.size()];
        DType returns = invoke.type();
        if (want.result && returns == want.type && returns.arrayType() == want.arrayType && allBoundAsIs(invoke)) {
            // poly(x) on a double[] x: the kernel reads the data and writes the result in place.
            for (int i = 0; i < in.length; i++) {
                in[i] = slots[operands.get(i).index()];
            }
            Slot out = result(want.arrayType);
            addCall(invoke, in, out);
            return out;
        }
        if (resultArray == returns.arrayType() && !resultBusy && allBoundAsIs(invoke)) {
            // poly(x) + 1: the kernel reads the bound arrays in place and writes its value into the
            // result block (the block's start as offset for all), where the next step uses it, as
            // numexpr uses the output as scratch.
            for (int i = 0; i < in.length; i++) {
                in[i] = slots[operands.get(i).index()];
            }
            Slot out = result(returns.arrayType());
            addCall(invoke, in, out);
            return convert(out, returns, returns, arrayOf(want, returns), want.result);
        }
        for (int i = 0; i < in.length; i++) {
            DType argumentType = invoke.overload().argumentTypes().get(i);
            Operand operand = operands.get(i);
            in[i] = operand.isNumber() ? numberRegister(operand.index(), argumentType.arrayType(), argumentType)
                    : slots[operand.index()];
            if (in[i].where != Slot.Where.REGISTER) {
                // The kernel takes one range for all its arrays: block-sized registers here.
                Slot copy = temporary(in[i].arrayType);
                steps.add(new BlockStep.Convert(copy + " = " + in[i], in[i], copy, argumentType));
                release(in[i]);
                in[i] = copy;
            }
        }
        // The result gets its own register: a kernel need not allow its output to be an input.
        Slot out = temporary(returns.arrayType());
        addCall(invoke, in, out);
        release(in);
        return convert(out, returns, returns, arrayOf(want, returns), want.result);
    }

    private void addCall(Step.Invoke invoke, Slot[] in, Slot out) {
        StringJoiner arguments = new StringJoiner(", ", invoke.function().qualifiedName() + "(", ")");
        for (Slot slot : in) {
            arguments.add(slot.name);
        }
        BlockStep.Call step = new BlockStep.Call(out + " = " + arguments, invoke.overload(), in, out, calls.size());
        calls.add(step);
        steps.add(step);
    }

    /** Whether every argument is a bound array read as it is, already of the kernel's argument type. */
    private boolean allBoundAsIs(Step.Invoke invoke) {
        for (int i = 0; i < invoke.operands().size(); i++) {
            Operand operand = invoke.operands().get(i);
            if (operand.isNumber() || slots[operand.index()].where != Slot.Where.INPUT
                    || slots[operand.index()].arrayType != invoke.overload().argumentTypes().get(i).arrayType()) {
                return false;
            }
        }
        return true;
    }

    /** The value read as {@code type} in an array of class {@code arrayType}: a fold's or the result's. */
    private Slot read(Operand operand, Class<?> arrayType, DType type) {
        if (operand.isNumber()) {
            return numberRegister(operand.index(), arrayType, type);
        }
        return slots[operand.index()];
    }

    /** The value in {@code slot}, of type {@code from}, as {@code to} in an array of class {@code arrayType}. */
    private Slot convert(Slot slot, DType from, DType to, Class<?> arrayType, boolean toResult) {
        boolean sameValues = from == to || from.widensTo(to) && Conversions.kindArray(from) == Conversions.kindArray(to)
                && from.isComplex() == to.isComplex();
        if (slot.arrayType == arrayType && sameValues) {
            return slot;
        }
        release(slot);
        Slot out = toResult && to.arrayType() == arrayType ? result(arrayType) : temporary(arrayType, to.isComplex());
        steps.add(conversion(out + " = " + conversionText(to, slot), slot, from, out, to));
        return out;
    }

    /** The step that converts {@code in}'s values of type {@code from} into {@code out} as {@code to}. */
    private static BlockStep conversion(String text, Slot in, DType from, Slot out, DType to) {
        return from.isComplex() || to.isComplex() ? new BlockStep.ComplexConvert(text, in, from, out, to)
                : new BlockStep.Convert(text, in, out, to);
    }

    /** Number {@code k} of the pass, which kernels read as a scalar. */
    private Slot number(int k) {
        return new Slot(Slot.Where.NUMBER, k, Conversions.kindArray(pass.numbers().get(k).type()), name(k));
    }

    /** A register filled with copies of number {@code k}, as {@code type}, for the steps that need a whole block. */
    private Slot numberRegister(int k, Class<?> arrayType, DType type) {
        for (int r = 0; r < registers.size(); r++) {
            BlockProgram.Register register = registers.get(r);
            if (register.number() == k && register.arrayType() == arrayType) {
                return new Slot(Slot.Where.REGISTER, r, arrayType, name(k));
            }
        }
        registers.add(new BlockProgram.Register(arrayType, k, type, type.isComplex()));
        return new Slot(Slot.Where.REGISTER, registers.size() - 1, arrayType, name(k));
    }

    private String name(int number) {
        String name = pass.numberNames().get(number);
        return name != null ? name : "n" + number;
    }

    private boolean isNumber(Slot slot) {
        return slot.where == Slot.Where.NUMBER
                || slot.where == Slot.Where.REGISTER && registers.get(slot.index).number() >= 0;
    }

    private Slot result(Class<?> arrayType) {
        resultBusy = true;
        return new Slot(Slot.Where.RESULT, -1, arrayType, "result");
    }

    private Slot temporary(Class<?> arrayType) {
        return temporary(arrayType, false);
    }

    /** A free register of that class, of pairs where {@code pairs}, or a new one. */
    private Slot temporary(Class<?> arrayType, boolean pairs) {
        Deque<Integer> available = free.get(new Shape(arrayType, pairs));
        Integer index = available == null ? null : available.poll();
        if (index == null) {
            registers.add(new BlockProgram.Register(arrayType, -1, null, pairs));
            index = registers.size() - 1;
        }
        return new Slot(Slot.Where.REGISTER, index, arrayType, "t" + temporaries++);
    }

    /** Whether one of {@code slots}, just released, held the result block, which is now free. */
    private boolean resultFreed(Slot[] slots) {
        if (resultBusy) {
            return false;
        }
        for (Slot slot : slots) {
            if (slot.where == Slot.Where.RESULT) {
                return true;
            }
        }
        return false;
    }

    private void release(Slot... slots) {
        for (Slot slot : slots) {
            if (slot.where == Slot.Where.RESULT) {
                resultBusy = false;
            }
            if (slot.where == Slot.Where.REGISTER && !isNumber(slot)) {
                free.computeIfAbsent(new Shape(slot.arrayType, registers.get(slot.index).pairs()), k -> new ArrayDeque<>())
                        .push(slot.index);
            }
        }
    }

    private static String conversionText(DType to, Slot from) {
        return to.numpyName() + "(" + from + ")";
    }
}
