package io.jvectorize.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Compiles a typed expression into a {@link Program}, numexpr's way: a postorder walk that
 * gives each operator an instruction over one block and each intermediate value a register.
 *
 * <ul>
 *   <li>Subexpressions without arrays (literals, scalar symbols, nested reductions and what
 *       is built of them only) become constants, computed once per run: a number for the
 *       kernels that take one ({@code x - mu}), else a register filled with copies.
 *   <li>Bound arrays are read in place where their Java type is the engine's kind for the
 *       value (a {@code double[]} for float64), and converted block by block otherwise.
 *   <li>The last operator writes straight into the result array where it has the result's type.
 *   <li>A register is reused as soon as its value has been consumed.
 * </ul>
 */
final class ProgramCompiler {

    private final Binding binding;
    private final Map<Reduction, String> reductionNames;
    private final List<String> inputs = new ArrayList<>();
    private final Map<String, Slot> inputSlots = new HashMap<>();
    private final List<Program.Constant> constants = new ArrayList<>();
    private final Map<Program.Constant, Slot> constantSlots = new HashMap<>();
    private final List<Program.Register> registers = new ArrayList<>();
    private final Map<Class<?>, Deque<Integer>> free = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Step.CallKernel> calls = new ArrayList<>();
    private final List<String> scalars = new ArrayList<>();
    private final Map<Expr, Boolean> scalar = new IdentityHashMap<>();
    private int temporaries;
    /** The result array's class, for an elementwise pass; null for a reduction, which has no result array. */
    private Class<?> resultArray;
    /** Whether a live value occupies the result array's block: then nothing else may be written there. */
    private boolean resultBusy;

    private ProgramCompiler(Binding binding, Map<Reduction, String> reductionNames) {
        this.binding = binding;
        this.reductionNames = reductionNames;
    }

    /**
     * @param root an elementwise expression, or a reduction
     * @param binding what its symbols are bound to (only types and array-or-scalar matter)
     * @param reductionNames the reductions nested in it, which earlier passes compute, and their names
     */
    static Program compile(Expr root, Binding binding, Map<Reduction, String> reductionNames) {
        return new ProgramCompiler(binding, reductionNames).compile(root);
    }

    private Program compile(Expr root) {
        Reducer reducer = null;
        Expr elementwise = root;
        if (root instanceof Reduction reduction) {
            reducer = new Reducer(reduction);
            elementwise = reduction.operand();
            DType type = reducer.inputType();
            Slot in = emit(elementwise, type, Conversions.kindArray(type), false);
            String name = reductionNames.getOrDefault(reduction, "result");
            steps.add(new Step.Fold(name + " = " + reduction.kind().text() + "(" + in + ")", in, reducer));
        } else {
            DType type = root.dtype();
            resultArray = type.arrayType();
            Slot out = emit(root, type, type.arrayType(), true);
            if (out.where != Slot.Where.RESULT) {
                Slot result = result(type.arrayType());
                steps.add(new Step.Convert("result = " + conversionText(type, out), out, result, type));
            }
        }
        return new Program(root, inputs, constants, registers, steps, calls, reducer, !isScalar(elementwise), scalars);
    }

    /**
     * Emits the steps that compute {@code node} as values of {@code type} in arrays of class
     * {@code arrayType}, and returns where they are.
     *
     * @param toResult whether the value is the pass's result, which may then be written into the result array
     */
    private Slot emit(Expr node, DType type, Class<?> arrayType, boolean toResult) {
        if (isScalar(node)) {
            return constantRegister(constant(node, type, arrayType));
        }
        if (node instanceof Symbol symbol) {
            return convert(input(symbol.name()), binding.given(symbol.name()), type, arrayType, toResult);
        }
        if (node instanceof Operation operation) {
            return operation(operation, type, arrayType, toResult);
        }
        return call((Call) node, type, arrayType, toResult);
    }

