package io.jvectorize.spec;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.Problem.Subject.METHOD;
import static io.jvectorize.spec.Problem.Subject.PARAMETER;
import static io.jvectorize.spec.Problem.Subject.SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule of {@link DeclarationRules} on declarations built by hand, with the exact words of its message. */
class DeclarationRulesTest {
    private static final String PRIMITIVES = "double, float, long, int, short, byte, boolean";

    // ---- the method alone -----------------------------------------------------------------------

    @Test
    void aStaticMethodOfPrimitivesIsValidWithItsOwnSignature() {
        CheckedMethod checked = DeclarationRules.check(method("f").build());
        assertEquals(List.of(), checked.problems());
        assertEquals(List.of(new Signature(FLOAT64, List.of(FLOAT64))), checked.valid().orElseThrow().signatures());
        assertEquals(new Signature(FLOAT64, List.of(FLOAT64)), checked.valid().orElseThrow().ownSignature());
    }

    @Test
    void eachModifierRuleHasItsMessage() {
        assertOnlyError(method("f").notStatic(), METHOD, 0, "@Vectorize method f must be static; add the static modifier");
        assertOnlyError(method("f").isPrivate(), METHOD, 0, "@Vectorize method f must not be private: the generated"
                + " kernels call it; make it package-private or public");
        assertOnlyError(method("f").generic(), METHOD, 0,
                "@Vectorize method f must not be generic; remove its type parameters and use primitive types");
        assertOnlyError(method("f").throwing("java.io.IOException", "java.lang.InterruptedException"), METHOD, 0,
                "@Vectorize method f must not throw checked exceptions (java.io.IOException,"
                        + " java.lang.InterruptedException); catch them in the method or rethrow them unchecked");
    }

    @Test
    void aVarargsMethodIsReportedOnceNotForItsArrayParameter() {
        assertOnlyError(method("f").parameters("double[]").varargs(), METHOD, 0,
                "@Vectorize method f must not be varargs; declare one primitive parameter per argument");
    }

    @Test
    void aParameterOfAnotherTypeIsReportedOnItWithItsOrdinal() {
        assertOnlyError(method("f").parameters("double", "java.lang.Double"), PARAMETER, 1,
                "the 2nd parameter of @Vectorize method f has type java.lang.Double; declare it as one of " + PRIMITIVES);
        assertOnlyError(method("f").parameters("char"), PARAMETER, 0,
                "the 1st parameter of @Vectorize method f has type char; declare it as one of " + PRIMITIVES);
    }

    @Test
    void aReturnTypeOtherThanAPrimitiveIsReported() {
        assertOnlyError(method("f").returns("void"), METHOD, 0,
                "@Vectorize method f returns void; it must return one of " + PRIMITIVES);
        assertOnlyError(method("f").returns("java.lang.Double"), METHOD, 0,
                "@Vectorize method f returns java.lang.Double; it must return one of " + PRIMITIVES);
        assertOnlyError(method("f").returns("char"), METHOD, 0,
                "@Vectorize method f returns char; it must return one of " + PRIMITIVES);
    }

    @Test
    void aMethodWithoutParametersIsReported() {
        assertOnlyError(method("f").parameters(), METHOD, 0, "@Vectorize method f takes no parameters; give it at least"
                + " one, the value that each array element supplies");
    }

    @Test
    void everyDeclarationProblemIsReportedInReadingOrder() {
        CheckedMethod checked = DeclarationRules.check(method("f").notStatic().generic().throwing("java.lang.Exception")
                .parameters("java.lang.Object").returns("void").build());
        List<String> fragments = List.of("f must be static", "f must not be generic", "f must not throw checked",
                "1st parameter of @Vectorize method f has type java.lang.Object", "f returns void");
        assertEquals(fragments.size(), checked.errors().size(), checked.errors().toString());
        for (int i = 0; i < fragments.size(); i++) {
            assertTrue(checked.errors().get(i).message().contains(fragments.get(i)), checked.errors().get(i).message());
        }
        assertTrue(checked.valid().isEmpty());
    }

