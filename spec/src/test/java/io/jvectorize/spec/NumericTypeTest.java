package io.jvectorize.spec;

import static io.jvectorize.spec.NumericType.BOOLEAN;
import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT16;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static io.jvectorize.spec.NumericType.INT8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumericTypeTest {

    /** JLS 5.1.2, widening primitive conversion, plus identity (5.1.1); char is not supported. */
    private static final Map<NumericType, Set<NumericType>> WIDENS_TO = Map.of(
            INT8, EnumSet.of(INT8, INT16, INT32, INT64, FLOAT32, FLOAT64),
            INT16, EnumSet.of(INT16, INT32, INT64, FLOAT32, FLOAT64),
            INT32, EnumSet.of(INT32, INT64, FLOAT32, FLOAT64),
            INT64, EnumSet.of(INT64, FLOAT32, FLOAT64),
            FLOAT32, EnumSet.of(FLOAT32, FLOAT64),
            FLOAT64, EnumSet.of(FLOAT64),
            BOOLEAN, EnumSet.of(BOOLEAN));

    @Test
    void widensToFollowsJls512ForEveryPair() {
        for (NumericType from : NumericType.values()) {
            for (NumericType to : NumericType.values()) {
                assertEquals(WIDENS_TO.get(from).contains(to), from.widensTo(to), from + " widens to " + to);
            }
        }
    }

    @Test
    void everyTypeWidensToItself() {
        for (NumericType type : NumericType.values()) {
            assertEquals(true, type.widensTo(type), type.toString());
        }
    }

    @Test
    void castsToAnyNumberFromANumberAndBooleanOnlyToBoolean() {
        for (NumericType from : NumericType.values()) {
            for (NumericType to : NumericType.values()) {
                assertEquals((from == BOOLEAN) == (to == BOOLEAN), from.castsTo(to), from + " casts to " + to);
            }
        }
    }

    @Test
    void javaAndNumbaNamesFollowTheDesign() {
        assertEquals("double float64", FLOAT64.javaName() + " " + FLOAT64.numbaName());
        assertEquals("float float32", FLOAT32.javaName() + " " + FLOAT32.numbaName());
        assertEquals("long int64", INT64.javaName() + " " + INT64.numbaName());
        assertEquals("int int32", INT32.javaName() + " " + INT32.numbaName());
        assertEquals("short int16", INT16.javaName() + " " + INT16.numbaName());
        assertEquals("byte int8", INT8.javaName() + " " + INT8.numbaName());
        assertEquals("boolean boolean", BOOLEAN.javaName() + " " + BOOLEAN.numbaName());
    }

    @Test
    void forJavaNameKnowsEverySupportedPrimitiveButNotChar() {
        for (NumericType type : NumericType.values()) {
            assertEquals(Optional.of(type), NumericType.forJavaName(type.javaName()));
        }
        assertEquals(Optional.empty(), NumericType.forJavaName("char"));
        assertEquals(Optional.empty(), NumericType.forJavaName("void"));
    }

    @Test
    void forNameDoesNotKnowJavaOnlyNames() {
        assertEquals(Optional.empty(), NumericType.forName("long"));
        assertEquals(Optional.empty(), NumericType.forName("int"));
        assertEquals(Optional.empty(), NumericType.forName(""));
    }

    @Test
    void allJavaNamesListsThePrimitivesForMessages() {
        assertEquals("double, float, long, int, short, byte, boolean", NumericType.allJavaNames());
    }
}
