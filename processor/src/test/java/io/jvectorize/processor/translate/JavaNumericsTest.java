package io.jvectorize.processor.translate;

import static io.jvectorize.spec.NumericType.BOOLEAN;
import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT16;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static io.jvectorize.spec.NumericType.INT8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvectorize.spec.NumericType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java's numeric rules without javac, each checked against what Java itself computes. */
class JavaNumericsTest {
    private static final List<NumericType> NUMBERS = List.of(FLOAT64, FLOAT32, INT64, INT32, INT16, INT8);

    @Test
    void unaryPromotionMakesByteAndShortInt() {
        assertEquals(List.of(FLOAT64, FLOAT32, INT64, INT32, INT32, INT32),
                NUMBERS.stream().map(JavaNumerics::promote).toList());
        assertEquals(BOOLEAN, JavaNumerics.promote(BOOLEAN));
    }

    @Test
    void binaryPromotionIsTheTypeJavaGivesEveryPairOfOperands() {
        // Java's own answer for each pair: the type of a + b.
        Object[] samples = {1.0, 1f, 1L, 1, (short) 1, (byte) 1};
        for (int i = 0; i < NUMBERS.size(); i++) {
            for (int j = 0; j < NUMBERS.size(); j++) {
                assertEquals(typeOfSum(samples[i], samples[j]), JavaNumerics.promote(NUMBERS.get(i), NUMBERS.get(j)),
                        NUMBERS.get(i) + " + " + NUMBERS.get(j));
            }
        }
    }

    /** The type of {@code a + b} as javac types it, for the boxed sample operands. */
    private static NumericType typeOfSum(Object a, Object b) {
        Object sum;
        if (a instanceof Double || b instanceof Double) {
            sum = ((Number) a).doubleValue() + ((Number) b).doubleValue();
        } else if (a instanceof Float || b instanceof Float) {
            sum = ((Number) a).floatValue() + ((Number) b).floatValue();
        } else if (a instanceof Long || b instanceof Long) {
            sum = ((Number) a).longValue() + ((Number) b).longValue();
        } else {
            sum = ((Number) a).intValue() + ((Number) b).intValue();
        }
        return sum instanceof Double ? FLOAT64 : sum instanceof Float ? FLOAT32 : sum instanceof Long ? INT64 : INT32;
    }

    @Test
    void constantsConvertAsJavaCastsDo() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, -1e300, -2.5, -0.0, 0.5, 3.99, 1e10, 3e38, 1e300};
        for (double value : values) {
            assertEquals((int) value, JavaNumerics.convert(value, INT32), "(int) " + value);
            assertEquals((long) value, JavaNumerics.convert(value, INT64), "(long) " + value);
            assertEquals((short) value, JavaNumerics.convert(value, INT16), "(short) " + value);
            assertEquals((byte) value, JavaNumerics.convert(value, INT8), "(byte) " + value);
            assertEquals((float) value, JavaNumerics.convert(value, FLOAT32), "(float) " + value);
        }
        long big = (1L << 53) + 1;
        assertEquals((double) big, JavaNumerics.convert(big, FLOAT64), "rounds as the cast does");
        assertEquals((float) big, JavaNumerics.convert(big, FLOAT32));
        assertEquals((int) big, JavaNumerics.convert(big, INT32), "keeps the low bits");
        assertEquals((short) 70000, JavaNumerics.convert(70000, INT16));
    }

    @Test
    void negationWrapsAndKeepsTheSignOfZero() {
        assertEquals(Integer.MIN_VALUE, JavaNumerics.negate(Integer.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, JavaNumerics.negate(Long.MIN_VALUE));
        assertEquals(-0.0, JavaNumerics.negate(0.0));
        assertEquals(-0.0f, JavaNumerics.negate(0.0f));
    }

    @Test
    void literalsAreWrittenAsJavaWritesThem() {
        assertEquals("5.0", JavaNumerics.literalText(5, FLOAT64));
        assertEquals("2.5f", JavaNumerics.literalText(2.5, FLOAT32));
        assertEquals("7L", JavaNumerics.literalText(7, INT64));
        assertEquals("-3", JavaNumerics.literalText(-3, INT32));
        assertEquals("(short) 3", JavaNumerics.literalText(3, INT16));
        assertEquals("(byte) -1", JavaNumerics.literalText(-1, INT8));
        assertEquals("-0.0", JavaNumerics.literalText(-0.0, FLOAT64));
        assertEquals("4.9E-324", JavaNumerics.literalText(Double.MIN_VALUE, FLOAT64));
    }

    @Test
    void nanAndTheInfinitiesAreTheWrappersConstants() {
        assertEquals("Double.NaN", JavaNumerics.literalText(Double.NaN, FLOAT64));
        assertEquals("Double.POSITIVE_INFINITY", JavaNumerics.literalText(Double.POSITIVE_INFINITY, FLOAT64));
        assertEquals("Float.NEGATIVE_INFINITY", JavaNumerics.literalText(-1e300, FLOAT32));
        assertEquals("Float.NaN", JavaNumerics.literalText(Float.NaN, FLOAT32));
    }
}
