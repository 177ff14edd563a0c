package io.jvectorize.runtime.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A string column as int32 codes that order as the strings do, so that expressions compare
 * strings with the engine's integer loops: a present value's code is twice its rank among the
 * column's distinct values (in {@link String#compareTo} order), a missing one's 0 (masked).
 * A literal that is not in the column gets the odd code between its neighbours, so
 * {@code <}, {@code <=}, {@code ==}, ... on codes give the strings' answers.
 */
public final class StringCodes {

    private final String[] dictionary;
    private final int[] codes;

    private StringCodes(String[] dictionary, int[] codes) {
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
        for (int row = 0; row < ids.length; row++) {
            ids[row] = ids[row] < 0 ? 0 : 2 * rankOfId[ids[row]];
        }
        return new StringCodes(dictionary, ids);
    }

    /** Each row's code: the array itself, to be read only. */
    public int[] codes() {
        return codes;
    }

    /** The code {@code literal} compares as: even where the column holds it, odd between two values otherwise. */
    public int codeOf(String literal) {
        int found = Arrays.binarySearch(dictionary, literal);
        return found >= 0 ? 2 * found : 2 * (-found - 1) - 1;
    }
}