    private Slot operation(Operation operation, DType type, Class<?> arrayType, boolean toResult) {
        List<Expr> operands = operation.operands();
        Slot[] in = new Slot[operands.size()];
        boolean scalarKernel = in.length == 2 && isScalar(operands.get(0)) != isScalar(operands.get(1))
                && BlockKernels.hasScalarKernel(operation.op(), Conversions.kindArray(operation.operandType(0)));
        if (scalarKernel) {
            operands = foldNegation(operation, operands);
        }
        for (int i = 0; i < in.length; i++) {
            DType operandType = operation.operandType(i);
            Class<?> kind = Conversions.kindArray(operandType);
            in[i] = scalarKernel && isScalar(operands.get(i)) ? constant(operands.get(i), operandType, kind)
                    : emit(operands.get(i), operandType, kind, false);
        }
        release(in);
        DType own = operation.dtype();
        Class<?> kind = Conversions.kindArray(own);
        // In place in the result block where the pass's value goes there, or where an operand was
        // there (each loop reads element i before writing it): no register needed.
        Slot out = toResult && own == type && kind == arrayType || resultFreed(in) && kind == resultArray
                ? result(kind) : temporary(kind);
        steps.add(new Step.Op(out + " = " + operationText(operation.op(), in), operation, in, out));
        return convert(out, own, type, arrayType, toResult);
    }

    /**
     * {@code -t * c} and {@code -t / c} (and {@code c * -t}, {@code c / -t}) of float64 as
     * {@code t * -c} and {@code t / -c}: the same values bit for bit (a product's or quotient's
     * sign is the xor of its operands' signs, its magnitude theirs), and one pass over the block less.
     */
    private static List<Expr> foldNegation(Operation operation, List<Expr> operands) {
        Operator op = operation.op();
        if (op != Operator.MUL && op != Operator.DIV || operation.dtype() != DType.FLOAT64
                || operation.operandType(0) != DType.FLOAT64) {
            return operands;
        }
        for (int i = 0; i < 2; i++) {
            Expr number = operands.get(1 - i);
            if (operands.get(i) instanceof Operation negation && negation.op() == Operator.NEG
                    && negation.dtype() == DType.FLOAT64 && negation.operands().get(0).dtype() == DType.FLOAT64
                    && number.dtype() == DType.FLOAT64) {
                Expr[] folded = new Expr[2];
                folded[i] = negation.operands().get(0);
                folded[1 - i] = number.neg();
                return List.of(folded);
            }
        }
        return operands;
    }

    private Slot call(Call call, DType type, Class<?> arrayType, boolean toResult) {
        List<Expr> arguments = call.arguments();
        Slot[] in = new Slot[arguments.size()];
        DType returns = call.dtype();
        if (toResult && returns == type && returns.arrayType() == arrayType && allBoundAsIs(call)) {
            // poly(x) on a double[] x: the kernel reads the data and writes the result in place.
            for (int i = 0; i < in.length; i++) {
                in[i] = input(((Symbol) arguments.get(i)).name());
            }
            Slot out = result(arrayType);
            addCall(call, in, out);
            return out;
        }
        if (resultArray == returns.arrayType() && !resultBusy && allBoundAsIs(call)) {
            // poly(x) + 1: the kernel reads the bound arrays in place and writes its value into the
            // result block (the block's start as offset for all), where the next step uses it, as
            // numexpr uses the output as scratch.
            for (int i = 0; i < in.length; i++) {
                in[i] = input(((Symbol) arguments.get(i)).name());
            }
            Slot out = result(returns.arrayType());
            addCall(call, in, out);
            return convert(out, returns, type, arrayType, toResult);
        }
        for (int i = 0; i < in.length; i++) {
            DType argumentType = call.operandType(i);
            in[i] = emit(arguments.get(i), argumentType, argumentType.arrayType(), false);
            if (in[i].where != Slot.Where.REGISTER) {
                // The kernel takes one range for all its arrays: block-sized registers here.
                Slot copy = temporary(in[i].arrayType);
                steps.add(new Step.Convert(copy + " = " + in[i], in[i], copy, argumentType));
                release(in[i]);
                in[i] = copy;
            }
        }
        // The result gets its own register: a kernel need not allow its output to be an input.
        Slot out = temporary(returns.arrayType());
        addCall(call, in, out);
        release(in);
        return convert(out, returns, type, arrayType, toResult);
    }

    private void addCall(Call call, Slot[] in, Slot out) {
        StringJoiner arguments = new StringJoiner(", ", call.function().qualifiedName() + "(", ")");
        for (Slot slot : in) {
            arguments.add(slot.name);
        }
        Step.CallKernel step = new Step.CallKernel(out + " = " + arguments, call, in, out, calls.size());
        calls.add(step);
        steps.add(step);
    }

    /** Whether every argument is a bound array already of the kernel's argument type. */
    private boolean allBoundAsIs(Call call) {
        for (int i = 0; i < call.arguments().size(); i++) {
            if (!(call.arguments().get(i) instanceof Symbol symbol) || !binding.isArray(symbol.name())
                    || binding.given(symbol.name()).arrayType() != call.operandType(i).arrayType()) {
                return false;
            }
        }
        return true;
    }

