package io.jvectorize.processor.translate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
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
import com.sun.source.util.Trees;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneProgram;
import io.jvectorize.spec.NumericType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Translates the body of a @Vectorize method, as javac parsed it, into a {@link LaneProgram}:
 * straight-line lane code in which branches are blends. It walks statements and expressions;
 * Java's rules it needs while javac has not attributed bodies are apart ({@link NameResolver},
 * {@link JavaNumerics}, {@link JavaOperators}, {@link MathFunctions}), as are branches
 * ({@link Blends}) and the code it emits ({@link LaneCode}). It translates only what keeps the
 * scalar method's results: one lane type throughout, the source's order of operations, and no
 * integer division where a branch would have skipped it. Anything else stops it with an
 * {@link Untranslatable} naming the construct and its line.
 */
public final class BodyTranslator {
    /** The processor option that keeps SIMD to operations whose results equal Java's bit for bit. */
    public static final String EXACT_OPTION = Operators.EXACT_OPTION;

    /** Bodies larger than this many lane operations keep the scalar loop, so the SIMD method stays well under HotSpot's 8000-byte JIT limit. */
    static final int MAX_OPERATIONS = 300;

    private final Trees trees;
    private final Elements elements;
    private final boolean exactOnly;

    /** @param exactOnly whether to translate only operations whose SIMD results equal Java's bit for bit */
    public BodyTranslator(Trees trees, Elements elements, boolean exactOnly) {
        this.trees = trees;
        this.elements = elements;
        this.exactOnly = exactOnly;
    }

