package io.jvectorize.processor.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import io.jvectorize.processor.model.KernelClass;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.processor.model.LaneExpr;
import io.jvectorize.processor.model.LaneOp;
import io.jvectorize.processor.model.LaneProgram;
import io.jvectorize.processor.model.Variant;
import io.jvectorize.spec.CompanionMethod.Kind;
import io.jvectorize.spec.GeneratedNames;
import io.jvectorize.spec.Limits;
import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.UfuncMethod;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the SIMD class of a {@link KernelClass}: for every loop variant whose method has a
 * {@link LaneProgram}, a Vector API loop over the preferred species with a scalar tail. The
 * companion calls it only where {@code jdk.incubator.vector} is present at run time, so it is
 * a class of its own that nothing else loads.
 */
public final class SimdWriter {
    static final String VECTOR_PACKAGE = "jdk.incubator.vector";
    static final ClassName VECTOR_MASK = ClassName.get(VECTOR_PACKAGE, "VectorMask");
    static final ClassName VECTOR_SPECIES = ClassName.get(VECTOR_PACKAGE, "VectorSpecies");
    static final ClassName VECTOR_OPERATORS = ClassName.get(VECTOR_PACKAGE, "VectorOperators");
    /**
     * Lanewise pow and tanh: Math's special cases where the Vector API's differ (pow), and the
     * runtime's decision whether the vector library pays for them on the CPU the kernel runs on.
     */
    static final ClassName VECTOR_MATH = ClassName.get(LibraryWriter.RUNTIME, "VectorMath");


    /** The SIMD class's simple name: {@code FooVectorized} gives {@code FooVectorizedSimd}. */
    public static String simdName(KernelClass kernelClass) {
        return GeneratedNames.simd(kernelClass.simpleNames());
    }

    /** Whether {@code variant} gets a SIMD loop: a loop of a method with a lane program, for the method's own types. */
    public static boolean hasSimdLoop(Variant variant) {
        KernelMethod method = variant.method();
        return variant.kind() == Kind.LOOP
                && method.lanes().isPresent()
                && variant.signature().equals(KernelMethod.ownSignature(method.parameters(), method.returnType()));
    }

    /**
     * Whether the SIMD class has a chunk fold for {@code ufunc}: its chunk method, for the
     * method's own types, whose lane program folds vectors of numbers with no integer division
     * (whose zero lanes the loop would have to leave to the scalar method).
     */
    public static boolean hasSimdReduce(KernelMethod method, UfuncMethod ufunc) {
        if (ufunc.kind() != UfuncMethod.Kind.REDUCE_CHUNK || method.lanes().isEmpty()
                || !ufunc.signature().equals(KernelMethod.ownSignature(method.parameters(), method.returnType()))) {
            return false;
        }
        LaneProgram program = method.lanes().get();
        return program.laneType() == ufunc.type() && Lanes.supports(ufunc.type()) && !program.result().isMask()
                && program.lets().stream().noneMatch(LaneProgram.Let::divisor);
    }

    /**
     * Whether the SIMD class has a lane function for {@code method}: a method with a lane
     * program whose parameters and result are all float64, the only type of
     * {@code Compute}'s generated loops, and small enough for C2 to inline into them.
     */
    public static boolean hasLaneFunction(KernelMethod method) {
        return method.lanes().isPresent() && method.returnType() == NumericType.FLOAT64
                && method.parameters().stream().allMatch(p -> p.type() == NumericType.FLOAT64)
                && method.lanes().get().operations() <= Limits.MAX_LANE_FUNCTION_OPERATIONS;
    }

    /** The name of {@code method}'s lane function: {@code polyLanes} for {@code poly}. */
    public static String laneFunctionName(KernelMethod method) {
        return method.name() + "Lanes";
    }