    @Test
    void signaturesAreNotCheckedWhileTheDeclarationIsWrong() {
        CheckedMethod checked = DeclarationRules.check(method("f").notStatic().signatures("nonsense").build());
        assertEquals(1, checked.problems().size(), checked.problems().toString());
    }

    // ---- signatures ------------------------------------------------------------------------------

    @Test
    void theAnnotationsSignaturesAreKeptInOrder() {
        CheckedMethod checked = DeclarationRules.check(method("f").signatures("f4(f4)", "f8(f8)").build());
        assertEquals(List.of(new Signature(FLOAT32, List.of(FLOAT32)), new Signature(FLOAT64, List.of(FLOAT64))),
                checked.valid().orElseThrow().signatures());
    }

    @Test
    void aSignatureThatDoesNotParseIsReportedOnItWithTheParsersMessage() {
        assertOnlyError(method("f").signatures("f8(f8)", "float64(float64"), SIGNATURE, 1,
                "@Vectorize method f: malformed signature \"float64(float64\": expected ',' or ')' at column 16,"
                        + " found the end; write it as ret(arg, ...), e.g. \"float64(float64, float64)\"");
    }

    @Test
    void javaNamesThatAreNotTypeNamesAreUnknown() {
        assertOnlyError(method("f").parameters("long").returns("long").signatures("int64(long)"), SIGNATURE, 0,
                "@Vectorize method f: unknown type \"long\" at column 7 of signature \"int64(long)\"; known types:"
                        + " float64 | f8 | double, float32 | f4 | float, int64 | i8, int32 | i4, int16 | i2,"
                        + " int8 | i1, boolean | b1");
    }

    @Test
    void aSignatureOfAnotherArityIsReported() {
        assertOnlyError(method("f").signatures("float64(float64, float64)"), SIGNATURE, 0,
                "@Vectorize method f: signature \"float64(float64, float64)\" has 2 argument types but the method"
                        + " takes 1 parameter; give it one type per parameter");
        assertOnlyError(method("f").parameters("double", "double").signatures("float64(float64)"), SIGNATURE, 0,
                "@Vectorize method f: signature \"float64(float64)\" has 1 argument type but the method takes"
                        + " 2 parameters; give it one type per parameter");
    }

    @Test
    void eachArgumentTypeThatDoesNotWidenIsReported() {
        CheckedMethod checked = DeclarationRules.check(method("f").parameters("int", "int").returns("int")
                .signatures("int32(int64, float32)").build());
        assertEquals(List.of(
                "@Vectorize method f: signature \"int32(int64, float32)\": argument type int64 does not widen to int,"
                        + " the type of the 1st parameter; use a type that widens to int, or widen the parameter",
                "@Vectorize method f: signature \"int32(int64, float32)\": argument type float32 does not widen to"
                        + " int, the type of the 2nd parameter; use a type that widens to int, or widen the parameter"),
                checked.errors().stream().map(Problem::message).toList());
    }

    @Test
    void widerArgumentTypesAreKeptAsTheSignatureSaysThem() {
        CheckedMethod checked = DeclarationRules.check(method("f").signatures("float32(int32)").build());
        assertEquals(List.of(new Signature(FLOAT32, List.of(INT32))), checked.valid().orElseThrow().signatures());
    }

    @Test
    void aReturnTypeThatCannotHoldTheResultIsReported() {
        assertOnlyError(method("f").signatures("boolean(float32)"), SIGNATURE, 0,
                "@Vectorize method f: signature \"boolean(float32)\": return type boolean cannot hold the method's"
                        + " double result; boolean converts only to boolean, numbers only to numbers");
    }

    @Test
    void aSecondSignatureWithTheSameArgumentTypesIsReported() {
        assertOnlyError(method("f").signatures("float64(float64)", "float32(f8)"), SIGNATURE, 1,
                "@Vectorize method f: signature \"float32(f8)\" has the same argument types as float64(float64);"
                        + " their kernels would clash: remove one");
    }

