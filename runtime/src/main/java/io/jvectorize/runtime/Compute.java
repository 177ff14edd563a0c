package io.jvectorize.runtime;

import io.jvectorize.runtime.internal.exec.Executable;
import io.jvectorize.runtime.internal.ir.Settings;
import io.jvectorize.runtime.internal.op.Conversions;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.Objects;

/**
 * Computes expressions on bound data.
 *
 * <h2>Data</h2>
 * Each symbol of the expression is bound, in {@code data}, to a {@code double[]},
 * {@code float[]}, {@code long[]}, {@code int[]} or {@code boolean[]} array, or to a
 * {@code Double}, {@code Float}, {@code Long}, {@code Integer}, {@code Short}, {@code Byte} or
 * {@code Boolean}, whose type must widen to the symbol's declared type ({@code int[]} data
 * for an int64 or float64 symbol is fine, {@code double[]} for an int32 symbol is not). Arrays
 * must all have one length; numbers are broadcast. Keys the expression does not use are ignored.
 * Bound arrays are only read. A complex128 symbol is bound to a {@code double[]} of interleaved
 * (re, im) pairs (its length counts pairs), a real array, a {@link Complex} or a real number; a
 * complex64 symbol to a {@code float[]} of pairs, a {@link Complex} of float parts or a
 * {@code Float}.
 *
 * <h2>Results</h2>
 * An elementwise expression gives a new array of its type ({@code double[]} for float64,
 * {@code float[]} float32, {@code long[]} int64, {@code int[]} int32, {@code boolean[]} bool,
 * {@code double[]} of (re, im) pairs for complex128, {@code float[]} of pairs for complex64)
 * as long as the arrays. If its elementwise part has no array in it (every symbol there is bound
 * to a number, or only reductions take arrays, as in {@code sum(x) / count(x)}) the result has
 * one element, as NumPy's arithmetic on 0-d arrays has. A reduction gives a boxed
 * number: {@code Double} for float64, {@code Float} float32, {@code Long} int64 and counts,
 * {@code Integer} for the min or max of int32, {@code Boolean} for the min or max of bool,
 * {@link Complex} for the sum or mean of complex values (var and std of them are real).
 * A reduction inside an elementwise expression, as in {@code x - mean(x)}, is computed first.
 *
 * <h2>Semantics</h2>
 * float32 values are computed in double and rounded to float after every operation (for
 * {@code + - * / sqrt} that equals float arithmetic), int32 values in long and wrapped to int
 * after every operation. Integer arithmetic wraps around; {@code %} is Python's (the result
 * has the divisor's sign), and an integer {@code % 0} or an integer power with a negative
 * exponent throws {@link ArithmeticException}; {@code x ** 2} is {@code x * x}, other powers
 * {@link Math#pow}; math functions are {@link Math}'s.
 *
 * <p>Reductions fold block by block and combine the blocks' partial results in block order
 * (so results depend on {@link Options#blockSize}, never on threads): a float sum adds four
 * interleaved partial sums per block; var and std (population, ddof = 0) merge the blocks'
 * means and squared deviations by Chan et al.'s formula. min and max are NaN if any element
 * is, and throw {@link IllegalArgumentException} for no elements, as NumPy; the nan variants
 * skip NaN (nansum of only NaN is 0, nanmean NaN). Integer sums wrap in int64; means and
 * variances of integers and booleans are float64; float32 ones accumulate in double and
 * round once.
 *
 * <h2>Engines</h2>
 * With {@code optimize = false}, operator by operator into whole-array temporaries, as NumPy
 * computes: the reference and the baseline. With {@code optimize = true} (the default), the
 * elementwise part in one pass, block by block, each block's temporaries small enough to stay
 * in cache, as numexpr computes; reductions fold block by block; nothing the size of the
 * input is allocated but the result. Calls of @Vectorize functions run their kernels over
 * each block. Parallel runs split the blocks across threads. Where the Vector API is present
 * (with 256-bit vectors or wider), a pass of operators, math functions, {@code where} and
 * calls (or a reduction's operand made of them) is compiled on its first run into a loop of
 * its own (a hidden class), which keeps every value in registers: one pass over memory with
 * no block temporaries, at the speed of the processor's generated kernels. float64, float32,
 * int64 and int32 passes get one; {@link Options#generateLoops} says what each covers.
 *
 * <p>All of these give the same results bit for bit (NaN payloads aside), with one exception:
 * where the Vector API is present (with 256-bit vectors or wider), the fused engine computes
 * math functions (exp, log, sin, ...; tanh and powers but squares only on x86 with AVX-512,
 * where the vector library has them) with it, within {@value #VECTOR_MATH_ULPS} ulp of
 * {@link Math}'s results (but for powers of ±0.0 and ±∞ by an exponent of magnitude in
 * [2^51, 2^52), where HotSpot's Math.pow breaks its specification and these follow it, as
 * {@link VectorMath} says). Which of the values within that bound comes out is not
 * reproducible: the JDK computes with {@link Math} until C2 has compiled the loop, so it can
 * change between runs, calls and threads. {@link Options#vectorMath vectorMath(false)} makes every result
 * reproducible bit for bit.
 *
 * <p>Passes with complex128 values always run operator by operator, on the reference engine
 * (see docs/expressions.md, "Complex numbers").
 *
 * <p>All methods are safe to call from many threads at once.
 */
