package io.jvectorize.samples.kernels;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code out} may be one of the input arrays: the result equals the one written into a fresh array. */
class AliasingTest {

    static IntStream lengths() {
        return IntStream.of(1, 7, 1000, TestValues.aboveCutoff());
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void outIsTheFirstArgument(int length) {
        double[] base = TestValues.doubles(length, 41);
        double[] slope = TestValues.doubles(length, 42);
        double[] expected = BinaryKernelsVectorized.lean(base, slope);

        double[] serial = base.clone();
        BinaryKernelsVectorized.lean(serial, slope, serial);
        Bits.assertSameBits(expected, serial, "lean(base, slope, out = base)");

        double[] parallel = base.clone();
        BinaryKernelsVectorized.leanParallel(parallel, slope, parallel);
        Bits.assertSameBits(expected, parallel, "leanParallel(base, slope, out = base)");
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void outIsTheSecondArgument(int length) {
        double[] base = TestValues.doubles(length, 43);
        double[] slope = TestValues.doubles(length, 44);
        double[] expected = BinaryKernelsVectorized.lean(base, slope);

        double[] serial = slope.clone();
        BinaryKernelsVectorized.lean(base, serial, serial);
        Bits.assertSameBits(expected, serial, "lean(base, slope, out = slope)");

        double[] parallel = slope.clone();
        BinaryKernelsVectorized.leanParallel(base, parallel, parallel);
        Bits.assertSameBits(expected, parallel, "leanParallel(base, slope, out = slope)");
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void outIsTheOnlyArrayOfABroadcastForm(int length) {
        float[] first = TestValues.floats(length, 45);
        float[] expected = TernaryKernelsVectorized.blend(first, 2.5f, 0.125f);

        float[] serial = first.clone();
        TernaryKernelsVectorized.blend(serial, 2.5f, 0.125f, serial);
        Bits.assertSameBits(expected, serial, "blend(first, 2.5f, 0.125f, out = first)");

        float[] parallel = first.clone();
        TernaryKernelsVectorized.blendParallel(parallel, 2.5f, 0.125f, parallel);
        Bits.assertSameBits(expected, parallel, "blendParallel(first, 2.5f, 0.125f, out = first)");
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void outIsTheLastOfThreeArguments(int length) {
        double[] first = TestValues.doubles(length, 46);
        double[] second = TestValues.doubles(length, 47);
        double[] weight = TestValues.doubles(length, 48);
        double[] expected = TernaryKernelsVectorized.blend(first, second, weight);

        double[] parallel = weight.clone();
        TernaryKernelsVectorized.blendParallel(first, second, parallel, parallel);
        Bits.assertSameBits(expected, parallel, "blendParallel(first, second, weight, out = weight)");
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("lengths")
    void outIsBothArgumentsAtOnce(int length) {
        long[] values = TestValues.longs(length, 49);
        long[] expected = BinaryKernelsVectorized.mixBits(values, values);

        long[] parallel = values.clone();
        BinaryKernelsVectorized.mixBitsParallel(parallel, parallel, parallel);
        Bits.assertSameBits((Object) expected, parallel, i -> "mixBitsParallel(x, x, out = x) at index " + i);
    }
}