    @Test
    void aShadowedSignatureIsAWarningAndTheMethodStaysValid() {
        CheckedMethod checked = DeclarationRules.check(method("f").signatures("float64(float64)", "float32(float32)")
                .build());
        assertEquals(List.of(new Problem(Problem.Severity.WARNING, SIGNATURE, 1,
                "@Vectorize method f: signature \"float32(float32)\" is never picked by a call by name (Expr.parse,"
                        + " Compute): the earlier float64(float64) accepts all its argument types and is tried first;"
                        + " list narrower signatures first (its Java kernels are still generated)")),
                checked.problems());
        assertTrue(checked.valid().isPresent());
    }

    @Test
    void oneBadSignatureRefusesTheMethodAndEveryBadOneIsReported() {
        CheckedMethod checked = DeclarationRules.check(method("f")
                .signatures("float64(float64", "float64(float64)", "float64(real)", "float64(float64, float64)").build());
        assertEquals(List.of(0, 2, 3), checked.errors().stream().map(Problem::index).toList());
        assertTrue(checked.valid().isEmpty());
    }

    // ---- the class ---------------------------------------------------------------------------------

    @Test
    void everyMethodOfAPrivateClassGetsTheSameErrorAndNoOther() {
        CheckedClass checked = DeclarationRules.check(new ClassDeclaration(List.of(
                        new EnclosingClass("Outer", EnclosingClass.Nesting.TOP_LEVEL, false),
                        new EnclosingClass("Hidden", EnclosingClass.Nesting.MEMBER, true),
                        new EnclosingClass("Inner", EnclosingClass.Nesting.MEMBER, false)),
                List.of(method("f").build(), method("g").notStatic().build())));
        assertEquals(List.of(
                "@Vectorize method f is in private class Hidden, which the generated companion cannot call; make"
                        + " Hidden package-private or public",
                "@Vectorize method g is in private class Hidden, which the generated companion cannot call; make"
                        + " Hidden package-private or public"),
                checked.errors().stream().map(Problem::message).toList());
    }

    @Test
    void aLocalOrAnonymousClassAnywhereInTheNestIsReported() {
        for (EnclosingClass.Nesting nesting : List.of(EnclosingClass.Nesting.LOCAL, EnclosingClass.Nesting.ANONYMOUS)) {
            CheckedClass checked = DeclarationRules.check(new ClassDeclaration(List.of(
                            new EnclosingClass("Outer", EnclosingClass.Nesting.TOP_LEVEL, false),
                            new EnclosingClass("Local", nesting, true),
                            new EnclosingClass("Inner", EnclosingClass.Nesting.MEMBER, false)),
                    List.of(method("f").build())));
            assertEquals(List.of(DeclarationRules.localClass("f")),
                    checked.errors().stream().map(Problem::message).toList(), nesting.name());
        }
        assertEquals("@Vectorize method f is in a local or anonymous class, which generated code cannot name; move it"
                + " to a top-level or member class", DeclarationRules.localClass("f"));
    }

    @Test
    void aSecondMethodOfTheSameNameIsRefusedForThatAlone() {
        CheckedClass checked = DeclarationRules.check(foo(method("f").build(),
                method("f").notStatic().returns("float").build()));
        assertTrue(checked.methods().get(0).valid().isPresent());
        assertEquals(List.of("another @Vectorize method of Foo is named f; rename one: the generated kernels take the"
                + " method's name"), checked.methods().get(1).problems().stream().map(Problem::message).toList());
    }

    @Test
    void methodsThatWouldGenerateTheSameCompanionMethodAreNamedInNameOrderEitherWay() {
        String message = "@Vectorize methods f and fParallel would both generate FooVectorized.fParallel(double[]);"
                + " rename one of them";
        CheckedClass fFirst = DeclarationRules.check(foo(method("f").build(), method("fParallel").build()));
        assertEquals(List.of(message), fFirst.methods().get(1).problems().stream().map(Problem::message).toList());
        assertTrue(fFirst.methods().get(0).valid().isPresent());
        CheckedClass fParallelFirst = DeclarationRules.check(foo(method("fParallel").build(), method("f").build()));
        assertEquals(List.of(message), fParallelFirst.methods().get(1).problems().stream().map(Problem::message).toList());
    }

