package io.jvectorize.runtime.internal.jit;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.ir.Operand;
import io.jvectorize.runtime.internal.ir.Pass;
import io.jvectorize.runtime.internal.ir.Step;
import io.jvectorize.runtime.internal.lanes.Element;
import io.jvectorize.runtime.internal.lanes.LaneCode;
import io.jvectorize.runtime.internal.lanes.VectorSupport;
import io.jvectorize.runtime.internal.op.Lane;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a pass's element steps fit one generated loop, and how each runs in it: the analysis
 * apart from the writing. Every value of the loop is a vector of one {@link Element}'s lanes (the
 * result's, or the reduction's operand's) or a mask (a bool); numbers are broadcast before the
 * loop. A step fits where
 * <ul>
 *   <li>it loads a bound array of the element's type, of another type that loads converted into
 *       its lanes ({@link Element#convertingLoad}), or a {@code boolean[]} as a mask;
 *   <li>it applies an operator whose lane form the element has ({@link LaneCode#has}), that a
 *       loop may hold ({@link Lane#fusable}), to values of the element (the condition of
 *       {@code where}: a mask), giving a value of the element or, for a comparison, a mask; a
 *       comparison of the element's partner's bound arrays and numbers is a mask too, compared as
 *       partner lanes and cast ({@code where(q > 0, x, 0)} for an int64 {@code q});
 *   <li>it combines masks with logic ({@code & | ^ ~} of booleans), giving a mask;
 *   <li>it calls a @Vectorize overload with a lane function, of float64 values.
 * </ul>
 * Conversions of computed values, operators without a lane form here, bool results (JDK 17
 * allocates for every mask it stores) and other types stay with the block engine.
 */
final class LoopShape {

    /**
     * The most vector operations (loads, operators, the store, and a call's lane operations)
     * one loop may hold; a larger pass stays with the block engine. A loop's values compete for
     * the CPU's vector registers, its broadcast numbers among them for the whole loop, and each
     * math function is a call across which they are all saved and restored. Measured on sums of
     * {@code x * c} terms over 2^20 elements (AVX-512): 34 operations ran 5x faster than the
     * block engine and 38 three times slower than 34; with an {@code exp} per term, 38
     * operations ran 1.4x faster than the block engine and 44 slower than it.
     */
    static final int MAX_OPERATIONS = 36;

    /** How a step's value is had in the loop. */
    enum Role {
        /** A bound array loaded as the element's lanes. */
        LOAD,
        /** A bound array of another type loaded converted into the element's lanes. */
        CONVERTING_LOAD,
        /** A {@code boolean[]} loaded as a mask. */
        MASK_LOAD,
        /** A bound array of the partner's type, loaded as the partner's lanes for a partner comparison. */
        PARTNER_LOAD,
        /** An operator on the element's lanes (or masks). */
        APPLY,
        /** Logic on masks: {@code &}, {@code |}, {@code ^}, {@code ~} of booleans. */
        MASK_APPLY,
        /** A comparison of partner lanes, its mask cast to the element's. */
        PARTNER_COMPARE,
        /** A call of a lane function. */
        CALL
    }

    final Pass pass;
    final Element element;
    final Role[] roles;
    /** The value the loop stores: the result, or what the reduction folds. */
    final Operand stored;
    /** Whether it stores float32 or int32 lanes widened, into the block engine's register a reduction folds. */
    final boolean widened;
    final boolean usesVectorMath;

    private LoopShape(Pass pass, Element element, Role[] roles, Operand stored, boolean widened,
            boolean usesVectorMath) {
        this.pass = pass;
        this.element = element;
        this.roles = roles;
        this.stored = stored;
        this.widened = widened;
        this.usesVectorMath = usesVectorMath;
    }

    /** The shape of the pass's loop; empty where its steps do not fit one (see the class comment). */
    static Optional<LoopShape> of(Pass pass) {
        Operand stored = pass.isReduction() ? pass.fold().operand() : pass.result();
        DType type = pass.isReduction() ? pass.fold().reducer().inputType() : pass.type();
        Element element = Element.of(type);
        if (element == null || stored.isNumber() || pass.steps().isEmpty()) {
            return Optional.empty();
        }
        Role[] roles = new Role[pass.steps().size()];
        Set<Integer> partnerLoads = new HashSet<>();
        boolean usesVectorMath = false;
        for (int s = roles.length - 1; s >= 0; s--) { // readers before what they read: partner loads are marked
            Step step = pass.steps().get(s);
            Role role = role(pass, step, element, partnerLoads.contains(s));
            if (role == null) {
                return Optional.empty();
            }
            if (role == Role.PARTNER_COMPARE) {
                for (Operand operand : step.operands()) {
                    if (!operand.isNumber()) {
                        partnerLoads.add(operand.index());
                    }
                }
            }
            roles[s] = role;
            usesVectorMath |= step instanceof Step.Apply apply && apply.op().lane().orElseThrow().vectorMath();
        }
        LoopShape shape = new LoopShape(pass, element, roles, stored, element.heldWider() && pass.isReduction(),
                usesVectorMath);
        return shape.operations() > MAX_OPERATIONS ? Optional.empty() : Optional.of(shape);
    }

    /** How the step runs in a loop of this element, or null where it cannot. */
    private static Role role(Pass pass, Step step, Element element, boolean partnerLoad) {
        if (step instanceof Step.Load load) {
            DType given = pass.inputs().get(load.input()).given();
            if (partnerLoad) {
                return load.type() == element.partner().dtype() && given == load.type() ? Role.PARTNER_LOAD : null;
            }
            if (load.type() == DType.BOOLEAN) {
                return given == DType.BOOLEAN ? Role.MASK_LOAD : null;
            }
            if (load.type() != element.dtype()) {
                return null;
            }
            return given == load.type() ? Role.LOAD : element.convertingLoad(given) != null ? Role.CONVERTING_LOAD : null;
        }
        if (step instanceof Step.Apply apply) {
            if (apply.op().lane().isEmpty() || !apply.op().lane().get().fusable()) {
                return null;
            }
            if (apply.type() == DType.BOOLEAN && apply.op().lane().get().appliesToMasks()) {
                for (Operand operand : apply.operands()) {
                    if (pass.typeOf(operand) != DType.BOOLEAN) {
                        return null;
                    }
                }
                return Role.MASK_APPLY;
            }
            boolean comparison = apply.op().lane().get().form() == Lane.Form.COMPARE
                    || apply.op().lane().get().form() == Lane.Form.PREDICATE;
            if (comparison && isPartnerComparison(pass, apply, element)) {
                return LaneCode.has(apply.op(), element.partner()) ? Role.PARTNER_COMPARE : null;
            }
            if (apply.type() != (comparison ? DType.BOOLEAN : element.dtype()) || !LaneCode.has(apply.op(), element)) {
                return null;
            }
            for (int k = 0; k < apply.operands().size(); k++) {
                boolean condition = apply.op().lane().get().form() == Lane.Form.BLEND && k == 0;
                if (pass.typeOf(apply.operands().get(k)) != (condition ? DType.BOOLEAN : element.dtype())) {
                    return null;
                }
            }
            return Role.APPLY;
        }
        if (step instanceof Step.Invoke invoke) {
            // A lane function exists only for float64 signatures.
            boolean float64 = invoke.type() == DType.FLOAT64
                    && invoke.overload().argumentTypes().stream().allMatch(t -> t == DType.FLOAT64);
            return element == Element.FLOAT64 && float64 && invoke.overload().lanes() != null ? Role.CALL : null;
        }
        return null; // a conversion of computed values
    }

    /**
     * Whether a comparison compares the partner's bound arrays (read as they are) and numbers:
     * the loop loads them as partner lanes and casts the mask. No partner arithmetic runs in the loop.
     */
    private static boolean isPartnerComparison(Pass pass, Step.Apply compare, Element element) {
        Element partner = element.partner();
        if (partner == null || partner.lanes() != element.lanes()) {
            return false;
        }
        for (Operand operand : compare.operands()) {
            if (pass.typeOf(operand) != partner.dtype()) {
                return false;
            }
            if (!operand.isNumber() && !(pass.steps().get(operand.index()) instanceof Step.Load load
                    && pass.inputs().get(load.input()).given() == partner.dtype())) {
                return false;
            }
        }
        return true;
    }

    /** The vector operations of the loop, as {@link #MAX_OPERATIONS} counts them. */
    long operations() {
        long operations = widened ? 3 : 1; // the store; a widened one is two conversions and two stores
        Set<String> loaded = new HashSet<>();
        for (int s = 0; s < roles.length; s++) {
            Step step = pass.steps().get(s);
            switch (roles[s]) {
                case APPLY:
                    operations += step instanceof Step.Apply apply
                            ? VectorSupport.operations(apply.op().lane().orElseThrow(), element) : 1;
                    break;
                case MASK_APPLY: case PARTNER_COMPARE:
                    operations++;
                    break;
                case CALL:
                    operations += ((Step.Invoke) step).overload().laneOperations();
                    break;
                default:
                    // A bound array is loaded once per iteration, however often the steps read it.
                    if (loaded.add(loadKey(s))) {
                        operations += roles[s] == Role.CONVERTING_LOAD ? element.convertingLoad(
                                pass.inputs().get(((Step.Load) step).input()).given()).operations() : 1;
                    }
            }
        }
        return operations;
    }

    /** Which loads of the loop are one: the same input, loaded the same way. */
    String loadKey(int step) {
        return ((Step.Load) pass.steps().get(step)).input() + "/" + roles[step];
    }
}
