package io.jvectorize.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.processor.model.LaneProgram;
import io.jvectorize.spec.NumericType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Translates the body of a @Vectorize method, as javac parsed it, into a {@link LaneProgram}:
 * straight-line lane code in which branches are blends. It types every expression by Java's
 * rules (javac has not attributed bodies yet while processors run), and translates only what
 * keeps the scalar method's results: one lane type throughout, the source's order of
 * operations, and no integer division where a branch would have skipped it. Anything else
 * stops it with an {@link Untranslatable} naming the construct and its line.
 */
final class BodyTranslator {
    /** The processor option that keeps SIMD to operations whose results equal Java's bit for bit. */
    static final String EXACT_OPTION = "jvectorize.exactSimd";

    /** Bodies larger than this many lane operations keep the scalar loop, so the SIMD method stays well under HotSpot's 8000-byte JIT limit. */
    static final int MAX_OPERATIONS = 300;

    private static final Map<String, LaneOp> MATH_FUNCTIONS = Map.ofEntries(
            Map.entry("abs", LaneOp.ABS), Map.entry("min", LaneOp.MIN), Map.entry("max", LaneOp.MAX),
            Map.entry("fma", LaneOp.FMA), Map.entry("sqrt", LaneOp.SQRT), Map.entry("cbrt", LaneOp.CBRT),
            Map.entry("exp", LaneOp.EXP), Map.entry("expm1", LaneOp.EXPM1), Map.entry("log", LaneOp.LOG),
            Map.entry("log10", LaneOp.LOG10), Map.entry("log1p", LaneOp.LOG1P), Map.entry("sin", LaneOp.SIN),
            Map.entry("cos", LaneOp.COS), Map.entry("tan", LaneOp.TAN), Map.entry("asin", LaneOp.ASIN),
            Map.entry("acos", LaneOp.ACOS), Map.entry("atan", LaneOp.ATAN), Map.entry("sinh", LaneOp.SINH),
            Map.entry("cosh", LaneOp.COSH), Map.entry("tanh", LaneOp.TANH), Map.entry("atan2", LaneOp.ATAN2),
            Map.entry("hypot", LaneOp.HYPOT), Map.entry("pow", LaneOp.POW));