    /** The value in {@code slot}, of type {@code from}, as {@code to} in an array of class {@code arrayType}. */
    private Slot convert(Slot slot, DType from, DType to, Class<?> arrayType, boolean toResult) {
        boolean sameValues = from == to || from.widensTo(to) && Conversions.kindArray(from) == Conversions.kindArray(to);
        if (slot.arrayType == arrayType && sameValues) {
            return slot;
        }
        release(slot);
        Slot out = toResult && to.arrayType() == arrayType ? result(arrayType) : temporary(arrayType);
        steps.add(new Step.Convert(out + " = " + conversionText(to, slot), slot, out, to));
        return out;
    }

    /** A scalar subexpression as a constant of the run: computed once, however often it is used. */
    private Slot constant(Expr node, DType type, Class<?> arrayType) {
        Program.Constant constant = new Program.Constant(node, type, arrayType);
        Slot known = constantSlots.get(constant);
        if (known != null) {
            return known;
        }
        String name;
        if (node instanceof Literal literal) {
            name = ExprPrinter.literalText(literal);
        } else if (node instanceof Symbol symbol) {
            name = symbol.name();
        } else if (reductionNames.containsKey(node)) {
            name = reductionNames.get(node);
        } else {
            name = "c" + scalars.size();
            scalars.add(name + " = " + node);
        }
        constants.add(constant);
        Slot slot = new Slot(Slot.Where.SCALAR, constants.size() - 1, arrayType, name);
        constantSlots.put(constant, slot);
        return slot;
    }

    /** A register filled with copies of the constant, for the steps that need a whole block. */
    private Slot constantRegister(Slot constant) {
        for (int r = 0; r < registers.size(); r++) {
            if (registers.get(r).constant() == constant.index) {
                return new Slot(Slot.Where.REGISTER, r, constant.arrayType, constant.name);
            }
        }
        registers.add(new Program.Register(constant.arrayType, constant.index));
        return new Slot(Slot.Where.REGISTER, registers.size() - 1, constant.arrayType, constant.name);
    }

    private boolean isConstant(Slot slot) {
        return slot.where == Slot.Where.SCALAR
                || slot.where == Slot.Where.REGISTER && registers.get(slot.index).constant() >= 0;
    }

    private Slot input(String name) {
        return inputSlots.computeIfAbsent(name, n -> {
            inputs.add(n);
            return new Slot(Slot.Where.INPUT, inputs.size() - 1, binding.given(n).arrayType(), n);
        });
    }

    private Slot result(Class<?> arrayType) {
        resultBusy = true;
        return new Slot(Slot.Where.RESULT, -1, arrayType, "result");
    }

    private Slot temporary(Class<?> arrayType) {
        Deque<Integer> available = free.get(arrayType);
        Integer index = available == null ? null : available.poll();
        if (index == null) {
            registers.add(new Program.Register(arrayType, -1));
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
            if (slot.where == Slot.Where.REGISTER && !isConstant(slot)) {
                free.computeIfAbsent(slot.arrayType, k -> new ArrayDeque<>()).push(slot.index);
            }
        }
    }

    /** Whether {@code node} has no array in it: then it is one number, computed once. */
    private boolean isScalar(Expr node) {
        Boolean known = scalar.get(node);
        if (known == null) {
            if (node instanceof Symbol symbol) {
                known = !binding.isArray(symbol.name());
            } else if (node instanceof Literal || node instanceof Reduction) {
                known = true;
            } else {
                known = true;
                for (Expr child : node.children()) {
                    known &= isScalar(child);
                }
            }
            scalar.put(node, known);
        }
        return known;
    }

    private static String operationText(Operator op, Slot[] in) {
        if (op.isFunction()) {
            StringJoiner arguments = new StringJoiner(", ", op.text() + "(", ")");
            for (Slot slot : in) {
                arguments.add(slot.name);
            }
            return arguments.toString();
        }
        if (op == Operator.NEG) {
            return "-" + in[0];
        }
        // -3 ** x would read as -(3 ** x).
        String left = op == Operator.POW && in[0].name.startsWith("-") ? "(" + in[0].name + ")" : in[0].name;
        return left + " " + op.text() + " " + in[1];
    }

    private static String conversionText(DType to, Slot from) {
        return to.numpyName() + "(" + from + ")";
    }
}
