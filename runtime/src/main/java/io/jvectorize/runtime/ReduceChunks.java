package io.jvectorize.runtime;

/**
 * The fixed chunks of a parallel reduce ({@code mReduceParallel} of generated companions):
 * chunk {@code c} holds the elements {@code [c * CHUNK_LENGTH, (c + 1) * CHUNK_LENGTH)} of the
 * array, whatever the number of threads, so that folding each chunk and combining the partial
 * results in a fixed tree gives one result for every thread count and every run.
 */
public final class ReduceChunks {

    /** The elements of every chunk but the last: large enough that per-chunk costs vanish. */
    public static final int CHUNK_LENGTH = 8192;

    /** Work on one chunk. */
    @FunctionalInterface
    public interface ChunkTask {

        /**
         * Folds chunk {@code chunk}, the elements {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param chunk the chunk's number, from 0
         * @param from its first index
         * @param to the index after its last
         */
        void run(int chunk, int from, int to);
    }

    private ReduceChunks() {
    }

    /**
     * The number of chunks of {@code length} elements.
     *
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static int count(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        return (int) (((long) length + CHUNK_LENGTH - 1) / CHUNK_LENGTH);
    }

    /**
     * Runs {@code task} once for each chunk of {@code [0, length)}, the chunks shared across
     * threads as {@link Parallel#forRange} shares ranges (so below its serial cutoff all run on
     * the calling thread). Returns after every chunk has run; rethrows the first throwable of a
     * task, as {@link Parallel#forRange} does.
     */
    public static void forEach(int length, ChunkTask task) {
        // Parallel's ranges do not fall on chunk boundaries: a range folds the chunks that start in it.
        Parallel.forRange(length, (from, to) -> {
            for (int chunk = firstChunkFrom(from); chunk < firstChunkFrom(to); chunk++) {
                int start = chunk * CHUNK_LENGTH;
                task.run(chunk, start, (int) Math.min(length, (long) start + CHUNK_LENGTH));
            }
        });
    }

    /** The first chunk that starts at or after {@code index}. */
    private static int firstChunkFrom(int index) {
        return (int) (((long) index + CHUNK_LENGTH - 1) / CHUNK_LENGTH);
    }
}
