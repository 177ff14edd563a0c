package io.jvectorize.runtime;

import static io.jvectorize.runtime.TableTest.columns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.runtime.Table.CsvOptions;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table.readCsv: RFC 4180 through Commons CSV, the documented type inference, and every bad input. */
class TableCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Table read(String text) throws IOException {
        return Table.readCsv(write(text));
    }

    private String error(String text) throws IOException {
        Path file = write(text);
        return assertThrows(IllegalArgumentException.class, () -> Table.readCsv(file)).getMessage()
                .replace(file.toString(), "data.csv");
    }

    @Test
    void accounts() throws IOException {
        Table t = read("name,amount,id\nAlice,100.5,1\nBob,,2\n\"Smith, Jo\",-20,3\n");
        assertEquals("var * {name: string, amount: ?float64, id: int64}", t.schema());
        assertEquals(Table.of(columns("name", new String[] {"Alice", "Bob", "Smith, Jo"},
                "amount", new Double[] {100.5, null, -20.0}, "id", new long[] {1, 2, 3})), t);
    }

    @Test
    void integersWithEmptyCellsStayInt64() throws IOException {
        Table t = read("n\n1\n\n-7\n\"\"\n+3\n007\n9223372036854775807\n-9223372036854775808\n");
        // The blank line is skipped; "" is an empty cell, so missing.
        assertEquals("var * {n: ?int64}", t.schema());
        assertArrayEquals(new long[] {1, -7, 0, 3, 7, Long.MAX_VALUE, Long.MIN_VALUE}, (long[]) t.column("n").values());
        assertArrayEquals(new boolean[] {true, true, false, true, true, true, true}, t.column("n").validity().orElseThrow());
    }

    @Test
    void integersBeyondInt64AreFloat64() throws IOException {
        Table t = read("n\n1\n9223372036854775808\n");
        assertArrayEquals(new double[] {1, 9.223372036854775808e18}, (double[]) t.column("n").values());
        assertArrayEquals(new double[] {-9223372036854775809.0},
                (double[]) read("n\n-9223372036854775809\n").column("n").values());
    }

    @Test
    void floatsAsNumPyReadsThem() throws IOException {
        Table t = read("x\n1e5\n-0.0\nnan\ninf\n-inf\nNaN\nInfinity\n-Infinity\n.5\n5.\n+1.5\n-2.5E-3\n1e400\nNAN\n+inf\n"
                + "0.1\n2\n\n4.9e-324\n");
        double[] expected = {1e5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, 5, 1.5, -2.5e-3, Double.POSITIVE_INFINITY, Double.NaN,
            Double.POSITIVE_INFINITY, 0.1, 2, Double.MIN_VALUE};
        assertEquals("var * {x: float64}", t.schema());
        assertArrayEquals(expected, (double[]) t.column("x").values());
    }

    @Test
    void whatIsNotANumberMakesAString() throws IOException {
        for (String cell : new String[] {"0x1p3", "1.5d", "1_000", "1e", "e5", ".", "-", "1.2.3", "NA", "null", "1,5",
                "١٢", "nanx", "--1", "1e+", "in f", "İnf", "ınf", "NaN\u0000"}) {
            Table t = read("x\n1\n\"" + cell + "\"\n");
            assertEquals("var * {x: string}", t.schema(), cell);
            assertArrayEquals(new String[] {"1", cell}, (String[]) t.column("x").values());
        }
    }

    @Test
    void spacesAroundNumbersAndBoolsAreIgnoredAndKeptInStrings() throws IOException {
        Table t = read("i,f,b,s\n 12,\t1.5 ,  true,  a \n13 , 2, False,b\n");
        assertArrayEquals(new long[] {12, 13}, (long[]) t.column("i").values());
        assertArrayEquals(new double[] {1.5, 2}, (double[]) t.column("f").values());
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) t.column("b").values());
        assertArrayEquals(new String[] {"  a ", "b"}, (String[]) t.column("s").values());
        assertEquals("var * {s: string}", read("s\n \n1\n").schema(), "a cell of spaces is not empty");
    }

    @Test
    void boolsInAnyCase() throws IOException {
        Table t = read("b\ntrue\nFALSE\nTrue\n\nfalse\n\"\"\n");
        assertEquals("var * {b: ?bool}", t.schema());
        assertArrayEquals(new boolean[] {true, false, true, false, false}, (boolean[]) t.column("b").values());
        assertArrayEquals(new boolean[] {true, true, true, true, false}, t.column("b").validity().orElseThrow());
        assertEquals("var * {b: string}", read("b\ntrue\n1\n").schema(), "bools and numbers mix to strings");
        assertEquals("var * {b: int64}", read("b\n1\n0\n").schema(), "0 and 1 are numbers, as in pandas");
    }

    @Test
    void aColumnWithoutValuesIsStrings() throws IOException {
        Table t = read("a,b\n1,\n2,\"\"\n");
        assertEquals("var * {a: int64, b: ?string}", t.schema());
        assertEquals(2, t.column("b").missingCount());
        Table headerOnly = read("a,b\n");
        assertEquals(0, headerOnly.rowCount());
        assertEquals("var * {a: string, b: string}", headerOnly.schema());
    }

    @Test
    void rfc4180Quoting() throws IOException {
        Table t = read("id,text\r\n1,\"a \"\"quoted\"\" word\"\r\n2,\"two\r\nlines\"\r\n3,\"x,y\"\r\n4,plain\"quote\r\n5,\"\"\"\"");
        assertArrayEquals(new String[] {"a \"quoted\" word", "two\r\nlines", "x,y", "plain\"quote", "\""},
                (String[]) t.column("text").values());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, (long[]) t.column("id").values());
    }

    @Test
    void headerNamesAreTrimmedAndAByteOrderMarkDropped() throws IOException {
        Table t = read("\uFEFFid, first name ,\"amount\"\n1,Ann,2\n");
        assertEquals(java.util.List.of("id", "first name", "amount"), t.columnNames());
        assertEquals("var * {id: int64, \"first name\": string, amount: int64}", t.schema());
    }

    @Test
    void blankLinesAreSkippedAnywhere() throws IOException {
        Table t = read("\n\nx,y\n\n1,2\n\n\n3,4\n\n");
        assertEquals(Table.of(columns("x", new long[] {1, 3}, "y", new long[] {2, 4})), t);
    }

    @Test
    void otherDelimitersAndCharsets() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name;Betrag\nJürgen;1,5\nZoë;2\n".getBytes(StandardCharsets.ISO_8859_1));
        Table t = Table.readCsv(file, CsvOptions.defaults().delimiter(';').charset(StandardCharsets.ISO_8859_1));
        assertArrayEquals(new String[] {"Jürgen", "Zoë"}, (String[]) t.column("name").values());
        assertEquals("var * {name: string, Betrag: string}", t.schema(), "a decimal comma is not a number");
        Table tabs = Table.readCsv(new StringReader("a\tb\n1\t2\n"), CsvOptions.defaults().delimiter('\t'));
        assertEquals(Table.of(columns("a", new long[] {1}, "b", new long[] {2})), tabs);
    }

    @Test
    void aReaderIsReadButNotClosed() throws IOException {
        StringReader reader = new StringReader("a\n1\n");
        assertEquals(Table.of(columns("a", new long[] {1})), Table.readCsv(reader, CsvOptions.defaults()));
        assertEquals(-1, reader.read(), "read to its end, and still open (a closed StringReader throws)");
    }

    @Test
    void bytesThatAreNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name\nJürgen\n".getBytes(StandardCharsets.ISO_8859_1));
        String message = assertThrows(IllegalArgumentException.class, () -> Table.readCsv(file)).getMessage();
        assertTrue(message.startsWith(file + " is not text in the charset it is read with (java.nio.charset."
                + "MalformedInputException: Input length = 1); pass the file's charset, as in"
                + " Table.CsvOptions.defaults().charset(StandardCharsets.ISO_8859_1)"), message);
    }

    @Test
    void recordsOfAnotherLength() throws IOException {
        String rule = "; every record needs one field per column (in RFC 4180 CSV a field holding the delimiter, a quote"
                + " or a line break is quoted (\"...\"), and a quote inside it is doubled (\"\"))";
        assertEquals("data.csv, line 3 has 2 fields, but the header (line 1) has 3" + rule,
                error("a,b,c\n1,2,3\n4,5\n"));
        assertEquals("data.csv, line 5 has 4 fields, but the header (line 2) has 3" + rule,
                error("\na,b,c\n1,2,3\n\n4,5,6,7\n"));
        assertEquals("data.csv, the record on lines 3 to 4 has 2 fields, but the header (line 1) has 3" + rule,
                error("a,b,c\n1,2,3\n\"x\ny\",5\n"));
        assertEquals("data.csv, line 2 has 1 field, but the header (line 1) has 2" + rule, error("a,b\n\"\"\n"));
    }

    @Test
    void emptyFiles() throws IOException {
        String expected = "data.csv is empty: a CSV file starts with a header line that names the columns";
        assertEquals(expected, error(""));
        assertEquals(expected, error("\n\r\n\n"));
    }

    @Test
    void badHeaders() throws IOException {
        String rule = "; a column name is any non-empty text without backticks or control characters that does not"
                + " start or end with white space (white space around it is dropped)";
        assertEquals("field 2 of the header (data.csv, line 1), is empty" + rule, error("a,,c\n1,2,3\n"));
        assertEquals("field 1 of the header (data.csv, line 2), is empty" + rule, error("\n  ,b\n1,2\n"));
        assertEquals("field 2 of the header (data.csv, line 1), \"a`b\", has a backtick, which expression text uses"
                + " to quote names" + rule, error("x,a`b\n1,2\n"));
        assertEquals("field 3 of the header (data.csv, line 1) names column \"a\" again, as field 1 does; give every"
                + " column its own name", error("a,b,a\n1,2,3\n"));
        assertEquals("field 2 of the header (data.csv, line 1) names column \"a\" again, as field 1 does; give every"
                + " column its own name", error("a, a\n1,2\n"));
    }

    @Test
    void malformedQuoting() throws IOException {
        String quoting = "; in RFC 4180 CSV a field holding the delimiter, a quote or a line break is quoted (\"...\"),"
                + " and a quote inside it is doubled (\"\")";
        assertEquals("data.csv: (startline 2) EOF reached before encapsulated token finished" + quoting,
                error("a,b\n1,\"open\n2,3\n"));
        assertEquals("data.csv: Invalid character between encapsulated token and delimiter at line: 2, position: 10"
                + quoting, error("a,b\n1,\"x\"y\n"));
    }

    @Test
    void missingFilesAndBadOptions() {
        assertThrows(NoSuchFileException.class, () -> Table.readCsv(dir.resolve("absent.csv")));
        assertEquals("the delimiter cannot be U+0022: quotes and line breaks have their own meaning in CSV",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().delimiter('"')).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().delimiter('\n'));
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().delimiter('\ud800'));
        assertThrows(NullPointerException.class, () -> CsvOptions.defaults().charset(null));
        assertEquals(CsvOptions.defaults(), CsvOptions.defaults().delimiter(',').charset(StandardCharsets.UTF_8));
    }
}
