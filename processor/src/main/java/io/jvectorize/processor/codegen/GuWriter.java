package io.jvectorize.processor.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.TypeName;
import io.jvectorize.processor.model.GuMethod;
import io.jvectorize.spec.GuParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * Writes the row loops of a @GuVectorize method: each input and output gets one entry per row
 * ({@code double[][]} for an array, {@code double[]} for a scalar or a {@code ()} output), and
 * the method is called once per row. Forms: into {@code out} and, where there is one output,
 * allocating; serial and {@code Parallel} (split by rows); and, where there are scalar inputs
 * beside array ones, the same with each scalar input one value for every row.
 */
final class GuWriter {
    static final ClassName GU_ARGUMENTS = ClassName.get(LibraryWriter.RUNTIME, "GuArguments");
    static final ClassName PARALLEL_ROWS = ClassName.get(LibraryWriter.RUNTIME, "ParallelRows");

    private final ClassName source;
    private final GuMethod method;

    GuWriter(ClassName source, GuMethod method) {
        this.source = source;
        this.method = method;
    }

    /** Every public form, then the loops they run. */
    List<MethodSpec> write() {
        List<MethodSpec> forms = new ArrayList<>();
        List<MethodSpec> loops = new ArrayList<>();
        for (boolean broadcast : method.hasBroadcastForms() ? List.of(false, true) : List.of(false)) {
            for (boolean parallel : List.of(false, true)) {
                forms.add(new Form(broadcast, parallel, false).write());
                if (method.outputCount() == 1) {
                    forms.add(new Form(broadcast, parallel, true).write());
                }
            }
            loops.add(new Form(broadcast, false, false).writeLoop());
        }
        forms.addAll(loops);
        return forms;
    }

    /** One form: which scalars broadcast, whether split across threads, whether allocating. */
    private final class Form {
        private final boolean broadcast;
        private final boolean parallel;
        private final boolean allocating;
        private final NameAllocator names = new NameAllocator();
        private final List<String> parameterNames = new ArrayList<>();
        /** Per core dimension name, the local (or, allocating, the parameter) that holds its length. */
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final String rows;
        private final String from;
        private final String to;
        private final String row;

        Form(boolean broadcast, boolean parallel, boolean allocating) {
            this.broadcast = broadcast;
            this.parallel = parallel;
            this.allocating = allocating;
            for (String type : List.of(source.topLevelClassName().simpleName(), "GuArguments", "ParallelRows", "Math")) {
                names.newName(type, type);
            }
            for (int i = 0; i < method.parameters().size(); i++) {
                parameterNames.add(names.newName(method.parameterNames().get(i), "parameter" + i));
            }
            for (GuParameter parameter : method.parameters()) {
                parameter.dimension().filter(d -> !parameter.isFixed())
                        .ifPresent(d -> dimensions.computeIfAbsent(d, name -> names.newName(name, "dimension:" + name)));
            }
            rows = names.newName("rows");
            from = names.newName("from");
            to = names.newName("to");
            row = names.newName("r");
        }

        private String loopName() {
            return method.name() + (broadcast ? "BroadcastRows" : "Rows");
        }

