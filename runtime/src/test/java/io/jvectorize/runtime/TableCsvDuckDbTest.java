package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvectorize.runtime.table.DuckDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * readCsv against DuckDB's CSV reader on random files: the same column types (int64 for
 * BIGINT, float64 for DOUBLE, bool for BOOLEAN, string for VARCHAR) and the same values,
 * nulls included, where the documented inference and DuckDB's agree (every column here;
 * where they differ, such as {@code 007}, {@link TableCsvTest} says so).
 */
class TableCsvDuckDbTest {

    private static final Map<String, String> TYPES = Map.of("BIGINT", "int64", "DOUBLE", "float64",
            "BOOLEAN", "bool", "VARCHAR", "string");

    @TempDir
    Path dir;

    /** One column of the random file: how a cell is written, given the random source. */
    private record Generator(String name, Function<Random, String> cell) {}

    private static final String[] WORDS = {"Ann", "Bob", "x,y", "say \"hi\"", "two\nlines", "crlf\r\nend", "é€😀",
        "a b", "tab\there", "--", "NaNa", "#1", "true1"};

    private static final String[] FLOATS = {"nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "-0.0", "0.0", "1e5",
        "2.5E-3", ".5", "5.", "1e308", "4.9e-324", "-1.7976931348623157e308", "12"};

    private static String sometimesEmpty(Random random, String cell) {
        return random.nextInt(7) == 0 ? "" : cell;
    }

    private static final List<Generator> COLUMNS = List.of(
            new Generator("ints", r -> sometimesEmpty(r, r.nextInt(10) == 0
                    ? String.valueOf(r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE)
                    : String.valueOf(r.nextLong() >> r.nextInt(64)))),
            new Generator("spaced_ints", r -> sometimesEmpty(r, " ".repeat(r.nextInt(2)) + (r.nextInt(2000) - 1000)
                    + " ".repeat(r.nextInt(2)))),
            new Generator("floats", r -> sometimesEmpty(r, r.nextInt(4) == 0 ? FLOATS[r.nextInt(FLOATS.length)]
                    : String.valueOf(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20)))),
            new Generator("mostly_ints", r -> sometimesEmpty(r, r.nextInt(50) == 0 ? "0.5" : String.valueOf(r.nextInt(100)))),
            new Generator("bools", r -> sometimesEmpty(r, new String[] {"true", "false", "TRUE", "False"}[r.nextInt(4)])),
            new Generator("words", r -> sometimesEmpty(r, WORDS[r.nextInt(WORDS.length)])),
            new Generator("nothing", r -> ""));

    private static String quoted(String cell) {
        boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    @Test
    void randomFilesReadAsDuckDbReadsThem() throws IOException, SQLException {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            List<String> header = new ArrayList<>();
            for (Generator column : COLUMNS) {
                header.add(column.name);
            }
            text.append(String.join(",", header)).append(seed == 2 ? "\r\n" : "\n");
            for (int row = 0; row < 3000; row++) {
                List<String> cells = new ArrayList<>();
                for (Generator column : COLUMNS) {
                    cells.add(quoted(column.cell.apply(random)));
                }
                text.append(String.join(",", cells)).append(seed == 2 ? "\r\n" : "\n");
            }
            Path file = dir.resolve("random" + seed + ".csv");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertSameAsDuckDb(file);
        }
    }

    private static void assertSameAsDuckDb(Path file) throws IOException, SQLException {
        Table t = Table.readCsv(file);
        String query = "SELECT * FROM read_csv('" + file + "', header = true, delim = ',', quote = '\"', escape = '\"',"
                + " sample_size = -1)";
        try (DuckDb duckdb = DuckDb.open()) {
            List<String> types = duckdb.types(query);
            List<Object[]> rows = duckdb.rows(query);
            assertEquals(rows.size(), t.rowCount());
            for (int c = 0; c < t.columnCount(); c++) {
                Column column = t.columns().get(c);
                assertEquals(TYPES.get(types.get(c)), column.typeName(), column.name() + " in " + file);
                for (int row = 0; row < rows.size(); row++) {
                    Object expected = rows.get(row)[c];
                    assertEquals(expected, column.get(row), column.name() + " row " + row + " in " + file);
                }
            }
        }
    }
}
