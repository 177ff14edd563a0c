package io.jvectorize.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.processor.model.Parameter;
import io.jvectorize.spec.NumericType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer alone, from a model, without javac. */
class CompanionWriterTest {
    @Test
    void writesTheCompanionInTheSourcesPackage() {
        String text = write("q.r", method("f", 1));
        assertTrue(text.startsWith("package q.r;"), text);
        assertTrue(text.contains("public final class FooVectorized {"), text);
    }

    @Test
    void writesThePackagePrivateLoopsAfterThePublicMethods() {
        String text = write("p", method("f", 1));
        assertTrue(text.lastIndexOf("public static") < text.indexOf("\n    static void fLoop"), text);
    }

    /** A scalar argument is passed as itself, an array argument as its element. */
    @Test
    void writesBroadcastFormsOfATwoParameterMethod() {
        String text = assertDoesNotThrow(() -> write("p", method("h", 2)));
        assertTrue(text.contains("public static double[] h(double p0, double[] p1)"), text);
        assertTrue(text.contains("out[i] = Foo.h(p0, p1[i]);"), text);
    }

    private static String write(String packageName, KernelMethod method) {
        return new CompanionWriter().write(new KernelClass(packageName, List.of("Foo"), List.of(method)))
                .toString();
    }

    private static KernelMethod method(String name, int arity) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            parameters.add(new Parameter("p" + i, NumericType.FLOAT64));
        }
        return new KernelMethod(name, parameters, NumericType.FLOAT64,
                List.of(KernelMethod.ownSignature(parameters, NumericType.FLOAT64)));
    }
}