        MethodSpec write() {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name() + (parallel ? "Parallel" : ""))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC);
            int outputIndex = -1;
            for (int i = 0; i < method.parameters().size(); i++) {
                GuParameter parameter = method.parameters().get(i);
                if (parameter.output() && allocating) {
                    outputIndex = i;
                    builder.returns(rowsType(parameter));
                } else {
                    builder.addParameter(rowsType(parameter), parameterNames.get(i));
                }
            }
            List<String> outputOnly = outputOnlyDimensions();
            if (allocating) {
                outputOnly.forEach(d -> builder.addParameter(TypeName.INT, dimensions.get(d)));
            }
            builder.addJavadoc(javadoc(outputIndex, outputOnly));
            CodeBlock.Builder body = CodeBlock.builder();
            List<Integer> rowArguments = new ArrayList<>();
            for (int i = 0; i < method.parameters().size(); i++) {
                if (i != outputIndex && !isBroadcastScalar(method.parameters().get(i))) {
                    rowArguments.add(i);
                }
            }
            body.addStatement("int $L = $T.rows($S, $S, new Object[] {$L})", rows, GU_ARGUMENTS, method.name(),
                    names(rowArguments), names(rowArguments));
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                List<Integer> having = withDimension(dimension.getKey(), outputIndex);
                if (allocating && outputOnly.contains(dimension.getKey())) {
                    body.addStatement("$T.size($S, $S, $L)", GU_ARGUMENTS, method.name(), dimension.getKey(),
                            dimension.getValue());
                } else if (parallel || allocating) { // the length sizes the output or weighs the rows
                    body.addStatement("int $L = $T.dimension($S, $S, $S, $L)", dimension.getValue(), GU_ARGUMENTS,
                            method.name(), dimension.getKey(), names(having), names(having));
                } else {
                    body.addStatement("$T.dimension($S, $S, $S, $L)", GU_ARGUMENTS, method.name(), dimension.getKey(),
                            names(having), names(having));
                }
            }
            for (String fixed : fixedDimensions()) {
                List<Integer> having = withDimension(fixed, outputIndex);
                if (!having.isEmpty()) {
                    body.addStatement("$T.fixed($S, $L, $S, $L)", GU_ARGUMENTS, method.name(), fixed, names(having),
                            names(having));
                }
            }
            if (allocating) {
                GuParameter output = method.parameters().get(outputIndex);
                if (output.isScalarShape()) {
                    body.addStatement("$T $L = new $T[$L]", rowsType(output), parameterNames.get(outputIndex),
                            primitive(output), rows);
                } else {
                    body.addStatement("$T $L = new $T[$L][$L]", rowsType(output), parameterNames.get(outputIndex),
                            primitive(output), rows, length(output));
                }
            }
            if (parallel) {
                body.addStatement("$T.forRows($L, $L, ($L, $L) -> $L)", PARALLEL_ROWS, rows, elementsPerRow(), from,
                        to, loopCall(from, to));
            } else {
                body.addStatement("$L", loopCall("0", rows));
            }
            if (allocating) {
                body.addStatement("return $L", parameterNames.get(outputIndex));
            }
            return builder.addCode(body.build()).build();
        }

        /** The loop over rows {@code from} to {@code to} that every public form of this broadcast kind runs. */
        MethodSpec writeLoop() {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(loopName()).addModifiers(Modifier.STATIC)
                    .addJavadoc("Calls {@link $T#$L} for each row {@code $L} from {@code $L} (inclusive) to {@code $L}"
                            + " (exclusive).\n", source, method.name(), row, from, to);
            for (int i = 0; i < method.parameters().size(); i++) {
                builder.addParameter(rowsType(method.parameters().get(i)), parameterNames.get(i));
            }
            builder.addParameter(TypeName.INT, from).addParameter(TypeName.INT, to);
            CodeBlock.Builder body = CodeBlock.builder();
            Map<Integer, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < method.parameters().size(); i++) {
                GuParameter parameter = method.parameters().get(i);
                if (parameter.output() && parameter.isScalarShape()) {
                    // A () output is an array of one element: the method sees out[r] through it.
                    String cell = names.newName(parameterNames.get(i) + "Cell");
                    cells.put(i, cell);
                    body.addStatement("$T $L = new $T[1]", ArrayTypeName.of(primitive(parameter)), cell,
                            primitive(parameter));
                }
            }
            body.beginControlFlow("for (int $L = $L; $L < $L; $L++)", row, from, row, to, row);
            cells.forEach((i, cell) -> body.addStatement("$L[0] = $L[$L]", cell, parameterNames.get(i), row));
            StringJoiner arguments = new StringJoiner(", ");
            for (int i = 0; i < method.parameters().size(); i++) {
                GuParameter parameter = method.parameters().get(i);
                if (cells.containsKey(i)) {
                    arguments.add(cells.get(i));
                } else if (isBroadcastScalar(parameter)) {
                    arguments.add(parameterNames.get(i));
                } else {
                    arguments.add(parameterNames.get(i) + "[" + row + "]");
                }
            }
            body.addStatement("$T.$L($L)", source, method.name(), arguments.toString());
            cells.forEach((i, cell) -> body.addStatement("$L[$L] = $L[0]", parameterNames.get(i), row, cell));
            body.endControlFlow();
            return builder.addCode(body.build()).build();
        }

        private CodeBlock javadoc(int outputIndex, List<String> outputOnly) {
            CodeBlock.Builder doc = CodeBlock.builder()
                    .add("Calls {@link $T#$L} once per row, layout {@code $L}$L", source, method.name(),
                            method.layout(), parallel ? ", the rows split across threads" : "")
                    .add(allocating ? "; returns the output, one entry per row.\n" : ".\n")
                    .add("\n<p>Every argument has one entry per row");
            if (broadcast) {
                doc.add(", but each scalar input is one value for every row");
            }
            doc.add(".\nCore dimensions must have one length in every row of every argument that names them;\n"
                    + "any argument problem is thrown before anything is written.\n\n");
            for (int i = 0; i < method.parameters().size(); i++) {
                if (i == outputIndex) {
                    continue;
                }
                GuParameter parameter = method.parameters().get(i);
                doc.add("@param $L $L\n", parameterNames.get(i), describe(parameter));
            }
            for (String dimension : allocating ? outputOnly : List.<String>of()) {
                doc.add("@param $L the length of the output's rows, core dimension {@code $L}\n",
                        dimensions.get(dimension), dimension);
            }
            if (allocating) {
                doc.add("@return $L\n", describe(method.parameters().get(outputIndex)));
            }
            return doc.add("@throws NullPointerException if an argument or a row is null\n"
                    + "@throws IllegalArgumentException if the arguments differ in rows or in a core dimension\n")
                    .build();
        }

        private String describe(GuParameter parameter) {
            String dimension = parameter.dimension().map(d -> "(" + d + ")").orElse("()");
            if (isBroadcastScalar(parameter)) {
                return "the scalar input, the same for every row";
            }
            if (parameter.output()) {
                return parameter.isScalarShape() ? "the output, one value per row" : "the output rows, each " + dimension;
            }
            return parameter.array() ? "the input rows, each " + dimension : "the scalar input, one value per row";
        }

        private boolean isBroadcastScalar(GuParameter parameter) {
            return broadcast && !parameter.output() && !parameter.array();
        }

        private TypeName rowsType(GuParameter parameter) {
            TypeName element = primitive(parameter);
            if (isBroadcastScalar(parameter)) {
                return element;
            }
            return parameter.array() && !parameter.isScalarShape() ? ArrayTypeName.of(ArrayTypeName.of(element))
                    : ArrayTypeName.of(element);
        }

        /** The dimensions named by the outputs alone, which an allocating form takes as {@code int}s. */
        private List<String> outputOnlyDimensions() {
            List<String> result = new ArrayList<>();
            for (String dimension : dimensions.keySet()) {
                if (!method.isInputDimension(dimension)) {
                    result.add(dimension);
                }
            }
            return result;
        }

        private Set<String> fixedDimensions() {
            Set<String> fixed = new LinkedHashSet<>();
            method.parameters().stream().filter(GuParameter::isFixed).forEach(p -> fixed.add(p.dimension().get()));
            return fixed;
        }

        /** The parameters, the allocated output aside, whose rows have {@code dimension}. */
        private List<Integer> withDimension(String dimension, int outputIndex) {
            List<Integer> having = new ArrayList<>();
            for (int i = 0; i < method.parameters().size(); i++) {
                if (i != outputIndex && method.parameters().get(i).dimension().filter(dimension::equals).isPresent()
                        && method.parameters().get(i).array()) {
                    having.add(i);
                }
            }
            return having;
        }

        private String length(GuParameter parameter) {
            return parameter.isFixed() ? parameter.dimension().get() : dimensions.get(parameter.dimension().get());
        }

        /** About how many elements one row's call touches: the sum of every argument's row length. */
        private CodeBlock elementsPerRow() {
            StringJoiner sum = new StringJoiner(" + ", "(long) ", "");
            for (GuParameter parameter : method.parameters()) {
                sum.add(parameter.isScalarShape() ? "1" : length(parameter));
            }
            return CodeBlock.of("$L", sum.toString());
        }

        private String names(List<Integer> indices) {
            StringJoiner joined = new StringJoiner(", ");
            indices.forEach(i -> joined.add(parameterNames.get(i)));
            return joined.toString();
        }

        private String loopCall(String start, String end) {
            StringJoiner arguments = new StringJoiner(", ", loopName() + "(", ")");
            parameterNames.forEach(arguments::add);
            return arguments.add(start).add(end).toString();
        }
    }

    private static TypeName primitive(GuParameter parameter) {
        return CompanionWriter.primitive(parameter.type());
    }
}
