package io.jvectorize.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Runs {@link VectorMath#pow} over arrays; loaded only where the Vector API is present. */
final class VectorPowProbe {

    private VectorPowProbe() {}

    static double[] pow(double[] x, double[] y) {
        double[] out = new double[x.length];
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        for (int i = 0; i + lanes <= x.length; i += lanes) {
            VectorMath.pow(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i),
                    DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, y, i)).intoArray(out, i);
        }
        return out;
    }

    static float[] pow(float[] x, float[] y) {
        float[] out = new float[x.length];
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        for (int i = 0; i + lanes <= x.length; i += lanes) {
            VectorMath.pow(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i),
                    FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, y, i)).intoArray(out, i);
        }
        return out;
    }
}
