package io.jvectorize.processor;

import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;

/** javac's Trees (method bodies and source positions), where the compiler is javac. */
final class TreesAccess {

    private TreesAccess() {}

    /** javac's Trees, or null where the processing environment is not javac's own. */
    static Trees of(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError e) {
            // Not javac's own environment: an IDE or build tool wrapped it, or another compiler runs.
            return null;
        }
    }
}
