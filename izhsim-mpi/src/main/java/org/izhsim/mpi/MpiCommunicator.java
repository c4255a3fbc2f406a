package org.izhsim.mpi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import org.izhsim.network.Communicator;
import org.izhsim.network.SpikeBuffer;
import org.izhsim.run.JitQuiet;

/**
 * The {@link Communicator} of a job started by mpirun (or srun): the ranks of
 * {@code MPI_COMM_WORLD}, through the system Open MPI. One per process ({@link #world()}); MPI
 * is finalised by {@link #close()}.
 *
 * <p><b>Spike exchange.</b> Once per min-delay interval (see {@link Communicator} for why that
 * schedule is exact): an {@code MPI_Allgather} of every rank's spike count, then an
 * {@code MPI_Allgatherv} of the (step, neuron) pairs, both as 64-bit integers. The result is
 * merged by step exactly as {@link org.izhsim.network.InProcessRanks} merges, so spikes are
 * bit-identical to one rank's. The off-heap buffers are kept and grown, never allocated per
 * exchange.
 */
public final class MpiCommunicator implements Communicator, AutoCloseable {
    private static MpiCommunicator world;
    /**
     * Most spikes per rank in an exchange of {@link #warmUpExchange}, which draws every count
     * from 0 to this: with one count throughout, the first interval of the run with another
     * (none, or more than fit the buffers) could meet the compiled exchange with an uncommon
     * trap, and the exchange ran in the interpreter while C2 compiled it again.
     */
    private static final int WARM_UP_SPIKES = 200;
    /** Exchanges between two looks at the JIT in {@link #warmUpExchange}'s quiet phase. */
    private static final int QUIET_ROUNDS = 250;
    /** Wall-time limit of {@link #warmUpExchange}'s quiet phase (the slowest rank's) [ns]. */
    private static final long QUIET_LIMIT_NS = 2_000_000_000L;

    private final Mpi mpi;
    private final int rank, size;
    private final OffHeapBuffer send = new OffHeapBuffer(), recv = new OffHeapBuffer(),
            counts = new OffHeapBuffer(), displs = new OffHeapBuffer();
    private final SpikeBuffer[] parts;
    private final int[] pos, spikeCounts;
    /** The (step, neuron) pairs packed in Java and copied off heap in one call each way. */
    private long[] packed = new long[64], unpacked = new long[64];
    private boolean closed;
    private long exchanges, bytesSent, bytesReceived, exchangeNanos;

    /**
     * What this rank's spike exchanges cost so far.
     *
     * @param exchanges     exchange intervals
     * @param bytesSent     bytes this rank contributed (counts and pairs)
     * @param bytesReceived bytes this rank received (every rank's counts and pairs)
     * @param seconds       wall time inside the exchange, waiting for slower ranks included [s]
     */
    public record Traffic(long exchanges, long bytesSent, long bytesReceived, double seconds) {}

    private MpiCommunicator(Mpi mpi) {
        this.mpi = mpi;
        this.rank = mpi.rank();
        this.size = mpi.size();
        this.parts = new SpikeBuffer[size];
        for (int r = 0; r < size; r++) parts[r] = new SpikeBuffer();
        this.pos = new int[size];
        this.spikeCounts = new int[size];
    }

