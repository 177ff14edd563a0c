package io.jvectorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvectorize.spec.NumericType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DType#forName}: NumPy's names and the contract's type names, and nothing a signature refuses. */
class DTypeNamesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "float64, FLOAT64", "f8, FLOAT64", "double, FLOAT64",
        "float32, FLOAT32", "f4, FLOAT32", "float, FLOAT32",
        "int64, INT64", "i8, INT64",
        "int32, INT32", "i4, INT32",
        "boolean, BOOLEAN", "b1, BOOLEAN", "bool, BOOLEAN",
    })
    void knowsTheContractsNamesAndNumpys(String name, DType type) {
        assertEquals(Optional.of(type), DType.forName(name));
    }

    @Test
    void everyTypeIsFoundByItsOwnName() {
        for (DType type : DType.values()) {
            assertEquals(Optional.of(type), DType.forName(type.numpyName()), type.numpyName());
            assertEquals(Optional.of(type), DType.forName(type.toString()), type.toString());
        }
    }

    @Test
    void everySignatureNameOfATypeExpressionsHaveIsKnown() {
        for (NumericType type : NumericType.values()) {
            Optional<DType> dtype = DType.of(type);
            for (String name : type.names()) {
                assertEquals(dtype, DType.forName(name), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long", "int", "short", "byte", "char", "int16", "i2", "int8", "i1", "Float64", " float64",
        ""})
    void refusesWhatASignatureRefusesAndTypesExpressionsDoNotHave(String name) {
        assertEquals(Optional.empty(), DType.forName(name));
    }
}
