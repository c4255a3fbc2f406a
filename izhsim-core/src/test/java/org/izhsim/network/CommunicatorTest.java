package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The collectives of {@link Communicator}: the local one and N in-process ranks agree. */
class CommunicatorTest {
    /** Runs {@code body} on every rank of an in-process world; results indexed by rank. */
    private static <T> List<T> onRanks(int n, Function<Communicator, T> body) throws Exception {
        InProcessRanks world = new InProcessRanks(n);
        ExecutorService ex = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                Communicator c = world.communicator(r);
                fs.add(ex.submit(() -> body.apply(c)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) out.add(f.get(30, TimeUnit.SECONDS));
            return out;
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void gatherCollectsEveryRanksBytesOnRankZero() throws Exception {
        for (int n : new int[] {1, 2, 4}) {
            List<byte[][]> got = onRanks(n, c -> c.gather(new byte[] {(byte) c.rank(), (byte) (10 + c.rank())}));
            assertEquals(n, got.get(0).length);
            for (int r = 0; r < n; r++) assertArrayEquals(new byte[] {(byte) r, (byte) (10 + r)}, got.get(0)[r]);
            for (int r = 1; r < n; r++) assertNull(got.get(r), "only rank 0 receives");
        }
        assertArrayEquals(new byte[] {7}, Communicator.local().gather(new byte[] {7})[0]);
    }

    @Test
    void allreduceGivesEveryRankTheSameResult() throws Exception {
        for (int n : new int[] {1, 2, 4}) {
            List<double[]> sums = onRanks(n, c -> {
                double[] v = {c.rank() + 0.1, -c.rank(), 1e-17 * c.rank()};
                c.allreduce(v, Communicator.Op.SUM);
                return v;
            });
            double s0 = 0, s1 = 0, s2 = 0;
            for (int r = 0; r < n; r++) {
                s0 += r + 0.1;
                s1 += -r;
                s2 += 1e-17 * r;
            }
            for (double[] v : sums) assertArrayEquals(new double[] {s0, s1, s2}, v, 0.0, "rank order, same bits");
            List<long[]> max = onRanks(n, c -> {
                long[] v = {c.rank(), -c.rank()};
                c.allreduce(v, Communicator.Op.MAX);
                return v;
            });
            for (long[] v : max) assertArrayEquals(new long[] {n - 1, 0}, v);
        }
    }

    @Test
    void abortStopsEveryRankWithTheAbortingRanksMessage() throws Exception {
        InProcessRanks world = new InProcessRanks(3);
        ExecutorService ex = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Communicator c = world.communicator(r);
                fs.add(ex.submit(() -> {
                    if (c.rank() == 2) c.abort(3, "neuron 7 blew up");
                    c.barrier(); // ranks 0 and 1 wait here: must be woken, not hang
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
                Communicator.RankAbortedException a = (Communicator.RankAbortedException) e.getCause();
                assertEquals(2, a.abortingRank());
                assertEquals(3, a.exitCode());
                assertTrue(a.getMessage().contains("neuron 7 blew up"), a.getMessage());
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void theLocalCommunicatorIsOneRank() {
        Communicator c = Communicator.local();
        double[] v = {1, 2};
        c.allreduce(v, Communicator.Op.SUM);
        assertArrayEquals(new double[] {1, 2}, v);
        c.barrier();
        assertEquals(0, c.ownedFrom(10));
        assertEquals(10, c.ownedTo(10));
        assertThrows(Communicator.RankAbortedException.class, () -> c.abort(2, "x"));
    }
}
