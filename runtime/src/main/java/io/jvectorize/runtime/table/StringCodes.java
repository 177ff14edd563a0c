package io.jvectorize.runtime.table;

import java.util.Arrays;
import java.util.List;

/**
 * A string column as int64 codes that order as the strings do, so that expressions compare
 * strings with the engine's integer loops: a present value's code is twice its rank among the
 * column's distinct values (in {@link String#compareTo} order), a missing one's 0 (masked).
 * A literal that is not in the column gets the odd code between its neighbours, so
 * {@code <}, {@code <=}, {@code ==}, ... on codes give the strings' answers. int64 rather than
 * int32: the engine's float64 loops take comparisons of int64 arrays as masks, so a string
 * condition stays in the generated loop of the values it filters.
 */
public final class StringCodes {

    private final String[] dictionary;
    private final long[] codes;

    private StringCodes(String[] dictionary, long[] codes) {
        this.dictionary = dictionary;
        this.codes = codes;
    }

    /** The codes of {@code values} (null: missing): the strings hashed once, as {@link GroupIds} groups them. */
    static StringCodes of(ColumnData column) {
        String[] values = (String[]) column.values();
        GroupIds groups = GroupIds.of(List.of(column), values.length);
        int[] ids = groups.ids();
        int[] firstRows = groups.firstRows();
        int present = groups.count();
        if (present > 0 && column.isMissing(firstRows[present - 1])) {
            present--; // the missing values' group, last
        }
        String[] dictionary = new String[present];
        for (int id = 0; id < present; id++) {
            dictionary[id] = values[firstRows[id]];
        }
        long[] codes = new long[ids.length];
        for (int row = 0; row < ids.length; row++) {
            codes[row] = ids[row] < present ? 2L * ids[row] : 0;
        }
        return new StringCodes(dictionary, codes);
    }

    /** The number of distinct present values. */
    public int distinct() {
        return dictionary.length;
    }

    /** Each row's code: the array itself, to be read only. */
    public long[] codes() {
        return codes;
    }

    /** The code {@code literal} compares as: even where the column holds it, odd between two values otherwise. */
    public int codeOf(String literal) {
        int found = Arrays.binarySearch(dictionary, literal);
        return found >= 0 ? 2 * found : 2 * (-found - 1) - 1;
    }
}
