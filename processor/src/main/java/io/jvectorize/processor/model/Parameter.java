package io.jvectorize.processor.model;

import io.jvectorize.spec.NumericType;

/** A parameter of a @Vectorize method: its source name and its type. */
public record Parameter(String name, NumericType type) {}
