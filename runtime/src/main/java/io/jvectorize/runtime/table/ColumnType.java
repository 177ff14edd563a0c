package io.jvectorize.runtime.table;

/** The six column types, by their datashape names, with the Java array each is stored in. */
public enum ColumnType {
    FLOAT64("float64", double[].class),
    FLOAT32("float32", float[].class),
    INT64("int64", long[].class),
    INT32("int32", int[].class),
    BOOL("bool", boolean[].class),
    STRING("string", String[].class);

    private final String typeName;
    private final Class<?> arrayType;

    ColumnType(String typeName, Class<?> arrayType) {
        this.typeName = typeName;
        this.arrayType = arrayType;
    }

    /** The datashape (and NumPy) name: float64, float32, int64, int32, bool, string. */
    public String typeName() {
        return typeName;
    }

    public Class<?> arrayType() {
        return arrayType;
    }

    public boolean isFloating() {
        return this == FLOAT64 || this == FLOAT32;
    }

    /** The type stored in arrays of this class; null for any other class. */
    public static ColumnType of(Class<?> arrayType) {
        for (ColumnType type : values()) {
            if (type.arrayType == arrayType) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return typeName;
    }
}