    /** Why a body has no SIMD translation: the construct, and the line it is on. */
    static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message);
        }
    }

    private final Trees trees;
    private final Elements elements;
    private final boolean exactOnly;

    /** @param exactOnly whether to translate only operations whose SIMD results equal Java's bit for bit */
    BodyTranslator(Trees trees, Elements elements, boolean exactOnly) {
        this.trees = trees;
        this.elements = elements;
        this.exactOnly = exactOnly;
    }

    /** The body of {@code method} as lane code; {@code siblings} are the @Vectorize methods of its class, which calls inline. */
    LaneProgram translate(ExecutableElement method, Map<String, ExecutableElement> siblings) throws Untranslatable {
        return new Translation(method, siblings).run();
    }

    // ---- values ---------------------------------------------------------------------------

    /** What an expression gives: a vector of the lane type, a mask, or a scalar that is the same in every lane. */
    private sealed interface Value {}

    private record Lane(LaneExpr expr) implements Value {}

    private record Mask(LaneExpr expr) implements Value {}

    /** Java source computing the same value for every lane, its type, and its value where it is a literal. */
    private record Scalar(CodeBlock code, NumericType type, Number literal) implements Value {}

    /** A variable's declared type and current value (null until assigned). */
    private record Slot(NumericType type, Value value) {}

    /** Translation of one method, with the state it builds up. */
    private final class Translation {
        private final ExecutableElement method;
        private final Map<String, ExecutableElement> siblings;
        private final TypeElement owner;
        private final CompilationUnitTree unit;
        private final NumericType laneType;
        private final List<LaneProgram.Let> lets = new ArrayList<>();
        private final Set<String> letNames = new HashSet<>();
        private final Deque<ExecutableElement> inlining = new ArrayDeque<>();
        /** The private constants whose initializers are being translated, against cycles. */
        private final Set<String> initializing = new HashSet<>();
        private int operations;

        Translation(ExecutableElement method, Map<String, ExecutableElement> siblings) throws Untranslatable {
            this.method = method;
            this.siblings = siblings;
            this.owner = (TypeElement) method.getEnclosingElement();
            TreePath path = trees.getPath(method);
            if (path == null) {
                throw new Untranslatable("its source is not available to the processor");
            }
            this.unit = path.getCompilationUnit();
            this.laneType = laneType(method);
        }

        LaneProgram run() throws Untranslatable {
            MethodTree tree = trees.getTree(method);
            Value result = inline(method, argumentValues(), tree);
            LaneExpr resultExpr = method.getReturnType().getKind() == TypeKind.BOOLEAN
                    ? mask(result, tree)
                    : laneExpr(result, tree);
            if (operations > MAX_OPERATIONS) {
                throw new Untranslatable("its body has more than " + MAX_OPERATIONS
                        + " operations, too many for one SIMD loop that HotSpot still compiles");
            }
            return new LaneProgram(laneType, lets, resultExpr);
        }

        private List<Value> argumentValues() {
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < method.getParameters().size(); i++) {
                boolean mask = method.getParameters().get(i).asType().getKind() == TypeKind.BOOLEAN;
                LaneExpr argument = new LaneExpr.Argument(i, mask);
                values.add(mask ? new Mask(argument) : new Lane(argument));
            }
            return values;
        }

        /**
         * Translates the body of {@code callee} with its parameters bound to {@code arguments};
         * gives its result. {@code site} is the call, for the line of a NOTE.
         */
        private Value inline(ExecutableElement callee, List<Value> arguments, Tree site) throws Untranslatable {
            if (inlining.contains(callee)) {
                throw untranslatable("recursive call to " + callee.getSimpleName(), site);
            }
            MethodTree tree = trees.getTree(callee);
            if (tree == null || tree.getBody() == null) {
                throw new Untranslatable("the source of " + callee.getSimpleName() + " is not available");
            }
            inlining.push(callee);
            Map<String, Slot> scope = new LinkedHashMap<>();
            for (int i = 0; i < callee.getParameters().size(); i++) {
                VariableElement parameter = callee.getParameters().get(i);
                NumericType type = numericType(parameter.asType().getKind(), tree);
                String name = parameter.getSimpleName().toString();
                // Named once: each use of the parameter then reads a local, not a copy of the argument.
                scope.put(name, new Slot(type, bind(name, convert(arguments.get(i), type, tree))));
            }
            Optional<Value> result = statements(tree.getBody().getStatements(), scope, 0);
            inlining.pop();
            if (result.isEmpty()) {
                throw untranslatable("a body that does not end in a return", tree.getBody());
            }
            return convert(result.get(), numericType(callee.getReturnType().getKind(), tree), tree);
        }

        // ---- statements -------------------------------------------------------------------

        /** Runs {@code statements} on {@code scope}; gives the returned value if they always return. */
        private Optional<Value> statements(List<? extends StatementTree> statements, Map<String, Slot> scope, int depth)
                throws Untranslatable {
            for (int k = 0; k < statements.size(); k++) {
                StatementTree statement = statements.get(k);
                switch (statement.getKind()) {
                    case BLOCK: {
                        Set<String> outer = new HashSet<>(scope.keySet());
                        Optional<Value> result = statements(((BlockTree) statement).getStatements(), scope, depth);
                        if (result.isPresent()) {
                            return result;
                        }
                        // The block's own locals end with it; what it assigned to outer ones stays.
                        scope.keySet().retainAll(outer);
                        break;
                    }
                    case VARIABLE:
                        declare((VariableTree) statement, scope, depth);
                        break;
                    case EXPRESSION_STATEMENT:
                        assign(((ExpressionStatementTree) statement).getExpression(), scope, depth);
                        break;
                    case RETURN:
                        return Optional.of(expression(((ReturnTree) statement).getExpression(), scope, depth));
                    case EMPTY_STATEMENT:
                        break;
                    case IF:
                        Optional<Value> result = branch((IfTree) statement,
                                statements.subList(k + 1, statements.size()), scope, depth);
                        if (result.isPresent()) {
                            return result;
                        }
                        break;
                    default:
                        throw untranslatable(describe(statement), statement);
                }
            }
            return Optional.empty();
        }

        private void declare(VariableTree variable, Map<String, Slot> scope, int depth) throws Untranslatable {
            Tree typeTree = variable.getType();
            NumericType type = null;
            if (typeTree instanceof PrimitiveTypeTree primitive) {
                type = numericType(primitive.getPrimitiveTypeKind(), variable);
            } else if (variable.getInitializer() == null || typeTree != null && !typeTree.toString().equals("var")) {
                throw untranslatable("local " + variable.getName() + " of type " + typeTree, variable);
            }
            String name = variable.getName().toString();
            if (variable.getInitializer() == null) {
                scope.put(name, new Slot(type, null));
                return;
            }
            Value value = expression(variable.getInitializer(), scope, depth);
            if (type == null) {
                type = typeOf(value);
            }
            scope.put(name, new Slot(type, bind(name, convert(value, type, variable))));
        }

        private void assign(ExpressionTree expression, Map<String, Slot> scope, int depth) throws Untranslatable {
            ExpressionTree target;
            Value value;
            if (expression instanceof AssignmentTree assignment) {
                target = assignment.getVariable();
                value = expression(assignment.getExpression(), scope, depth);
            } else if (expression instanceof CompoundAssignmentTree compound) {
                target = compound.getVariable();
                Value current = expression(target, scope, depth);
                value = binary(compoundOperator(compound), current,
                        expression(compound.getExpression(), scope, depth), compound, depth);
            } else {
                throw untranslatable(describe(expression), expression);
            }
            if (!(target instanceof IdentifierTree identifier) || !scope.containsKey(identifier.getName().toString())) {
                throw untranslatable("assignment to " + target, expression);
            }
            String name = identifier.getName().toString();
            Slot slot = scope.get(name);
            scope.put(name, new Slot(slot.type(), bind(name, convert(value, slot.type(), expression))));
        }

        /**
         * An if statement. Both branches are computed on every lane and blended: where both
         * return, into the result; where one returns, with the rest of the body on the other
         * path; where neither does, each variable they assign is blended.
         */
        private Optional<Value> branch(IfTree tree, List<? extends StatementTree> rest, Map<String, Slot> scope, int depth)
                throws Untranslatable {
            LaneExpr condition = mask(expression(tree.getCondition(), scope, depth), tree.getCondition());
            List<StatementTree> thenPath = new ArrayList<>(List.of(tree.getThenStatement()));
            List<StatementTree> elsePath = new ArrayList<>();
            if (tree.getElseStatement() != null) {
                elsePath.add(tree.getElseStatement());
            }
            if (returns(tree)) {
                // Each path goes on with the rest of the body until it returns: the results are blended.
                thenPath.addAll(rest);
                elsePath.addAll(rest);
                Optional<Value> ifTrue = statements(thenPath, new LinkedHashMap<>(scope), depth + 1);
                Optional<Value> ifFalse = statements(elsePath, new LinkedHashMap<>(scope), depth + 1);
                if (ifTrue.isEmpty() || ifFalse.isEmpty()) {
                    throw untranslatable("a path that does not end in a return", tree);
                }
                return Optional.of(select(condition, ifTrue.get(), ifFalse.get(), tree));
            }
            Map<String, Slot> thenScope = new LinkedHashMap<>(scope);
            statements(thenPath, thenScope, depth + 1);
            Map<String, Slot> elseScope = new LinkedHashMap<>(scope);
            statements(elsePath, elseScope, depth + 1);
            for (Map.Entry<String, Slot> entry : scope.entrySet()) {
                String name = entry.getKey();
                Value ifTrue = thenScope.get(name).value();
                Value ifFalse = elseScope.get(name).value();
                if (ifTrue != ifFalse && ifTrue != null && ifFalse != null) {
                    entry.setValue(new Slot(entry.getValue().type(),
                            bind(name, select(condition, ifTrue, ifFalse, tree))));
                }
            }
            return Optional.empty();
        }

        // ---- expressions ------------------------------------------------------------------

        private Value expression(ExpressionTree tree, Map<String, Slot> scope, int depth) throws Untranslatable {
            switch (tree.getKind()) {
                case PARENTHESIZED:
                    return expression(((ParenthesizedTree) tree).getExpression(), scope, depth);
                case INT_LITERAL:
                case LONG_LITERAL:
                case FLOAT_LITERAL:
                case DOUBLE_LITERAL:
                    return literal((Number) ((LiteralTree) tree).getValue(), literalType(tree.getKind()));
                case IDENTIFIER:
                    return identifier((IdentifierTree) tree, scope);
                case MEMBER_SELECT:
                    return field((MemberSelectTree) tree);
                case UNARY_MINUS:
                case UNARY_PLUS:
                case BITWISE_COMPLEMENT:
                case LOGICAL_COMPLEMENT:
                    return unary((UnaryTree) tree, expression(((UnaryTree) tree).getExpression(), scope, depth));
                case CONDITIONAL_AND:
                case CONDITIONAL_OR: {
                    BinaryTree binary = (BinaryTree) tree;
                    // The right side runs only where the left allows: a conditional branch.
                    return logic(tree, expression(binary.getLeftOperand(), scope, depth),
                            expression(binary.getRightOperand(), scope, depth + 1));
                }
                case CONDITIONAL_EXPRESSION: {
                    ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                    LaneExpr condition = mask(expression(conditional.getCondition(), scope, depth), conditional);
                    return select(condition, expression(conditional.getTrueExpression(), scope, depth + 1),
                            expression(conditional.getFalseExpression(), scope, depth + 1), tree);
                }
                case METHOD_INVOCATION:
                    return call((MethodInvocationTree) tree, scope, depth);
                case TYPE_CAST:
                    return cast((TypeCastTree) tree, expression(((TypeCastTree) tree).getExpression(), scope, depth));
                default:
                    if (tree instanceof BinaryTree binary) {
                        return binary(tree.getKind(), expression(binary.getLeftOperand(), scope, depth),
                                expression(binary.getRightOperand(), scope, depth), tree, depth);
                    }
                    throw untranslatable(describe(tree), tree);
            }
        }

        private Value identifier(IdentifierTree tree, Map<String, Slot> scope) throws Untranslatable {
            String name = tree.getName().toString();
            Slot slot = scope.get(name);
            if (slot != null) {
                if (slot.value() == null) {
                    throw untranslatable("variable " + name + " read before it is assigned", tree);
                }
                return slot.value();
            }
            for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
                Optional<VariableElement> field = fieldOf((TypeElement) type, name);
                if (field.isPresent()) {
                    return constant(field.get(), (TypeElement) type, tree);
                }
            }
            Optional<TypeElement> imported = staticImport(name, false);
            if (imported.isPresent()) {
                Optional<VariableElement> field = fieldOf(imported.get(), name);
                if (field.isPresent()) {
                    return constant(field.get(), imported.get(), tree);
                }
            }
            throw untranslatable("name " + name, tree);
        }

        private Value field(MemberSelectTree tree) throws Untranslatable {
            Optional<TypeElement> type = typeNamed(tree.getExpression());
            String name = tree.getIdentifier().toString();
            if (type.isPresent()) {
                Optional<VariableElement> field = fieldOf(type.get(), name);
                if (field.isPresent()) {
                    return constant(field.get(), type.get(), tree);
                }
            }
            throw untranslatable("field " + tree, tree);
        }

        /** A static final field: the same value in every lane. */
        private Value constant(VariableElement field, TypeElement type, Tree tree) throws Untranslatable {
            Set<Modifier> modifiers = field.getModifiers();
            String name = field.getSimpleName().toString();
            if (!modifiers.contains(Modifier.STATIC) || !modifiers.contains(Modifier.FINAL)) {
                throw untranslatable("field " + name + ", which is not static final,", tree);
            }
            NumericType fieldType = numericType(field.asType().getKind(), tree);
            Object constantValue = field.getConstantValue();
            if (modifiers.contains(Modifier.PRIVATE)) {
                if (constantValue instanceof Number number) {
                    return literal(number, fieldType);
                }
                if (constantValue instanceof Boolean bool) {
                    return new Scalar(CodeBlock.of("$L", bool), NumericType.BOOLEAN, null);
                }
                return privateConstant(field, fieldType, tree);
            }
            return new Scalar(CodeBlock.of("$T.$L", ClassName.get(type), name), fieldType, null);
        }

        /**
         * A private static final field that is not a compile-time constant, such as
         * {@code 1.0 / Math.sqrt(2 * Math.PI)}: generated code cannot read it, but computes its
         * initializer again, which gives the same value where it is made of constants and Math.
         */
        private Value privateConstant(VariableElement field, NumericType type, Tree use) throws Untranslatable {
            String name = field.getSimpleName().toString();
            Tree declaration = trees.getTree(field);
            if (!(declaration instanceof VariableTree variable) || variable.getInitializer() == null
                    || !initializing.add(name)) {
                throw untranslatable("private field " + name + " (make it package-private so that generated code"
                        + " can read it)", use);
            }
            try {
                Value value = expression(variable.getInitializer(), new LinkedHashMap<>(), 0);
                if (!(value instanceof Scalar scalar)) {
                    throw untranslatable("private field " + name, use);
                }
                return scalar.type() == type ? scalar : scalarAs(scalar, type);
            } catch (Untranslatable e) {
                throw untranslatable("private field " + name + ", whose initializer is not made of constants and Math"
                        + " (make it package-private so that generated code can read it),", use);
            } finally {
                initializing.remove(name);
            }
        }

        private Value unary(UnaryTree tree, Value operand) throws Untranslatable {
            switch (tree.getKind()) {
                case UNARY_PLUS:
                    return operand instanceof Scalar scalar ? promoted(scalar) : operand;
                case UNARY_MINUS:
                    if (operand instanceof Scalar scalar) {
                        NumericType type = promote(scalar.type());
                        return scalar.literal() != null
                                ? literal(negate(convertNumber(scalar.literal(), type)), type)
                                : new Scalar(CodeBlock.of("-($L)", scalar.code()), type, null);
                    }
                    return lane(LaneOp.NEG, List.of(laneExpr(numeric(operand, tree), tree)));
                case BITWISE_COMPLEMENT:
                    if (operand instanceof Scalar scalar) {
                        return new Scalar(CodeBlock.of("~($L)", scalar.code()), promote(scalar.type()), null);
                    }
                    requireIntegral(tree);
                    return lane(LaneOp.NOT, List.of(laneExpr(numeric(operand, tree), tree)));
                default:
                    if (operand instanceof Scalar scalar) {
                        return new Scalar(CodeBlock.of("!($L)", scalar.code()), NumericType.BOOLEAN, null);
                    }
                    return new Mask(new LaneExpr.Logic(LaneExpr.LogicOp.NOT, List.of(mask(operand, tree))));
            }
        }

        private Value logic(Tree tree, Value left, Value right) throws Untranslatable {
            boolean and = tree.getKind() == Tree.Kind.CONDITIONAL_AND || tree.getKind() == Tree.Kind.AND;
            if (left instanceof Scalar l && right instanceof Scalar r) {
                return new Scalar(CodeBlock.of("($L $L $L)", l.code(), operatorText(tree.getKind()), r.code()),
                        NumericType.BOOLEAN, null);
            }
            return new Mask(new LaneExpr.Logic(and ? LaneExpr.LogicOp.AND : LaneExpr.LogicOp.OR,
                    List.of(mask(left, tree), mask(right, tree))));
        }

        private Value binary(Tree.Kind kind, Value left, Value right, Tree tree, int depth) throws Untranslatable {
            if ((kind == Tree.Kind.AND || kind == Tree.Kind.OR) && (left instanceof Mask || right instanceof Mask)) {
                return logic(tree, left, right);
            }
            if (left instanceof Scalar l && right instanceof Scalar r) {
                NumericType type = isComparison(kind) ? NumericType.BOOLEAN
                        : isShift(kind) ? promote(l.type()) : promote(l.type(), r.type());
                if ((kind == Tree.Kind.DIVIDE || kind == Tree.Kind.REMAINDER)
                        && (type == NumericType.INT32 || type == NumericType.INT64)) {
                    requireUnconditional(depth, tree);
                }
                return new Scalar(CodeBlock.of("($L $L $L)", l.code(), operatorText(kind), r.code()), type, null);
            }
            NumericType type = isShift(kind) ? promote(typeOf(left)) : promote(typeOf(numeric(left, tree)), typeOf(numeric(right, tree)));
            if (type != laneType) {
                throw untranslatable("an operation in " + type.javaName() + " inside a " + laneType.javaName() + " kernel", tree);
            }
            if (isComparison(kind)) {
                return comparison(kind, left, right, tree);
            }
            LaneExpr a = laneExpr(left, tree);
            LaneExpr b = laneExpr(right, tree);
            boolean integral = laneType == NumericType.INT32 || laneType == NumericType.INT64;
            switch (kind) {
                case PLUS: return lane(LaneOp.ADD, List.of(a, b));
                case MINUS: return lane(LaneOp.SUB, List.of(a, b));
                case MULTIPLY: return lane(LaneOp.MUL, List.of(a, b));
                case DIVIDE:
                    if (integral) {
                        requireUnconditional(depth, tree);
                        b = divisor(b);
                    }
                    return lane(LaneOp.DIV, List.of(a, b));
                case REMAINDER:
                    if (!integral) {
                        throw untranslatable("floating-point remainder %", tree);
                    }
                    requireUnconditional(depth, tree);
                    // Java's a % b is exactly a - (a / b) * b, overflow included.
                    LaneExpr dividend = named("dividend", a);
                    LaneExpr divisor = divisor(b);
                    return lane(LaneOp.SUB, List.of(dividend,
                            new LaneExpr.Operation(LaneOp.MUL, List.of(new LaneExpr.Operation(LaneOp.DIV,
                                    List.of(dividend, divisor)), divisor))));
                case LEFT_SHIFT: requireIntegral(tree); return lane(LaneOp.LSHL, List.of(a, b));
                case RIGHT_SHIFT: requireIntegral(tree); return lane(LaneOp.ASHR, List.of(a, b));
                case UNSIGNED_RIGHT_SHIFT: requireIntegral(tree); return lane(LaneOp.LSHR, List.of(a, b));
                case AND: requireIntegral(tree); return lane(LaneOp.AND, List.of(a, b));
                case OR: requireIntegral(tree); return lane(LaneOp.OR, List.of(a, b));
                case XOR: requireIntegral(tree); return lane(LaneOp.XOR, List.of(a, b));
                default: throw untranslatable(describe(tree), tree);
            }
        }

        private Value comparison(Tree.Kind kind, Value left, Value right, Tree tree) throws Untranslatable {
            String operator = comparisonOperator(kind);
            if (left instanceof Scalar && !(right instanceof Scalar)) {
                // c < x is x > c: the vector stays on the left, the scalar on the right.
                return new Mask(new LaneExpr.Comparison(mirror(operator), laneExpr(right, tree), laneExpr(left, tree)));
            }
            return new Mask(new LaneExpr.Comparison(operator, laneExpr(left, tree), laneExpr(right, tree)));
        }

        private Value select(LaneExpr condition, Value ifTrue, Value ifFalse, Tree tree) throws Untranslatable {
            if (ifTrue instanceof Mask || ifFalse instanceof Mask) {
                return new Mask(new LaneExpr.Select(condition, mask(ifTrue, tree), mask(ifFalse, tree)));
            }
            NumericType type = promote(typeOf(numeric(ifTrue, tree)), typeOf(numeric(ifFalse, tree)));
            if (ifTrue instanceof Scalar && ifFalse instanceof Scalar && type.widensTo(laneType)) {
                // c ? 1 : 0 in a double kernel: choosing, then converting, equals converting, then choosing.
                type = laneType;
            }
            if (type != laneType) {
                throw untranslatable("a conditional of type " + type.javaName() + " inside a " + laneType.javaName() + " kernel", tree);
            }
            operations++;
            return new Lane(new LaneExpr.Select(condition, laneExpr(ifTrue, tree), laneExpr(ifFalse, tree)));
        }

        private Value call(MethodInvocationTree tree, Map<String, Slot> scope, int depth) throws Untranslatable {
            ExpressionTree select = tree.getMethodSelect();
            String name;
            Optional<TypeElement> target;
            if (select instanceof MemberSelectTree member) {
                name = member.getIdentifier().toString();
                target = typeNamed(member.getExpression());
            } else {
                name = ((IdentifierTree) select).getName().toString();
                // A method of the class, or of a class around it, hides a static import of the same name.
                target = declaresMethod(name) ? Optional.of(owner) : staticImport(name, true);
            }
            List<Value> arguments = new ArrayList<>();
            for (ExpressionTree argument : tree.getArguments()) {
                arguments.add(expression(argument, scope, depth));
            }
            if (target.isPresent() && target.get().equals(owner) && siblings.containsKey(name)) {
                if (methodsNamed(owner, name) > 1) {
                    // Java would pick among the overloads by argument type; inlining one by name could pick another.
                    throw untranslatable("call to overloaded method " + name, tree);
                }
                if (siblings.get(name).getParameters().size() == arguments.size()) {
                    return inline(siblings.get(name), arguments, tree);
                }
            }
            if (target.isPresent() && isMath(target.get()) && MATH_FUNCTIONS.containsKey(name)) {
                return math(ClassName.get(target.get()), name, arguments, tree);
            }
            throw untranslatable("call to " + select, tree);
        }

        /** A Math or StrictMath function: a scalar where every argument is one, otherwise a lanewise operation. */
        private Value math(ClassName math, String name, List<Value> arguments, Tree tree) throws Untranslatable {
            LaneOp op = MATH_FUNCTIONS.get(name);
            if (arguments.size() != op.arity()) {
                throw untranslatable("call to " + math.simpleName() + "." + name + " with " + arguments.size() + " arguments", tree);
            }
            NumericType type = NumericType.FLOAT64;
            if (op == LaneOp.ABS || op == LaneOp.MIN || op == LaneOp.MAX || op == LaneOp.FMA) {
                // Overloaded by argument type; fma exists for float and double only.
                type = NumericType.INT32;
                for (Value argument : arguments) {
                    type = promote(type, typeOf(numeric(argument, tree)));
                }
                if (op == LaneOp.FMA && type != NumericType.FLOAT32) {
                    type = NumericType.FLOAT64;
                }
            }
            if (arguments.stream().allMatch(argument -> argument instanceof Scalar)) {
                CodeBlock.Builder code = CodeBlock.builder().add("$T.$L(", math, name);
                for (int i = 0; i < arguments.size(); i++) {
                    code.add(i > 0 ? ", $L" : "$L", ((Scalar) arguments.get(i)).code());
                }
                return new Scalar(code.add(")").build(), type, null);
            }
            if (type != laneType) {
                throw untranslatable(math.simpleName() + "." + name + " in " + type.javaName() + " inside a "
                        + laneType.javaName() + " kernel", tree);
            }
            if (exactOnly && !op.exact()) {
                throw untranslatable(math.simpleName() + "." + name + ", whose vector routine is not bit-exact"
                        + " (-A" + EXACT_OPTION + "=true),", tree);
            }
            List<LaneExpr> operands = new ArrayList<>();
            for (Value argument : arguments) {
                operands.add(laneExpr(argument, tree));
            }
            return lane(op, operands);
        }

        private Value cast(TypeCastTree tree, Value value) throws Untranslatable {
            if (!(tree.getType() instanceof PrimitiveTypeTree primitive)) {
                throw untranslatable("cast to " + tree.getType(), tree);
            }
            NumericType type = numericType(primitive.getPrimitiveTypeKind(), tree);
            if (value instanceof Scalar scalar) {
                return scalar.type() == type ? scalar : scalarAs(scalar, type);
            }
            if (typeOf(value) != type) {
                throw untranslatable("cast from " + typeOf(value).javaName() + " to " + type.javaName(), tree);
            }
            return value;
        }

        // ---- helpers ----------------------------------------------------------------------

        private Lane lane(LaneOp op, List<LaneExpr> operands) {
            operations++;
            return new Lane(new LaneExpr.Operation(op, operands));
        }

        /** Gives {@code value} a name of its own where it is more than a name already. */
        private Value bind(String name, Value value) {
            if (value instanceof Lane lane && !isName(lane.expr())) {
                return new Lane(named(name, lane.expr()));
            }
            if (value instanceof Mask mask && !isName(mask.expr())) {
                return new Mask(named(name, mask.expr()));
            }
            return value;
        }

        private LaneExpr named(String name, LaneExpr expr) {
            if (isName(expr) || expr instanceof LaneExpr.Constant) {
                return expr;
            }
            return let(name, expr, false);
        }

        /** An integer divisor, as a local the loop checks for zero lanes before it divides. */
        private LaneExpr divisor(LaneExpr expr) {
            return let("divisor", expr, true);
        }

        private LaneExpr let(String name, LaneExpr expr, boolean divisor) {
            String unique = name;
            for (int n = 2; !letNames.add(unique); n++) {
                unique = name + n;
            }
            lets.add(new LaneProgram.Let(unique, expr, divisor));
            return new LaneExpr.Local(unique, expr.isMask());
        }

        private boolean isName(LaneExpr expr) {
            return expr instanceof LaneExpr.Local || expr instanceof LaneExpr.Argument;
        }

        /** {@code value} as {@code type}, as Java's assignment conversion would make it. */
        private Value convert(Value value, NumericType type, Tree tree) throws Untranslatable {
            if (type == NumericType.BOOLEAN) {
                if (value instanceof Scalar scalar && scalar.type() == NumericType.BOOLEAN || value instanceof Mask) {
                    return value;
                }
                throw untranslatable("a number where a boolean is needed", tree);
            }
            if (value instanceof Scalar scalar) {
                return scalar.type() == type ? scalar : scalarAs(scalar, type);
            }
            if (typeOf(numeric(value, tree)) != type) {
                throw untranslatable("a conversion from " + typeOf(value).javaName() + " to " + type.javaName(), tree);
            }
            return value;
        }

        /** The value as a lane expression of the lane type: scalars become constants of that type. */
        private LaneExpr laneExpr(Value value, Tree tree) throws Untranslatable {
            if (value instanceof Lane lane) {
                return lane.expr();
            }
            if (value instanceof Scalar scalar && scalar.type() != NumericType.BOOLEAN) {
                if (!scalar.type().widensTo(laneType) && scalar.literal() == null) {
                    throw untranslatable("a " + scalar.type().javaName() + " value inside a " + laneType.javaName() + " kernel", tree);
                }
                return new LaneExpr.Constant(scalarAs(scalar, laneType).code());
            }
            throw untranslatable("a boolean where a number is needed", tree);
        }

        private LaneExpr mask(Value value, Tree tree) throws Untranslatable {
            if (value instanceof Mask mask) {
                return mask.expr();
            }
            throw untranslatable(value instanceof Scalar ? "a condition that is the same for every element"
                    : "a number where a condition is needed", tree);
        }

        private Value numeric(Value value, Tree tree) throws Untranslatable {
            if (value instanceof Mask || value instanceof Scalar scalar && scalar.type() == NumericType.BOOLEAN) {
                throw untranslatable("a boolean where a number is needed", tree);
            }
            return value;
        }

        private NumericType typeOf(Value value) {
            if (value instanceof Lane) {
                return laneType;
            }
            return value instanceof Scalar scalar ? scalar.type() : NumericType.BOOLEAN;
        }

        private void requireIntegral(Tree tree) throws Untranslatable {
            if (laneType != NumericType.INT32 && laneType != NumericType.INT64) {
                throw untranslatable(describe(tree) + " on " + laneType.javaName(), tree);
            }
        }

        private void requireUnconditional(int depth, Tree tree) throws Untranslatable {
            if (depth > 0) {
                // SIMD computes both sides of a branch on every lane; the division could throw where the scalar code would not run it.
                throw untranslatable("integer division inside a conditional branch", tree);
            }
        }

        /** Whether the class, or a class around it, declares a method of this name. */
        private boolean declaresMethod(String name) {
            for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
                if (methodsNamed((TypeElement) type, name) > 0) {
                    return true;
                }
            }
            return false;
        }

        private long methodsNamed(TypeElement type, String name) {
            return type.getEnclosedElements().stream()
                    .filter(member -> member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name))
                    .count();
        }

        private Optional<VariableElement> fieldOf(TypeElement type, String name) {
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
                    return Optional.of((VariableElement) member);
                }
            }
            return Optional.empty();
        }

        /** The type an expression such as {@code Math}, {@code Foo} or {@code java.lang.Math} names, if it names one. */
        private Optional<TypeElement> typeNamed(ExpressionTree expression) {
            if (expression instanceof IdentifierTree identifier) {
                String name = identifier.getName().toString();
                for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
                    if (type.getSimpleName().contentEquals(name)) {
                        return Optional.of((TypeElement) type);
                    }
                }
                for (ImportTree importTree : unit.getImports()) {
                    String imported = importTree.getQualifiedIdentifier().toString();
                    if (!importTree.isStatic() && imported.endsWith("." + name)) {
                        return Optional.ofNullable(elements.getTypeElement(imported));
                    }
                }
                String packageName = packageOf(owner);
                TypeElement local = elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
                if (local != null) {
                    return Optional.of(local);
                }
                return Optional.ofNullable(elements.getTypeElement("java.lang." + name));
            }
            if (expression instanceof MemberSelectTree member) {
                return Optional.ofNullable(elements.getTypeElement(member.toString()));
            }
            return Optional.empty();
        }

        /** The class a name is statically imported from, for a method ({@code sqrt}) or a field ({@code PI}). */
        private Optional<TypeElement> staticImport(String name, boolean method) {
            for (ImportTree importTree : unit.getImports()) {
                if (!importTree.isStatic() || !(importTree.getQualifiedIdentifier() instanceof MemberSelectTree member)) {
                    continue;
                }
                String imported = member.getIdentifier().toString();
                if (imported.equals(name) || imported.equals("*")) {
                    TypeElement type = elements.getTypeElement(member.getExpression().toString());
                    if (type != null && type.getEnclosedElements().stream().anyMatch(e -> e.getSimpleName().contentEquals(name)
                            && (e.getKind() == ElementKind.METHOD) == method)) {
                        return Optional.of(type);
                    }
                }
            }
            return Optional.empty();
        }

        private Untranslatable untranslatable(String construct, Tree tree) {
            long position = trees.getSourcePositions().getStartPosition(unit, tree);
            String line = position < 0 ? "" : " at line " + unit.getLineMap().getLineNumber(position);
            return new Untranslatable(construct + line + " has no SIMD translation");
        }

        private NumericType numericType(TypeKind kind, Tree tree) throws Untranslatable {
            Optional<NumericType> type = kind.isPrimitive()
                    ? NumericType.forJavaName(kind.name().toLowerCase(java.util.Locale.ROOT))
                    : Optional.empty();
            if (type.isEmpty()) {
                throw untranslatable("a value of type " + kind.name().toLowerCase(java.util.Locale.ROOT), tree);
            }
            return type.get();
        }

        /** The lane type: the one numeric type of every parameter and the result, booleans aside. */
        private NumericType laneType(ExecutableElement method) throws Untranslatable {
            Set<NumericType> types = new java.util.TreeSet<>();
            MethodTree tree = trees.getTree(method);
            for (VariableElement parameter : method.getParameters()) {
                types.add(numericType(parameter.asType().getKind(), tree));
            }
            types.add(numericType(method.getReturnType().getKind(), tree));
            types.remove(NumericType.BOOLEAN);
            Tree declaration = tree.getReturnType() != null ? tree.getReturnType() : tree;
            if (types.size() != 1) {
                throw untranslatable(types.isEmpty() ? "a method of booleans only"
                        : "a mix of types " + types.stream().map(NumericType::javaName).toList(), declaration);
            }
            NumericType type = types.iterator().next();
            if (type == NumericType.INT16 || type == NumericType.INT8) {
                throw untranslatable("arithmetic on " + type.javaName() + " (Java computes it in int)", declaration);
            }
            return type;
        }
    }

    // ---- Java's typing rules ---------------------------------------------------------------

    private static Scalar literal(Number value, NumericType type) {
        return new Scalar(CodeBlock.of("$L", literalText(value, type)), type, value);
    }

    /** A scalar converted to {@code type}: a literal becomes a literal of that type, other code gets a cast. */
    private static Scalar scalarAs(Scalar scalar, NumericType type) {
        if (scalar.type() == type) {
            return scalar;
        }
        if (scalar.literal() != null) {
            Number converted = convertNumber(scalar.literal(), type);
            return literal(converted, type);
        }
        return new Scalar(CodeBlock.of("(($L) $L)", type.javaName(), scalar.code()), type, null);
    }

    private static Number negate(Number value) {
        if (value instanceof Double d) {
            return -d;
        }
        if (value instanceof Float f) {
            return -f;
        }
        return value instanceof Long l ? (Number) (-l) : (Number) (-value.intValue());
    }

    private static Scalar promoted(Scalar scalar) {
        return scalarAs(scalar, promote(scalar.type()));
    }

    /** Java's conversion of a constant, as a cast from its type would do it. */
    private static Number convertNumber(Number value, NumericType type) {
        boolean floating = value instanceof Double || value instanceof Float;
        switch (type) {
            case FLOAT64: return floating ? value.doubleValue() : (double) value.longValue();
            case FLOAT32: return floating ? value.floatValue() : (float) value.longValue();
            case INT64: return value.longValue();
            case INT32: return floating ? (int) value.doubleValue() : (int) value.longValue();
            case INT16: return floating ? (short) value.doubleValue() : (short) value.longValue();
            case INT8: return floating ? (byte) value.doubleValue() : (byte) value.longValue();
            default: throw new IllegalArgumentException("no literal of type " + type);
        }
    }

    private static String literalText(Number value, NumericType type) {
        switch (type) {
            case FLOAT64: return floatingText(value.doubleValue(), "Double", Double.toString(value.doubleValue()));
            case FLOAT32: return floatingText(value.floatValue(), "Float", Float.toString(value.floatValue()) + "f");
            case INT64: return value.longValue() + "L";
            case INT32: return Integer.toString(value.intValue());
            case INT16: return "(short) " + value.intValue();
            case INT8: return "(byte) " + value.intValue();
            default: throw new IllegalArgumentException("no literal of type " + type);
        }
    }

    /** A floating literal; NaN and the infinities have none, so they are the wrapper class's constants. */
    private static String floatingText(double value, String wrapper, String literal) {
        if (Double.isNaN(value)) {
            return wrapper + ".NaN";
        }
        if (Double.isInfinite(value)) {
            return wrapper + (value > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY");
        }
        return literal;
    }

    /** Whether a statement contains a return (not counting those of lambdas or classes inside it). */
    private static boolean returns(Tree tree) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitReturn(ReturnTree node, Void unused) {
                return true;
            }

            @Override
            public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean visitClass(ClassTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(tree, null);
        return Boolean.TRUE.equals(found);
    }

    /** Unary numeric promotion: byte and short compute as int. */
    private static NumericType promote(NumericType type) {
        return type == NumericType.INT8 || type == NumericType.INT16 ? NumericType.INT32 : type;
    }

    /** Binary numeric promotion (JLS 5.6.2). */
    private static NumericType promote(NumericType a, NumericType b) {
        for (NumericType wide : List.of(NumericType.FLOAT64, NumericType.FLOAT32, NumericType.INT64)) {
            if (a == wide || b == wide) {
                return wide;
            }
        }
        return NumericType.INT32;
    }

    private static boolean isMath(TypeElement type) {
        String name = type.getQualifiedName().toString();
        return name.equals("java.lang.Math") || name.equals("java.lang.StrictMath");
    }

    private static boolean isComparison(Tree.Kind kind) {
        return comparisonOperator(kind) != null;
    }

    private static boolean isShift(Tree.Kind kind) {
        return kind == Tree.Kind.LEFT_SHIFT || kind == Tree.Kind.RIGHT_SHIFT || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    }

    private static String comparisonOperator(Tree.Kind kind) {
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

    private static String mirror(String operator) {
        switch (operator) {
            case "LT": return "GT";
            case "LE": return "GE";
            case "GT": return "LT";
            case "GE": return "LE";
            default: return operator;
        }
    }

    private static Tree.Kind compoundOperator(CompoundAssignmentTree tree) {
        switch (tree.getKind()) {
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
            default: return Tree.Kind.XOR;
        }
    }

    private static String operatorText(Tree.Kind kind) {
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
            default: return "!=";
        }
    }

    private static NumericType literalType(Tree.Kind kind) {
        switch (kind) {
            case INT_LITERAL: return NumericType.INT32;
            case LONG_LITERAL: return NumericType.INT64;
            case FLOAT_LITERAL: return NumericType.FLOAT32;
            default: return NumericType.FLOAT64;
        }
    }

    /** "for loop" for FOR_LOOP: how a NOTE names a construct. */
    private static String describe(Tree tree) {
        return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String packageOf(Element element) {
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }
}
