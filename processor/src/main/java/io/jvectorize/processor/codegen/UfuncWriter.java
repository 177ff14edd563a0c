package io.jvectorize.processor.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.jvectorize.processor.model.KernelMethod;
import io.jvectorize.spec.Identity;
import io.jvectorize.spec.NumericType;
import io.jvectorize.spec.UfuncMethod;
import javax.lang.model.element.Modifier;

/**
 * Writes the ufunc methods of a binary @Vectorize method ({@link UfuncMethod}): NumPy's
 * {@code reduce}, {@code accumulate}, {@code outer} and {@code at} for each signature
 * {@code A(A, A)}, and the parallel reduce over fixed chunks where the function may be regrouped.
 */
final class UfuncWriter {
    static final ClassName UFUNC_ARGUMENTS = ClassName.get(LibraryWriter.RUNTIME, "UfuncArguments");
    static final ClassName REDUCE_CHUNKS = ClassName.get(LibraryWriter.RUNTIME, "ReduceChunks");

    private final ClassName source;
    private final ClassName simd;
    private final KernelMethod method;
    private final UfuncMethod ufunc;
    private final TypeName element;
    private final TypeName array;

    UfuncWriter(ClassName source, ClassName simd, UfuncMethod ufunc, KernelMethod method) {
        this.source = source;
        this.simd = simd;
        this.method = method;
        this.ufunc = ufunc;
        this.element = CompanionWriter.primitive(ufunc.type());
        this.array = ArrayTypeName.of(element);
    }

    MethodSpec write() {
        MethodSpec.Builder builder = MethodSpec.methodBuilder(ufunc.name());
        builder.addModifiers(ufunc.kind() == UfuncMethod.Kind.REDUCE_CHUNK
                ? new Modifier[] {Modifier.STATIC} : new Modifier[] {Modifier.PUBLIC, Modifier.STATIC});
        switch (ufunc.kind()) {
            case REDUCE: return reduce(builder);
            case REDUCE_PARALLEL: return reduceParallel(builder);
            case REDUCE_CHUNK: return reduceChunk(builder);
            case ACCUMULATE: return accumulate(builder);
            case ACCUMULATE_INTO: return accumulateInto(builder);
            case OUTER: return outer(builder);
            default: return at(builder);
        }
    }

    private MethodSpec reduce(MethodSpec.Builder builder) {
        return builder.returns(element).addParameter(array, "a")
                .addJavadoc("Returns the left fold of {@link $T#$L} over {@code a}:\n"
                        + "{@code $L(...$L($L(a[0], a[1]), a[2])..., a[n - 1])}, as NumPy's {@code $L.reduce}.\n"
                        + "A single element is returned as it is.\n\n", source, method.name(),
                        method.name(), method.name(), method.name(), method.name())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the values; {@code a.length == 0} gives $L\n", emptyResultDoc())
                .addJavadoc("@return the fold\n")
                .addJavadoc(throwsDoc())
                .addCode(requireArray())
                .addCode(emptyCase())
                .addStatement("$T result = a[0]", element)
                .beginControlFlow("for (int i = 1; i < a.length; i++)")
                .addStatement("result = $L", call("result", "a[i]"))
                .endControlFlow()
                .addStatement("return result")
                .build();
    }

    private MethodSpec reduceParallel(MethodSpec.Builder builder) {
        String chunk = method.name() + "ReduceChunk";
        return builder.returns(element).addParameter(array, "a")
                .addJavadoc("Returns the fold of {@link $T#$L} over {@code a}, split across threads: each chunk of\n"
                        + "{@link $T#CHUNK_LENGTH} elements is folded from the left$L, then the chunks' results\n"
                        + "are combined pairwise ({@code p[0]} with {@code p[1]}, {@code p[2]} with {@code p[3]},\n"
                        + "..., then the same on the results), so the result is the same for every thread count\n"
                        + "and every run. It may differ from {@link #$L}'s left fold where regrouping changes a\n"
                        + "result (rounding of float additions); $L\n\n",
                        source, method.name(), REDUCE_CHUNKS,
                        SimdWriter.hasSimdReduce(method, chunkFold())
                                ? " (by vector lanes where the Vector API runs)" : "",
                        method.name() + "Reduce", regroupingDoc())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the values; {@code a.length == 0} gives $L\n", emptyResultDoc())
                .addJavadoc("@return the fold\n")
                .addJavadoc(throwsDoc())
                .addCode(requireArray())
                .addCode(emptyCase())
                .addStatement("$T partials = new $T[$T.count(a.length)]", array, element, REDUCE_CHUNKS)
                .addStatement("$T.forEach(a.length, (chunk, from, to) -> partials[chunk] = $L(a, from, to))",
                        REDUCE_CHUNKS, chunk)
                .beginControlFlow("for (int width = 1; width < partials.length; width *= 2)")
                .beginControlFlow("for (int k = 0; k + width < partials.length; k += 2 * width)")
                .addStatement("partials[k] = $L", call("partials[k]", "partials[k + width]"))
                .endControlFlow()
                .endControlFlow()
                .addStatement("return partials[0]")
                .build();
    }