    /** The body of {@code method} as lane code; {@code siblings} are the @Vectorize methods of its class, which calls inline. */
    public LaneProgram translate(ExecutableElement method, Map<String, ExecutableElement> siblings) throws Untranslatable {
        TreePath path = trees.getPath(method);
        if (path == null) {
            throw new Untranslatable("its source is not available to the processor");
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        SourceLines lines = tree -> {
            long position = trees.getSourcePositions().getStartPosition(unit, tree);
            return position < 0 ? -1 : unit.getLineMap().getLineNumber(position);
        };
        return new Translation(method, siblings, unit, lines).run();
    }

    /** Translation of one method, with the state it builds up. */
    private final class Translation {
        private final ExecutableElement method;
        private final Map<String, ExecutableElement> siblings;
        private final TypeElement owner;
        private final SourceLines lines;
        private final NameResolver names;
        private final LaneCode code;
        private final Blends blends;
        private final Operators operators;
        private final Deque<ExecutableElement> inlining = new ArrayDeque<>();
        /** The private constants whose initializers are being translated, against cycles. */
        private final Set<String> initializing = new HashSet<>();

        Translation(ExecutableElement method, Map<String, ExecutableElement> siblings, CompilationUnitTree unit,
                SourceLines lines) throws Untranslatable {
            this.method = method;
            this.siblings = siblings;
            this.owner = (TypeElement) method.getEnclosingElement();
            this.lines = lines;
            this.names = new NameResolver(elements, owner, unit);
            this.code = new LaneCode(laneType(method), lines);
            this.blends = new Blends(code, lines);
            this.operators = new Operators(code, lines, exactOnly);
        }

        LaneProgram run() throws Untranslatable {
            MethodTree tree = trees.getTree(method);
            Value result = inline(method, argumentValues(), tree);
            LaneExpr resultExpr = method.getReturnType().getKind() == TypeKind.BOOLEAN
                    ? code.mask(result, tree)
                    : code.laneExpr(result, tree);
            if (code.operations() > MAX_OPERATIONS) {
                throw new Untranslatable("its body has more than " + MAX_OPERATIONS
                        + " operations, too many for one SIMD loop that HotSpot still compiles");
            }
            return code.program(resultExpr);
        }

        private List<Value> argumentValues() {
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < method.getParameters().size(); i++) {
                boolean mask = method.getParameters().get(i).asType().getKind() == TypeKind.BOOLEAN;
                LaneExpr argument = new LaneExpr.Argument(i, mask);
                values.add(mask ? new Value.Mask(argument) : new Value.Lane(argument));
            }
            return values;
        }

        /**
         * Translates the body of {@code callee} with its parameters bound to {@code arguments};
         * gives its result. {@code site} is the call, for the line of a NOTE.
         */
        private Value inline(ExecutableElement callee, List<Value> arguments, Tree site) throws Untranslatable {
            if (inlining.contains(callee)) {
                throw lines.untranslatable("recursive call to " + callee.getSimpleName(), site);
            }
            MethodTree tree = trees.getTree(callee);
            if (tree == null || tree.getBody() == null) {
                throw new Untranslatable("the source of " + callee.getSimpleName() + " is not available");
            }
            inlining.push(callee);
            Map<String, Variable> scope = new LinkedHashMap<>();
            for (int i = 0; i < callee.getParameters().size(); i++) {
                VariableElement parameter = callee.getParameters().get(i);
                NumericType type = numericType(parameter.asType().getKind(), tree);
                String name = parameter.getSimpleName().toString();
                // Named once: each use of the parameter then reads a local, not a copy of the argument.
                scope.put(name, new Variable(type, code.bind(name, code.convert(arguments.get(i), type, tree))));
            }
            Optional<Value> result = statements(tree.getBody().getStatements(), scope, 0);
            inlining.pop();
            if (result.isEmpty()) {
                throw lines.untranslatable("a body that does not end in a return", tree.getBody());
            }
            return code.convert(result.get(), numericType(callee.getReturnType().getKind(), tree), tree);
        }

        // ---- statements -------------------------------------------------------------------

        /** Runs {@code statements} on {@code scope}; gives the returned value if they always return. */
        private Optional<Value> statements(List<? extends StatementTree> statements, Map<String, Variable> scope,
                int depth) throws Untranslatable {
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
                        throw lines.untranslatable(describe(statement), statement);
                }
            }
            return Optional.empty();
        }

        private void declare(VariableTree variable, Map<String, Variable> scope, int depth) throws Untranslatable {
            Tree typeTree = variable.getType();
            NumericType type = null;
            if (typeTree instanceof PrimitiveTypeTree primitive) {
                type = numericType(primitive.getPrimitiveTypeKind(), variable);
            } else if (variable.getInitializer() == null || typeTree != null && !typeTree.toString().equals("var")) {
                throw lines.untranslatable("local " + variable.getName() + " of type " + typeTree, variable);
            }
            String name = variable.getName().toString();
            if (variable.getInitializer() == null) {
                scope.put(name, new Variable(type, null));
                return;
            }
            Value value = expression(variable.getInitializer(), scope, depth);
            if (type == null) {
                type = code.typeOf(value);
            }
            scope.put(name, new Variable(type, code.bind(name, code.convert(value, type, variable))));
        }

        private void assign(ExpressionTree expression, Map<String, Variable> scope, int depth) throws Untranslatable {
            ExpressionTree target;
            Value value;
            if (expression instanceof AssignmentTree assignment) {
                target = assignment.getVariable();
                value = expression(assignment.getExpression(), scope, depth);
            } else if (expression instanceof CompoundAssignmentTree compound) {
                target = compound.getVariable();
                Value current = expression(target, scope, depth);
                value = operators.binary(JavaOperators.compoundOperator(compound.getKind()), current,
                        expression(compound.getExpression(), scope, depth), depth > 0, compound);
            } else {
                throw lines.untranslatable(describe(expression), expression);
            }
            if (!(target instanceof IdentifierTree identifier) || !scope.containsKey(identifier.getName().toString())) {
                throw lines.untranslatable("assignment to " + target, expression);
            }
            String name = identifier.getName().toString();
            Variable variable = scope.get(name);
            scope.put(name, variable.assigned(code.bind(name, code.convert(value, variable.type(), expression))));
        }

        /**
         * An if statement, both of whose branches are computed on every lane and blended: where
         * both return, into the result; where one returns, with the rest of the body on the other
         * path; where neither does, each variable they assign.
         */
        private Optional<Value> branch(IfTree tree, List<? extends StatementTree> rest, Map<String, Variable> scope,
                int depth) throws Untranslatable {
            LaneExpr condition = code.mask(expression(tree.getCondition(), scope, depth), tree.getCondition());
            List<StatementTree> thenPath = new ArrayList<>(List.of(tree.getThenStatement()));
            List<StatementTree> elsePath = new ArrayList<>();
            if (tree.getElseStatement() != null) {
                elsePath.add(tree.getElseStatement());
            }
            if (Blends.returns(tree)) {
                // Each path goes on with the rest of the body until it returns: the results are blended.
                thenPath.addAll(rest);
                elsePath.addAll(rest);
                Optional<Value> ifTrue = statements(thenPath, new LinkedHashMap<>(scope), depth + 1);
                Optional<Value> ifFalse = statements(elsePath, new LinkedHashMap<>(scope), depth + 1);
                if (ifTrue.isEmpty() || ifFalse.isEmpty()) {
                    throw lines.untranslatable("a path that does not end in a return", tree);
                }
                return Optional.of(blends.select(condition, ifTrue.get(), ifFalse.get(), tree));
            }
            Map<String, Variable> thenScope = new LinkedHashMap<>(scope);
            statements(thenPath, thenScope, depth + 1);
            Map<String, Variable> elseScope = new LinkedHashMap<>(scope);
            statements(elsePath, elseScope, depth + 1);
            blends.merge(condition, scope, thenScope, elseScope, tree);
            return Optional.empty();
        }

        // ---- expressions ------------------------------------------------------------------

        private Value expression(ExpressionTree tree, Map<String, Variable> scope, int depth) throws Untranslatable {
            switch (tree.getKind()) {
                case PARENTHESIZED:
                    return expression(((ParenthesizedTree) tree).getExpression(), scope, depth);
                case INT_LITERAL:
                case LONG_LITERAL:
                case FLOAT_LITERAL:
                case DOUBLE_LITERAL:
                    return Value.Scalar.literal((Number) ((LiteralTree) tree).getValue(),
                            JavaOperators.literalType(tree.getKind()));
                case IDENTIFIER:
                    return identifier((IdentifierTree) tree, scope);
                case MEMBER_SELECT:
                    return field((MemberSelectTree) tree);
                case UNARY_MINUS:
                case UNARY_PLUS:
                case BITWISE_COMPLEMENT:
                case LOGICAL_COMPLEMENT:
                    return operators.unary(tree.getKind(), expression(((UnaryTree) tree).getExpression(), scope, depth),
                            tree);
                case CONDITIONAL_AND:
                case CONDITIONAL_OR: {
                    BinaryTree binary = (BinaryTree) tree;
                    // The right side runs only where the left allows: a conditional branch.
                    return operators.logic(tree.getKind(), expression(binary.getLeftOperand(), scope, depth),
                            expression(binary.getRightOperand(), scope, depth + 1), tree);
                }
                case CONDITIONAL_EXPRESSION: {
                    ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                    LaneExpr condition = code.mask(expression(conditional.getCondition(), scope, depth), conditional);
                    return blends.select(condition, expression(conditional.getTrueExpression(), scope, depth + 1),
                            expression(conditional.getFalseExpression(), scope, depth + 1), tree);
                }
                case METHOD_INVOCATION:
                    return call((MethodInvocationTree) tree, scope, depth);
                case TYPE_CAST:
                    return cast((TypeCastTree) tree, expression(((TypeCastTree) tree).getExpression(), scope, depth));
                default:
                    if (tree instanceof BinaryTree binary) {
                        return operators.binary(tree.getKind(), expression(binary.getLeftOperand(), scope, depth),
                                expression(binary.getRightOperand(), scope, depth), depth > 0, tree);
                    }
                    throw lines.untranslatable(describe(tree), tree);
            }
        }

        private Value identifier(IdentifierTree tree, Map<String, Variable> scope) throws Untranslatable {
            String name = tree.getName().toString();
            Variable variable = scope.get(name);
            if (variable != null) {
                if (variable.value() == null) {
                    throw lines.untranslatable("variable " + name + " read before it is assigned", tree);
                }
                return variable.value();
            }
            Optional<NameResolver.Field> field = names.field(name);
            if (field.isEmpty()) {
                throw lines.untranslatable("name " + name, tree);
            }
            return constant(field.get(), tree);
        }

        private Value field(MemberSelectTree tree) throws Untranslatable {
            Optional<NameResolver.Field> field = names.field(tree);
            if (field.isEmpty()) {
                throw lines.untranslatable("field " + tree, tree);
            }
            return constant(field.get(), tree);
        }

        /** A static final field: the same value in every lane. */
        private Value constant(NameResolver.Field resolved, Tree tree) throws Untranslatable {
            VariableElement field = resolved.element();
            Set<Modifier> modifiers = field.getModifiers();
            String name = field.getSimpleName().toString();
            if (!modifiers.contains(Modifier.STATIC) || !modifiers.contains(Modifier.FINAL)) {
                throw lines.untranslatable("field " + name + ", which is not static final,", tree);
            }
            NumericType fieldType = numericType(field.asType().getKind(), tree);
            Object constantValue = field.getConstantValue();
            if (modifiers.contains(Modifier.PRIVATE)) {
                if (constantValue instanceof Number number) {
                    return Value.Scalar.literal(number, fieldType);
                }
                if (constantValue instanceof Boolean bool) {
                    return Value.Scalar.of(CodeBlock.of("$L", bool), NumericType.BOOLEAN);
                }
                return privateConstant(field, fieldType, tree);
            }
            return Value.Scalar.of(CodeBlock.of("$T.$L", ClassName.get(resolved.owner()), name), fieldType);
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
                throw lines.untranslatable("private field " + name + " (make it package-private so that generated"
                        + " code can read it)", use);
            }
            try {
                Value value = expression(variable.getInitializer(), new LinkedHashMap<>(), 0);
                if (!(value instanceof Value.Scalar scalar)) {
                    throw lines.untranslatable("private field " + name, use);
                }
                return scalar.as(type);
            } catch (Untranslatable e) {
                throw lines.untranslatable("private field " + name + ", whose initializer is not made of constants"
                        + " and Math (make it package-private so that generated code can read it),", use);
            } finally {
                initializing.remove(name);
            }
        }

        private Value call(MethodInvocationTree tree, Map<String, Variable> scope, int depth) throws Untranslatable {
            NameResolver.MethodTarget target = names.method(tree.getMethodSelect());
            String name = target.name();
            List<Value> arguments = new ArrayList<>();
            for (ExpressionTree argument : tree.getArguments()) {
                arguments.add(expression(argument, scope, depth));
            }
            if (target.owner().isPresent() && target.owner().get().equals(owner) && siblings.containsKey(name)) {
                if (NameResolver.isOverloaded(owner, name)) {
                    // Java would pick among the overloads by argument type; inlining one by name could pick another.
                    throw lines.untranslatable("call to overloaded method " + name, tree);
                }
                if (siblings.get(name).getParameters().size() == arguments.size()) {
                    return inline(siblings.get(name), arguments, tree);
                }
            }
            if (target.owner().isPresent() && MathFunctions.isMath(target.owner().get().getQualifiedName().toString())
                    && MathFunctions.operation(name).isPresent()) {
                return operators.math(ClassName.get(target.owner().get()), name, MathFunctions.operation(name).get(),
                        arguments, tree);
            }
            throw lines.untranslatable("call to " + tree.getMethodSelect(), tree);
        }

        private Value cast(TypeCastTree tree, Value value) throws Untranslatable {
            if (!(tree.getType() instanceof PrimitiveTypeTree primitive)) {
                throw lines.untranslatable("cast to " + tree.getType(), tree);
            }
            return operators.cast(numericType(primitive.getPrimitiveTypeKind(), tree), value, tree);
        }

        private NumericType numericType(TypeKind kind, Tree tree) throws Untranslatable {
            Optional<NumericType> type = kind.isPrimitive()
                    ? NumericType.forJavaName(kind.name().toLowerCase(Locale.ROOT))
                    : Optional.empty();
            if (type.isEmpty()) {
                throw lines.untranslatable("a value of type " + kind.name().toLowerCase(Locale.ROOT), tree);
            }
            return type.get();
        }

        /** The lane type: the one numeric type of every parameter and the result, booleans aside. */
        private NumericType laneType(ExecutableElement method) throws Untranslatable {
            Set<NumericType> types = new TreeSet<>();
            MethodTree tree = trees.getTree(method);
            for (VariableElement parameter : method.getParameters()) {
                types.add(numericType(parameter.asType().getKind(), tree));
            }
            types.add(numericType(method.getReturnType().getKind(), tree));
            types.remove(NumericType.BOOLEAN);
            Tree declaration = tree.getReturnType() != null ? tree.getReturnType() : tree;
            if (types.size() != 1) {
                throw lines.untranslatable(types.isEmpty() ? "a method of booleans only"
                        : "a mix of types " + types.stream().map(NumericType::javaName).toList(), declaration);
            }
            NumericType type = types.iterator().next();
            if (type == NumericType.INT16 || type == NumericType.INT8) {
                throw lines.untranslatable("arithmetic on " + type.javaName() + " (Java computes it in int)", declaration);
            }
            return type;
        }

        private String describe(Tree tree) {
            return JavaOperators.describe(tree.getKind());
        }
    }
}
