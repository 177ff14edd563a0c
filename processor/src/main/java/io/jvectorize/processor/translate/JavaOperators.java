package io.jvectorize.processor.translate;

import com.sun.source.tree.Tree;
import io.jvectorize.spec.NumericType;
import java.util.Locale;

/**
 * Java's operators as javac's trees name them ({@link Tree.Kind}): which are comparisons and
 * shifts, the Vector API comparison of each, the operator of a compound assignment, and how a
 * note names a construct.
 */
final class JavaOperators {

    private JavaOperators() {}

    static boolean isComparison(Tree.Kind kind) {
        return comparison(kind) != null;
    }

    static boolean isShift(Tree.Kind kind) {
        return kind == Tree.Kind.LEFT_SHIFT || kind == Tree.Kind.RIGHT_SHIFT || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    }

    /** The Vector API comparison ({@code VectorOperators.LT}, ...) of a comparison operator; null for others. */
    static String comparison(Tree.Kind kind) {
        switch (kind) {
            case LESS_THAN: return "LT";
            case LESS_THAN_EQUAL: return "LE";
            case GREATER_THAN: return "GT";
            case GREATER_THAN_EQUAL: return "GE";
            case EQUAL_TO: return "EQ";
            case NOT_EQUAL_TO: return "NE";
            default: return null;
        }
    }

    /** The comparison with its operands swapped: {@code c < x} is {@code x > c}. */
    static String mirror(String comparison) {
        switch (comparison) {
            case "LT": return "GT";
            case "LE": return "GE";
            case "GT": return "LT";
            case "GE": return "LE";
            default: return comparison;
        }
    }

    /** The operator of a compound assignment: {@code PLUS} for {@code +=}. */
    static Tree.Kind compoundOperator(Tree.Kind kind) {
        switch (kind) {
            case PLUS_ASSIGNMENT: return Tree.Kind.PLUS;
            case MINUS_ASSIGNMENT: return Tree.Kind.MINUS;
            case MULTIPLY_ASSIGNMENT: return Tree.Kind.MULTIPLY;
            case DIVIDE_ASSIGNMENT: return Tree.Kind.DIVIDE;
            case REMAINDER_ASSIGNMENT: return Tree.Kind.REMAINDER;
            case LEFT_SHIFT_ASSIGNMENT: return Tree.Kind.LEFT_SHIFT;
            case RIGHT_SHIFT_ASSIGNMENT: return Tree.Kind.RIGHT_SHIFT;
            case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT: return Tree.Kind.UNSIGNED_RIGHT_SHIFT;
            case AND_ASSIGNMENT: return Tree.Kind.AND;
            case OR_ASSIGNMENT: return Tree.Kind.OR;
            case XOR_ASSIGNMENT: return Tree.Kind.XOR;
            default: throw new IllegalArgumentException(kind + " is no compound assignment");
        }
    }

    /** The operator as Java writes it: {@code +} for {@code PLUS}. */
    static String text(Tree.Kind kind) {
        switch (kind) {
            case PLUS: return "+";
            case MINUS: return "-";
            case MULTIPLY: return "*";
            case DIVIDE: return "/";
            case REMAINDER: return "%";
            case LEFT_SHIFT: return "<<";
            case RIGHT_SHIFT: return ">>";
            case UNSIGNED_RIGHT_SHIFT: return ">>>";
            case AND: return "&";
            case OR: return "|";
            case XOR: return "^";
            case CONDITIONAL_AND: return "&&";
            case CONDITIONAL_OR: return "||";
            case LESS_THAN: return "<";
            case LESS_THAN_EQUAL: return "<=";
            case GREATER_THAN: return ">";
            case GREATER_THAN_EQUAL: return ">=";
            case EQUAL_TO: return "==";
            case NOT_EQUAL_TO: return "!=";
            default: throw new IllegalArgumentException(kind + " is no binary operator");
        }
    }

    /** The type of a numeric literal: {@code 1} int, {@code 1L} long, {@code 1f} float, {@code 1.0} double. */
    static NumericType literalType(Tree.Kind kind) {
        switch (kind) {
            case INT_LITERAL: return NumericType.INT32;
            case LONG_LITERAL: return NumericType.INT64;
            case FLOAT_LITERAL: return NumericType.FLOAT32;
            case DOUBLE_LITERAL: return NumericType.FLOAT64;
            default: throw new IllegalArgumentException(kind + " is no numeric literal");
        }
    }

    /** How a note names a construct: "for loop" for {@code FOR_LOOP}. */
    static String describe(Tree.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
