package io.jvectorize.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.jvectorize.spec.DeclarationRules;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javax.lang.model.element.Element;

/**
 * Reports @Vectorize and @GuVectorize methods of local and anonymous classes. javac never hands
 * such methods to processors, so without this check they would get neither kernels nor an error. Both of our
 * processors run it, since javac may call either one alone; each compilation unit is scanned
 * once, whichever comes first.
 */
final class LocalClassCheck {
    /** The units already scanned, shared by both processors; weak, so that a finished compilation's trees can go. */
    private static final Set<CompilationUnitTree> SCANNED =
            Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private final Trees trees;
    private final ErrorReporter reporter;

    LocalClassCheck(Trees trees, ErrorReporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /** Scans the compilation units of {@code roots} not scanned in an earlier round. */
    void check(Set<? extends Element> roots) {
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path != null && SCANNED.add(path.getCompilationUnit())) {
                new Scanner().scan(path.getCompilationUnit(), null);
            }
        }
    }

    private final class Scanner extends TreePathScanner<Void, Void> {

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            Optional<String> annotation = kernelAnnotation(method);
            if (annotation.isPresent() && !isMemberOfTopLevelNest(getCurrentPath().getParentPath())) {
                reporter.error(getCurrentPath(), DeclarationRules.localClass(annotation.get(), method.getName().toString()));
            }
            return super.visitMethod(method, unused);
        }

        /** Whether the class at {@code path} and every class around it are members, up to the compilation unit. */
        private boolean isMemberOfTopLevelNest(TreePath path) {
            for (TreePath at = path; at != null; at = at.getParentPath()) {
                Tree leaf = at.getLeaf();
                if (!(leaf instanceof ClassTree) && !(leaf instanceof CompilationUnitTree)) {
                    return false;
                }
            }
            return true;
        }

        /** Which of the two annotations the method carries ("Vectorize" or "GuVectorize"), written simple or qualified. */
        private Optional<String> kernelAnnotation(MethodTree method) {
            for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
                String name = annotation.getAnnotationType().toString();
                if (name.equals("Vectorize") || name.equals(DeclarationReader.ANNOTATION)) {
                    return Optional.of("Vectorize");
                }
                if (name.equals("GuVectorize") || name.equals(GuValidator.ANNOTATION)) {
                    return Optional.of("GuVectorize");
                }
            }
            return Optional.empty();
        }
    }
}
