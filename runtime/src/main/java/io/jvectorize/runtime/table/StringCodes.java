package io.jvectorize.runtime.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

    /** The codes of {@code values} (null: missing): one hash lookup per row. */
    static StringCodes of(String[] values) {
        Map<String, Integer> firstIds = new HashMap<>();
        int[] ids = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            String value = values[row];
            if (value == null) {
                ids[row] = -1;
            } else {
                Integer id = firstIds.putIfAbsent(value, firstIds.size());
                ids[row] = id == null ? firstIds.size() - 1 : id;
            }
        }
        String[] dictionary = firstIds.keySet().toArray(new String[0]);
        Arrays.sort(dictionary);
        int[] rankOfId = new int[dictionary.length];
        for (int rank = 0; rank < dictionary.length; rank++) {
            rankOfId[firstIds.get(dictionary[rank])] = rank;
        }
        long[] codes = new long[ids.length];
        for (int row = 0; row < ids.length; row++) {
            codes[row] = ids[row] < 0 ? 0 : 2L * rankOfId[ids[row]];
        }
        return new StringCodes(dictionary, codes);
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