    /**
     * Initialises MPI (once per process: MPI cannot be started again after it was finalised)
     * and returns the world's communicator.
     *
     * @throws MpiUnavailableException if the library cannot be loaded or is not Open MPI
     */
    public static synchronized MpiCommunicator world() {
        if (world == null) world = new MpiCommunicator(Mpi.init());
        if (world.closed) throw new IllegalStateException("MPI was finalised in this process; it cannot start again");
        return world;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void exchange(SpikeBuffer local, SpikeBuffer global) {
        long t0 = System.nanoTime();
        int n = local.size();
        MemorySegment cnt = counts.ensure(4L * size), out = send.ensure(16L * n);
        out.set(JAVA_INT, 0, 2 * n);
        mpi.allgather(out, 1, Mpi.Type.INT, cnt);
        long total = 0;
        for (int r = 0; r < size; r++) {
            spikeCounts[r] = cnt.getAtIndex(JAVA_INT, r) / 2;
            total += spikeCounts[r];
        }
        if (2 * total > Integer.MAX_VALUE) {
            throw new IllegalStateException("spike exchange: " + total + " spikes in one interval exceed MPI's int counts");
        }
        // one bulk copy instead of a MemorySegment access per value: the first exchanges of a
        // process (warmUpExchange's) run in the interpreter, where per-value segment accesses
        // cost about 0.3 ms per exchange at 75 spikes
        if (packed.length < 2 * n) packed = new long[Math.max(2 * n, 2 * packed.length)];
        for (int i = 0; i < n; i++) {
            packed[2 * i] = local.step(i);
            packed[2 * i + 1] = local.neuron(i);
        }
        MemorySegment.copy(packed, 0, out, JAVA_LONG, 0, 2 * n);
        MemorySegment in = recv.ensure(16 * total), dis = displs.ensure(4L * size);
        int off = 0;
        for (int r = 0; r < size; r++) {
            dis.setAtIndex(JAVA_INT, r, off);
            off += 2 * spikeCounts[r];
        }
        mpi.allgatherv(out, 2 * n, Mpi.Type.LONG, in, cnt, dis);
        if (unpacked.length < 2 * total) unpacked = new long[(int) Math.max(2 * total, 2L * unpacked.length)];
        MemorySegment.copy(in, JAVA_LONG, 0, unpacked, 0, (int) (2 * total));
        int at = 0;
        for (int r = 0; r < size; r++) {
            SpikeBuffer p = parts[r];
            p.clear();
            for (int i = 0; i < spikeCounts[r]; i++, at += 2) p.add(unpacked[at], (int) unpacked[at + 1]);
        }
        SpikeBuffer.mergeRanks(parts, pos, global);
        exchanges++;
        bytesSent += 4 + 16L * n;
        bytesReceived += 4L * size + 16 * total;
        exchangeNanos += System.nanoTime() - t0;
    }

    /**
     * Collective (every rank calls it with the same {@code rounds}): that many spike exchanges of
     * synthetic intervals, then more until no rank's JIT has compiled anything for
     * {@link JitQuiet#IDLE_NS} (or {@link #QUIET_LIMIT_NS} passed), then their traffic forgotten.
     * The engine's JIT warm-up runs on each rank without exchanges, so without this the JIT
     * compiled the exchange path during a run's first exchanges; and with two busy ranks on
     * two cores, a rank's C2 compiler thread takes a core from its main thread for a scheduler
     * slice (about 8 ms here) while the other rank waits in the exchange (BENCHMARKS.md §9).
     * The ranks decide to stop together (one reduction every {@link #QUIET_ROUNDS} exchanges),
     * so every rank makes the same calls. Changes no result.
     */
    public void warmUpExchange(int rounds) {
        SpikeBuffer local = new SpikeBuffer(), global = new SpikeBuffer();
        JitQuiet quiet = new JitQuiet();
        long start = System.nanoTime(), k = 0;
        // {-(this rank's JIT-quiet time), time since start} [ns], reduced with MAX: the least
        // quiet rank's and the slowest rank's
        long[] state = new long[2];
        while (true) {
            for (long end = k + rounds; k < end; k++) {
                local.clear();
                int n = (int) ((k * 37 + rank * 11L) % (WARM_UP_SPIKES + 1));
                for (int i = 0; i < n; i++) local.add(k, rank + size * i);
                exchange(local, global);
            }
            if (!quiet.available()) break;
            state[0] = -quiet.quietNanos();
            state[1] = System.nanoTime() - start;
            allreduce(state, Op.MAX);
            if (-state[0] >= JitQuiet.IDLE_NS || state[1] >= QUIET_LIMIT_NS) break;
            rounds = QUIET_ROUNDS;
            // grown again in the next rounds, so that the JIT's profile holds the growth: a run's
            // first interval with more spikes than any before otherwise met an uncommon trap
            closeBuffers();
            packed = new long[64];
            unpacked = new long[64];
            for (int r = 0; r < size; r++) parts[r] = new SpikeBuffer();
            local = new SpikeBuffer();
            global = new SpikeBuffer();
        }
        exchanges = bytesSent = bytesReceived = exchangeNanos = 0;
    }

    public Traffic traffic() {
        return new Traffic(exchanges, bytesSent, bytesReceived, exchangeNanos * 1e-9);
    }

    /** An {@code MPI_Gather} of the lengths, then an {@code MPI_Gatherv} of the bytes to rank 0. */
    @Override
    public byte[][] gather(byte[] mine) {
        MemorySegment cnt = counts.ensure(4L * size), out = send.ensure(Math.max(4, mine.length));
        out.set(JAVA_INT, 0, mine.length);
        MemorySegment lengths = recv.ensure(4L * size);
        mpi.gather(out, 1, Mpi.Type.INT, lengths);
        long total = 0;
        int[] len = new int[size];
        if (rank == 0) {
            for (int r = 0; r < size; r++) {
                len[r] = lengths.getAtIndex(JAVA_INT, r);
                total += len[r];
            }
            if (total > Integer.MAX_VALUE) throw new IllegalStateException("gather: " + total + " bytes exceed MPI's int displacements");
        }
        MemorySegment dis = displs.ensure(4L * size);
        int off = 0;
        for (int r = 0; r < size; r++) {
            cnt.setAtIndex(JAVA_INT, r, len[r]);
            dis.setAtIndex(JAVA_INT, r, off);
            off += len[r];
        }
        MemorySegment.copy(mine, 0, out, JAVA_BYTE, 0, mine.length);
        MemorySegment in = recv.ensure(total);
        mpi.gatherv(out, mine.length, Mpi.Type.BYTE, in, cnt, dis);
        if (rank != 0) return null;
        byte[][] all = new byte[size][];
        for (int r = 0; r < size; r++) {
            all[r] = new byte[len[r]];
            MemorySegment.copy(in, JAVA_BYTE, dis.getAtIndex(JAVA_INT, r), all[r], 0, len[r]);
        }
        return all;
    }

    /**
     * Every rank's values are gathered to every rank ({@code MPI_Allgather}) and combined there
     * in rank order, r0 op r1 op r2 …: the same fold, so the same bits, on every rank and as
     * {@link org.izhsim.network.InProcessRanks}. {@code MPI_Allreduce} would not promise that:
     * its reduction order for floating-point sums depends on the algorithm Open MPI picks for
     * the message size and rank count (and its MIN/MAX treat NaN and -0.0 as C's comparisons do,
     * not as Math.min/max).
     */
    @Override
    public void allreduce(double[] values, Op op) {
        int n = values.length;
        MemorySegment out = send.ensure(8L * n), in = recv.ensure(8L * n * size);
        MemorySegment.copy(values, 0, out, JAVA_DOUBLE, 0, n);
        checkSameLength(n);
        mpi.allgather(out, n, Mpi.Type.DOUBLE, in);
        for (int i = 0; i < n; i++) {
            double acc = in.getAtIndex(JAVA_DOUBLE, i);
            for (int r = 1; r < size; r++) acc = op.apply(acc, in.getAtIndex(JAVA_DOUBLE, (long) r * n + i));
            values[i] = acc;
        }
    }

    /** {@code MPI_Allreduce} on 64-bit integers: exact whatever the order (two's-complement sums, min and max associate). */
    @Override
    public void allreduce(long[] values, Op op) {
        int n = values.length;
        checkSameLength(n);
        MemorySegment out = send.ensure(8L * n), in = recv.ensure(8L * n);
        MemorySegment.copy(values, 0, out, JAVA_LONG, 0, n);
        mpi.allreduce(out, in, n, Mpi.Type.LONG, op);
        MemorySegment.copy(in, JAVA_LONG, 0, values, 0, n);
    }

    /** Unequal lengths would make MPI read past a buffer: agree on the length first (MIN and MAX in one reduction). */
    private void checkSameLength(int n) {
        MemorySegment out = counts.ensure(8), in = displs.ensure(8);
        out.set(JAVA_INT, 0, n);
        out.set(JAVA_INT, 4, -n);
        mpi.allreduce(out, in, 2, Mpi.Type.INT, Op.MAX);
        int max = in.get(JAVA_INT, 0), min = -in.get(JAVA_INT, 4);
        if (min != max) throw new IllegalStateException("allreduce: ranks passed between " + min + " and " + max + " values");
    }

    @Override
    public void barrier() {
        mpi.barrier();
    }

    /**
     * {@code MPI_Abort}: Open MPI's launcher kills every process of the job and exits with
     * {@code exitCode}. The caller printed {@code message}; standard streams are flushed first so
     * that it is not lost with the process.
     */
    @Override
    public void abort(int exitCode, String message) {
        System.out.flush();
        System.err.flush();
        mpi.abort(exitCode);
        throw new RankAbortedException(rank, exitCode, message); // only if MPI_Abort returned
    }

    /** Finalises MPI (collective: every rank calls it) and frees the buffers. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        mpi.finish();
        closeBuffers();
    }

    /** Frees the off-heap buffers; the next call that needs one allocates it again. */
    private void closeBuffers() {
        for (OffHeapBuffer b : new OffHeapBuffer[] {send, recv, counts, displs}) b.close();
    }
}