public final class Compute {

    /**
     * How far, in ulp, a math function computed with the Vector API may be from {@link Math}'s
     * result (for float32, rounded to float; in float ulps), per call: the largest difference
     * measured on a million inputs per function (JDK 17 and 25, AVX2) is 1 ulp, 2 for sinh and
     * cosh in float64; 1 for every float32 function (one-argument ones on every float; AVX-512
     * and AVX2). An expression that composes them can differ by more: each call starts from a
     * value that may already differ.
     */
    public static final int VECTOR_MATH_ULPS = 2;

    private Compute() {}

    /** Computes {@code e} with the fused engine; see the class comment. */
    public static Object compute(Expr e, Map<String, ?> data) {
        return compute(e, data, Options.defaults());
    }

    /** Computes {@code e} with the fused engine if {@code optimize}, else operator by operator. */
    public static Object compute(Expr e, Map<String, ?> data, boolean optimize) {
        return compute(e, data, Options.defaults().optimize(optimize));
    }

    /**
     * Computes {@code e} on {@code data} as {@code options} say.
     *
     * @return an array of the expression's type, or a boxed number for a reduction
     * @throws IllegalArgumentException if {@code data} is null, a symbol is unbound or bound to
     *     null, to an unsupported type or to data that does not widen to its type, if array
     *     lengths differ, or if min or max has no elements
     * @throws ArithmeticException for an integer modulo by zero or a negative integer exponent
     */
    public static Object compute(Expr e, Map<String, ?> data, Options options) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(options, "options");
        RepeatedCall repeated = e.repeatedCall;
        Object result = repeated == null ? null : repeated.tryCompute(data, options);
        if (result != null) {
            return result;
        }
        Binding binding = Binding.of(e, data);
        Executable plan = PlanCache.plan(e, binding);
        result = plan.compute(binding, options.settings(), options.optimize(), null);
        e.repeatedCall = RepeatedCall.of(e, data, binding, plan, options, e.dtype().arrayType());
        return result;
    }

    /** Computes {@code e} over a table's columns with the fused engine; see {@link #compute(Expr, Table, Options)}. */
    public static Object compute(Expr e, Table table) {
        return compute(e, table, Options.defaults());
    }

    /**
     * Computes {@code e} over {@code table}: each symbol is bound to the column of its name
     * (whose type must widen to the symbol's), as Blaze's {@code compute(expr, data)}.
     * A filtered table ({@link Table#filter}) is not copied: its conditions are folded into
     * the pass, so a reduction after a filter is one pass that allocates nothing that grows
     * with the rows.
     *
     * <p>Missing values: a reduction skips them (and rows the filters drop), and gives what the
     * engine gives for the remaining values: {@code count} counts them, a sum of none is 0, a
     * mean NaN, and min or max of none throws. An elementwise expression gives a
     * {@link Column} named by the expression's text, missing where a value it reads is.
     *
     * @return a boxed number for a reduction, a Column otherwise
     * @throws IllegalArgumentException if a symbol names no column (the message lists the
     *     columns), a column's type does not widen to its symbol's, or min or max has no values
     * @throws ArithmeticException as {@link #compute(Expr, Map, Options)}
     */
    public static Object compute(Expr e, Table table, Options options) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        TableScope scope = table.scope(options);
        TableScope.Resolved value = scope.resolveRoot(e, true);
        if (value.value().isReduction()) {
            Reduction reduction = (Reduction) value.value();
            return scope.reduce(reduction.kind(), TableScope.Resolved.of(reduction.operand(), value.validity()), false);
        }
        return scope.column(e.toString(), value, scope.keptRows());
    }

    /**
     * The plan of {@link #compute(Expr, Table)} as text: the table's rows and filters, and the
     * fused engine's plan for each pass ({@link #explain(Expr, Map)}); reductions of a
     * filtered table or of columns with missing values show the operand with the conditions
     * folded in as {@code where}. Nothing is computed but reductions nested in {@code e} and
     * in the filters, which the passes read as numbers.
     */
    public static String explain(Expr e, Table table) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(table, "table");
        TableScope scope = table.scope(Options.defaults());
        TableScope.Resolved value = scope.resolveRoot(e, true);
        StringBuilder plan = new StringBuilder("table scan of ").append(table.columnCount()).append(" columns; ")
                .append(scope.rowConditions().isEmpty() ? "every row" : scope.rowConditions().size()
                        + " row condition(s) folded into the pass as where, no filtered copy").append('\n');
        if (!value.validity().isEmpty()) {
            plan.append("missing values skipped through ").append(value.validity().size()).append(" validity mask(s)\n");
        }
        for (Expr pass : scope.plannedPasses(value)) {
            plan.append("pass ").append(pass).append('\n').append(scope.explain(pass).indent(2));
        }
        return plan.toString();
    }

    /** Computes elementwise {@code e} into {@code out} with the fused engine; see {@link #computeInto(Expr, Map, Object, Options)}. */
    public static void computeInto(Expr e, Map<String, ?> data, Object out) {
        computeInto(e, data, out, Options.defaults());
    }

    /**
     * Computes elementwise {@code e} into {@code out}, as NumPy's and numexpr's {@code out=}:
     * no result array is allocated. {@code out} must be an array of the expression's type as
     * long as the bound arrays, and may be one of them. Where no array takes part in the
     * elementwise part ({@code 2 * mu}, {@code sum(x) + 1}), it may have any length, and each
     * element gets the value. It is checked before anything is computed, and a pass that
     * fails leaves it as it was: the last pass writes into it directly only where it cannot
     * fail halfway (a generated loop, or block steps without an integer {@code //}, {@code %},
     * {@code fmod}, reciprocal or power, or a @Vectorize call) and it is none of the arrays
     * that pass reads; else the values go into a new array, copied into it once all are computed.
     *
     * @throws IllegalArgumentException for everything {@link #compute(Expr, Map, Options)}
     *     throws it for, if {@code e} is a reduction, or if {@code out} is null, not an array of
     *     the expression's type or of another length than the bound arrays
     * @throws ArithmeticException as {@link #compute(Expr, Map, Options)}
     */
    public static void computeInto(Expr e, Map<String, ?> data, Object out, Options options) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(options, "options");
        RepeatedCall repeated = e.repeatedCall;
        if (repeated != null && repeated.tryRun(data, out, options)) {
            return;
        }
        if (e.isReduction()) {
            throw new IllegalArgumentException("computeInto needs an elementwise expression, and " + e
                    + " is a reduction: compute returns its value");
        }
        Class<?> type = e.dtype().arrayType();
        if (out == null || out.getClass() != type) {
            throw new IllegalArgumentException("out must be a " + type.getSimpleName() + " for the " + e.dtype()
                    + " expression " + e + ", not " + (out == null ? "null" : out.getClass().getSimpleName()));
        }
        Binding binding = Binding.of(e, data);
        int length = Array.getLength(out);
        boolean complex = e.dtype().isComplex();
        if (complex && length % 2 != 0) {
            throw new IllegalArgumentException("out has " + length + " values, but the " + e.dtype() + " expression " + e
                    + " needs (re, im) pairs: an even length");
        }
        int elements = complex ? length / 2 : length;
        if (readsArrays(e, binding) && binding.length() != elements) {
            throw new IllegalArgumentException("out has " + elements + " element" + (elements == 1 ? "" : "s")
                    + (complex ? " (" + e.dtype() + " pairs)" : "") + ", the bound arrays " + binding.length()
                    + "; pass a " + type.getSimpleName().replace("[]", "[" + (complex ? 2 * binding.length() : binding.length()) + "]")
                    + (complex ? ", a (re, im) pair an element" : ""));
        }
        Executable plan = PlanCache.plan(e, binding);
        Object result = plan.compute(binding, options.settings(), options.optimize(), out);
        e.repeatedCall = RepeatedCall.of(e, data, binding, plan, options, type);
        if (result != out) {
            // A pass without arrays gives one element: broadcast it.
            Object values = Array.getLength(result) == length ? result
                    : complex ? pairs(result, elements) : Conversions.fill(result, length);
            System.arraycopy(values, 0, out, 0, length);
        }
    }

    /** {@code n} copies of the complex number {@code pair} (a double[] or float[] of its parts), interleaved. */
    private static Object pairs(Object pair, int n) {
        Object values = Array.newInstance(pair.getClass().getComponentType(), 2 * n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(pair, 0, values, 2 * i, 2);
        }
        return values;
    }

    /** Whether the elementwise part of {@code e} (outside its reductions) reads a bound array. */
    private static boolean readsArrays(Expr e, Binding binding) {
        if (e instanceof Symbol symbol) {
            return binding.isArray(symbol.name());
        }
        if (e instanceof Reduction) {
            return false;
        }
        for (Expr child : e.children()) {
            if (readsArrays(child, binding)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fused engine's plan for {@code e} on {@code data}, as text: for each pass its length,
     * block size and threads, the scalars computed once, and each step with how it runs:
     * "fused block evaluation" for built-in operators and functions (", Vector API" where they
     * use it), for each @Vectorize call "generated SIMD kernel", "generated scalar kernel" or
     * "reflective fallback", and "in the generated loop" for the steps of a pass compiled into
     * one loop (see {@link Options#generateLoops}). Nothing is computed.
     */
    public static String explain(Expr e, Map<String, ?> data) {
        return explain(e, data, Options.defaults());
    }

    /** As {@link #explain(Expr, Map)}, for these options. */
    public static String explain(Expr e, Map<String, ?> data, Options options) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(options, "options");
        Binding binding = Binding.of(e, data);
        if (!options.optimize()) {
            return "operator by operator over whole arrays (optimize = false)\n";
        }
        return PlanCache.plan(e, binding).explain(binding, options.settings());
    }

    /**
     * How to compute: immutable; each setter returns a changed copy.
     * Defaults: optimize, serial, blocks of {@value #DEFAULT_BLOCK_SIZE} elements, vector math,
     * generated loops.
     */
    public static final class Options {

        /** 4096 elements: 32 KiB per float64 register, so a pass's registers stay in L1/L2 cache. */
        public static final int DEFAULT_BLOCK_SIZE = 4096;

        /** The largest block size: 8 MiB per float64 register. */
        public static final int MAX_BLOCK_SIZE = 1 << 20;

        private static final Options DEFAULTS = new Options(true, false, DEFAULT_BLOCK_SIZE, true, true, false);

        private final boolean optimize;
        private final boolean parallel;
        private final int blockSize;
        private final boolean vectorMath;
        private final boolean generateLoops;
        /** For tests: every generated loop is the scalar one, as while a Vector API loop warms. */
        private final boolean scalarLoops;

        private Options(boolean optimize, boolean parallel, int blockSize, boolean vectorMath, boolean generateLoops,
                boolean scalarLoops) {
            this.optimize = optimize;
            this.parallel = parallel;
            this.blockSize = blockSize;
            this.vectorMath = vectorMath;
            this.generateLoops = generateLoops;
            this.scalarLoops = scalarLoops;
        }

        public static Options defaults() {
            return DEFAULTS;
        }

        /** The fused engine (true) or operator by operator (false). */
        public Options optimize(boolean optimize) {
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        /**
         * Whether the fused engine splits its blocks across threads (through {@link Parallel}).
         * Results equal the serial ones bit for bit, reductions too; math functions on the
         * Vector API within the bound, as which value comes out depends on the JIT (see the
         * class comment).
         */
        public Options parallel(boolean parallel) {
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        /**
         * The number of elements per block of the fused engine, and of the blocks reductions
         * fold (in both engines, so that they agree).
         *
         * @throws IllegalArgumentException unless {@code 1 <= blockSize <= }{@value #MAX_BLOCK_SIZE}
         */
        public Options blockSize(int blockSize) {
            if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
                throw new IllegalArgumentException("blockSize must be from 1 to " + MAX_BLOCK_SIZE + ", not "
                        + blockSize + " (default " + DEFAULT_BLOCK_SIZE + ")");
            }
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        /**
         * Whether the fused engine computes math functions (exp, log, sin, ...) with the Vector
         * API where it is present: 3 to 60 times faster, within {@value Compute#VECTOR_MATH_ULPS}
         * ulp of {@link Math}'s results, but not reproducible bit for bit (see the class comment).
         * Turn it off for results identical to {@code optimize = false} and to other runs.
         */
        public Options vectorMath(boolean vectorMath) {
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        /**
         * Whether the fused engine may compile a pass into a loop of its own (a hidden class,
         * where the Vector API is present with vectors of 256 bits or more, on x86 AVX2 and up;
         * defined when the pass first runs or is explained): one pass over memory with every
         * value in registers, instead of one pass over each block per operator. It covers the
         * elementwise part of a pass, a reduction's operand too: {@code + - * /} and unary minus,
         * {@code min}, {@code max}, {@code abs}, {@code sqrt}, {@code x ** 2} (and
         * {@code pow(x, 2)}), the math functions (only with {@link #vectorMath}; {@code tanh}
         * only on x86 with AVX-512), comparisons and {@code where} (bools, bool arrays too, are
         * masks), and @Vectorize calls whose overload has a lane function (the processor writes
         * one for small float64 methods). float64 passes load int64, int32 and float32 arrays
         * converted, as exactly as Java converts them ({@code x * q} for an int64 {@code q});
         * float32 passes (but calls) get a float32 loop, its math functions on the vector
         * library's float routines; int64 and int32 passes of {@code + - *}, unary minus,
         * {@code abs}, {@code min}, {@code max}, {@code ** 2}, comparisons and {@code where} get
         * an integer loop that wraps around as Java does (int64 ones load int32 arrays
         * converted). float64 and int64 loops also take comparisons of the other's arrays and
         * numbers as conditions ({@code where(q > 0, x, 0)}, {@code where(x > 0, q, 0)}). The rest
         * run block by block either way: {@code %}, other powers (with the vector library's pow on
         * x86 with AVX-512), {@code tanh} elsewhere, conversions of computed values
         * ({@code (f * 2) * x} for a float32 {@code f}), comparisons of bools, other comparisons
         * feeding {@code where} of another type, passes whose result is bool (JDK 17 allocates to
         * store a mask), other functions, passes too large for one loop, arrays shorter than a
         * vector, and reductions in blocks shorter than one. Loops are cached by their code:
         * expressions that differ only in constants share one.
         *
         * <p>Arithmetic results are the same bit for bit either way. Math functions agree
         * within {@value Compute#VECTOR_MATH_ULPS} ulp, not bit for bit (see the class
         * comment: which value within the bound comes out depends on the JIT). Off, for
         * comparing the two.
         */
        public Options generateLoops(boolean generateLoops) {
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        public boolean optimize() {
            return optimize;
        }

        /**
         * The path calls take while a pass's Vector API loop warms, for every call: each pass
         * that has a generated scalar loop runs it (the others as without this). For the tests,
         * which run with the warm-up off.
         */
        Options scalarLoops(boolean scalarLoops) {
            return new Options(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        /** What the engines need of these options. */
        Settings settings() {
            return new Settings(blockSize, parallel, vectorMath, generateLoops, scalarLoops);
        }

        public boolean parallel() {
            return parallel;
        }

        public int blockSize() {
            return blockSize;
        }

        public boolean vectorMath() {
            return vectorMath;
        }

        public boolean generateLoops() {
            return generateLoops;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Options that && optimize == that.optimize && parallel == that.parallel
                    && blockSize == that.blockSize && vectorMath == that.vectorMath
                    && generateLoops == that.generateLoops && scalarLoops == that.scalarLoops;
        }

        @Override
        public int hashCode() {
            return Objects.hash(optimize, parallel, blockSize, vectorMath, generateLoops, scalarLoops);
        }

        @Override
        public String toString() {
            return "Options[optimize=" + optimize + ", parallel=" + parallel + ", blockSize=" + blockSize
                    + ", vectorMath=" + vectorMath + ", generateLoops=" + generateLoops + "]";
        }
    }
}
