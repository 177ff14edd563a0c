package io.jvectorize.processor.translate;

import com.sun.source.tree.Tree;

/** Where a construct is, for the note that says why a method keeps its scalar loop. */
@FunctionalInterface
interface SourceLines {

    /** Nowhere: for tests that need no source. */
    SourceLines UNKNOWN = tree -> -1;

    /** The line {@code tree} starts on, counted from 1; negative where it is not known. */
    long lineOf(Tree tree);

    /** The translation stops at {@code tree}: its construct has none. */
    default Untranslatable untranslatable(String construct, Tree tree) {
        return Untranslatable.construct(construct, tree == null ? -1 : lineOf(tree));
    }
}
