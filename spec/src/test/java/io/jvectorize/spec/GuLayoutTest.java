package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuLayoutTest {

    @Test
    void parsesSharedFixedOutputOnlyAndScalarDimensions() throws SignatureException {
        GuLayout layout = GuLayout.parse(" (n) , ( ) -> (n),(2),(m),()");
        assertEquals(List.of(Optional.of("n"), Optional.empty()), layout.inputs());
        assertEquals(List.of(Optional.of("n"), Optional.of("2"), Optional.of("m"), Optional.empty()), layout.outputs());
        assertEquals(6, layout.size());
        assertTrue(layout.isInputDimension("n"));
        assertFalse(layout.isInputDimension("m"));
        assertEquals("(n),()->(n),(2),(m),()", layout.toString());
    }

    @Test
    void malformedLayoutsSayWhereAndWhatToWrite() {
        assertEquals("malformed layout \"(n)\": expected ',' or '->' at column 4, found the end; write"
                + " inputs->outputs, such as \"(n),()->(n)\"", message("(n)"));
        assertEquals("malformed layout \"n->()\": expected an input's dimensions, such as (n) or () at column 1,"
                + " found 'n'; write inputs->outputs, such as \"(n),()->(n)\"", message("n->()"));
        assertEquals("malformed layout \"(n)->\": expected an output's dimensions, such as (n) or () at column 6,"
                + " found the end; write inputs->outputs, such as \"(n),()->(n)\"", message("(n)->"));
        assertEquals("layout \"(n,m)->()\" gives two dimensions at column 3, but @GuVectorize parameters are"
                + " one-dimensional arrays: give each at most one, such as (n)", message("(n,m)->()"));
        assertEquals("malformed layout \"(0)->()\": expected a fixed length from 1 to 999999999 at column 2,"
                + " found '0'; write inputs->outputs, such as \"(n),()->(n)\"", message("(0)->()"));
        assertEquals("malformed layout \"(2n)->()\": expected a dimension name (a letter first) or a length"
                + " (digits only) at column 2, found '2'; write inputs->outputs, such as \"(n),()->(n)\"",
                message("(2n)->()"));
        assertEquals("malformed layout \"(n)->() x\": expected ',' or the end at column 9, found 'x'; write"
                + " inputs->outputs, such as \"(n),()->(n)\"", message("(n)->() x"));
    }

    private static String message(String layout) {
        return assertThrows(SignatureException.class, () -> GuLayout.parse(layout)).getMessage();
    }
}
