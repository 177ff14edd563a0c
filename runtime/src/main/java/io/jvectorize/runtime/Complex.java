package io.jvectorize.runtime;

/**
 * A complex number, NumPy's {@code complex128}: what a complex symbol is bound to as a scalar
 * ({@code Map.of("z", Complex.of(1, 2))}). Arrays of them are {@code double[]} of interleaved
 * (re, im) pairs; see {@link DType#COMPLEX128}.
 *
 * @param re the real part
 * @param im the imaginary part
 */
public record Complex(double re, double im) {

    /** The number {@code re + im·i}. */
    public static Complex of(double re, double im) {
        return new Complex(re, im);
    }

    /** As Python writes it: {@code (1+2j)}, {@code (1-0j)}, {@code (nan+infj)}. */
    @Override
    public String toString() {
        String imag = Double.isNaN(im) ? "+nan" : Double.isInfinite(im) ? (im > 0 ? "+inf" : "-inf")
                : (Math.copySign(1, im) > 0 ? "+" : "-") + text(Math.abs(im));
        return "(" + text(re) + imag + "j)";
    }

    private static String text(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0" : "0";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e16 ? Long.toString((long) x) : Double.toString(x);
    }
}
