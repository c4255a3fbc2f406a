package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * The netm scheme at dt = 1 ms equals, spike for spike and bit for bit in v and u, a plain
 * transcription of net.m's loop that is fed the same random numbers from the same
 * counter-based streams (r per neuron, S(i,j) stored as float, 5·N(0,1) / 2·N(0,1) per ms).
 */
class NetmReferenceLoopTest {
    static final int NE = 80, NI = 20, N = NE + NI, T = 200;
    static final long SEED = 2003;

    @Test
    void engineEqualsTranscribedNetM() {
        for (int threads : new int[] {1, 2}) {
            Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(NE).ni(NI).seed(SEED)
                    .weightScale(Izhikevich2003Network.WeightScale.N) // unscaled S, as net.m
                    .build();
            long[] engine;
            double[] vEnd, uEnd;
            try (Simulation sim = Simulation.builder(b.network()).threads(threads).minNeuronsPerThread(1).build()) {
                sim.run(T);
                SpikeRecording s = sim.recording(b.spikes());
                engine = new long[s.count()];
                for (int i = 0; i < s.count(); i++) engine[i] = (long) s.step(i) * N + s.neuron(i);
                vEnd = concat(sim.v(b.exc()), sim.v(b.inh()));
                uEnd = concat(sim.u(b.exc()), sim.u(b.inh()));
            }
            Reference ref = transcription();
            assertTrue(ref.spikes.length > 50, "the reference network is active: " + ref.spikes.length + " spikes");
            assertArrayEquals(ref.spikes, engine, "spikes (step·N + neuron), threads " + threads);
            assertArrayEquals(ref.v, vEnd, 0.0, "v at the end");
            assertArrayEquals(ref.u, uEnd, 0.0, "u at the end");
        }
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = new double[x.length + y.length];
        System.arraycopy(x, 0, z, 0, x.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    private record Reference(long[] spikes, double[] v, double[] u) {}

    /** net.m, line by line, in double precision. */
    private static Reference transcription() {
        long rExcKey = CounterRandom.key(Streams.key(SEED, "params/exc"), 0);
        long rInhKey = CounterRandom.key(Streams.key(SEED, "params/inh"), 0);
        double[] re = new double[NE], ri = new double[NI];
        for (int i = 0; i < NE; i++) re[i] = CounterRandom.uniform(rExcKey, i);
        for (int i = 0; i < NI; i++) ri[i] = CounterRandom.uniform(rInhKey, i);
        // a=[0.02*ones(Ne,1); 0.02+0.08*ri]; b=[0.2*ones(Ne,1); 0.25-0.05*ri];
        // c=[-65+15*re.^2; -65*ones(Ni,1)]; d=[8-6*re.^2; 2*ones(Ni,1)];
        double[] a = new double[N], b = new double[N], c = new double[N], d = new double[N];
        for (int i = 0; i < NE; i++) {
            a[i] = 0.02;
            b[i] = 0.2;
            c[i] = -65 + 15 * (re[i] * re[i]);
            d[i] = 8 - 6 * (re[i] * re[i]);
        }
        for (int i = 0; i < NI; i++) {
            a[NE + i] = 0.02 + 0.08 * ri[i];
            b[NE + i] = 0.25 - 0.05 * ri[i];
            c[NE + i] = -65;
            d[NE + i] = 2;
        }
        // S=[0.5*rand(Ne+Ni,Ne), -rand(Ne+Ni,Ni)]; S(i,j): post i, pre j (weights stored as float)
        double[][] S = new double[N][N];
        for (int i = 0; i < N; i++) {
            String post = i < NE ? "exc" : "inh";
            int pi = i < NE ? i : i - NE;
            for (int j = 0; j < N; j++) {
                String pre = j < NE ? "exc" : "inh";
                int pj = j < NE ? j : j - NE;
                long key = CounterRandom.key(Streams.key(SEED, "weights/" + pre + "->" + post), pi);
                double r = CounterRandom.uniform(key, pj);
                S[i][j] = j < NE ? (float) (0.5 * r) : (float) (-r);
            }
        }
        double[] v = new double[N], u = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = -65;
            u[i] = b[i] * v[i];
        }
        long noiseExc = Streams.key(SEED, "noise/noise:exc"), noiseInh = Streams.key(SEED, "noise/noise:inh");
        List<Long> firings = new ArrayList<>();
        double[] I = new double[N];
        for (int t = 0; t < T; t++) {
            // I=[5*randn(Ne,1);2*randn(Ni,1)];
            long ke = CounterRandom.key(noiseExc, t), ki = CounterRandom.key(noiseInh, t);
            for (int i = 0; i < NE; i++) I[i] = 5 * CounterRandom.gaussian(ke, i);
            for (int i = 0; i < NI; i++) I[NE + i] = 2 * CounterRandom.gaussian(ki, i);
            // fired=find(v>=30);
            List<Integer> fired = new ArrayList<>();
            for (int i = 0; i < N; i++) if (v[i] >= 30) fired.add(i);
            for (int f : fired) {
                firings.add((long) t * N + f);
                v[f] = c[f];
                u[f] = u[f] + d[f];
            }
            // I=I+sum(S(:,fired),2);
            for (int i = 0; i < N; i++) {
                double sum = 0;
                for (int f : fired) sum += S[i][f];
                I[i] = I[i] + sum;
            }
            // v=v+0.5*(0.04*v.^2+5*v+140-u+I); (twice)  u=u+a.*(b.*v-u);
            for (int i = 0; i < N; i++) {
                v[i] = v[i] + 0.5 * (0.04 * (v[i] * v[i]) + 5 * v[i] + 140 - u[i] + I[i]);
                v[i] = v[i] + 0.5 * (0.04 * (v[i] * v[i]) + 5 * v[i] + 140 - u[i] + I[i]);
                u[i] = u[i] + a[i] * (b[i] * v[i] - u[i]);
            }
        }
        return new Reference(firings.stream().mapToLong(Long::longValue).toArray(), v, u);
    }
}
