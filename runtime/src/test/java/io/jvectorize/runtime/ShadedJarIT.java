package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar (failsafe runs this on it, with Commons CSV, IO and Codec off the class
 * path): CSV reading works through the relocated copy, and the jar holds no
 * {@code org.apache.commons} class.
 */
class ShadedJarIT {

    private static Path jar() throws URISyntaxException {
        return Path.of(Table.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void runsFromTheShadedJar() throws URISyntaxException {
        Path jar = jar();
        assertTrue(jar.getFileName().toString().endsWith(".jar"), "Table loaded from " + jar + ", not the jar");
    }

    @Test
    void readsCsvWithoutCommonsOnTheClassPath() throws IOException {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.commons.csv.CSVParser"));
        Table t = Table.readCsv(new StringReader("name,amount\n\"Smith, Jo\",1.5\nAnn,\n"), Table.CsvOptions.defaults());
        assertEquals("var * {name: string, amount: ?float64}", t.schema());
        assertEquals("Smith, Jo", t.column("name").get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.readCsv(new StringReader("a\n\"open\n"), Table.CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith("the CSV text: (startline 2) EOF reached"), e.getMessage());
    }

    @Test
    void holdsTheRelocatedParserAndNoCommonsClass() throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            for (var entry : Collections.list(jar.entries())) {
                entries.add(entry.getName());
            }
        }
        assertTrue(entries.contains("io/jvectorize/runtime/internal/commons/csv/CSVParser.class"), entries.toString());
        assertFalse(entries.stream().anyMatch(name -> name.startsWith("org/")), entries.toString());
        assertTrue(entries.contains("io/jvectorize/runtime/Table.class"));
    }
}
