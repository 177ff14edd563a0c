package io.jvectorize.runtime.table;

import java.util.Arrays;
import java.util.List;

/**
 * The groups of a table's rows by key columns, for {@code groupBy}: one dense group id per
 * row, the keys hashed once, the groups numbered in key order.
 *
 * <ul>
 *   <li>Groups are numbered as pandas sorts group keys by default ({@code sort=True}): by the
 *       first key, then the next, each ascending as {@link RowOrder} orders values.
 *   <li>Rows with a missing key form one group of their own (per combination of the other
 *       keys), placed last, as SQL's {@code GROUP BY} and pandas' {@code dropna=False} do.
 *   <li>NaN keys form one group, after the numbers; {@code -0.0} and {@code 0.0} are one key.
 * </ul>
 *
 * <p>How: integer and bool keys whose values span a small range index an array by value (no
 * hashing; the ids come out in order). Other keys are hashed into ids in order of first
 * appearance (an open-addressing table over the values, int64 bits for floats,
 * {@link String#hashCode} for strings), their distinct values sorted, and the ids renumbered
 * by that order. Keys after the first are folded in pairwise: a row's pair (group so far, key
 * rank) as one long, ranked the same way. Memory: one int per row and a few per distinct key.
 */
public final class GroupIds {

    private final int[] ids;
    private final int count;
    private final int[] firstRows;

    private GroupIds(int[] ids, int count) {
        this.ids = ids;
        this.count = count;
        this.firstRows = new int[count];
        Arrays.fill(firstRows, -1);
        for (int row = 0; row < ids.length; row++) {
            if (firstRows[ids[row]] < 0) {
                firstRows[ids[row]] = row;
            }
        }
    }

