package io.jvectorize.spec;

import static io.jvectorize.spec.Problem.Subject.IDENTITY;
import static io.jvectorize.spec.Problem.Subject.METHOD;
import static io.jvectorize.spec.Problem.Subject.PARAMETER;
import static io.jvectorize.spec.Problem.Subject.SIGNATURE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of {@code @Vectorize} declarations, and the message for each rule broken: the one
 * place both the processor (on javac's elements) and {@code Functions.register} (on reflection)
 * check them, so that both refuse the same declarations with the same words. A method is
 * refused for any error; the others of its class still get their kernels.
 */
public final class DeclarationRules {

    private DeclarationRules() {}

    /**
     * Checks every method of the class: that generated code can reach the class, then each
     * method alone, that names are unique and that no two methods generate the same companion
     * method. A method whose name was taken earlier is refused for that alone.
     */
    public static CheckedClass check(ClassDeclaration type) {
        List<CheckedMethod> checked = new ArrayList<>();
        Optional<String> unreachable = nestProblem("", type.nest());
        Set<String> names = new HashSet<>();
        Map<String, String> generatedBy = new HashMap<>();
        String companion = GeneratedNames.companion(type.simpleNames());
        for (MethodDeclaration method : type.methods()) {
            String name = method.name();
            if (unreachable.isPresent()) {
                checked.add(refused(method, nestProblem(name, type.nest()).orElseThrow()));
            } else if (!names.add(name)) {
                checked.add(refused(method, "another @Vectorize method of " + type.simpleName() + " is named " + name
                        + "; rename one: the generated kernels take the method's name"));
            } else {
                CheckedMethod alone = check(method);
                Optional<String> clash = alone.valid()
                        .flatMap(valid -> clash(name, valid, companion, generatedBy));
                if (clash.isPresent()) {
                    List<Problem> problems = new ArrayList<>(alone.problems());
                    problems.add(Problem.error(METHOD, 0, clash.get()));
                    checked.add(new CheckedMethod(method, problems, Optional.empty()));
                } else {
                    checked.add(alone);
                }
            }
        }
        return new CheckedClass(type, checked);
    }

    private static CheckedMethod refused(MethodDeclaration method, String message) {
        return new CheckedMethod(method, List.of(Problem.error(METHOD, 0, message)), Optional.empty());
    }

    /** Checks one method alone: its declaration, then, where that is fine, its signatures. */
    public static CheckedMethod check(MethodDeclaration method) {
        List<Problem> problems = new ArrayList<>();
        checkModifiers("@Vectorize", method, problems);
        List<NumericType> parameterTypes = checkTypes(method, problems);
        Optional<NumericType> returnType = NumericType.forJavaName(method.returnType());
        if (!problems.isEmpty() || returnType.isEmpty()) {
            return new CheckedMethod(method, problems, Optional.empty());
        }
        List<Signature> signatures = checkSignatures(method, parameterTypes, returnType.get(), problems);
        Identity identity = checkIdentity(method, signatures, problems);
        boolean valid = problems.stream().noneMatch(Problem::isError);
        return new CheckedMethod(method, problems, valid
                ? Optional.of(new CheckedMethod.Valid(parameterTypes, returnType.get(), signatures, identity))
                : Optional.empty());
    }

    /**
     * Why generated code, in the package of the class, cannot reach a method of the class with
     * this nest (outermost class first); empty where it can.
     */
    public static Optional<String> nestProblem(String methodName, List<EnclosingClass> nest) {
        for (EnclosingClass type : nest) {
            if (type.nesting() == EnclosingClass.Nesting.LOCAL || type.nesting() == EnclosingClass.Nesting.ANONYMOUS) {
                return Optional.of(localClass(methodName));
            }
        }
        for (EnclosingClass type : nest) {
            if (type.isPrivate()) {
                return Optional.of("@Vectorize method " + methodName + " is in private class " + type.simpleName()
                        + ", which the generated companion cannot call; make " + type.simpleName()
                        + " package-private or public");
            }
        }
        return Optional.empty();
    }

    /** The error for a method of a local or anonymous class, which javac reports from the source alone. */
    public static String localClass(String methodName) {
        return localClass("Vectorize", methodName);
    }

    /** As {@link #localClass(String)}, for a method annotated {@code @annotation} (Vectorize or GuVectorize). */
    public static String localClass(String annotation, String methodName) {
        return "@" + annotation + " method " + methodName + " is in a local or anonymous class, which generated code"
                + " cannot name; move it to a top-level or member class";
    }

    // ---- one method -----------------------------------------------------------------------------

    /** Modifiers, type parameters, varargs and exceptions: what the generated code needs to call the method. */
    static void checkModifiers(String annotation, MethodDeclaration method, List<Problem> problems) {
        String name = method.name();
        if (!method.isStatic()) {
            problems.add(Problem.error(METHOD, 0, annotation + " method " + name + " must be static; add the static modifier"));
        }
        if (method.isPrivate()) {
            problems.add(Problem.error(METHOD, 0, annotation + " method " + name
                    + " must not be private: the generated kernels call it; make it package-private or public"));
        }
        if (method.isGeneric()) {
            problems.add(Problem.error(METHOD, 0, annotation + " method " + name
                    + " must not be generic; remove its type parameters and use primitive types"));
        }
        if (method.isVarArgs()) {
            problems.add(Problem.error(METHOD, 0, annotation + " method " + name
                    + " must not be varargs; declare one primitive parameter per argument"));
        }
        if (!method.checkedExceptions().isEmpty()) {
            problems.add(Problem.error(METHOD, 0, annotation + " method " + name + " must not throw checked exceptions ("
                    + String.join(", ", method.checkedExceptions())
                    + "); catch them in the method or rethrow them unchecked"));
        }
    }

    /** The parameters' types where each is supported; reports those that are not, the return type, and arity 0. */
    private static List<NumericType> checkTypes(MethodDeclaration method, List<Problem> problems) {
        String name = method.name();
        List<NumericType> types = new ArrayList<>();
        for (int i = 0; i < method.parameterTypes().size(); i++) {
            String type = method.parameterTypes().get(i);
            Optional<NumericType> numeric = NumericType.forJavaName(type);
            if (numeric.isPresent()) {
                types.add(numeric.get());
            } else if (!method.isVarArgs()) { // a varargs array: the varargs error says it all
                problems.add(Problem.error(PARAMETER, i, "the " + ordinal(i + 1) + " parameter of @Vectorize method "
                        + name + " has type " + type + "; declare it as one of " + NumericType.allJavaNames()));
            }
        }
        if (NumericType.forJavaName(method.returnType()).isEmpty()) {
            problems.add(Problem.error(METHOD, 0, "@Vectorize method " + name + " returns " + method.returnType()
                    + "; it must return one of " + NumericType.allJavaNames()));
        }
        if (method.parameterTypes().isEmpty()) {
            problems.add(Problem.error(METHOD, 0, "@Vectorize method " + name
                    + " takes no parameters; give it at least one, the value that each array element supplies"));
        }
        return types;
    }

    /** The annotation's signatures that parse, fit the method and are new; the method's own types where it names none. */
    private static List<Signature> checkSignatures(MethodDeclaration method, List<NumericType> parameterTypes,
            NumericType returnType, List<Problem> problems) {
        if (method.signatures().isEmpty()) {
            return List.of(new Signature(returnType, parameterTypes));
        }
        List<Signature> signatures = new ArrayList<>();
        for (int k = 0; k < method.signatures().size(); k++) {
            String text = method.signatures().get(k);
            String prefix = "@Vectorize method " + method.name() + ": ";
            Signature signature;
            try {
                signature = SignatureParser.parse(text);
            } catch (SignatureException e) {
                problems.add(Problem.error(SIGNATURE, k, prefix + e.getMessage()));
                continue;
            }
            String quoted = prefix + "signature \"" + text + "\"";
            if (fits(signature, quoted, parameterTypes, returnType, k, problems)
                    && isNew(signature, quoted, signatures, k, problems)) {
                warnIfShadowed(signature, quoted, signatures, k, problems);
                signatures.add(signature);
            }
        }
        return signatures;
    }

    /** Whether the signature's arity and types fit the method's parameters and return type. */
    private static boolean fits(Signature signature, String quoted, List<NumericType> parameterTypes,
            NumericType returnType, int k, List<Problem> problems) {
        if (signature.arity() != parameterTypes.size()) {
            problems.add(Problem.error(SIGNATURE, k, quoted + " has " + count(signature.arity(), "argument type")
                    + " but the method takes " + count(parameterTypes.size(), "parameter")
                    + "; give it one type per parameter"));
            return false;
        }
        boolean fits = true;
        for (int i = 0; i < parameterTypes.size(); i++) {
            NumericType argument = signature.argumentType(i);
            NumericType parameter = parameterTypes.get(i);
            if (!argument.widensTo(parameter)) {
                problems.add(Problem.error(SIGNATURE, k, quoted + ": argument type " + argument.numbaName()
                        + " does not widen to " + parameter.javaName() + ", the type of the " + ordinal(i + 1)
                        + " parameter; use a type that widens to " + parameter.javaName() + ", or widen the parameter"));
                fits = false;
            }
        }
        if (!returnType.castsTo(signature.returnType())) {
            problems.add(Problem.error(SIGNATURE, k, quoted + ": return type " + signature.returnType().numbaName()
                    + " cannot hold the method's " + returnType.javaName()
                    + " result; boolean converts only to boolean, numbers only to numbers"));
            fits = false;
        }
        return fits;
    }

    /** Whether no earlier signature has the same argument types: their kernels would clash. */
    private static boolean isNew(Signature signature, String quoted, List<Signature> earlier, int k,
            List<Problem> problems) {
        for (Signature other : earlier) {
            if (other.argumentTypes().equals(signature.argumentTypes())) {
                problems.add(Problem.error(SIGNATURE, k, quoted + " has the same argument types as " + other
                        + "; their kernels would clash: remove one"));
                return false;
            }
        }
        return true;
    }

    private static void warnIfShadowed(Signature signature, String quoted, List<Signature> earlier, int k,
            List<Problem> problems) {
        for (Signature other : earlier) {
            if (other.shadows(signature)) {
                problems.add(Problem.warning(SIGNATURE, k, quoted + " is never picked by a call by name (Expr.parse,"
                        + " Compute): the earlier " + other + " accepts all its argument types and is tried first;"
                        + " list narrower signatures first (its Java kernels are still generated)"));
                return;
            }
        }
    }

    /**
     * The identity, where it parses, belongs to a function with ufunc methods and is exact in
     * each of their types; {@link Identity#NONE} after reporting why not.
     */
    private static Identity checkIdentity(MethodDeclaration method, List<Signature> signatures,
            List<Problem> problems) {
        String prefix = "@Vectorize method " + method.name() + ": ";
        Identity identity;
        try {
            identity = Identity.parse(method.identity());
        } catch (SignatureException e) {
            problems.add(Problem.error(IDENTITY, 0, prefix + e.getMessage()));
            return Identity.NONE;
        }
        if (identity.kind() == Identity.Kind.NONE) {
            return identity;
        }
        List<Signature> ufuncs = signatures.stream().filter(UfuncMethod::isUfuncSignature).toList();
        if (ufuncs.isEmpty()) {
            problems.add(Problem.error(IDENTITY, 0, prefix + "identity \"" + method.identity() + "\" needs a signature"
                    + " of the form A(A, A), such as \"float64(float64, float64)\", whose reduce it seeds; the method"
                    + " has none: remove the identity or add such a signature"));
            return Identity.NONE;
        }
        boolean exact = true;
        for (Signature signature : ufuncs) {
            Optional<String> problem = identity.problemIn(signature.returnType());
            if (problem.isPresent()) {
                problems.add(Problem.error(IDENTITY, 0, prefix + "identity \"" + method.identity() + "\" "
                        + problem.get() + ", so it is no value of signature " + signature + "; give a value exact in "
                        + signature.returnType().numbaName() + ", or \"" + Identity.REORDERABLE_TEXT + "\""));
                exact = false;
            }
        }
        return exact ? identity : Identity.NONE;
    }

    // ---- the class's methods together ---------------------------------------------------------

    /** Why one of the method's companion methods has the Java signature of one an earlier method generates. */
    private static Optional<String> clash(String name, CheckedMethod.Valid valid, String companion,
            Map<String, String> generatedBy) {
        Map<String, String> mine = new HashMap<>();
        List<String> javaSignatures = new ArrayList<>();
        CompanionMethod.allOf(name, valid.signatures()).forEach(method -> javaSignatures.add(method.javaSignature()));
        UfuncMethod.allOf(name, valid.signatures(), valid.identity())
                .forEach(method -> javaSignatures.add(method.javaSignature()));
        for (String signature : javaSignatures) {
            String earlier = generatedBy.get(signature);
            if (earlier != null) {
                // Both names, in name order: the same words whichever method javac or reflection lists first.
                List<String> both = earlier.compareTo(name) < 0 ? List.of(earlier, name) : List.of(name, earlier);
                return Optional.of("@Vectorize methods " + both.get(0) + " and " + both.get(1) + " would both generate "
                        + companion + "." + signature + "; rename one of them");
            }
            mine.put(signature, name);
        }
        generatedBy.putAll(mine);
        return Optional.empty();
    }

    // ---- words ------------------------------------------------------------------------------------

    /** "1st", "2nd", "3rd", "4th", ..., "11th", "21st". */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
