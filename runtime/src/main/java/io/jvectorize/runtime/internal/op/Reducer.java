package io.jvectorize.runtime.internal.op;

import io.jvectorize.runtime.Complex;
import io.jvectorize.runtime.DType;

/**
 * How a reduction folds its operand: block by block into a {@link Partial}, the
 * partials combined in block order. Both engines fold the same blocks the same way, and the
 * parallel engine stores one partial per block and combines them in order afterwards, so the
 * result does not depend on the engine or the number of threads.
 *
 * <ul>
 *   <li>Float sums (sum, mean, the mean inside var/std) add each block into four interleaved
 *       partial sums (element {@code i} of the block into lane {@code i % 4}), combined as
 *       {@code (s0 + s1) + (s2 + s3)}; block sums are then added in order. -0.0 is the
 *       starting value (the identity of IEEE addition); an empty sum is 0.0.
 *   <li>var and std (population, {@code ddof = 0}) take each block's count, mean and sum of
 *       squared deviations, and combine them in order by Chan et al.'s parallel formula.
 *   <li>min and max are NaN if any element is; empty operands have no minimum (an error, as in NumPy).
 *   <li>The nan variants skip NaN: nansum of only NaN is 0.0, nanmean, nanmin and nanmax NaN.
 *       On integers and booleans they equal the plain ones.
 *   <li>Integer sums wrap around in long; means and variances of integers and booleans are
 *       computed in float64; float32 reductions accumulate in double and round once at the end.
 *   <li>Complex values (interleaved pairs) sum each part as a float sum, so {@code sum(z).real}
 *       is {@code sum(z.real)} bit for bit; their mean is the sum times {@code 1/n}, as NumPy
 *       divides a complex sum by a count; var and std are real, the mean of {@code |z - mean|²}
 *       (NumPy's), merged by Chan's formula with {@code |δ|²}. nansum, nanmean and nancount skip
 *       elements with a NaN part. min and max of complex values are refused before this
 *       (see {@code Reduction}).
 * </ul>
 */
public final class Reducer {

    /** One block's (or the running total's) state; which fields mean what depends on the fold. */
    public static final class Partial {
        /** Elements taken into account: all of them, or the non-NaN ones for the nan variants. */
        long count;
        /** Float sum, mean, minimum or maximum. */
        double value;
        /** Sum of squared deviations from {@link #value}, for var and std. */
        double m2;
        /** Integer sum, minimum or maximum; for booleans 1 or 0. */
        long bits;
        /** The imaginary part of a complex sum or mean ({@link #value} holds the real part). */
        double imag;

        public Partial copy() {
            Partial p = new Partial();
            p.count = count;
            p.value = value;
            p.m2 = m2;
            p.bits = bits;
            p.imag = imag;
            return p;
        }
    }

    private final ReductionKind kind;
    private final DType inputType;
    private final DType type;
    private final String text;

    /**
     * @param kind what it computes
     * @param operandType the type of the values it reduces
     * @param type the type of its result
     * @param text the reduction as the expression writes it, for error messages
     */
    public Reducer(ReductionKind kind, DType operandType, DType type, String text) {
        this.kind = kind;
        this.inputType = inputType(kind, operandType);
        this.type = type;
        this.text = text;
    }

    /** The type the operand is converted to before folding: float64 for means of integers, int64 for sums of booleans. */
    public static DType inputType(ReductionKind kind, DType operand) {
        if (operand.isComplex()) {
            return operand;
        }
        switch (kind) {
            case MEAN: case NANMEAN: case VAR: case STD:
                return operand.isFloating() ? operand : DType.FLOAT64;
            case SUM: case NANSUM:
                return operand == DType.BOOLEAN ? DType.INT64 : operand;
            default:
                return operand;
        }
    }

    public ReductionKind kind() {
        return kind;
    }

    public DType inputType() {
        return inputType;
    }

