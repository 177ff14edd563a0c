package io.jvectorize.spec;

import static io.jvectorize.spec.Problem.Subject.LAYOUT;
import static io.jvectorize.spec.Problem.Subject.METHOD;
import static io.jvectorize.spec.Problem.Subject.PARAMETER;
import static io.jvectorize.spec.Problem.Subject.SIGNATURE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of @GuVectorize declarations: a static void method whose parameters, inputs then
 * outputs, match the signature's types and the layout's core dimensions one for one.
 */
public final class GuRules {
    private static final String ANNOTATION = "@GuVectorize";

    private GuRules() {}

    /**
     * Checks one method.
     *
     * @param method the method; its {@code signatures} hold the one signature text
     * @param layout the layout text
     */
    public static CheckedGuMethod check(MethodDeclaration method, String layout) {
        List<Problem> problems = new ArrayList<>();
        String name = method.name();
        String prefix = ANNOTATION + " method " + name + ": ";
        DeclarationRules.checkModifiers(ANNOTATION, method, problems);
        if (!method.returnType().equals("void")) {
            problems.add(Problem.error(METHOD, 0, ANNOTATION + " method " + name + " returns " + method.returnType()
                    + "; it must return void and write its results into its output array parameters"));
        }
        List<Optional<GuSignatureParser.Argument>> javaTypes = new ArrayList<>();
        for (int i = 0; i < method.parameterTypes().size(); i++) {
            Optional<GuSignatureParser.Argument> type = javaType(method.parameterTypes().get(i));
            javaTypes.add(type);
            if (type.isEmpty()) {
                problems.add(Problem.error(PARAMETER, i, "the " + DeclarationRules.ordinal(i + 1) + " parameter of "
                        + ANNOTATION + " method " + name + " has type " + method.parameterTypes().get(i)
                        + "; declare it as a primitive (" + NumericType.allJavaNames()
                        + ") or a one-dimensional array of one"));
            }
        }
        String signatureText = method.signatures().isEmpty() ? "" : method.signatures().get(0);
        List<GuSignatureParser.Argument> signature = null;
        try {
            signature = GuSignatureParser.parse(signatureText);
        } catch (SignatureException e) {
            problems.add(Problem.error(SIGNATURE, 0, prefix + e.getMessage()));
        }
        GuLayout parsedLayout = null;
        try {
            parsedLayout = GuLayout.parse(layout);
        } catch (SignatureException e) {
            problems.add(Problem.error(LAYOUT, 0, prefix + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return new CheckedGuMethod(method, layout, problems, Optional.empty());
        }
        List<GuParameter> parameters = match(method, prefix, signature, javaTypes, signatureText, parsedLayout,
                layout, problems);
        return new CheckedGuMethod(method, layout, problems,
                problems.isEmpty() ? Optional.of(parameters) : Optional.empty());
    }

    /** The parameters, where signature, Java types and layout agree one for one; reports each mismatch. */
    private static List<GuParameter> match(MethodDeclaration method, String prefix,
            List<GuSignatureParser.Argument> signature, List<Optional<GuSignatureParser.Argument>> javaTypes,
            String signatureText, GuLayout layout, String layoutText, List<Problem> problems) {
        int count = method.parameterTypes().size();
        if (signature.size() != count) {
            problems.add(Problem.error(SIGNATURE, 0, prefix + "signature \"" + signatureText + "\" has "
                    + count(signature.size(), "type") + " but the method takes " + count(count, "parameter")
                    + "; give one type per parameter, inputs then outputs"));
        }
        if (layout.size() != count) {
            problems.add(Problem.error(LAYOUT, 0, prefix + "layout \"" + layoutText + "\" gives "
                    + count(layout.size(), "parameter") + " (" + count(layout.inputs().size(), "input") + ", "
                    + count(layout.outputs().size(), "output") + ") but the method takes " + count(count, "parameter")
                    + "; give one (...) per parameter, inputs before -> and outputs after it"));
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<GuParameter> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GuSignatureParser.Argument declared = signature.get(i);
            GuSignatureParser.Argument java = javaTypes.get(i).orElseThrow();
            String ordinal = "the " + DeclarationRules.ordinal(i + 1) + " parameter";
            if (declared.array() != java.array() || (declared.array() ? declared.type() != java.type()
                    : !declared.type().widensTo(java.type()))) {
                problems.add(Problem.error(SIGNATURE, 0, prefix + "signature \"" + signatureText + "\" gives "
                        + ordinal + " type " + declared + " but it is declared " + method.parameterTypes().get(i)
                        + "; " + (declared.array() ? "an array type must match exactly" : "a scalar type must widen to"
                        + " the parameter's")));
                continue;
            }
            boolean output = i >= layout.inputs().size();
            Optional<String> dimension = output ? layout.outputs().get(i - layout.inputs().size())
                    : layout.inputs().get(i);
            String shape = "(" + dimension.orElse("") + ")";
            if (output && !declared.array()) {
                problems.add(Problem.error(LAYOUT, 0, prefix + "layout \"" + layoutText + "\" makes " + ordinal
                        + " an output, but it is a scalar; outputs are arrays (a () output is an array of length 1):"
                        + " declare it " + declared.type().numbaName() + "[:], or move it before ->"));
            } else if (!output && dimension.isPresent() && !declared.array()) {
                problems.add(Problem.error(LAYOUT, 0, prefix + "layout \"" + layoutText + "\" gives " + ordinal
                        + " the dimension " + shape + ", but it is a scalar; give it (), or make it an array "
                        + declared.type().numbaName() + "[:]"));
            } else if (!output && dimension.isEmpty() && declared.array()) {
                problems.add(Problem.error(LAYOUT, 0, prefix + "layout \"" + layoutText + "\" gives " + ordinal
                        + " (), but it is an array; give it a dimension such as (n), or make it a scalar "
                        + declared.type().numbaName()));
            } else {
                parameters.add(new GuParameter(java.type(), declared.array(), dimension, output));
            }
        }
        return parameters;
    }

    /** A Java type as the signature would write it: {@code double[]} is {@code float64[:]}; empty if unsupported. */
    private static Optional<GuSignatureParser.Argument> javaType(String javaName) {
        boolean array = javaName.endsWith("[]");
        String element = array ? javaName.substring(0, javaName.length() - 2) : javaName;
        return NumericType.forJavaName(element).map(type -> new GuSignatureParser.Argument(type, array));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
