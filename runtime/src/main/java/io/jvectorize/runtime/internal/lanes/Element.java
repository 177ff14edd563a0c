package io.jvectorize.runtime.internal.lanes;

import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.internal.op.Kind;
import java.util.Map;
import jdk.incubator.vector.VectorSpecies;

/**
 * What a vector lane holds: float64, float32, int64 or int32 values, in a DoubleVector,
 * FloatVector, LongVector or IntVector of {@link Lanes}' species. The block engine holds
 * float32 values in {@code double[]} registers, rounded after each operation, and int32 ones in
 * {@code long[]} registers, wrapped after each operation ({@link #kind}); lanes of their own
 * type give the same values for every operator (for math functions: within the same bound).
 */
public enum Element {
    FLOAT64(DType.FLOAT64, "DoubleVector", "DOUBLES", "D", Kind.DOUBLE,
            Map.of(DType.INT64, new ConvertingLoad("doublesOfLongs", 10), DType.INT32,
                    new ConvertingLoad("doublesOfInts", 2), DType.FLOAT32, new ConvertingLoad("doublesOfFloats", 2))),
    FLOAT32(DType.FLOAT32, "FloatVector", "FLOATS", "F", Kind.DOUBLE, Map.of()),
    INT64(DType.INT64, "LongVector", "LONGS", "J", Kind.LONG,
            Map.of(DType.INT32, new ConvertingLoad("longsOfInts", 2))),
    INT32(DType.INT32, "IntVector", "INTS", "I", Kind.LONG, Map.of());

    /**
     * A method of {@link Lanes} that loads an array of another type converted to these lanes,
     * and the vector operations it costs (a loop counts them against its budget).
     */
    public record ConvertingLoad(String method, int operations) {}

    private final DType dtype;
    private final String vector;
    private final String species;
    private final String primitive;
    private final Kind kind;
    private final Map<DType, ConvertingLoad> convertingLoads;

    Element(DType dtype, String vector, String species, String primitive, Kind kind,
            Map<DType, ConvertingLoad> convertingLoads) {
        this.dtype = dtype;
        this.vector = "jdk/incubator/vector/" + vector;
        this.species = species;
        this.primitive = primitive;
        this.kind = kind;
        this.convertingLoads = convertingLoads;
    }

    /** The element of values of this type, or null (bool values are masks, not lanes). */
    public static Element of(DType type) {
        for (Element element : values()) {
            if (element.dtype == type) {
                return element;
            }
        }
        return null;
    }

    public DType dtype() {
        return dtype;
    }

    /** The kind of the block engine's registers for these values: double for floats, long for integers. */
    public Kind kind() {
        return kind;
    }

    /** Whether the block engine holds these values in registers of a wider type (float32, int32). */
    public boolean heldWider() {
        return !primitive.equals(kind == Kind.DOUBLE ? "D" : "J");
    }

    public boolean isInteger() {
        return dtype.isIntegral();
    }

    /**
     * The element whose comparisons these lanes may take as conditions (the mask cast, lane for
     * lane): float64 and int64, which have as many lanes, for {@code where(q > 0, x, 0)} and
     * {@code where(x > 0, q, 0)}; null for the others.
     */
    public Element partner() {
        return this == FLOAT64 ? INT64 : this == INT64 ? FLOAT64 : null;
    }

    /** How an array of type {@code given} loads converted into these lanes, or null. */
    public ConvertingLoad convertingLoad(DType given) {
        return convertingLoads.get(given);
    }

    /** The internal name of its vector class, e.g. {@code jdk/incubator/vector/DoubleVector}. */
    public String vectorClass() {
        return vector;
    }

    public String vectorDescriptor() {
        return "L" + vector + ";";
    }

    /** The descriptor of its Java array, e.g. {@code [D}. */
    public String arrayDescriptor() {
        return "[" + primitive;
    }

    /** The descriptor of its Java primitive, e.g. {@code D}. */
    public String primitiveDescriptor() {
        return primitive;
    }

    /** The field of {@link Lanes} that holds its species. */
    String speciesField() {
        return species;
    }

    /** Lanes per vector. Touches the Vector API: only behind {@code Simd.ENABLED}. */
    public int lanes() {
        return speciesOf().length();
    }

    private VectorSpecies<?> speciesOf() {
        switch (this) {
            case FLOAT64: return Lanes.DOUBLES;
            case FLOAT32: return Lanes.FLOATS;
            case INT64: return Lanes.LONGS;
            default: return Lanes.INTS;
        }
    }
}