    /** min and max of nothing have no value: NumPy's error. */
    public void checkLength(int length) {
        boolean needsElement = kind == ReductionKind.MIN || kind == ReductionKind.MAX
                || kind == ReductionKind.NANMIN || kind == ReductionKind.NANMAX;
        if (needsElement && length == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.text()
                    + " which has no identity: " + text + " over 0 elements");
        }
    }

    /** A running total before any block. */
    public Partial start() {
        Partial p = new Partial();
        p.value = -0.0;
        p.imag = -0.0;
        return p;
    }

    /** Sets {@code p} to the partial of {@code n >= 1} elements of {@code block} from {@code off}. */
    public void fold(Object block, int off, int n, Partial p) {
        p.count = n;
        p.value = 0;
        p.m2 = 0;
        p.bits = 0;
        p.imag = 0;
        if (inputType.isComplex()) {
            foldPairs((double[]) block, off, n, p);
        } else if (block instanceof double[]) {
            foldDoubles((double[]) block, off, n, p);
        } else if (block instanceof long[]) {
            foldLongs((long[]) block, off, n, p);
        } else {
            foldBooleans((boolean[]) block, off, n, p);
        }
    }

    private void foldDoubles(double[] v, int off, int n, Partial p) {
        switch (kind) {
            case SUM: case MEAN:
                p.value = sum(v, off, n, false);
                break;
            case NANSUM: case NANMEAN:
                p.value = sum(v, off, n, true);
                p.count = countNonNaN(v, off, n);
                break;
            case VAR: case STD:
                p.value = sum(v, off, n, false) / n;
                p.m2 = squaredDeviations(v, off, n, p.value);
                break;
            case MIN: {
                double m = v[off];
                for (int i = off + 1; i < off + n; i++) { m = Math.min(m, v[i]); }
                p.value = m;
                break;
            }
            case MAX: {
                double m = v[off];
                for (int i = off + 1; i < off + n; i++) { m = Math.max(m, v[i]); }
                p.value = m;
                break;
            }
            case NANMIN: {
                double m = Double.POSITIVE_INFINITY;
                for (int i = off; i < off + n; i++) { m = Double.isNaN(v[i]) ? m : Math.min(m, v[i]); }
                p.value = m;
                p.count = countNonNaN(v, off, n);
                break;
            }
            case NANMAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = off; i < off + n; i++) { m = Double.isNaN(v[i]) ? m : Math.max(m, v[i]); }
                p.value = m;
                p.count = countNonNaN(v, off, n);
                break;
            }
            case NANCOUNT:
                p.count = countNonNaN(v, off, n);
                break;
            default: // COUNT
        }
    }

    /** Complex values: {@code n} (re, im) pairs from pair {@code off}. */
    private void foldPairs(double[] v, int off, int n, Partial p) {
        switch (kind) {
            case SUM: case MEAN:
                p.value = partSum(v, off, n, 0, false);
                p.imag = partSum(v, off, n, 1, false);
                break;
            case NANSUM: case NANMEAN: {
                p.value = partSum(v, off, n, 0, true);
                p.imag = partSum(v, off, n, 1, true);
                p.count = countNonNaNPairs(v, off, n);
                break;
            }
            case VAR: case STD: {
                p.value = partSum(v, off, n, 0, false) / n;
                p.imag = partSum(v, off, n, 1, false) / n;
                double m2 = 0;
                for (int i = off; i < off + n; i++) {
                    double dr = v[2 * i] - p.value;
                    double di = v[2 * i + 1] - p.imag;
                    m2 += dr * dr + di * di;
                }
                p.m2 = m2;
                break;
            }
            case NANCOUNT:
                p.count = countNonNaNPairs(v, off, n);
                break;
            case COUNT:
                break;
            default:
                throw new IllegalStateException(kind + " of complex values"); // Reduction refuses it
        }
    }

    /**
     * The sum of part {@code part} (0 real, 1 imaginary) of {@code n} pairs from pair {@code off}:
     * the chains of {@link #sum(double[], int, int, boolean)} over those values, read in place (a
     * block's fold allocates nothing). Where {@code skipNaNPairs}, a pair with a NaN part counts as
     * (0, 0), as NumPy's nansum replaces it.
     */
    private static double partSum(double[] v, int off, int n, int part, boolean skipNaNPairs) {
        double s0 = -0.0;
        double s1 = -0.0;
        double s2 = -0.0;
        double s3 = -0.0;
        int k = off;
        int end = off + n;
        for (; k + 3 < end; k += 4) {
            s0 += part(v, k, part, skipNaNPairs);
            s1 += part(v, k + 1, part, skipNaNPairs);
            s2 += part(v, k + 2, part, skipNaNPairs);
            s3 += part(v, k + 3, part, skipNaNPairs);
        }
        if (k < end) { s0 += part(v, k++, part, skipNaNPairs); }
        if (k < end) { s1 += part(v, k++, part, skipNaNPairs); }
        if (k < end) { s2 += part(v, k, part, skipNaNPairs); }
        return (s0 + s1) + (s2 + s3);
    }

    private static double part(double[] v, int pair, int part, boolean skipNaNPairs) {
        double re = v[2 * pair];
        double im = v[2 * pair + 1];
        if (skipNaNPairs && (re != re || im != im)) {
            return 0.0;
        }
        return part == 0 ? re : im;
    }

    private static long countNonNaNPairs(double[] v, int off, int n) {
        long count = 0;
        for (int i = off; i < off + n; i++) {
            count += v[2 * i] == v[2 * i] && v[2 * i + 1] == v[2 * i + 1] ? 1 : 0;
        }
        return count;
    }

    private void foldLongs(long[] v, int off, int n, Partial p) {
        switch (kind) {
            case SUM: case NANSUM: {
                long s = 0;
                for (int i = off; i < off + n; i++) { s += v[i]; }
                p.bits = s;
                break;
            }
            case MIN: case NANMIN: {
                long m = v[off];
                for (int i = off + 1; i < off + n; i++) { m = Math.min(m, v[i]); }
                p.bits = m;
                break;
            }
            case MAX: case NANMAX: {
                long m = v[off];
                for (int i = off + 1; i < off + n; i++) { m = Math.max(m, v[i]); }
                p.bits = m;
                break;
            }
            default: // COUNT, NANCOUNT; means and variances fold converted doubles
        }
    }

    private void foldBooleans(boolean[] v, int off, int n, Partial p) {
        switch (kind) {
            case MIN: case NANMIN: {
                boolean all = true;
                for (int i = off; i < off + n; i++) { all &= v[i]; }
                p.bits = all ? 1 : 0;
                break;
            }
            case MAX: case NANMAX: {
                boolean any = false;
                for (int i = off; i < off + n; i++) { any |= v[i]; }
                p.bits = any ? 1 : 0;
                break;
            }
            default: // COUNT, NANCOUNT; sums, means and variances fold converted numbers
        }
    }

    /** Four interleaved sums: a quarter of the rounding error of one, and four independent chains for the CPU. */
    static double sum(double[] v, int off, int n, boolean skipNaN) {
        double s0 = -0.0;
        double s1 = -0.0;
        double s2 = -0.0;
        double s3 = -0.0;
        int i = off;
        int end = off + n;
        if (skipNaN) {
            // NaN counts as +0.0, as in NumPy's nansum (so an all-NaN sum is +0.0).
            for (; i + 3 < end; i += 4) {
                s0 += nanToZero(v[i]);
                s1 += nanToZero(v[i + 1]);
                s2 += nanToZero(v[i + 2]);
                s3 += nanToZero(v[i + 3]);
            }
            if (i < end) { s0 += nanToZero(v[i++]); }
            if (i < end) { s1 += nanToZero(v[i++]); }
            if (i < end) { s2 += nanToZero(v[i]); }
        } else {
            for (; i + 3 < end; i += 4) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
            }
            if (i < end) { s0 += v[i++]; }
            if (i < end) { s1 += v[i++]; }
            if (i < end) { s2 += v[i]; }
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double nanToZero(double x) {
        return x != x ? 0.0 : x;
    }

    private static double squaredDeviations(double[] v, int off, int n, double mean) {
        double s0 = 0;
        double s1 = 0;
        int i = off;
        int end = off + n;
        for (; i + 1 < end; i += 2) {
            double d0 = v[i] - mean;
            double d1 = v[i + 1] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        if (i < end) {
            double d = v[i] - mean;
            s0 += d * d;
        }
        return s0 + s1;
    }

    private static long countNonNaN(double[] v, int off, int n) {
        long count = 0;
        for (int i = off; i < off + n; i++) {
            count += v[i] == v[i] ? 1 : 0;
        }
        return count;
    }

    /** Adds the next block's partial to the running total. */
    public void combine(Partial total, Partial block) {
        boolean floating = inputType.isFloating();
        switch (kind) {
            case SUM: case NANSUM: case MEAN: case NANMEAN:
                total.value += block.value;
                total.imag += block.imag;
                total.bits += block.bits;
                break;
            case VAR: case STD:
                if (total.count == 0) {
                    total.value = block.value;
                    total.imag = block.imag;
                    total.m2 = block.m2;
                } else if (inputType.isComplex()) {
                    // The same merge with the complex means: |δ|² in place of δ².
                    double n = total.count + (double) block.count;
                    double dr = block.value - total.value;
                    double di = block.imag - total.imag;
                    double weight = (double) block.count / n;
                    total.value += dr * weight;
                    total.imag += di * weight;
                    total.m2 += block.m2 + (dr * dr + di * di) * (total.count * (double) block.count / n);
                } else {
                    // Chan, Golub and LeVeque: merge two (count, mean, M2) summaries.
                    double na = total.count;
                    double nb = block.count;
                    double n = na + nb;
                    double delta = block.value - total.value;
                    total.value += delta * (nb / n);
                    total.m2 += block.m2 + delta * delta * (na * nb / n);
                }
                break;
            case MIN: case MAX: case NANMIN: case NANMAX:
                boolean lower = kind == ReductionKind.MIN || kind == ReductionKind.NANMIN;
                if (block.count == 0) {
                    break;
                } else if (total.count == 0) {
                    total.value = block.value;
                    total.bits = block.bits;
                } else if (floating) {
                    total.value = lower ? Math.min(total.value, block.value) : Math.max(total.value, block.value);
                } else {
                    total.bits = lower ? Math.min(total.bits, block.bits) : Math.max(total.bits, block.bits);
                }
                break;
            default: // COUNT, NANCOUNT
        }
        total.count += block.count;
    }

    /** The reduction's value, boxed as its type: Double, Float, Long, Integer, Boolean or Complex. */
    public Object finish(Partial total) {
        if (type.isComplex()) {
            boolean sum = kind == ReductionKind.SUM || kind == ReductionKind.NANSUM;
            // NumPy divides a complex sum by the count as complex division does: times 1/n.
            double scale = sum ? 1 : 1.0 / total.count;
            double re = total.count == 0 && sum ? 0.0 : total.value * scale;
            double im = total.count == 0 && sum ? 0.0 : total.imag * scale;
            return type == DType.COMPLEX64 ? Complex.of((float) re, (float) im) : Complex.of(re, im);
        }
        switch (kind) {
            case COUNT: case NANCOUNT:
                return total.count;
            case SUM: case NANSUM:
                if (!inputType.isFloating()) {
                    return total.bits;
                }
                return box(type, total.count == 0 ? 0.0 : total.value);
            case MEAN: case NANMEAN:
                return box(type, total.value / total.count);
            case VAR:
                return box(type, total.count == 0 ? Double.NaN : total.m2 / total.count);
            case STD:
                return box(type, total.count == 0 ? Double.NaN : Math.sqrt(total.m2 / total.count));
            default: // MIN, MAX, NANMIN, NANMAX
                if (type == DType.BOOLEAN) {
                    return total.bits != 0;
                }
                if (type.isIntegral()) {
                    return type == DType.INT32 ? (Object) (int) total.bits : (Object) total.bits;
                }
                return box(type, total.count == 0 ? Double.NaN : total.value);
        }
    }

    private static Object box(DType type, double value) {
        return type == DType.FLOAT32 ? (Object) (float) value : (Object) value;
    }
}
