package io.jvectorize.runtime.internal.ir;

/**
 * How the engines run a plan, as the caller's options say (see {@code Compute.Options}).
 *
 * @param blockSize the elements per block of the block engine, and of the blocks reductions fold in every engine
 * @param parallel whether blocks are split across threads
 * @param vectorMath whether math functions may run on the Vector API's library, within its bound
 * @param generateLoops whether a pass may run as one generated loop
 * @param scalarLoops whether a pass that has a generated scalar loop runs it, as while its
 *     Vector API loop warms (for tests: the warm-up is off in them)
 */
public record Settings(int blockSize, boolean parallel, boolean vectorMath, boolean generateLoops,
        boolean scalarLoops) {}
