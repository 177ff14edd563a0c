package io.jvectorize.samples.ufunc;

import io.jvectorize.samples.GufuncsVectorized;
import io.jvectorize.samples.UfuncsVectorized;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints the bits of parallel results on fixed data, for {@link ThreadCountTest} to compare
 * across JVMs started with different {@code jvectorize.threads}.
 */
public final class ThreadCountProbe {
    private ThreadCountProbe() {}

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (int length : new int[] {1, 100, 8191, 8193, 40_000, 1_000_003}) {
            Random random = new Random(length);
            double[] a = new double[length];
            for (int i = 0; i < length; i++) {
                a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
            }
            out.append(Long.toHexString(Double.doubleToRawLongBits(UfuncsVectorized.addReduceParallel(a)))).append(' ')
                    .append(Long.toHexString(Double.doubleToRawLongBits(UfuncsVectorized.multiplyReduceParallel(a))))
                    .append(' ')
                    .append(Long.toHexString(Double.doubleToRawLongBits(UfuncsVectorized.maximumReduceParallel(a))))
                    .append('\n');
        }
        double[][] rows = new double[300][];
        Random random = new Random(1);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = random.doubles(500).toArray();
        }
        out.append(Arrays.deepHashCode(new Object[] {GufuncsVectorized.movingMeanParallel(rows, 7)})).append('\n');
        System.out.print(out);
    }
}
