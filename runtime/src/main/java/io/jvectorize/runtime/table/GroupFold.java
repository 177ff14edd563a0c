package io.jvectorize.runtime.table;

import io.jvectorize.runtime.internal.op.ReductionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds aggregations per group, for {@code groupBy(...).agg(...)}: one pass over the rows in
 * blocks of {@value #BLOCK} (so a block's group ids stay in cache while every aggregation folds
 * it), each aggregation a tight loop of its own over the block.
 *
 * <p>Semantics, per group, over its present values (a missing value is skipped; NaN is a value):
 * {@code count} counts them, {@code nancount} those that are not NaN; {@code sum} and
 * {@code nansum} add them (0 for none; integers and bools in int64, wrapping, floats in double,
 * in row order, float32 rounded once at the end); {@code mean}, {@code var} and {@code std}
 * (population, Welford's update) are NaN if one value is; {@code min} and {@code max} are NaN
 * if one value is, the nan variants skip NaN (NaN where all are). Where a group has no present
 * value, all but count and sum are missing.
 */
public final class GroupFold {

    static final int BLOCK = 4096;

    /** One aggregation: its kind, the operand's values and mask (null: none missing), the result's type. */
    public record Aggregation(ReductionKind kind, Object values, boolean[] validity, ColumnType resultType) {}

    private GroupFold() {}

    /** The aggregations' results, one value per group, each a column of its result type. */
    public static List<ColumnData> fold(int[] ids, int groups, List<Aggregation> aggregations) {
        List<Accumulator> accumulators = new ArrayList<>();
        for (Aggregation aggregation : aggregations) {
            accumulators.add(accumulator(aggregation, ids, groups));
        }
        for (int from = 0; from < ids.length; from += BLOCK) {
            int to = Math.min(ids.length, from + BLOCK);
            for (Accumulator accumulator : accumulators) {
                accumulator.add(from, to);
            }
        }
        List<ColumnData> results = new ArrayList<>();
        for (Accumulator accumulator : accumulators) {
            results.add(accumulator.result());
        }
        return results;
    }

    private static Accumulator accumulator(Aggregation a, int[] ids, int groups) {
        boolean floating = a.values instanceof double[] || a.values instanceof float[];
        switch (a.kind) {
            case COUNT:
            case NANCOUNT:
                return new Count(ids, groups, a, floating && a.kind == ReductionKind.NANCOUNT);
            case SUM:
            case NANSUM:
            case MIN:
            case MAX:
            case NANMIN:
            case NANMAX:
                return floating ? new Doubles(ids, groups, a) : new Longs(ids, groups, a);
            default:
                return new Doubles(ids, groups, a);
        }
    }

    /** What an aggregation keeps per group while the blocks pass. */
    private abstract static class Accumulator {
        final int[] ids;
        final Aggregation aggregation;
        final boolean[] validity;
        /** Present values per group. */
        final long[] present;

        Accumulator(int[] ids, int groups, Aggregation aggregation) {
            this.ids = ids;
            this.aggregation = aggregation;
            this.validity = aggregation.validity;
            this.present = new long[groups];
        }

        abstract void add(int from, int to);

        abstract ColumnData result();

        /** A mask with the groups that have no present value missing; null where every group has one. */
        boolean[] groupsWithValues() {
            boolean[] mask = new boolean[present.length];
            boolean all = true;
            for (int g = 0; g < mask.length; g++) {
                mask[g] = present[g] > 0;
                all &= mask[g];
            }
            return all ? null : mask;
        }
    }

    private static final class Count extends Accumulator {
        private final boolean skipNaN;
        private final double[] scratch = new double[BLOCK];

        Count(int[] ids, int groups, Aggregation aggregation, boolean skipNaN) {
            super(ids, groups, aggregation);
            this.skipNaN = skipNaN;
        }

        @Override
        void add(int from, int to) {
            long[] n = present;
            if (skipNaN) {
                double[] x = Blocks.doubles(aggregation.values, from, to, scratch);
                int shift = x == aggregation.values ? 0 : from;
                for (int row = from; row < to; row++) {
                    if ((validity == null || validity[row]) && x[row - shift] == x[row - shift]) {
                        n[ids[row]]++;
                    }
                }
            } else if (validity == null) {
                for (int row = from; row < to; row++) {
                    n[ids[row]]++;
                }
            } else {
                for (int row = from; row < to; row++) {
                    if (validity[row]) {
                        n[ids[row]]++;
                    }
                }
            }
        }

        @Override
        ColumnData result() {
            return ColumnData.of(present.clone());
        }
    }

    /** Float operands (and the means and variances of any): folded in double. */
    private static final class Doubles extends Accumulator {
        private final ReductionKind kind;
        private final double[] scratch = new double[BLOCK];
        /** Sums, means (Welford) or extremes, by kind. */
        private final double[] value;
        /** Welford's sums of squared deviations. */
        private final double[] m2;
        /** Values that are not NaN, for the nan variants. */
        private final long[] numbers;

        Doubles(int[] ids, int groups, Aggregation aggregation) {
            super(ids, groups, aggregation);
            this.kind = aggregation.kind;
            this.value = new double[groups];
            this.m2 = kind == ReductionKind.VAR || kind == ReductionKind.STD ? new double[groups] : null;
            this.numbers = new long[groups];
            double start = kind == ReductionKind.MIN || kind == ReductionKind.NANMIN ? Double.POSITIVE_INFINITY
                    : kind == ReductionKind.MAX || kind == ReductionKind.NANMAX ? Double.NEGATIVE_INFINITY : 0;
            java.util.Arrays.fill(value, start);
        }

        @Override
        void add(int from, int to) {
            double[] x = Blocks.doubles(aggregation.values, from, to, scratch);
            int shift = x == aggregation.values ? 0 : from;
            long[] n = present;
            double[] v = value;
            switch (kind) {
                case SUM:
                case MEAN:
                    for (int row = from; row < to; row++) {
                        if (validity == null || validity[row]) {
                            int g = ids[row];
                            n[g]++;
                            v[g] += x[row - shift];
                        }
                    }
                    break;
                case NANSUM:
                case NANMEAN:
                    for (int row = from; row < to; row++) {
                        if (validity == null || validity[row]) {
                            int g = ids[row];
                            double xi = x[row - shift];
                            n[g]++;
                            if (xi == xi) {
                                numbers[g]++;
                                v[g] += xi;
                            }
                        }
                    }
                    break;
                case MIN:
                case MAX: {
                    boolean min = kind == ReductionKind.MIN;
                    for (int row = from; row < to; row++) {
                        if (validity == null || validity[row]) {
                            int g = ids[row];
                            n[g]++;
                            v[g] = min ? Math.min(v[g], x[row - shift]) : Math.max(v[g], x[row - shift]);
                        }
                    }
                    break;
                }
                case NANMIN:
                case NANMAX: {
                    boolean min = kind == ReductionKind.NANMIN;
                    for (int row = from; row < to; row++) {
                        if (validity == null || validity[row]) {
                            int g = ids[row];
                            double xi = x[row - shift];
                            n[g]++;
                            if (xi == xi) {
                                numbers[g]++;
                                v[g] = min ? Math.min(v[g], xi) : Math.max(v[g], xi);
                            }
                        }
                    }
                    break;
                }
                default: // VAR, STD: Welford's update, one value at a time.
                    for (int row = from; row < to; row++) {
                        if (validity == null || validity[row]) {
                            int g = ids[row];
                            double xi = x[row - shift];
                            long count = ++n[g];
                            double delta = xi - v[g];
                            v[g] += delta / count;
                            m2[g] += delta * (xi - v[g]);
                        }
                    }
            }
        }

        @Override
        ColumnData result() {
            int groups = value.length;
            double[] out = new double[groups];
            for (int g = 0; g < groups; g++) {
                long n = present[g];
                switch (kind) {
                    case SUM:
                    case NANSUM:
                        out[g] = value[g];
                        break;
                    case MEAN:
                        out[g] = value[g] / n;
                        break;
                    case NANMEAN:
                        out[g] = numbers[g] == 0 ? Double.NaN : value[g] / numbers[g];
                        break;
                    case VAR:
                        out[g] = m2[g] / n;
                        break;
                    case STD:
                        out[g] = Math.sqrt(m2[g] / n);
                        break;
                    case NANMIN:
                    case NANMAX:
                        out[g] = numbers[g] == 0 ? Double.NaN : value[g];
                        break;
                    default:
                        out[g] = value[g];
                }
            }
            boolean sums = kind == ReductionKind.SUM || kind == ReductionKind.NANSUM;
            boolean[] mask = sums ? null : groupsWithValues();
            if (aggregation.resultType == ColumnType.FLOAT32) {
                float[] rounded = new float[groups];
                for (int g = 0; g < groups; g++) {
                    rounded[g] = (float) out[g];
                }
                return ColumnData.of(rounded, mask);
            }
            return ColumnData.of(out, mask);
        }
    }

    /** Integer and bool operands of sums, mins and maxes: folded in int64 (sums wrap). */
    private static final class Longs extends Accumulator {
        private final ReductionKind kind;
        private final long[] scratch = new long[BLOCK];
        private final long[] value;

        Longs(int[] ids, int groups, Aggregation aggregation) {
            super(ids, groups, aggregation);
            this.kind = aggregation.kind;
            this.value = new long[groups];
            boolean min = kind == ReductionKind.MIN || kind == ReductionKind.NANMIN;
            boolean max = kind == ReductionKind.MAX || kind == ReductionKind.NANMAX;
            java.util.Arrays.fill(value, min ? Long.MAX_VALUE : max ? Long.MIN_VALUE : 0);
        }

        @Override
        void add(int from, int to) {
            long[] x = Blocks.longs(aggregation.values, from, to, scratch);
            int shift = x == aggregation.values ? 0 : from;
            long[] n = present;
            long[] v = value;
            boolean sum = kind == ReductionKind.SUM || kind == ReductionKind.NANSUM;
            boolean min = kind == ReductionKind.MIN || kind == ReductionKind.NANMIN;
            for (int row = from; row < to; row++) {
                if (validity == null || validity[row]) {
                    int g = ids[row];
                    long xi = x[row - shift];
                    n[g]++;
                    v[g] = sum ? v[g] + xi : min ? Math.min(v[g], xi) : Math.max(v[g], xi);
                }
            }
        }

        @Override
        ColumnData result() {
            boolean sum = kind == ReductionKind.SUM || kind == ReductionKind.NANSUM;
            boolean[] mask = sum ? null : groupsWithValues();
            int groups = value.length;
            switch (aggregation.resultType) {
                case INT32: {
                    int[] out = new int[groups];
                    for (int g = 0; g < groups; g++) {
                        out[g] = mask == null || mask[g] ? (int) value[g] : 0;
                    }
                    return ColumnData.of(out, mask);
                }
                case BOOL: {
                    boolean[] out = new boolean[groups];
                    for (int g = 0; g < groups; g++) {
                        out[g] = (mask == null || mask[g]) && value[g] != 0;
                    }
                    return ColumnData.of(out, mask);
                }
                default: {
                    long[] out = value.clone();
                    return ColumnData.of(out, mask);
                }
            }
        }
    }

    /** A block of an operand as doubles or longs: the array itself where it already is one. */
    private static final class Blocks {
        static double[] doubles(Object values, int from, int to, double[] scratch) {
            if (values instanceof double[] x) {
                return x;
            }
            if (values instanceof float[] f) {
                for (int row = from; row < to; row++) {
                    scratch[row - from] = f[row];
                }
            } else {
                long[] longs = longs(values, from, to, new long[to - from]);
                int shift = longs == values ? 0 : from;
                for (int row = from; row < to; row++) {
                    scratch[row - from] = longs[row - shift];
                }
            }
            return scratch;
        }

        static long[] longs(Object values, int from, int to, long[] scratch) {
            if (values instanceof long[] x) {
                return x;
            }
            if (values instanceof int[] i) {
                for (int row = from; row < to; row++) {
                    scratch[row - from] = i[row];
                }
            } else {
                boolean[] b = (boolean[]) values;
                for (int row = from; row < to; row++) {
                    scratch[row - from] = b[row] ? 1 : 0;
                }
            }
            return scratch;
        }
    }
}