    /**
     * The groups of {@code rowCount} rows by {@code keys}, the first most significant.
     *
     * @throws IllegalArgumentException if there is no key or a key's length is not {@code rowCount}
     */
    public static GroupIds of(List<ColumnData> keys, int rowCount) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("grouping needs at least one key column");
        }
        for (ColumnData key : keys) {
            if (key.length() != rowCount) {
                throw new IllegalArgumentException("a key column has " + key.length() + " rows, the table " + rowCount);
            }
        }
        Ranked ranked = ranked(keys.get(0), rowCount);
        int[] ids = ranked.ids;
        int count = ranked.count;
        for (int k = 1; k < keys.size(); k++) {
            Ranked next = ranked(keys.get(k), rowCount);
            long[] pairs = new long[rowCount];
            for (int row = 0; row < rowCount; row++) {
                pairs[row] = (long) ids[row] * next.count + next.ids[row];
            }
            // Codes in order of (group so far, key rank): sorting them numerically keeps the key order.
            Ranked combined = rankLongs(pairs, null, true);
            ids = combined.ids;
            count = combined.count;
        }
        return new GroupIds(ids, count);
    }

    /** The number of groups. */
    public int count() {
        return count;
    }

    /** Each row's group id, from 0 to {@code count() - 1}: the array itself, not a copy. */
    public int[] ids() {
        return ids;
    }

    /** Each group's first row, by group id: where its key values are read. The array itself, not a copy. */
    public int[] firstRows() {
        return firstRows;
    }

    /** Row ids by one key: dense, numbered in the key's order. */
    private record Ranked(int[] ids, int count) {}

    private static Ranked ranked(ColumnData key, int rowCount) {
        Object values = key.values();
        boolean[] validity = key.validity();
        if (values instanceof String[]) {
            return sortedBy(stringIds((String[]) values, rowCount), key, rowCount);
        }
        if (values instanceof boolean[]) {
            boolean[] v = (boolean[]) values;
            long[] codes = new long[rowCount];
            for (int row = 0; row < rowCount; row++) {
                codes[row] = v[row] ? 1 : 0;
            }
            return rankLongs(codes, validity, true);
        }
        if (values instanceof long[]) {
            return rankLongs((long[]) values, validity, true);
        }
        if (values instanceof int[]) {
            int[] v = (int[]) values;
            long[] codes = new long[rowCount];
            for (int row = 0; row < rowCount; row++) {
                codes[row] = v[row];
            }
            return rankLongs(codes, validity, true);
        }
        // Floats: hashed by their bits, one bit pattern for every NaN and for both zeros; ranked by value.
        double[] numbers = new double[rowCount];
        long[] codes = new long[rowCount];
        for (int row = 0; row < rowCount; row++) {
            double x = values instanceof double[] ? ((double[]) values)[row] : ((float[]) values)[row];
            numbers[row] = x == 0 ? 0.0 : x;
            codes[row] = Double.doubleToLongBits(numbers[row]);
        }
        Ranked byBits = rankLongs(codes, validity, false);
        return sortedBy(byBits, ColumnData.of(numbers, validity), rowCount);
    }

    /**
     * Dense ids for {@code codes}, which are only read (missing where {@code validity} says so,
     * one id last of all): numbered by the codes' numeric order where {@code numeric}, else in
     * order of first appearance.
     */
    private static Ranked rankLongs(long[] codes, boolean[] validity, boolean numeric) {
        if (numeric) {
            Ranked direct = rankSmallRange(codes, validity);
            if (direct != null) {
                return direct;
            }
        }
        int n = codes.length;
        LongIds table = new LongIds();
        int[] ids = new int[n];
        int missing = -1;
        for (int row = 0; row < n; row++) {
            if (validity != null && !validity[row]) {
                ids[row] = missing;
            } else {
                ids[row] = table.idOf(codes[row]);
            }
        }
        int present = table.size();
        int[] renumber;
        if (numeric) {
            renumber = table.ranks();
        } else {
            renumber = new int[present];
            for (int id = 0; id < present; id++) {
                renumber[id] = id;
            }
        }
        boolean anyMissing = false;
        for (int row = 0; row < n; row++) {
            if (ids[row] < 0) {
                ids[row] = present;
                anyMissing = true;
            } else {
                ids[row] = renumber[ids[row]];
            }
        }
        return new Ranked(ids, present + (anyMissing ? 1 : 0));
    }

    /** The widest range of codes {@link #rankSmallRange} indexes directly: 4 MiB of ints. */
    private static final int DIRECT_RANGE = 1 << 20;

    /**
     * Where the present codes span at most {@link #DIRECT_RANGE} values (and no more than the
     * rows, or 1024), ids without hashing: a code's id is the number of distinct codes below it,
     * read from an array indexed by {@code code - min}, as DuckDB's perfect hash aggregate does.
     * Null where the range is wider.
     */
    private static Ranked rankSmallRange(long[] codes, boolean[] validity) {
        int n = codes.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < n; row++) {
            if (validity == null || validity[row]) {
                min = Math.min(min, codes[row]);
                max = Math.max(max, codes[row]);
            }
        }
        long span = max - min; // negative where it overflows
        if (min > max || span < 0 || span >= Math.min(DIRECT_RANGE, Math.max(1024, n))) {
            return null;
        }
        int[] rank = new int[(int) span + 1];
        for (int row = 0; row < n; row++) {
            if (validity == null || validity[row]) {
                rank[(int) (codes[row] - min)] = 1;
            }
        }
        int present = 0;
        for (int code = 0; code < rank.length; code++) {
            rank[code] = rank[code] == 0 ? -1 : present++;
        }
        int[] ids = new int[n];
        boolean anyMissing = false;
        for (int row = 0; row < n; row++) {
            if (validity == null || validity[row]) {
                ids[row] = rank[(int) (codes[row] - min)];
            } else {
                ids[row] = present;
                anyMissing = true;
            }
        }
        return new Ranked(ids, present + (anyMissing ? 1 : 0));
    }

    /** Dense ids for strings in order of first appearance, null (missing) last. */
    private static Ranked stringIds(String[] values, int rowCount) {
        StringIds table = new StringIds();
        int[] ids = new int[rowCount];
        boolean anyMissing = false;
        for (int row = 0; row < rowCount; row++) {
            if (values[row] == null) {
                ids[row] = -1;
                anyMissing = true;
            } else {
                ids[row] = table.idOf(values[row]);
            }
        }
        int present = table.size();
        for (int row = 0; row < rowCount; row++) {
            if (ids[row] < 0) {
                ids[row] = present;
            }
        }
        return new Ranked(ids, present + (anyMissing ? 1 : 0));
    }

    /** {@code ranked}'s ids renumbered in the order {@link RowOrder} gives the groups' values in {@code key}. */
    private static Ranked sortedBy(Ranked ranked, ColumnData key, int rowCount) {
        int[] first = new int[ranked.count];
        Arrays.fill(first, -1);
        for (int row = 0; row < rowCount; row++) {
            if (first[ranked.ids[row]] < 0) {
                first[ranked.ids[row]] = row;
            }
        }
        int[] order = RowOrder.sorted(List.of(key.gather(first)), new boolean[] {true}, ranked.count);
        int[] rank = new int[ranked.count];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        int[] ids = new int[rowCount];
        for (int row = 0; row < rowCount; row++) {
            ids[row] = rank[ranked.ids[row]];
        }
        return new Ranked(ids, ranked.count);
    }

    /** Dense ids for long keys in order of first appearance: open addressing, linear probing. */
    private static final class LongIds {
        private long[] keys = new long[64];
        private int[] ids = filled(64);
        private int size;

        int idOf(long key) {
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
                int id = ids[slot];
                if (id < 0) {
                    keys[slot] = key;
                    ids[slot] = size;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (keys[slot] == key) {
                    return id;
                }
            }
        }

        int size() {
            return size;
        }

        /** Each id's rank among the keys in numeric order. */
        int[] ranks() {
            long[] byId = new long[size];
            for (int slot = 0; slot < keys.length; slot++) {
                if (ids[slot] >= 0) {
                    byId[ids[slot]] = keys[slot];
                }
            }
            long[] sorted = byId.clone();
            Arrays.sort(sorted);
            int[] rank = new int[size];
            for (int id = 0; id < size; id++) {
                rank[id] = Arrays.binarySearch(sorted, byId[id]);
            }
            return rank;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            ids = filled(keys.length);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIds[i] >= 0) {
                    int slot = hash(oldKeys[i]) & mask;
                    while (ids[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** Dense ids for strings in order of first appearance, as {@link LongIds}. */
    private static final class StringIds {
        private String[] keys = new String[64];
        private int[] ids = filled(64);
        private int size;

        int idOf(String key) {
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
                int id = ids[slot];
                if (id < 0) {
                    keys[slot] = key;
                    ids[slot] = size;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (keys[slot].equals(key)) {
                    return id;
                }
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new String[oldKeys.length * 2];
            ids = filled(keys.length);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIds[i] >= 0) {
                    int slot = hash(oldKeys[i]) & mask;
                    while (ids[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }

        private static int hash(String key) {
            int h = key.hashCode() * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private static int[] filled(int length) {
        int[] ids = new int[length];
        Arrays.fill(ids, -1);
        return ids;
    }
}
