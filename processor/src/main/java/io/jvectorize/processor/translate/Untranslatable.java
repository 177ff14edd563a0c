package io.jvectorize.processor.translate;

/** Why a body has no SIMD translation: the construct, and the line it is on. */
public final class Untranslatable extends Exception {
    private static final long serialVersionUID = 1L;

    Untranslatable(String message) {
        super(message);
    }

    /** "for loop at line 14 has no SIMD translation", without the line where it is not known (negative). */
    static Untranslatable construct(String construct, long line) {
        return new Untranslatable(construct + (line < 0 ? "" : " at line " + line) + " has no SIMD translation");
    }
}
