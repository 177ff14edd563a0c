package io.jvectorize.processor.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.Tree;
import io.jvectorize.spec.NumericType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaOperatorsTest {

    @Test
    void comparisonsHaveTheirVectorOperatorAndMirrorSwapsTheOperands() {
        assertEquals(List.of("LT", "LE", "GT", "GE", "EQ", "NE"), List.of(Tree.Kind.LESS_THAN, Tree.Kind.LESS_THAN_EQUAL,
                Tree.Kind.GREATER_THAN, Tree.Kind.GREATER_THAN_EQUAL, Tree.Kind.EQUAL_TO, Tree.Kind.NOT_EQUAL_TO)
                .stream().map(JavaOperators::comparison).toList());
        assertEquals(List.of("GT", "GE", "LT", "LE", "EQ", "NE"), List.of("LT", "LE", "GT", "GE", "EQ", "NE").stream()
                .map(JavaOperators::mirror).toList());
        assertNull(JavaOperators.comparison(Tree.Kind.PLUS));
        assertTrue(JavaOperators.isComparison(Tree.Kind.NOT_EQUAL_TO));
        assertFalse(JavaOperators.isComparison(Tree.Kind.AND));
    }

    @Test
    void everyCompoundAssignmentHasItsOperator() {
        for (Tree.Kind kind : Tree.Kind.values()) {
            if (kind.asInterface() == com.sun.source.tree.CompoundAssignmentTree.class) {
                Tree.Kind operator = JavaOperators.compoundOperator(kind);
                assertEquals(kind.name(), operator.name() + "_ASSIGNMENT");
            }
        }
    }

    @Test
    void everyBinaryOperatorHasItsText() {
        for (Tree.Kind kind : Tree.Kind.values()) {
            if (kind.asInterface() == com.sun.source.tree.BinaryTree.class) {
                String text = JavaOperators.text(kind);
                assertTrue(text.matches("[-+*/%<>=!&|^]{1,3}"), kind + ": " + text);
            }
        }
        assertEquals(">>>", JavaOperators.text(Tree.Kind.UNSIGNED_RIGHT_SHIFT));
        assertEquals("!=", JavaOperators.text(Tree.Kind.NOT_EQUAL_TO));
    }

    @Test
    void literalsHaveJavasTypesAndConstructsReadAsWords() {
        assertEquals(List.of(NumericType.INT32, NumericType.INT64, NumericType.FLOAT32, NumericType.FLOAT64),
                List.of(Tree.Kind.INT_LITERAL, Tree.Kind.LONG_LITERAL, Tree.Kind.FLOAT_LITERAL, Tree.Kind.DOUBLE_LITERAL)
                        .stream().map(JavaOperators::literalType).toList());
        assertEquals("enhanced for loop", JavaOperators.describe(Tree.Kind.ENHANCED_FOR_LOOP));
        assertTrue(JavaOperators.isShift(Tree.Kind.UNSIGNED_RIGHT_SHIFT));
        assertFalse(JavaOperators.isShift(Tree.Kind.DIVIDE));
    }
}
