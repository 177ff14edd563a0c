package io.jvectorize.runtime.internal.kernel;

import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.internal.emit.ClassFiles;
import io.jvectorize.runtime.internal.op.Kind;
import io.jvectorize.runtime.internal.op.Lane;
import io.jvectorize.runtime.internal.op.Operator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The block kernels of every operator, generated from the operator table on first use and kept:
 * a scalar kernel per operator, kind of operands and choice of scalar operands, which every
 * engine can run; and where the Vector API is present, a Vector API kernel per operator and
 * choice of scalar operands over float64 (and float32, held in double) values, for the
 * operators with a lane form that gives numbers (comparisons and {@code where} give and take
 * masks, which JDK 17 allocates to store).
 *
 * <p>Each kernel is a class of its own, so that C2 compiles each loop for its one operator: one
 * method looping over many operators, or taking the operator as a parameter, runs many times
 * slower (C2 intrinsifies a lanewise operation only where the operator is a constant).
 */
public final class Kernels {

    private record Key(Operator op, Kind kind, int scalars, boolean vector) {
    // equals and hashCode written out: a record's generated ones bootstrap method handles on
    // first use, which a fresh JVM's first compute would pay for (#18).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && op == that.op && kind == that.kind && scalars == that.scalars
                    && vector == that.vector;
        }

        @Override
        public int hashCode() {
            return ((31 * op.hashCode() + kind.hashCode()) * 31 + scalars) * 2 + (vector ? 1 : 0);
        }
    }

    private static final Map<Key, BlockKernel> KERNELS = new ConcurrentHashMap<>();
    private static final Map<Key, Optional<BlockKernel>> VECTOR_KERNELS = new ConcurrentHashMap<>();

    private Kernels() {}

    /**
     * The scalar kernel of {@code op} on operands of this kind (the branches' kind for
     * {@code where}), taking the operands whose bit is set in {@code scalars} as scalars.
     *
     * @throws IllegalStateException if {@code op} has no scalar form for this kind (typing rules that out)
     */
    public static BlockKernel scalar(Operator op, Kind kind, int scalars) {
        if (!op.scalar().appliesTo(kind)) {
            throw new IllegalStateException("no " + kind + " kernel for " + op);
        }
        return KERNELS.computeIfAbsent(new Key(op, kind, scalars, false), key -> {
            KernelCode code = new KernelCode(name(key), op, kind, scalars);
            code.scalarLoop();
            return define(key, code);
        });
    }

    /**
     * The Vector API kernel of {@code op} on float64 (or float32) values, with the scalar
     * operands {@code scalars}, or empty where it has none here (no lane form for float64
     * lanes, one that gives or takes masks, or none the vector library has on this machine).
     * Empty without the Vector API on 256-bit vectors or wider. Whether its results may differ
     * from the scalar kernel's ({@link Lane#vectorMath}) is the caller's to ask.
     */
    public static Optional<BlockKernel> vector(Operator op, int scalars) {
        if (!Simd.ENABLED || op.lane().isEmpty() || op.lane().get().form() == Lane.Form.COMPARE
                || op.lane().get().form() == Lane.Form.PREDICATE || op.lane().get().form() == Lane.Form.BLEND
                || !op.scalar().appliesTo(Kind.DOUBLE)) {
            return Optional.empty();
        }
        return VECTOR_KERNELS.computeIfAbsent(new Key(op, Kind.DOUBLE, scalars, true),
                key -> VectorKernelCode.write(name(key), op, scalars).map(code -> define(key, code)));
    }

    private static String name(Key key) {
        return "io/jvectorize/runtime/internal/kernel/" + (key.vector ? "Vector" : "Scalar")
                + key.op.name().charAt(0) + key.op.name().substring(1).toLowerCase(Locale.ROOT)
                + "Of" + key.kind.name().charAt(0) + key.kind.name().substring(1).toLowerCase(Locale.ROOT) + "s"
                + (key.scalars == 0 ? "" : "Scalar" + key.scalars);
    }

    /** A kernel is not optional: a class that cannot be written or defined is a bug, in production too. */
    private static BlockKernel define(Key key, KernelCode code) {
        try {
            MethodHandles.Lookup lookup = ClassFiles.define(MethodHandles.lookup(), code.finish(),
                    List.of(key.op.scalar().function(key.kind)));
            return (BlockKernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the block kernel of " + key.op + " on " + key.kind
                    + (key.vector ? " lanes" : "s"), e);
        }
    }
}
