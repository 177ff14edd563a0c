package io.jvectorize.runtime.internal.lanes;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.VectorMath;
import io.jvectorize.runtime.internal.op.Lane;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the Vector API does well on this machine. Touches {@code jdk.incubator.vector}: read only
 * behind {@code Simd.ENABLED}, so that without the module it is never loaded.
 */
public final class VectorSupport {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /**
     * Whether the Vector API pays here, for the generated loops and the block engine's vector
     * kernels alike: with vectors of 256 bits or more (on x86: AVX2 and up), whose halves hold
     * as many int32 and float32 lanes as they hold float64 ones. With 128-bit vectors (SSE; AVX
     * alone, where the JDK's vectors are 128-bit too), masks, blends, int64 comparisons,
     * conversions between vector sizes and vector math fall back to code that allocates and
     * runs 20 to 80 times slower (measured with -XX:UseAVX=1 and 0, JDK 17 and 25), so plain
     * loops run instead. Where a half-size shape does not exist (2048-bit SVE, whose half the
     * JDK rounds up to the maximum), loads that convert would read past a vector.
     */
    public static final boolean WIDE = SPECIES.vectorBitSize() >= 256
            && VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)))
                    .length() == SPECIES.length()
            && VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 2)))
                    .length() == SPECIES.length();

    /**
     * Whether a lane form that needs {@code routine} of the vector library runs here: where
     * {@link VectorMath} finds that the routine pays (the one place this is decided, for
     * generated kernels and the runtime alike).
     */
    public static boolean pays(Lane.Routine routine) {
        return switch (routine) {
            case NONE -> true;
            case POW -> VectorMath.VECTOR_POW;
            case TANH -> VectorMath.VECTOR_TANH;
        };
    }

    /**
     * The vector operations {@code lane} counts for in a generated loop of {@code element},
     * against the loop's budget: what the form states ({@link Lane#operations}), but 8 for
     * float64 tanh where it is {@code VectorMath.tanhFromExpm1} (AVX2), some 30 operations
     * around a call of the library's EXPM1, across which the loop's vectors are saved. Measured
     * (JDK 17, AVX2, 10^7 float64, docs/simd.md): three such tanh in one loop take 14.5 times the
     * copy kernel's time, block by block 25.7; so three fit a loop, and four (8 each) run block by block.
     */
    public static int operations(Lane lane, Element element) {
        return lane.routine() == Lane.Routine.TANH && element.dtype() == DType.FLOAT64
                && !VectorMath.LIBRARY_TANH_FLOAT64 ? 8 : lane.operations();
    }

    /** The bits of the preferred vector: 128, 256, 512. */
    public static final int BITS = SPECIES.vectorBitSize();

    private VectorSupport() {}
}
