package io.jvectorize.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuRulesTest {

    private static MethodDeclaration method(String returnType, String signature, String... parameterTypes) {
        return new MethodDeclaration("f", true, false, false, false, List.of(parameterTypes), returnType, List.of(),
                List.of(signature));
    }

    private static List<String> errors(CheckedGuMethod checked) {
        return checked.problems().stream().map(p -> p.subject() + ": " + p.message()).toList();
    }

    @Test
    void aMovingWindowLayoutGivesItsParameters() {
        CheckedGuMethod checked = GuRules.check(method("void", "void(float64[:], int64, float64[:])",
                "double[]", "long", "double[]"), "(n),()->(n)");
        assertEquals(List.of(), checked.problems());
        assertEquals(List.of(
                new GuParameter(NumericType.FLOAT64, true, Optional.of("n"), false),
                new GuParameter(NumericType.INT64, false, Optional.empty(), false),
                new GuParameter(NumericType.FLOAT64, true, Optional.of("n"), true)), checked.parameters().orElseThrow());
    }

    @Test
    void aScalarSignatureTypeMayWidenButArraysMatchExactly() {
        assertEquals(List.of(), GuRules.check(method("void", "void(float64[:], int32, float64[:])",
                "double[]", "long", "double[]"), "(n),()->(n)").problems());
        assertEquals(List.of("SIGNATURE: @GuVectorize method f: signature \"void(float32[:], float64[:])\" gives the"
                + " 1st parameter type float32[:] but it is declared double[]; an array type must match exactly"),
                errors(GuRules.check(method("void", "void(float32[:], float64[:])", "double[]", "double[]"),
                        "(n)->()")));
    }

    @Test
    void theMethodMustReturnVoid() {
        assertEquals(List.of("METHOD: @GuVectorize method f returns double; it must return void and write its"
                + " results into its output array parameters"),
                errors(GuRules.check(method("double", "void(float64[:], float64[:])", "double[]", "double[]"),
                        "(n)->()")));
    }

    @Test
    void theSignatureMustReturnVoidAndNameKnownTypes() {
        assertEquals(List.of("SIGNATURE: @GuVectorize method f: @GuVectorize signature \"float64(float64[:])\""
                + " returns float64; it must return void: results go into the output array parameters, as in"
                + " \"void(float64[:], float64[:])\""),
                errors(GuRules.check(method("void", "float64(float64[:])", "double[]"), "(n)->()")));
        assertEquals(List.of("SIGNATURE: @GuVectorize method f: unknown type \"real\" at column 6 of signature"
                + " \"void(real[:], float64[:])\"; known types: " + NumericType.allNames()),
                errors(GuRules.check(method("void", "void(real[:], float64[:])", "double[]", "double[]"), "(n)->()")));
        assertEquals(List.of("SIGNATURE: @GuVectorize method f: signature \"void(float64[:,:], float64[:])\" has a"
                + " two-dimensional array at column 13; @GuVectorize parameters are one-dimensional: write float64[:]"),
                errors(GuRules.check(method("void", "void(float64[:,:], float64[:])", "double[]", "double[]"),
                        "(n)->()")));
    }

    @Test
    void layoutAndParametersMustMatchOneForOne() {
        assertEquals(List.of("LAYOUT: @GuVectorize method f: layout \"(n)->(),()\" gives 3 parameters (1 input,"
                + " 2 outputs) but the method takes 2 parameters; give one (...) per parameter, inputs before -> and"
                + " outputs after it"),
                errors(GuRules.check(method("void", "void(float64[:], float64[:])", "double[]", "double[]"),
                        "(n)->(),()")));
        assertEquals(List.of("LAYOUT: @GuVectorize method f: layout \"(n)->()\" makes the 2nd parameter an output,"
                + " but it is a scalar; outputs are arrays (a () output is an array of length 1): declare it"
                + " float64[:], or move it before ->"),
                errors(GuRules.check(method("void", "void(float64[:], float64)", "double[]", "double"), "(n)->()")));
        assertEquals(List.of("LAYOUT: @GuVectorize method f: layout \"()->()\" gives the 1st parameter (), but it"
                + " is an array; give it a dimension such as (n), or make it a scalar float64"),
                errors(GuRules.check(method("void", "void(float64[:], float64[:])", "double[]", "double[]"),
                        "()->()")));
        assertEquals(List.of("LAYOUT: @GuVectorize method f: layout \"(n)->(n)\" gives the 1st parameter the"
                + " dimension (n), but it is a scalar; give it (), or make it an array float64[:]"),
                errors(GuRules.check(method("void", "void(float64, float64[:])", "double", "double[]"), "(n)->(n)")));
        assertEquals(List.of("SIGNATURE: @GuVectorize method f: signature \"void(float64[:])\" has 1 type but the"
                + " method takes 2 parameters; give one type per parameter, inputs then outputs"),
                errors(GuRules.check(method("void", "void(float64[:])", "double[]", "double[]"), "(n)->()")));
    }

    @Test
    void parametersMustBePrimitivesOrTheirArrays() {
        assertEquals(List.of("PARAMETER: the 1st parameter of @GuVectorize method f has type double[][]; declare it"
                + " as a primitive (" + NumericType.allJavaNames() + ") or a one-dimensional array of one"),
                errors(GuRules.check(method("void", "void(float64[:], float64[:])", "double[][]", "double[]"),
                        "(n)->()")));
    }

    @Test
    void modifiersFollowTheVectorizeRulesInTheirOwnWords() {
        MethodDeclaration instance = new MethodDeclaration("f", false, false, false, false,
                List.of("double[]", "double[]"), "void", List.of(), List.of("void(float64[:], float64[:])"));
        assertEquals(List.of("METHOD: @GuVectorize method f must be static; add the static modifier"),
                errors(GuRules.check(instance, "(n)->()")));
    }
}
