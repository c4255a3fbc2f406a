package org.izhsim.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An off-heap buffer that MPI reads or writes, reused across calls and grown (doubling) when a
 * call needs more, so that a run's steady state allocates nothing per exchange. Each buffer
 * owns a shared arena, because the spike exchange runs on whichever worker thread ends a step
 * (a confined arena's memory would be usable from its creating thread only); growing closes the
 * old arena and frees its memory at once.
 */
final class OffHeapBuffer implements AutoCloseable {
    private Arena arena;
    private MemorySegment segment = MemorySegment.NULL;

    /** A segment of at least {@code bytes} bytes (never empty, since MPI may not take a null buffer); contents are not kept. */
    MemorySegment ensure(long bytes) {
        long need = Math.max(64, bytes);
        long old = segment.byteSize();
        if (old < need) {
            close();
            arena = Arena.ofShared();
            segment = arena.allocate(Math.max(need, 2 * old), 8);
        }
        return segment;
    }

    @Override
    public void close() {
        if (arena != null) arena.close();
        arena = null;
        segment = MemorySegment.NULL;
    }
}
