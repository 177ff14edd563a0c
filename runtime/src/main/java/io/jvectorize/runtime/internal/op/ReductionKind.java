package io.jvectorize.runtime.internal.op;

import java.util.Optional;

/** The reductions, by the name the parser accepts. NaN-aware ones skip NaN elements, as numbagg's do. */
public enum ReductionKind {
    SUM("sum"), MEAN("mean"), MIN("min"), MAX("max"), COUNT("count"), VAR("var"), STD("std"),
    NANSUM("nansum"), NANMEAN("nanmean"), NANMIN("nanmin"), NANMAX("nanmax"), NANCOUNT("nancount");

    private final String text;

    ReductionKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether it skips NaN elements. */
    public boolean skipsNaN() {
        return text.startsWith("nan");
    }

    public static Optional<ReductionKind> named(String name) {
        for (ReductionKind kind : values()) {
            if (kind.text.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
