package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real math functions inside complex passes run on the Vector API kernels: {@link VectorMathBound}
 * carries their bounds through the complex operators after them, so those elements are checked
 * (within the bound), not skipped; and the check is not vacuous.
 */
class VectorMathComplexBoundTest {

    private static final Map<String, DType> SYMBOLS = Map.of("a", DType.FLOAT64, "b", DType.FLOAT64,
            "f", DType.FLOAT32, "p", DType.BOOLEAN);

    private static Map<String, Object> data(Random random, int n) {
        Map<String, Object> data = new HashMap<>();
        double[] a = new double[n];
        double[] b = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian() * 3;
            b[i] = random.nextGaussian();
            f[i] = (float) (random.nextGaussian() * 2);
        }
        data.put("a", a);
        data.put("b", b);
        data.put("f", f);
        data.put("p", ComputeTesting.booleans(random, n));
        return data;
    }

    @Test
    void movedComplexValuesAreCheckedWithinTheirBound() {
        Random random = new Random(8);
        List<String> texts = List.of("complex(tanh(a), exp(b)) * complex(a, 1.5)", "abs(complex(sin(a), b)) + a",
                "(complex(exp(b), a) + conj(complex(b, cos(b)))).real", "where(p, complex(tanh(a), 0.5), 1j) - complex(b, sin(b))",
                "(complex(sin(a), cos(b)) * complex(cos(a), sin(b))).imag", "complex(tanh(f), sin(f)) * complex(f, 2)",
                "-complex(log(abs(a) + 1), b) * 3 + 1j", "abs(complex(exp(f), f) * complex(f, f))");
        int moved = 0;
        for (String text : texts) {
            Expr e = Expr.parse(text, SYMBOLS);
            for (int n : new int[] {1, 17, 5000}) {
                Map<String, Object> data = data(random, n);
                Compute.Options reference = Compute.Options.defaults().optimize(false);
                Object expected = Compute.compute(e, data, reference);
                Object actual = Compute.compute(e, data, Compute.Options.defaults());
                double[] bound = VectorMathBound.of(e, data, reference, n);
                String what = text + " over " + n;
                assertEquals(bound.length, VectorMathBound.check(expected, actual, bound, what), what + ": every value bounded");
                for (int i = 0; i < bound.length; i++) {
                    moved += java.lang.reflect.Array.get(expected, i).equals(java.lang.reflect.Array.get(actual, i)) ? 0 : 1;
                }
                // Not vacuous: a value a millionth off is out of bounds.
                Object off = copyWithMovedElement(expected, n / 2);
                assertThrows(AssertionError.class, () -> VectorMathBound.check(expected, off, bound, what));
            }
        }
        if (Simd.ENABLED) {
            assertTrue(moved > 100, "values vector math moved: " + moved);
        }
    }

    private static Object copyWithMovedElement(Object values, int i) {
        if (values instanceof float[] floats) {
            float[] copy = floats.clone();
            copy[i] += 1e-6f * (Math.abs(copy[i]) + 1);
            return copy;
        }
        double[] copy = ((double[]) values).clone();
        copy[i] += 1e-6 * (Math.abs(copy[i]) + 1);
        return copy;
    }
}
