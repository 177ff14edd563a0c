package io.jvectorize.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the fused engine computes an expression: one pass per reduction nested in it (inner
 * ones first, each computed once however often it appears), then the main pass, in which
 * those reductions are constants. Compiled once per expression and binding types, then cached.
 */
final class Plan {

    private final List<Program> prePasses;
    private final List<String> prePassNames;
    private final Program main;

    private Plan(List<Program> prePasses, List<String> prePassNames, Program main) {
        this.prePasses = List.copyOf(prePasses);
        this.prePassNames = List.copyOf(prePassNames);
        this.main = main;
    }

    static Plan compile(Expr root, Binding binding) {
        Map<Reduction, String> nested = new LinkedHashMap<>();
        collectNested(root, root, nested);
        List<Program> prePasses = new ArrayList<>();
        for (Reduction reduction : nested.keySet()) {
            prePasses.add(ProgramCompiler.compile(reduction, binding, nested));
        }
        return new Plan(prePasses, new ArrayList<>(nested.values()), ProgramCompiler.compile(root, binding, nested));
    }

    /** The reductions below {@code root}, in postorder (inner ones first), named r0, r1, ... */
    private static void collectNested(Expr node, Expr root, Map<Reduction, String> nested) {
        for (Expr child : node.children()) {
            collectNested(child, root, nested);
        }
        if (node != root && node instanceof Reduction reduction && !nested.containsKey(reduction)) {
            nested.put(reduction, "r" + nested.size());
        }
    }

    /**
     * The result (see {@link Program#run}).
     *
     * @param out the array to write an elementwise result into where the main pass can do so
     *     safely, or null
     */
    Object execute(Binding binding, Compute.Options options, Object out) {
        Map<Reduction, Object> known = new HashMap<>();
        for (Program prePass : prePasses) {
            known.put((Reduction) prePass.root, prePass.run(binding, known, options, null));
        }
        return main.run(binding, known, options, out);
    }

    String explain(Binding binding, Compute.Options options) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < prePasses.size(); i++) {
            text.append("pre-pass for ").append(prePassNames.get(i)).append(" = ").append(prePasses.get(i).root)
                    .append(": ").append(prePasses.get(i).describe(binding, options));
        }
        return text.append(main.describe(binding, options)).toString();
    }
}
