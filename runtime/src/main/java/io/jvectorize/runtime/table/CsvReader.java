package io.jvectorize.runtime.table;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads CSV text (RFC 4180, through Apache Commons CSV) into named columns: the first line
 * that is not blank is the header; blank lines are skipped; every other record has as many
 * fields as the header. Each column's type is then inferred from all its cells
 * ({@link CsvTypes}). Everything is read and checked before a column is returned, so a bad
 * file gives an error and nothing else.
 */
public final class CsvReader {

    private static final String QUOTING = "in RFC 4180 CSV a field holding the delimiter, a quote or a line break is"
            + " quoted (\"...\"), and a quote inside it is doubled (\"\")";

    private final String source;
    private final CSVFormat format;

    /**
     * @param source how messages name the text, such as the file's path
     * @param delimiter the field separator
     */
    public CsvReader(String source, char delimiter) {
        this.source = source;
        // Strict quote mode makes Commons CSV give null for an unquoted empty field, so that a
        // blank line (one null field) can be told from a line holding "" (one empty string).
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    }

    /**
     * The columns of the text, by name in header order. The text is read to its end, not closed.
     *
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the text is not CSV with a valid header and records
     *     of its length, or not in the reader's charset; the message names the source and line
     */
    public Map<String, ColumnData> read(Reader text) throws IOException {
        // Closing the parser closes its reader: the caller's is shielded from that.
        Reader unclosed = new FilterReader(text) {
            @Override
            public void close() {}
        };
        try (CSVParser parser = CSVParser.builder().setReader(unclosed).setFormat(format).get()) {
            List<String> names = null;
            List<CsvCells> cells = null;
            long headerLine = 0;
            long lastLine = 0;
            for (CSVRecord record : parser) {
                long firstLine = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (names == null) {
                    headerLine = firstLine;
                    names = header(record, headerLine);
                    cells = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        cells.add(new CsvCells());
                    }
                    continue;
                }
                if (record.size() != names.size()) {
                    throw new IllegalArgumentException(where(firstLine, lastLine) + " has " + fields(record.size())
                            + ", but the header (line " + headerLine + ") has " + names.size()
                            + "; every record needs one field per column (" + QUOTING + ")");
                }
                for (int i = 0; i < names.size(); i++) {
                    cells.get(i).add(record.get(i));
                }
            }
            if (names == null) {
                throw new IllegalArgumentException(source + " is empty: a CSV file starts with a header line"
                        + " that names the columns");
            }
            Map<String, ColumnData> columns = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i), CsvTypes.column(cells.get(i)));
                cells.set(i, null);
            }
            return columns;
        } catch (UncheckedIOException e) {
            throw unwrap(e);
        } catch (CharacterCodingException e) {
            throw notDecodable(e);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0) == null;
    }

    private List<String> header(CSVRecord record, long line) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i) == null ? "" : record.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte order mark, as Excel writes one
            }
            name = name.strip();
            String field = "field " + (i + 1) + " of the header (" + source + ", line " + line + ")";
            String problem = ColumnNames.problem(name);
            if (problem != null) {
                throw new IllegalArgumentException(field + (name.isEmpty() ? "" : ", " + ColumnNames.quoted(name))
                        + ", " + problem + "; " + ColumnNames.RULE + " (white space around it is dropped)");
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(field + " names column " + ColumnNames.quoted(name)
                        + " again, as field " + earlier + " does; give every column its own name");
            }
            names.add(name);
        }
        return names;
    }

    private String where(long firstLine, long lastLine) {
        return source + (firstLine == lastLine ? ", line " + firstLine : ", the record on lines " + firstLine + " to " + lastLine);
    }

    private static String fields(int n) {
        return n + (n == 1 ? " field" : " fields");
    }

    /** Commons CSV reports malformed text and reading errors alike, as unchecked exceptions. */
    private RuntimeException unwrap(UncheckedIOException e) throws IOException {
        IOException cause = e.getCause();
        if (cause instanceof CSVException) {
            return new IllegalArgumentException(source + ": " + cause.getMessage() + "; " + QUOTING, cause);
        }
        if (cause instanceof CharacterCodingException) {
            return notDecodable((CharacterCodingException) cause);
        }
        throw cause;
    }

    private IllegalArgumentException notDecodable(CharacterCodingException e) {
        return new IllegalArgumentException(source + " is not text in the charset it is read with (" + e
                + "); pass the file's charset, as in Table.CsvOptions.defaults().charset(StandardCharsets.ISO_8859_1)", e);
    }
}
