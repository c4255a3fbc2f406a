package org.izhsim.spnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DA-STDP ({@link SpnetNetwork#daStdp}): equal to a plain transcription of daspnet.m's
 * millisecond (in float, izhsim's streams) spike for spike and weight for weight; the same for
 * 1, 2 and 4 threads; a run resumed from a checkpoint equals the straight run.
 */
class DaStdpTest {
    /** Small enough for a test; a 1000 ms window so that the chosen pair is rewarded within seconds. */
    static final SpnetConfig SMALL = new SpnetConfig(400, 100, 50, 1, 4f, false, 3);
    static final int WINDOW = 1000, SECONDS = 10;

    record Trace(List<Long> spikes, List<Float> chosen, float[] w, float[] sd, long rewards, float level) {
    }

    static Trace run(SpnetNetwork net, int seconds, List<Long> spikes, List<Float> chosen) {
        for (int k = 0; k < seconds; k++) {
            SpnetNetwork.Second s = net.runSecond(true);
            for (int j = 0; j < s.tMs().length; j++) spikes.add(s.tMs()[j] << 32 | s.neuron()[j]);
            chosen.add(net.weight(net.dopamine().chosen()));
        }
        SpnetNetwork.Synapses syn = net.synapses();
        return new Trace(spikes, chosen, syn.w(), syn.sd(), net.dopamine().rewards(), net.dopamine().level());
    }

    static void assertSame(Trace a, Trace b) {
        assertEquals(a.spikes, b.spikes);
        assertEquals(a.chosen, b.chosen);
        assertArrayEquals(a.w, b.w);
        assertArrayEquals(a.sd, b.sd);
        assertEquals(a.rewards, b.rewards);
        assertEquals(a.level, b.level);
    }

    @Test
    void equalsATranscriptionOfDaspnet() {
        Trace net;
        SpnetNetwork.Synapses wiring;
        int chosen;
        try (SpnetNetwork n = SpnetNetwork.daStdp(SMALL, WINDOW, 1)) {
            chosen = n.dopamine().chosen();
            assertEquals(0f, n.weight(chosen), "the chosen synapse starts at 0");
            wiring = n.synapses();
            net = run(n, SECONDS, new ArrayList<>(), new ArrayList<>());
        }
        assertTrue(net.rewards > 0, "the test must see rewards");
        assertTrue(net.spikes.size() > 2000, "spikes: " + net.spikes.size());
        Reference ref = new Reference(SMALL, wiring, chosen, WINDOW);
        List<Long> spikes = new ArrayList<>();
        for (int t = 0; t < SECONDS * 1000; t++) ref.step(t, spikes);
        // the chosen weight per second is in the final weights' check; the reference keeps none
        assertSame(new Trace(spikes, net.chosen, ref.s, ref.c, ref.rewards, ref.da), net);
    }

    @Test
    void oneTwoFourThreadsGiveIdenticalSpikesAndWeights() {
        Trace one;
        try (SpnetNetwork net = SpnetNetwork.daStdp(SMALL, WINDOW, 1)) {
            one = run(net, SECONDS, new ArrayList<>(), new ArrayList<>());
        }
        for (int threads : new int[] {2, 4}) {
            try (SpnetNetwork net = SpnetNetwork.daStdp(SMALL, WINDOW, threads)) {
                assertEquals(threads, net.threads());
                assertSame(one, run(net, SECONDS, new ArrayList<>(), new ArrayList<>()));
            }
        }
    }

    @Test
    void resumeFromACheckpointEqualsTheStraightRun(@TempDir Path dir) throws Exception {
        Trace straight;
        try (SpnetNetwork net = SpnetNetwork.daStdp(SMALL, WINDOW, 2)) {
            straight = run(net, SECONDS, new ArrayList<>(), new ArrayList<>());
        }
        List<Long> spikes = new ArrayList<>();
        List<Float> chosen = new ArrayList<>();
        Path file;
        try (SpnetNetwork net = SpnetNetwork.daStdp(SMALL, WINDOW, 1)) {
            run(net, 6, spikes, chosen);
            file = SpnetCheckpoint.write(dir, net.snapshot(), 1);
        }
        SpnetState st = SpnetCheckpoint.read(file);
        assertEquals(WINDOW, st.dopamine().windowMs());
        try (SpnetNetwork net = SpnetNetwork.resume(st, 4)) {
            assertFalse(st.dopamine().pending().length == 0, "a reward must be pending at the checkpoint");
            assertSame(straight, run(net, SECONDS - 6, spikes, chosen));
        }
    }

    @Test
    void aStateWithAnotherChosenSynapseOrAWindowBelowOneIsRefused() {
        SpnetState st;
        try (SpnetNetwork net = SpnetNetwork.daStdp(SMALL, WINDOW, 1)) {
            net.runSecond(false);
            st = net.snapshot();
        }
        DaStdp.State d = st.dopamine();
        SpnetState moved = new SpnetState(st.config(), st.second(), st.wiring(), st.v(), st.u(), st.ltd(), st.ltp(), st.w(), st.sd(),
                st.spikeMs(), st.spikeNeuron(), new DaStdp.State(d.windowMs(), d.chosen() + 1, d.level(), d.lastPre(), d.pending(),
                d.coincidences(), d.rewards()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpnetNetwork.resume(moved, 1));
        assertTrue(e.getMessage().contains("chosen synapse"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpnetNetwork.daStdp(SMALL, 0, 1));
        assertTrue(e.getMessage().contains("at least 1 ms"), e.getMessage());
    }

    /**
     * daspnet.m's loop body written out plainly (every delay 1 ms, so a spike is delivered in
     * the step it is fired), in float as SpnetNetwork, with the traces kept as a full history.
     */
    static final class Reference {
        final int n, ne, m, window, chosen, pre, post;
        final int[] to;
        final float[] s, c, v, u, in, ltd;
        final float[][] ltp;
        final long kin, krew;
        final TreeSet<Long> pending = new TreeSet<>();
        float da;
        long lastPre = Long.MIN_VALUE / 2, rewards;

        Reference(SpnetConfig cfg, SpnetNetwork.Synapses w, int chosen, int window) {
            n = cfg.n();
            ne = cfg.ne();
            m = cfg.m();
            this.window = window;
            this.chosen = chosen;
            to = w.post();
            for (int d : w.delayMs()) assertEquals(1, d);
            pre = chosen / m;
            post = to[chosen];
            s = new float[n * m];
            for (int q = 0; q < n * m; q++) s[q] = q < ne * m ? 1f : -1f;
            s[chosen] = 0f;
            c = new float[n * m];
            v = new float[n];
            u = new float[n];
            in = new float[n];
            ltd = new float[n];
            ltp = new float[SECONDS * 1000 + 1][n];
            for (int i = 0; i < n; i++) {
                v[i] = -65;
                u[i] = (float) (0.2 * v[i]);
            }
            kin = Streams.key(cfg.seed(), "dastdp/input");
            krew = Streams.key(cfg.seed(), "dastdp/reward");
        }

        void step(int t, List<Long> spikes) {
            long key = CounterRandom.key(kin, t);
            for (int i = 0; i < n; i++) in[i] = (float) (13 * (CounterRandom.uniform(key, i) - 0.5));
            List<Integer> fired = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (v[i] >= 30) {
                    v[i] = -65;
                    u[i] += i < ne ? 8f : 2f;
                    ltp[t][i] = 0.1f;
                    ltd[i] = 0.15f;
                    for (int q = 0; q < ne * m; q++) if (to[q] == i && t > 0) c[q] += ltp[t - 1][q / m];
                    fired.add(i);
                    spikes.add((long) t << 32 | i);
                }
            }
            for (int k = fired.size() - 1; k >= 0; k--) {
                int j = fired.get(k);
                for (int q = j * m; q < (j + 1) * m; q++) {
                    in[to[q]] += s[q];
                    if (j < ne) c[q] -= ltd[to[q]];
                }
            }
            for (int i = 0; i < n; i++) {
                float a = i < ne ? 0.02f : 0.1f;
                v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
                v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
                u[i] += a * (0.2 * v[i] - u[i]);
                ltp[t + 1][i] = (float) (0.95 * ltp[t][i]);
                ltd[i] = (float) (0.95 * ltd[i]);
            }
            da = (float) (da * 0.995);
            if ((t + 1) % 10 == 0) {
                for (int q = 0; q < ne * m; q++) {
                    s[q] = Math.max(0f, Math.min(4f, (float) (s[q] + (0.002 + da) * c[q])));
                    c[q] = (float) (0.99 * c[q]);
                }
            }
            if (fired.contains(pre)) lastPre = t;
            if (fired.contains(post) && t > lastPre && t - lastPre <= window) {
                pending.add(t + 1001L + CounterRandom.below(CounterRandom.key(krew, t), 0, 2000));
            }
            if (pending.remove((long) t)) {
                da = (float) (da + 0.5);
                rewards++;
            }
        }
    }
}