    @Test
    void methodsWhoseCompanionMethodsDifferInTypesDoNotClash() {
        CheckedClass checked = DeclarationRules.check(foo(method("f").build(),
                method("fParallel").parameters("float").returns("float").build()));
        assertEquals(List.of(), checked.errors());
    }

    @Test
    void anInvalidMethodTakesNoPartInTheClashCheck() {
        CheckedClass checked = DeclarationRules.check(foo(method("f").notStatic().build(), method("fParallel").build()));
        assertEquals(1, checked.errors().size(), checked.errors().toString());
        assertTrue(checked.methods().get(1).valid().isPresent());
    }

    @Test
    void theCompanionOfANestedClassIsNamedInTheClashMessage() {
        CheckedClass checked = DeclarationRules.check(new ClassDeclaration(List.of(
                        new EnclosingClass("Outer", EnclosingClass.Nesting.TOP_LEVEL, false),
                        new EnclosingClass("Inner", EnclosingClass.Nesting.MEMBER, false)),
                List.of(method("f").build(), method("fParallel").build())));
        assertTrue(checked.errors().get(0).message().contains("Outer_InnerVectorized.fParallel(double[])"),
                checked.errors().toString());
    }

    // ---- words and invariants ---------------------------------------------------------------------

    @Test
    void ordinalsReadAsEnglish() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"),
                List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111).stream().map(DeclarationRules::ordinal).toList());
    }

    @Test
    void aVerdictIsValidExactlyWhereItHasNoError() {
        MethodDeclaration f = method("f").build();
        Problem error = new Problem(Problem.Severity.ERROR, METHOD, 0, "x");
        CheckedMethod.Valid valid = new CheckedMethod.Valid(List.of(FLOAT64), FLOAT64, List.of());
        assertThrows(IllegalArgumentException.class, () -> new CheckedMethod(f, List.of(error), Optional.of(valid)));
        assertThrows(IllegalArgumentException.class, () -> new CheckedMethod(f, List.of(), Optional.empty()));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static void assertOnlyError(Builder method, Problem.Subject subject, int index, String message) {
        CheckedMethod checked = DeclarationRules.check(method.build());
        assertEquals(List.of(new Problem(Problem.Severity.ERROR, subject, index, message)), checked.problems());
        assertFalse(checked.valid().isPresent());
    }

    private static ClassDeclaration foo(MethodDeclaration... methods) {
        return new ClassDeclaration(List.of(new EnclosingClass("Foo", EnclosingClass.Nesting.TOP_LEVEL, false)),
                List.of(methods));
    }

    /** {@code static double name(double)} unless told otherwise. */
    private static Builder method(String name) {
        return new Builder(name);
    }

    private static final class Builder {
        private final String name;
        private boolean isStatic = true;
        private boolean isPrivate;
        private boolean isGeneric;
        private boolean isVarArgs;
        private List<String> parameters = List.of("double");
        private String returnType = "double";
        private List<String> exceptions = List.of();
        private List<String> signatures = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Builder notStatic() {
            isStatic = false;
            return this;
        }

        Builder isPrivate() {
            isPrivate = true;
            return this;
        }

        Builder generic() {
            isGeneric = true;
            return this;
        }

        Builder varargs() {
            isVarArgs = true;
            return this;
        }

        Builder parameters(String... types) {
            parameters = List.of(types);
            return this;
        }

        Builder returns(String type) {
            returnType = type;
            return this;
        }

        Builder throwing(String... types) {
            exceptions = List.of(types);
            return this;
        }

        Builder signatures(String... texts) {
            signatures = List.of(texts);
            return this;
        }

        MethodDeclaration build() {
            return new MethodDeclaration(name, isStatic, isPrivate, isGeneric, isVarArgs, parameters, returnType,
                    exceptions, signatures);
        }
    }
}
