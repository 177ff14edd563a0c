package io.jvectorize.runtime;

import java.util.Objects;

/**
 * How {@link Parallel#forRange} cuts {@code [0, length)} into chunks.
 *
 * <p>Chunks are consecutive. Every boundary but the final {@code length} is a multiple of
 * {@link #ALIGNMENT} elements, so two chunks never write the same cache line whatever the
 * element size. Chunk sizes differ by at most one alignment unit, except that the last chunk
 * may be shorter. All index arithmetic is done in {@code long}, so plans are exact up to
 * {@code length = Integer.MAX_VALUE}.
 */
final class ChunkPlan {

    /** Chunk boundaries are multiples of this many elements: 64 bytes even for bytes. */
    static final int ALIGNMENT = 64;

    /** Every chunk but the last has at least this many elements: many cores, no tiny chunks. */
    static final int MIN_CHUNK = 4096;

    /** Several chunks per thread, so a thread slowed by a noisy neighbour gets fewer of them. */
    static final int CHUNKS_PER_THREAD = 4;

    private final int length;
    private final int count;
    private final long unitsPerChunk;
    private final int chunksWithExtraUnit;

    private ChunkPlan(int length, int count, long unitsPerChunk, int chunksWithExtraUnit) {
        this.length = length;
        this.count = count;
        this.unitsPerChunk = unitsPerChunk;
        this.chunksWithExtraUnit = chunksWithExtraUnit;
    }

    /**
     * Plans chunks for {@code length} elements and {@code parallelism} threads.
     *
     * @throws IllegalArgumentException if {@code length < 0} or {@code parallelism < 1}
     */
    static ChunkPlan of(int length, int parallelism) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (length == 0) {
            return new ChunkPlan(0, 0, 0, 0);
        }
        long units = ((long) length + ALIGNMENT - 1) / ALIGNMENT;
        long wanted = (long) parallelism * CHUNKS_PER_THREAD;
        long allowedBySize = Math.max(1, length / MIN_CHUNK);
        int count = (int) Math.min(wanted, allowedBySize);
        // Whole units shared out evenly; the first (units % count) chunks take one more.
        return new ChunkPlan(length, count, units / count, (int) (units % count));
    }

    /** The number of chunks; 0 for an empty range. */
    int count() {
        return count;
    }

    /** The first index of chunk {@code k}. */
    int start(int k) {
        Objects.checkIndex(k, count);
        return boundary(k);
    }

    /** The index after the last of chunk {@code k}. */
    int end(int k) {
        Objects.checkIndex(k, count);
        return boundary(k + 1);
    }

    private int boundary(int k) {
        long units = k * unitsPerChunk + Math.min(k, chunksWithExtraUnit);
        return (int) Math.min(length, units * ALIGNMENT);
    }

    @Override
    public String toString() {
        return "ChunkPlan[length=" + length + ", count=" + count + "]";
    }
}
