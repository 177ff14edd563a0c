package io.jvectorize.processor.translate;

import com.squareup.javapoet.CodeBlock;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.spec.NumericType;

/** What an expression of a body gives: a vector of the lane type, a mask, or a scalar the same in every lane. */
sealed interface Value {

    /** A vector of the kernel's lane type. */
    record Lane(LaneExpr expr) implements Value {}

    /** A mask: a boolean per lane. */
    record Mask(LaneExpr expr) implements Value {}

    /**
     * Java source computing the same value for every lane, such as {@code Foo.MU * 2}.
     *
     * @param code the source
     * @param type its Java type ({@code BOOLEAN} for a condition)
     * @param literal its value where it is a numeric literal, else null
     */
    record Scalar(CodeBlock code, NumericType type, Number literal) implements Value {

        /** Source that is not a literal. */
        static Scalar of(CodeBlock code, NumericType type) {
            return new Scalar(code, type, null);
        }

        /** A literal of {@code type}, written as Java writes one. */
        static Scalar literal(Number value, NumericType type) {
            return new Scalar(CodeBlock.of("$L", JavaNumerics.literalText(value, type)), type, value);
        }

        /** This scalar converted to {@code type}: a literal becomes a literal of that type, other code gets a cast. */
        Scalar as(NumericType target) {
            if (type == target) {
                return this;
            }
            if (literal != null) {
                return literal(JavaNumerics.convert(literal, target), target);
            }
            return of(CodeBlock.of("(($L) $L)", target.javaName(), code), target);
        }

        /** This scalar after unary numeric promotion. */
        Scalar promoted() {
            return as(JavaNumerics.promote(type));
        }
    }
}
