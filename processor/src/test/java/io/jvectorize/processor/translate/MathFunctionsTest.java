package io.jvectorize.processor.translate;

import static io.jvectorize.spec.NumericType.FLOAT32;
import static io.jvectorize.spec.NumericType.FLOAT64;
import static io.jvectorize.spec.NumericType.INT32;
import static io.jvectorize.spec.NumericType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvectorize.processor.model.LaneOp;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    @Test
    void everyFunctionWithAnOperationExistsInMathWithItsArity() throws NoSuchMethodException {
        for (Method method : Math.class.getMethods()) {
            Optional<LaneOp> op = MathFunctions.operation(method.getName());
            if (op.isPresent() && method.getParameterTypes()[0] == double.class) {
                assertEquals(op.get().arity(), method.getParameterCount(), method.toString());
            }
        }
        assertEquals(Optional.of(LaneOp.POW), MathFunctions.operation("pow"));
        assertEquals(Optional.empty(), MathFunctions.operation("floor"), "no vector operator keeps floor's results");
    }

    @Test
    void overloadedFunctionsComputeInThePromotedTypeAsJavaPicksThem() {
        assertEquals(INT32, MathFunctions.type(LaneOp.ABS, List.of(INT32)));
        assertEquals(INT64, MathFunctions.type(LaneOp.MIN, List.of(INT32, INT64)));
        assertEquals(FLOAT32, MathFunctions.type(LaneOp.MAX, List.of(FLOAT32, INT32)));
        assertEquals(FLOAT64, MathFunctions.type(LaneOp.MAX, List.of(FLOAT32, FLOAT64)));
        assertEquals(FLOAT32, MathFunctions.type(LaneOp.FMA, List.of(FLOAT32, FLOAT32, FLOAT32)));
        assertEquals(FLOAT64, MathFunctions.type(LaneOp.FMA, List.of(INT32, INT32, INT32)), "fma has no int overload");
        assertEquals(FLOAT64, MathFunctions.type(LaneOp.EXP, List.of(FLOAT32)), "exp takes double only");
    }

    @Test
    void mathAndStrictMathAreTheMathClasses() {
        assertTrue(MathFunctions.isMath("java.lang.Math"));
        assertTrue(MathFunctions.isMath("java.lang.StrictMath"));
        assertFalse(MathFunctions.isMath("p.Math"));
    }
}
