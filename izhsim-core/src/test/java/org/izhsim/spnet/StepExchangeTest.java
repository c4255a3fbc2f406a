package org.izhsim.spnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The workers' spike exchange of spnet, and how the neurons are cut into the workers' blocks. */
class StepExchangeTest {

    @Test
    void everyWorkerReadsEveryOthersSpikesOfEachStep() throws Exception {
        int[] bounds = {0, 3, 7};
        StepExchange x = new StepExchange(bounds);
        int steps = 2000;
        long[][] seen = new long[2][steps];
        Runnable[] workers = new Runnable[2];
        for (int w = 0; w < 2; w++) {
            final int me = w;
            workers[w] = () -> {
                for (long s = 0; s < steps; s++) {
                    int[] out = x.buffer(me, s);
                    int c = (int) ((s + me) % 3);
                    for (int k = 1; k <= c; k++) out[k] = bounds[me] + k - 1;
                    x.publish(me, s, c);
                    x.await(me, s);
                    int[] other = x.buffer(1 - me, s);
                    long sum = other[0];
                    for (int k = 1; k <= other[0]; k++) sum = sum * 31 + other[k];
                    seen[me][(int) s] = sum;
                }
            };
        }
        CompletableFuture<Void> one = CompletableFuture.runAsync(workers[1]);
        workers[0].run();
        one.get(30, TimeUnit.SECONDS);
        for (int w = 0; w < 2; w++) {
            long[] expect = new long[steps];
            for (int s = 0; s < steps; s++) {
                int o = 1 - w, c = (s + o) % 3;
                long sum = c;
                for (int k = 1; k <= c; k++) sum = sum * 31 + bounds[o] + k - 1;
                expect[s] = sum;
            }
            assertArrayEquals(expect, seen[w], "worker " + w + " read another step's spikes");
        }
    }

    @Test
    void aWaiterStopsWhenAnotherWorkerFails() {
        StepExchange x = new StepExchange(new int[] {0, 1, 2});
        x.publish(0, 0, 0);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> x.await(0, 0));
        x.abort();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    }

    @Test
    void theBlocksCoverTheNeuronsAndGiveTheInhibitoryOnesFewerPerWorker() {
        try (SpnetNetwork net = new SpnetNetwork(new SpnetConfig(800, 200, 100, 20, 10f, false, 1).validate(), 2)) {
            int[] b = SpnetWiring.balancedBounds(net, 2);
            assertEquals(0, b[0]);
            assertEquals(1000, b[2]);
            // the second block holds all 200 inhibitory neurons, which fire four to seven times as often
            assertTrue(b[1] > 550 && b[1] < 700, Arrays.toString(b));
            int[] four = SpnetWiring.balancedBounds(net, 4);
            for (int w = 0; w < 4; w++) assertTrue(four[w] <= four[w + 1], Arrays.toString(four));
            assertEquals(1000, four[4]);
        }
    }
}
