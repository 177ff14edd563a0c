package io.jvectorize.samples.kernels;

/**
 * How far a kernel's result may be from the scalar method's: {@link #EXACT}, bit for bit (NaNs
 * aside, see {@link Bits}), or within {@code ulps} ulps of {@code max(|expected|, scale)}, NaN only
 * for NaN and an infinity only for the same infinity or the largest finite value of its sign
 * (see {@link Bits#assertWithin}).
 *
 * @param ulps the bound in ulps; 0 for bit for bit
 * @param scale the magnitude below which the bound is in ulps of it rather than of the expected value
 */
record Tolerance(int ulps, double scale) {
    static final Tolerance EXACT = new Tolerance(0, 0);

    Tolerance {
        if (ulps < 0 || !(scale >= 0) || ulps == 0 && scale != 0) {
            throw new IllegalArgumentException("not a tolerance: " + ulps + " ulps of " + scale);
        }
    }

    static Tolerance of(Approximate approximate) {
        return new Tolerance(approximate.ulps(), approximate.scale());
    }

    boolean isExact() {
        return ulps == 0;
    }

    @Override
    public String toString() {
        return isExact() ? "bit for bit" : scale == 0 ? "within " + ulps + " ulps"
                : "within " + ulps + " ulps of max(|result|, " + scale + ")";
    }
}