    private MethodSpec reduceChunk(MethodSpec.Builder builder) {
        builder.returns(element).addParameter(array, "a").addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addJavadoc("The fold of {@code a[from]} to {@code a[to - 1]}, {@code from < to}, for {@link #$L}.\n",
                        method.name() + "ReduceParallel");
        if (SimdWriter.hasSimdReduce(method, ufunc)) {
            builder.beginControlFlow("if ($T.ENABLED)", CompanionWriter.SIMD)
                    .addStatement("return $T.$L(a, from, to)", simd, ufunc.name())
                    .endControlFlow();
        }
        return builder.addStatement("$T result = a[from]", element)
                .beginControlFlow("for (int i = from + 1; i < to; i++)")
                .addStatement("result = $L", call("result", "a[i]"))
                .endControlFlow()
                .addStatement("return result")
                .build();
    }

    private MethodSpec accumulate(MethodSpec.Builder builder) {
        return builder.returns(array).addParameter(array, "a")
                .addJavadoc("Returns the running left fold of {@link $T#$L} over {@code a}, as NumPy's\n"
                        + "{@code $L.accumulate}: {@code out[0] = a[0]}, {@code out[i] = $L(out[i - 1], a[i])}.\n\n",
                        source, method.name(), method.name(), method.name())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the values\n@return a new array of the running results; empty for an empty"
                        + " {@code a}\n@throws NullPointerException if {@code a} is null\n")
                .addCode(requireArray())
                .addStatement("$T out = new $T[a.length]", array, element)
                .addStatement("$L(a, out)", ufunc.name())
                .addStatement("return out")
                .build();
    }

    private MethodSpec accumulateInto(MethodSpec.Builder builder) {
        return builder.addParameter(array, "a").addParameter(array, "out")
                .addJavadoc("Sets {@code out[0] = a[0]} and {@code out[i] = $L(out[i - 1], a[i])}: the running left\n"
                        + "fold of {@link $T#$L}, as NumPy's {@code $L.accumulate}. {@code out} may be {@code a}.\n\n",
                        method.name(), source, method.name(), method.name())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the values\n@param out the array that receives the running results\n"
                        + "@throws NullPointerException if an array is null\n"
                        + "@throws IllegalArgumentException if the arrays differ in length; nothing is written then\n")
                .addStatement("$T.requireArrays($S, $S, a, out)", CompanionWriter.ARGUMENTS, ufunc.name(), "a, out")
                .beginControlFlow("if (a.length > 0)")
                .addStatement("out[0] = a[0]")
                .endControlFlow()
                .beginControlFlow("for (int i = 1; i < a.length; i++)")
                .addStatement("out[i] = $L", call("out[i - 1]", "a[i]"))
                .endControlFlow()
                .build();
    }

    private MethodSpec outer(MethodSpec.Builder builder) {
        return builder.returns(ArrayTypeName.of(array)).addParameter(array, "a").addParameter(array, "b")
                .addJavadoc("Returns {@code out[i][j] = $L(a[i], b[j])} for every pair, as NumPy's {@code $L.outer}.\n\n",
                        method.name(), method.name())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the first arguments, one per row\n@param b the second arguments, one per column\n"
                        + "@return a new {@code a.length} by {@code b.length} array\n"
                        + "@throws NullPointerException if an array is null\n")
                .addStatement("$T.requireArrays($S, $S, a)", CompanionWriter.ARGUMENTS, ufunc.name(), "a")
                .addStatement("$T.requireArrays($S, $S, b)", CompanionWriter.ARGUMENTS, ufunc.name(), "b")
                .addStatement("$T[] out = new $T[a.length][b.length]", array, element)
                .beginControlFlow("for (int i = 0; i < a.length; i++)")
                .addStatement("$T row = out[i]", array)
                .beginControlFlow("for (int j = 0; j < b.length; j++)")
                .addStatement("row[j] = $L", call("a[i]", "b[j]"))
                .endControlFlow()
                .endControlFlow()
                .addStatement("return out")
                .build();
    }

    private MethodSpec at(MethodSpec.Builder builder) {
        return builder.addParameter(array, "a").addParameter(int[].class, "indices").addParameter(array, "b")
                .addJavadoc("Sets {@code a[indices[k]] = $L(a[indices[k]], b[k])} for each {@code k} in order, as\n"
                        + "NumPy's unbuffered {@code $L.at}: an index given twice is updated twice.\n\n",
                        method.name(), method.name())
                .addJavadoc(javadocSignature())
                .addJavadoc("@param a the array updated in place\n@param indices indices of {@code a}, in order\n"
                        + "@param b the second argument of each update\n"
                        + "@throws NullPointerException if an array is null\n"
                        + "@throws IllegalArgumentException if {@code indices} and {@code b} differ in length\n"
                        + "@throws IndexOutOfBoundsException if an index is outside {@code a}\n"
                        + "(in both cases before anything is written)\n")
                .addStatement("$T.requireArrays($S, $S, a)", CompanionWriter.ARGUMENTS, ufunc.name(), "a")
                .addStatement("$T.requireArrays($S, $S, indices, b)", CompanionWriter.ARGUMENTS, ufunc.name(),
                        "indices, b")
                .addStatement("$T.requireIndices($S, indices, a.length)", UFUNC_ARGUMENTS, ufunc.name())
                .beginControlFlow("for (int k = 0; k < indices.length; k++)")
                .addStatement("int index = indices[k]")
                .addStatement("a[index] = $L", call("a[index]", "b[k]"))
                .endControlFlow()
                .build();
    }

    /** The chunk fold that the parallel reduce of this signature runs. */
    private UfuncMethod chunkFold() {
        return new UfuncMethod(method.name(), ufunc.signature(), UfuncMethod.Kind.REDUCE_CHUNK);
    }

    private CodeBlock requireArray() {
        return CodeBlock.builder()
                .addStatement("$T.requireArrays($S, $S, a)", CompanionWriter.ARGUMENTS, ufunc.name(), "a").build();
    }

    /** The identity for an empty array, or the error that says there is none. */
    private CodeBlock emptyCase() {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if (a.length == 0)");
        Identity identity = method.identity();
        if (identity.kind() == Identity.Kind.VALUE) {
            code.addStatement("return $L", identity.javaLiteral(ufunc.type()));
        } else {
            code.addStatement("throw $T.emptyReduce($S, $S)", UFUNC_ARGUMENTS, ufunc.name(), method.name());
        }
        return code.endControlFlow().build();
    }

    private String emptyResultDoc() {
        Identity identity = method.identity();
        return identity.kind() == Identity.Kind.VALUE
                ? "the identity, {@code " + identity.javaLiteral(ufunc.type()) + "}"
                : "an {@code IllegalArgumentException}";
    }

    private String regroupingDoc() {
        return method.identity().kind() == Identity.Kind.VALUE
                ? "the identity {@code " + method.identity().text() + "} declares that it may regroup."
                : "the identity {@code \"reorderable\"} declares that it may regroup.";
    }

    private CodeBlock throwsDoc() {
        CodeBlock.Builder doc = CodeBlock.builder().add("@throws NullPointerException if {@code a} is null\n");
        if (method.identity().kind() != Identity.Kind.VALUE) {
            doc.add("@throws IllegalArgumentException if {@code a} is empty: {@code $L} has no identity\n",
                    method.name());
        }
        return doc.build();
    }

    private CodeBlock javadocSignature() {
        return CodeBlock.of("<p>Signature {@code $L}.\n\n", ufunc.signature());
    }

    /** The scalar call on two values of type A, converting to the method's types and back as the signature says. */
    private CodeBlock call(String left, String right) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < 2; i++) {
            NumericType parameterType = method.parameters().get(i).type();
            arguments.add(i == 0 ? "" : ", ");
            if (parameterType != ufunc.type()) {
                arguments.add("($T) ", CompanionWriter.primitive(parameterType));
            }
            arguments.add("$L", i == 0 ? left : right);
        }
        CodeBlock call = CodeBlock.of("$T.$L($L)", source, method.name(), arguments.build());
        return method.returnType() == ufunc.type() ? call
                : CodeBlock.of("($T) $L", CompanionWriter.primitive(ufunc.type()), call);
    }
}