    /** The SIMD class, or empty when no method of the class has a lane program. */
    public Optional<JavaFile> write(KernelClass kernelClass) {
        ClassName source = CompanionWriter.sourceClass(kernelClass);
        TypeSpec.Builder simd = TypeSpec.classBuilder(simdName(kernelClass))
                .addModifiers(Modifier.FINAL)
                .addJavadoc("Vector API loops for the {@code @Vectorize} methods of {@link $T}, run by {@link $L}\n"
                        + "where {@code jdk.incubator.vector} is present.\n\n", source, kernelClass.companionName())
                .addJavadoc("<p>Generated by jvectorize from {@code $L}; do not edit.\n", source.simpleName())
                .addAnnotation(CompanionWriter.suppressDeprecation())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Set<NumericType> laneTypes = EnumSet.noneOf(NumericType.class);
        List<MethodSpec> loops = new ArrayList<>();
        for (KernelMethod method : kernelClass.methods()) {
            for (Variant variant : Variant.allOf(method)) {
                if (hasSimdLoop(variant)) {
                    LaneProgram program = method.lanes().get();
                    laneTypes.add(program.laneType());
                    loops.add(new LoopWriter(source, variant, program).write());
                    if (hasLaneFunction(method) && variant.scalarMask() == 0) { // once per method
                        loops.add(new LoopWriter(source, variant, program).writeLaneFunction());
                    }
                }
            }
            for (UfuncMethod ufunc : method.ufuncMethods()) {
                if (hasSimdReduce(method, ufunc)) {
                    LaneProgram program = method.lanes().get();
                    laneTypes.add(program.laneType());
                    Variant loop = new Variant(method, ufunc.signature(), 0, Kind.LOOP);
                    loops.add(new LoopWriter(source, loop, program).writeReduceChunk(ufunc));
                }
            }
        }
        if (loops.isEmpty()) {
            return Optional.empty();
        }
        for (NumericType laneType : laneTypes) {
            Lanes lanes = Lanes.of(laneType);
            simd.addField(FieldSpec.builder(ParameterizedTypeName.get(VECTOR_SPECIES, lanes.boxed), lanes.species,
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.SPECIES_PREFERRED", lanes.vector)
                    .build());
            // A stored vector is cast to this constant class, so C2 knows its exact class even in a
            // method it inlines late, and never takes intoArray's JVM-wide profile (which vectors
            // of another shape can make bimorphic, and then every vector is boxed).
            simd.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)), lanes.species + "_CLASS",
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$L.vectorType()", lanes.species)
                    .build());
        }
        simd.addMethods(loops);
        return Optional.of(JavaFile.builder(kernelClass.packageName(), simd.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build());
    }

    /** The Vector API names for one lane type. */
    private record Lanes(ClassName vector, ClassName boxed, String species) {
        static Lanes of(NumericType type) {
            switch (type) {
                case FLOAT64: return new Lanes(ClassName.get(VECTOR_PACKAGE, "DoubleVector"), ClassName.get(Double.class), "DOUBLES");
                case FLOAT32: return new Lanes(ClassName.get(VECTOR_PACKAGE, "FloatVector"), ClassName.get(Float.class), "FLOATS");
                case INT64: return new Lanes(ClassName.get(VECTOR_PACKAGE, "LongVector"), ClassName.get(Long.class), "LONGS");
                case INT32: return new Lanes(ClassName.get(VECTOR_PACKAGE, "IntVector"), ClassName.get(Integer.class), "INTS");
                default: throw new IllegalArgumentException("no vector lanes for " + type);
            }
        }

        static boolean supports(NumericType type) {
            return type == NumericType.FLOAT64 || type == NumericType.FLOAT32 || type == NumericType.INT64
                    || type == NumericType.INT32;
        }

        TypeName mask() {
            return ParameterizedTypeName.get(VECTOR_MASK, boxed);
        }
    }

    /** Writes one SIMD loop; holds the names chosen for its parameters and vectors. */
    private static final class LoopWriter {
        private final ClassName source;
        private final Variant variant;
        private final KernelMethod method;
        private final LaneProgram program;
        private final Lanes lanes;
        private final NameAllocator names = new NameAllocator();
        private final List<String> arguments = new ArrayList<>();
        private final List<String> vectors = new ArrayList<>();
        private final String out;
        private final String from;
        private final String to;
        private final String index;
        private final String upper;

        LoopWriter(ClassName source, Variant variant, LaneProgram program) {
            this.source = source;
            this.variant = variant;
            this.method = variant.method();
            this.program = program;
            this.lanes = Lanes.of(program.laneType());
            // The source's parameter names, made unique; none may hide a class the body names.
            for (String type : List.of("DoubleVector", "FloatVector", "LongVector", "IntVector", "VectorMask",
                    "VectorOperators", "VectorSpecies", "DOUBLES", "FLOATS", "LONGS", "INTS", "Math", "StrictMath",
                    source.topLevelClassName().simpleName())) {
                names.newName(type, type);
            }
            for (int i = 0; i < method.arity(); i++) {
                arguments.add(names.newName(method.parameters().get(i).name(), "argument" + i));
            }
            out = names.newName("out");
            from = names.newName("from");
            to = names.newName("to");
            index = names.newName("i");
            upper = names.newName("upper");
            for (int i = 0; i < method.arity(); i++) {
                vectors.add(names.newName(method.parameters().get(i).name() + "V", "vector" + i));
            }
            for (int i = 0; i < program.lets().size(); i++) {
                names.newName(program.lets().get(i).name(), "let:" + program.lets().get(i).name());
            }
        }

        MethodSpec write() {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(variant.name()).addModifiers(Modifier.STATIC);
            for (int i = 0; i < method.arity(); i++) {
                TypeName element = CompanionWriter.primitive(method.parameters().get(i).type());
                builder.addParameter(variant.isScalar(i) ? element : ArrayTypeName.of(element), arguments.get(i));
            }
            builder.addParameter(ArrayTypeName.of(CompanionWriter.primitive(method.returnType())), out)
                    .addParameter(TypeName.INT, from)
                    .addParameter(TypeName.INT, to)
                    .addJavadoc("Computes {@code $L[$L] = $L} for each {@code $L} from {@code $L} (inclusive) to\n"
                                    + "{@code $L} (exclusive): {@code $L.length()} lanes at a time, then one by one.\n",
                            out, index, formula(), index, from, to, lanes.species);

            CodeBlock.Builder body = CodeBlock.builder();
            for (int i = 0; i < method.arity(); i++) {
                if (variant.isScalar(i)) {
                    body.addStatement("$T $L = $L", laneType(i), vectors.get(i), broadcast(i));
                }
            }
            body.addStatement("int $L = $L", index, from);
            body.beginControlFlow("for (int $L = $L + $L.loopBound($L - $L); $L < $L; $L += $L.length())",
                    upper, from, lanes.species, to, from, index, upper, index, lanes.species);
            for (int i = 0; i < method.arity(); i++) {
                if (!variant.isScalar(i)) {
                    body.addStatement("$T $L = $L", laneType(i), vectors.get(i), load(i));
                }
            }
            for (int i = 0; i < program.lets().size(); i++) {
                LaneProgram.Let let = program.lets().get(i);
                String name = names.get("let:" + let.name());
                body.addStatement("$T $L = $L", let.value().isMask() ? lanes.mask() : lanes.vector,
                        name, expression(let.value()));
                if (let.divisor()) {
                    // The scalar method throws its own ArithmeticException for this element: let it.
                    body.beginControlFlow("if ($L.compare($T.EQ, 0).anyTrue())", name, VECTOR_OPERATORS)
                            .addStatement("break")
                            .endControlFlow();
                }
            }
            CodeBlock stored = program.result().isMask() ? CodeBlock.of("$L", expression(program.result()))
                    : CodeBlock.of("(($T) $L_CLASS.cast($L))", lanes.vector, lanes.species, expression(program.result()));
            body.addStatement("$L.intoArray($L, $L)", stored, out, index);
            body.endControlFlow();
            body.beginControlFlow("for (; $L < $L; $L++)", index, to, index);
            body.addStatement("$L[$L] = $T.$L($L)", out, index, source, method.name(), scalarArguments());
            body.endControlFlow();
            return builder.addCode(body.build()).build();
        }

        /**
         * The method on one vector per argument, for {@code Compute}'s generated loops: the
         * loop's body without the loads and the store.
         */
        MethodSpec writeLaneFunction() {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(laneFunctionName(method))
                    .addModifiers(Modifier.STATIC)
                    .returns(lanes.vector)
                    .addJavadoc("Computes {@code $L} on each lane: one vector of what {@link #$L} computes.\n"
                            + "{@code Compute} calls it in the loops it generates for expressions.\n",
                            method.name() + "(" + String.join(", ", vectors) + ")", variant.name());
            for (int i = 0; i < method.arity(); i++) {
                builder.addParameter(lanes.vector, vectors.get(i));
            }
            for (LaneProgram.Let let : program.lets()) {
                builder.addStatement("$T $L = $L", let.value().isMask() ? lanes.mask() : lanes.vector,
                        names.get("let:" + let.name()), expression(let.value()));
            }
            return builder.addStatement("return $L", expression(program.result())).build();
        }

        /**
         * The fold of a chunk for a parallel reduce: one vector accumulator that the lane program
         * folds each vector into, then its lanes folded in order by the scalar method, then the
         * tail. The grouping depends only on the chunk and the species, never on threads.
         */
        MethodSpec writeReduceChunk(UfuncMethod ufunc) {
            TypeName element = CompanionWriter.primitive(ufunc.type());
            String values = names.newName("values");
            String accumulator = names.newName("accumulator");
            String result = names.newName("result");
            String lane = names.newName("lane");
            String call = source.simpleName() + "." + method.name();
            CodeBlock.Builder body = CodeBlock.builder()
                    .addStatement("int $L = $L + $L.loopBound($L - $L)", upper, from, lanes.species, to, from)
                    .addStatement("int $L = $L", index, from)
                    .addStatement("$T $L", element, result)
                    .beginControlFlow("if ($L > $L)", upper, from)
                    .addStatement("$T $L = $T.fromArray($L, $L, $L)", lanes.vector, accumulator, lanes.vector,
                            lanes.species, values, from)
                    .beginControlFlow("for ($L = $L + $L.length(); $L < $L; $L += $L.length())",
                            index, from, lanes.species, index, upper, index, lanes.species)
                    .addStatement("$T $L = $L", lanes.vector, vectors.get(0), accumulator)
                    .addStatement("$T $L = $T.fromArray($L, $L, $L)", lanes.vector, vectors.get(1), lanes.vector,
                            lanes.species, values, index);
            for (LaneProgram.Let let : program.lets()) {
                body.addStatement("$T $L = $L", let.value().isMask() ? lanes.mask() : lanes.vector,
                        names.get("let:" + let.name()), expression(let.value()));
            }
            body.addStatement("$L = $L", accumulator, expression(program.result()))
                    .endControlFlow()
                    .addStatement("$L = $L.lane(0)", result, accumulator)
                    .beginControlFlow("for (int $L = 1; $L < $L.length(); $L++)", lane, lane, lanes.species, lane)
                    .addStatement("$L = $T.$L($L, $L.lane($L))", result, source, method.name(), result, accumulator, lane)
                    .endControlFlow()
                    .nextControlFlow("else")
                    .addStatement("$L = $L[$L]", result, values, from)
                    .addStatement("$L = $L + 1", index, from)
                    .endControlFlow()
                    .beginControlFlow("for (; $L < $L; $L++)", index, to, index)
                    .addStatement("$L = $T.$L($L, $L[$L])", result, source, method.name(), result, values, index)
                    .endControlFlow()
                    .addStatement("return $L", result);
            return MethodSpec.methodBuilder(ufunc.name()).addModifiers(Modifier.STATIC).returns(element)
                    .addParameter(ArrayTypeName.of(element), values)
                    .addParameter(TypeName.INT, from)
                    .addParameter(TypeName.INT, to)
                    .addJavadoc("Folds {@code $L[$L]} to {@code $L[$L - 1]} with {@code $L}, {@code $L < $L}: the\n"
                            + "vectors of {@code $L.length()} lanes into one accumulator, then its lanes in order,\n"
                            + "then the tail one by one.\n", values, from, values, to, call, from, to, lanes.species)
                    .addCode(body.build())
                    .build();
        }

        private TypeName laneType(int argument) {
            return method.parameters().get(argument).type() == NumericType.BOOLEAN ? lanes.mask() : lanes.vector;
        }

        private CodeBlock broadcast(int argument) {
            return method.parameters().get(argument).type() == NumericType.BOOLEAN
                    ? CodeBlock.of("$L.maskAll($L)", lanes.species, arguments.get(argument))
                    : CodeBlock.of("$T.broadcast($L, $L)", lanes.vector, lanes.species, arguments.get(argument));
        }

        private CodeBlock load(int argument) {
            return method.parameters().get(argument).type() == NumericType.BOOLEAN
                    ? CodeBlock.of("$T.fromArray($L, $L, $L)", VECTOR_MASK, lanes.species, arguments.get(argument), index)
                    : CodeBlock.of("$T.fromArray($L, $L, $L)", lanes.vector, lanes.species, arguments.get(argument), index);
        }

        private String scalarArguments() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < method.arity(); i++) {
                values.add(variant.isScalar(i) ? arguments.get(i) : arguments.get(i) + "[" + index + "]");
            }
            return String.join(", ", values);
        }

        private String formula() {
            return method.name() + "(" + scalarArguments() + ")";
        }

        /**
         * The Java expression for a lane expression: a vector or a mask. Constants are broadcast
         * in their place, so the source's order of operations stays.
         */
        private CodeBlock expression(LaneExpr expr) {
            if (expr instanceof LaneExpr.Argument argument) {
                return CodeBlock.of("$L", vectors.get(argument.index()));
            }
            if (expr instanceof LaneExpr.Local local) {
                return CodeBlock.of("$L", names.get("let:" + local.name()));
            }
            if (expr instanceof LaneExpr.Constant constant) {
                return CodeBlock.of("$T.broadcast($L, $L)", lanes.vector, lanes.species, constant.code());
            }
            if (expr instanceof LaneExpr.Operation operation) {
                return operation(operation);
            }
            if (expr instanceof LaneExpr.Comparison comparison) {
                return CodeBlock.of("$L.compare($T.$L, $L)", expression(comparison.left()), VECTOR_OPERATORS,
                        comparison.operator(), operand(comparison.right()));
            }
            if (expr instanceof LaneExpr.Logic logic) {
                switch (logic.op()) {
                    case NOT: return CodeBlock.of("$L.not()", expression(logic.operands().get(0)));
                    case AND: return CodeBlock.of("$L.and($L)", expression(logic.operands().get(0)), expression(logic.operands().get(1)));
                    default: return CodeBlock.of("$L.or($L)", expression(logic.operands().get(0)), expression(logic.operands().get(1)));
                }
            }
            LaneExpr.Select select = (LaneExpr.Select) expr;
            CodeBlock condition = expression(select.condition());
            if (select.isMask()) {
                return CodeBlock.of("$L.and($L).or($L.not().and($L))", condition, expression(select.ifTrue()),
                        condition, expression(select.ifFalse()));
            }
            return CodeBlock.of("$L.blend($L, $L)", expression(select.ifFalse()), operand(select.ifTrue()), condition);
        }

        private CodeBlock operation(LaneExpr.Operation operation) {
            LaneOp op = operation.op();
            List<LaneExpr> operands = operation.operands();
            CodeBlock first = expression(operands.get(0));
            boolean allConstant = operands.stream().skip(1).allMatch(o -> o instanceof LaneExpr.Constant);
            CodeBlock.Builder rest = CodeBlock.builder();
            for (int i = 1; i < operands.size(); i++) {
                rest.add(i > 1 ? ", " : "").add(allConstant ? operand(operands.get(i)) : expression(operands.get(i)));
            }
            if (op.shorthand() != null) {
                return CodeBlock.of("$L.$L($L)", first, op.shorthand(), rest.build());
            }
            if (op == LaneOp.POW) {
                return CodeBlock.of("$T.pow($L, $L)", VECTOR_MATH, first, rest.build());
            }
            if (op == LaneOp.TANH) {
                return CodeBlock.of("$T.tanh($L)", VECTOR_MATH, first);
            }
            return operands.size() == 1
                    ? CodeBlock.of("$L.lanewise($T.$L)", first, VECTOR_OPERATORS, op.name())
                    : CodeBlock.of("$L.lanewise($T.$L, $L)", first, VECTOR_OPERATORS, op.name(), rest.build());
        }

        /** An operand where the vector method also takes a scalar: constants stay scalars. */
        private CodeBlock operand(LaneExpr expr) {
            return expr instanceof LaneExpr.Constant constant ? constant.code() : expression(expr);
        }
    }
}
