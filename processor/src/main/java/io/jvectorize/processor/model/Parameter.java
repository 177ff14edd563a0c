package io.jvectorize.processor.model;

/** A parameter of a @Vectorize method: its source name and its type. */
public record Parameter(String name, NumericType type) {}
