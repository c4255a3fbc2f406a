package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.izhsim.equations.Dimension;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;
import org.izhsim.equations.SynapseWords;
import org.junit.jupiter.api.Test;

/**
 * Compiled synapse kernels driven by hand-made event sequences (no engine): pair STDP against
 * closed-form traces and against a plain Java implementation, exact event-driven decay, spnet's
 * sd/w arithmetic (docs/reference/spnet.md §2.3-2.4) against a transcription of spnet.cpp, and
 * the generated source's hygiene.
 */
class SynapseKernelTest {
    static final NeuronVariables POST = NeuronVariables.of(dims("v", Dimension.VOLTAGE, "I", Dimension.NONE, "ge", Dimension.NONE));
    static final int V = 0, I = 1, GE = 2;

    static Map<String, Dimension> dims(Object... kv) {
        Map<String, Dimension> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Dimension) kv[i + 1]);
        return m;
    }

    static String example(String name) throws IOException {
        Path p = Path.of("..", "examples", "synapses", name);
        return Files.readString(Files.exists(p) ? p : Path.of("examples", "synapses", name));
    }

    /** The storage a test gives a kernel: weights and packed synapse words by storage index, neuron arrays. */
    static final class Harness implements SynapseKernel.Weights {
        final float[] w;
        final SynapseWords words;
        final double[][] post;
        final long[] lastSpikePre, lastSpikePost;
        final SynapseKernel kernel;

        Harness(SynapseModel m, int synapses, int nPre, int nPost, double dt) {
            w = new float[synapses];
            words = SynapseWords.of(m, synapses);
            post = new double[m.post().variables().size()][nPost];
            lastSpikePre = new long[nPre];
            lastSpikePost = new long[nPost];
            Arrays.fill(lastSpikePre, EquationKernel.NEVER);
            Arrays.fill(lastSpikePost, EquationKernel.NEVER);
            double[][] pre = new double[m.pre().variables().size()][nPre];
            kernel = new SynapseKernelCompiler().compile(m).create(new SynapseKernel.State(m.weightIndex() >= 0 ? this : null,
                    words, pre, post, lastSpikePre, lastSpikePost, dt));
        }

        /** Synapse variable j of every synapse (a copy). */
        float[] var(int j) {
            return words.column(j);
        }

        @Override
        public float weight(int syn) {
            return w[syn];
        }

        @Override
        public void setWeight(int syn, float x) {
            w[syn] = x;
        }
    }

    private static SynapseModel stdpModel() throws IOException {
        return SynapseModel.parseFile(example("stdp-song2000.syn"), "stdp-song2000.syn", Map.of(), NeuronVariables.none(), POST);
    }

    // the example's constants, folded as the parser folds them
    static final double TAU = 20, GMAX = 0.01, DAPRE = 0.01 * GMAX, DAPOST = -0.01 * TAU / TAU * 1.05 * GMAX;

    @Test
    void examplesCompile() throws IOException {
        SynapseModel spnet = SynapseModel.parseFile(example("spnet.syn"), "spnet.syn", Map.of(), NeuronVariables.none(), POST);
        for (SynapseModel m : List.of(stdpModel(), spnet)) {
            Harness h = new Harness(m, 4, 1, 1, 1.0);
            h.kernel.onPre(0, 0, 0, 1);
            h.kernel.onPost(0, 0, 0, 2);
            for (int b = 0; b < m.periodic().size(); b++) h.kernel.periodic(b, 0, 4, 3);
        }
    }

    @Test
    void pairStdpEqualsClosedFormTraces() throws IOException {
        Harness h = new Harness(stdpModel(), 1, 1, 1, 0.1);
        float w0 = 0.005f;
        h.w[0] = w0;
        h.kernel.onPre(0, 0, 0, 100);     // t = 10 ms
        h.kernel.onPost(0, 0, 0, 150);    // t = 15 ms
        h.kernel.onPost(0, 0, 0, 400);    // t = 40 ms
        h.kernel.onPre(0, 0, 0, 420);     // t = 42 ms
        double dt = 0.1;
        // pre at 10 ms: traces were 0; apre = dApre; w unchanged (apost = 0)
        float apre = (float) (0 + DAPRE);
        float w = (float) Math.min(Math.max(w0 + 0.0, 0), GMAX);
        // post at 15 ms: apre decays over 5 ms, apost = dApost, w += apre
        apre = (float) (apre * StrictMath.exp(-(150 * dt - 100 * dt) / TAU));
        float apost = (float) (0 + DAPOST);
        w = (float) Math.min(Math.max(w + (double) apre, 0), GMAX);
        // post at 40 ms: both decay over 25 ms, apost += dApost, w += apre
        apre = (float) (apre * StrictMath.exp(-(400 * dt - 150 * dt) / TAU));
        apost = (float) (apost * StrictMath.exp(-(400 * dt - 150 * dt) / TAU));
        apost = (float) (apost + DAPOST);
        w = (float) Math.min(Math.max(w + (double) apre, 0), GMAX);
        // pre at 42 ms: decay over 2 ms, ge += w, apre += dApre, w += apost (< 0: depression)
        apre = (float) (apre * StrictMath.exp(-(420 * dt - 400 * dt) / TAU));
        apost = (float) (apost * StrictMath.exp(-(420 * dt - 400 * dt) / TAU));
        double ge = w0 + (double) w;
        apre = (float) (apre + DAPRE);
        w = (float) Math.min(Math.max(w + (double) apost, 0), GMAX);
        assertEquals(Float.floatToRawIntBits(w), Float.floatToRawIntBits(h.w[0]), "w " + w + " vs " + h.w[0]);
        assertEquals(apre, h.var(1)[0], 0f);
        assertEquals(apost, h.var(2)[0], 0f);
        assertEquals(ge, h.post[GE][0], 0.0);
        assertEquals(420, h.words.lastUpdate(0));
        // and the closed forms themselves: apre after 10 -> 15 ms is dApre e^{-5/20}, to float rounding
        assertEquals(DAPRE * Math.exp(-0.25), (float) ((float) DAPRE * StrictMath.exp(-(150 * dt - 100 * dt) / TAU)), 1e-10);
        // all-to-all pairing in closed form: pre 10 ms with posts 15 and 40; posts 15 and 40 with pre 42
        double pairs = w0 + DAPRE * (Math.exp(-5.0 / 20) + Math.exp(-30.0 / 20)) + DAPOST * (Math.exp(-27.0 / 20) + Math.exp(-2.0 / 20));
        assertEquals(pairs, h.w[0], 1e-9);
    }

    /** Brian2's STDP example written out by hand: per synapse two traces and the time of the last event. */
    static final class PlainStdp {
        final float[] w, apre, apost;
        final double[] lastUpdate, ge;
        final double dt;

        PlainStdp(int synapses, int posts, double dt, float[] w0) {
            w = w0.clone();
            apre = new float[synapses];
            apost = new float[synapses];
            lastUpdate = new double[synapses];
            ge = new double[posts];
            this.dt = dt;
        }

        void decay(int s, long step) {
            double elapsed = step * dt - lastUpdate[s];
            apre[s] = (float) (apre[s] * StrictMath.exp(-elapsed / TAU));
            apost[s] = (float) (apost[s] * StrictMath.exp(-elapsed / TAU));
            lastUpdate[s] = (int) step * dt;
        }

        void pre(int s, int post, long step) {
            decay(s, step);
            ge[post] += w[s];
            apre[s] = (float) (apre[s] + DAPRE);
            w[s] = (float) Math.clamp(w[s] + (double) apost[s], 0.0, GMAX);
        }

        void post(int s, long step) {
            decay(s, step);
            apost[s] = (float) (apost[s] + DAPOST);
            w[s] = (float) Math.clamp(w[s] + (double) apre[s], 0.0, GMAX);
        }
    }

    @Test
    void pairStdpEqualsAPlainImplementationOverManyEvents() throws IOException {
        int synapses = 6, posts = 3;
        int[] postOf = {0, 1, 2, 0, 1, 0};
        double dt = 0.1;
        SplittableRandom r = new SplittableRandom(16);
        float[] w0 = new float[synapses];
        for (int s = 0; s < synapses; s++) w0[s] = (float) (r.nextDouble() * GMAX);
        Harness h = new Harness(stdpModel(), synapses, 1, posts, dt);
        System.arraycopy(w0, 0, h.w, 0, synapses);
        PlainStdp plain = new PlainStdp(synapses, posts, dt, w0);
        long step = 0;
        int depressed = 0, potentiated = 0;
        for (int e = 0; e < 4000; e++) {
            step += r.nextInt(0, 300);
            int s = r.nextInt(synapses);
            float before = plain.w[s];
            if (r.nextBoolean()) {
                h.kernel.onPre(s, 0, postOf[s], step);
                plain.pre(s, postOf[s], step);
            } else {
                // a post spike reaches every synapse of that post, in storage order
                for (int q = 0; q < synapses; q++) {
                    if (postOf[q] != postOf[s]) continue;
                    h.kernel.onPost(q, 0, postOf[q], step);
                    plain.post(q, step);
                }
            }
            if (plain.w[s] < before) depressed++;
            if (plain.w[s] > before) potentiated++;
        }
        assertArrayEquals(plain.w, h.w);
        assertArrayEquals(plain.apre, h.var(1));
        assertArrayEquals(plain.apost, h.var(2));
        assertArrayEquals(plain.ge, h.post[GE]);
        assertTrue(depressed > 100 && potentiated > 100, depressed + " depressions, " + potentiated + " potentiations");
    }

    /**
     * Brian2 2.5.1 itself, on fixed spike times (izhsim-bench/scripts/brian2_stdp_events.py
     * wrote the resource): 2 × 2 generator neurons, all-to-all, two steps with a pre and a post
     * spike together. Brian2 computes in double and izhsim stores float, so the weights agree to
     * float rounding, 1e-8 on weights of about 5e-3; running the post pathway first at the
     * coincidences moves them by about dApre + |dApost| = 2e-4, so the test sees the order.
     */
    @Test
    void pairStdpMatchesBrian2OnTheSameSpikes() throws IOException {
        List<long[]> events = new java.util.ArrayList<>();   // step, 0 = pre / 1 = post, neuron
        Map<Integer, Double> brian2 = new java.util.TreeMap<>();
        try (var in = SynapseKernelTest.class.getResourceAsStream("/brian2/stdp_events.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",", -1);
                switch (f[0]) {
                    case "pre", "post" -> events.add(new long[] {Long.parseLong(f[2]), f[0].equals("pre") ? 0 : 1, Long.parseLong(f[1])});
                    case "w" -> brian2.put(2 * Integer.parseInt(f[1]) + Integer.parseInt(f[2]), Double.parseDouble(f[3]));
                    default -> {}
                }
            }
        }
        // Brian2's order in a step: the pre pathway (order -1), then the post pathway (+1)
        events.sort(java.util.Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
        float[] brianOrder = drive(events);
        events.sort(java.util.Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> -e[1]).thenComparingLong(e -> e[2]));
        float[] postFirst = drive(events);
        assertEquals(4, brian2.size());
        double moved = 0;
        for (int k = 0; k < 4; k++) {
            assertEquals(brian2.get(k), brianOrder[k], 1e-8, "synapse " + k);
            moved = Math.max(moved, Math.abs(postFirst[k] - brian2.get(k)));
        }
        assertTrue(moved > 1e-5, "post-first order differs from Brian2 by only " + moved);
    }

    private static float[] drive(List<long[]> events) throws IOException {
        Harness h = new Harness(stdpModel(), 4, 2, 2, 0.1);
        Arrays.fill(h.w, (float) (GMAX / 2));
        for (long[] e : events) {
            int n = (int) e[2];
            for (int other = 0; other < 2; other++) {
                if (e[1] == 0) h.kernel.onPre(2 * n + other, n, other, e[0]);
                else h.kernel.onPost(2 * other + n, other, n, e[0]);
            }
        }
        return h.w;
    }

    @Test
    void eventDrivenDecayIsExact() {
        SynapseModel m = SynapseModel.parse("dx/dt = -x/tau : 1 (event-driven)\ny : 1", "y = x; x = 1", "",
                Map.of("tau", "17*ms"), NeuronVariables.none(), POST);
        for (double dt : new double[] {0.1, 0.025, 1.0}) {
            Harness h = new Harness(m, 1, 1, 1, dt);
            h.kernel.onPre(0, 0, 0, 3);
            long later = 3 + Math.round(123.4 / dt);
            h.kernel.onPre(0, 0, 0, later);
            double elapsed = later * dt - 3 * dt;
            assertEquals((float) StrictMath.exp(-elapsed / 17), h.var(1)[0], 0f, "dt " + dt);
            double exact = Math.exp(-elapsed / 17);
            assertEquals(exact, h.var(1)[0], Math.ulp((float) exact) + 1e-12 * exact, "dt " + dt);
            assertEquals(1f, h.var(0)[0]);
        }
    }

    @Test
    void clockDrivenDecayAndSummedVariables() {
        SynapseModel m = SynapseModel.parse("""
                ds/dt = -s/tau : 1 (clock-driven)
                dc/dt = s/tau : 1 (clock-driven)
                w : 1
                I_post = w*s : 1 (summed)
                """, "s += 1", "", Map.of("tau", "10*ms"), NeuronVariables.none(), POST);
        double dt = 0.5;
        Harness h = new Harness(m, 2, 1, 1, dt);
        h.w[0] = 2f;
        h.w[1] = 3f;
        h.kernel.onPre(0, 0, 0, 0);
        h.kernel.onPre(1, 0, 0, 0);
        h.kernel.onPre(1, 0, 0, 0);
        float s = 1f, c = 0f;
        double factor = StrictMath.exp(-dt / 10);
        for (int k = 0; k < 40; k++) {
            h.kernel.clockStep(0, 0, 0, k);
            float k0 = s;
            c = (float) (c + dt * (k0 / 10.0));
            s = (float) (s * factor);
        }
        assertEquals(s, h.var(0)[0], 0f);
        assertEquals(c, h.var(1)[0], 0f);
        assertEquals(Math.exp(-20.0 / 10), s, 1e-6);
        assertEquals(2.0, h.var(0)[1], 0f, "synapse 1 was not stepped");
        double sum = h.kernel.summand(0, 0, 0, 0, 40) + h.kernel.summand(0, 1, 0, 0, 40);
        assertEquals(2.0 * s + 3.0 * 2.0, sum, 0.0);
        assertThrows(IllegalArgumentException.class, () -> h.kernel.summand(1, 0, 0, 0, 0));
    }

    @Test
    void lastSpikeTimesAndTime() {
        SynapseModel m = SynapseModel.parse("w : 1", "w = exp(-(t - lastspike_post)/(10*ms)) + 0*dt/ms", "", Map.of(),
                NeuronVariables.none(), POST);
        Harness h = new Harness(m, 1, 1, 1, 0.5);
        h.kernel.onPre(0, 0, 0, 100);
        assertEquals(0f, h.w[0], "no post spike yet: lastspike is -inf");
        h.lastSpikePost[0] = 80;
        h.kernel.onPre(0, 0, 0, 100);
        assertEquals((float) StrictMath.exp(-(50.0 - 40.0) / 10), h.w[0]);
    }

    /**
     * spnet.cpp's STDP, transcribed from docs/reference/spnet.md §2.3-2.4 for a small exc → post
     * projection, float as in C++: per ms, post spikes (LTD ← 0.12, sd += LTP of the pre dd + 1
     * ms back), arrivals (sd −= LTD), then the traces decay ×0.95; each second w += 0.01 + sd,
     * sd ×= 0.9, clip to [0, sm].
     */
    @Test
    void spnetRuleReproducesTheCProgramsArithmetic() throws IOException {
        SynapseModel m = SynapseModel.parseFile(example("spnet.syn"), "spnet.syn", Map.of(), NeuronVariables.none(), POST);
        int nPre = 5, nPost = 3, ms = 3000;
        int[] pre = {0, 0, 1, 1, 2, 3, 3, 4, 4, 4, 2, 0};
        int[] post = {0, 1, 0, 2, 1, 0, 2, 0, 1, 2, 2, 2};
        int[] delay = {1, 3, 2, 1, 5, 4, 1, 2, 3, 1, 20, 7};
        int synapses = pre.length;
        SplittableRandom r = new SplittableRandom(2006);
        boolean[][] firesPre = new boolean[ms][nPre], firesPost = new boolean[ms][nPost];
        for (int t = 0; t < ms; t++) {
            for (int j = 0; j < nPre; j++) firesPre[t][j] = r.nextDouble() < 0.03;
            for (int i = 0; i < nPost; i++) firesPost[t][i] = r.nextDouble() < 0.03;
        }
        // the kernel, driven in spnet's order
        Harness h = new Harness(m, synapses, nPre, nPost, 1.0);
        Arrays.fill(h.w, 6f);
        int sdIndex = m.indexOf("sd");
        for (int t = 0; t < ms; t++) {
            for (int b = 0; b < m.periodic().size(); b++) {
                if (t > 0 && t % m.periodSteps(b, 1.0) == 0) h.kernel.periodic(b, 0, synapses, t);
            }
            for (int s = 0; s < synapses; s++) if (firesPost[t][post[s]]) h.kernel.onPost(s, pre[s], post[s], t);
            for (int s = 0; s < synapses; s++) {
                int tf = t - (delay[s] - 1);
                if (tf >= 0 && firesPre[tf][pre[s]]) h.kernel.onPre(s, pre[s], post[s], t);
            }
        }
        for (int b = 0; b < m.periodic().size(); b++) if (ms % m.periodSteps(b, 1.0) == 0) h.kernel.periodic(b, 0, synapses, ms);

        // spnet.cpp, per neuron traces and the LTP history
        float[][] ltp = new float[ms + 1][nPre];
        float[] ltd = new float[nPost], sd = new float[synapses], s = new float[synapses];
        Arrays.fill(s, 6f);
        int potentiations = 0, depressions = 0;
        for (int t = 0; t < ms; t++) {
            for (int j = 0; j < nPre; j++) if (firesPre[t][j]) ltp[t][j] = 0.1f;
            for (int i = 0; i < nPost; i++) {
                if (!firesPost[t][i]) continue;
                ltd[i] = 0.12f;
                for (int k = 0; k < synapses; k++) {
                    int column = t - (delay[k] - 1) - 1;
                    if (post[k] == i && column >= 0) {
                        sd[k] += ltp[column][pre[k]];
                        if (ltp[column][pre[k]] > 0) potentiations++;
                    }
                }
            }
            for (int k = 0; k < synapses; k++) {
                int tf = t - (delay[k] - 1);
                if (tf >= 0 && firesPre[tf][pre[k]]) {
                    sd[k] -= ltd[post[k]];
                    if (ltd[post[k]] > 0) depressions++;
                }
            }
            for (int j = 0; j < nPre; j++) ltp[t + 1][j] = (float) (0.95 * ltp[t][j]);
            for (int i = 0; i < nPost; i++) ltd[i] = (float) (0.95 * ltd[i]);
            if (t % 1000 == 999) {
                for (int k = 0; k < synapses; k++) {
                    s[k] = (float) (s[k] + 0.01 + sd[k]);
                    sd[k] = (float) (0.9 * sd[k]);
                    if (s[k] > 10) s[k] = 10;
                    if (s[k] < 0) s[k] = 0;
                }
            }
        }
        assertTrue(potentiations > 50 && depressions > 50, potentiations + " potentiations, " + depressions + " depressions");
        assertArrayEquals(sd, h.var(sdIndex));
        assertArrayEquals(s, h.w);
        float[] start = new float[synapses];
        Arrays.fill(start, 6f);
        assertFalse(Arrays.equals(start, s), "the weights moved");
    }

    // ---- no user text reaches the generated source unchecked ----

    @Test
    void namesCommentsAndUnitsNeverReachTheSource() throws IOException {
        NeuronVariables odd = NeuronVariables.of(dims("membraneQuirk", Dimension.VOLTAGE, "inputQuirk", Dimension.NONE));
        SynapseModel m = SynapseModel.parse("""
                weightQuirk : 1   # "); System.exit(1); /*
                dtraceQuirk/dt = -traceQuirk/tauQuirk : 1 (event-driven)
                """, "inputQuirk_post += weightQuirk*traceQuirk  # */ Runtime.getRuntime().halt(1);\ntraceQuirk += 1",
                "weightQuirk = clip(weightQuirk + traceQuirk, 0, 1)", Map.of("tauQuirk", "7*ms"), odd, odd);
        String source = SynapseKernelCompiler.source(m);
        for (String text : List.of("Quirk", "System", "Runtime", "exit", "halt", "/*", "#")) {
            assertFalse(source.contains(text), "'" + text + "' reached the source:\n" + source);
        }
        Harness h = new Harness(m, 1, 1, 1, 0.1);
        h.kernel.onPre(0, 0, 0, 5);
        assertEquals(1f, h.var(1)[0]);
        // what would break out of an expression, a unit or a name is refused where it enters
        List<Runnable> attempts = List.of(
                () -> SynapseModel.parse("w : 1", "w = 1); System.exit(1); (1", "", Map.of(), odd, odd),
                () -> SynapseModel.parse("w : 1); System.exit(1", "", "", Map.of(), odd, odd),
                () -> SynapseModel.parse("w : 1", "w = \"text\"", "", Map.of(), odd, odd),
                () -> SynapseModel.parse("w : 1", "w = x", "", Map.of("x", "1; System.exit(1)"), odd, odd),
                () -> SynapseModel.parse("w : 1", "w = exit(1)", "", Map.of(), odd, odd),
                () -> SynapseModel.parse("w : 1", "System.exit(1)", "", Map.of(), odd, odd));
        for (Runnable attempt : attempts) assertThrows(EquationException.class, attempt::run);
        assertThrows(IllegalArgumentException.class, () -> NeuronVariables.of(dims("v[0]=1;", Dimension.NONE)));
    }

    @Test
    void stateMustFitTheModel() throws IOException {
        SynapseModel m = stdpModel();
        SynapseKernel.Factory f = new SynapseKernelCompiler().compile(m);
        double[][] post = new double[3][1];
        long[] last = {EquationKernel.NEVER};
        SynapseWords words = SynapseWords.of(m, 1);
        SynapseModel other = SynapseModel.parse("w : 1\nx : 1", "x += 1", "", Map.of(), NeuronVariables.none(), NeuronVariables.none());
        // no weights for a model with w; words of another model's layout; post arrays that do not match
        assertThrows(IllegalArgumentException.class, () -> f.create(new SynapseKernel.State(null, words,
                new double[0][], post, last, last, 0.1)));
        assertThrows(IllegalArgumentException.class, () -> f.create(new SynapseKernel.State(new Harness(m, 1, 1, 1, 0.1),
                SynapseWords.of(other, 1), new double[0][], post, last, last, 0.1)));
        assertThrows(IllegalArgumentException.class, () -> f.create(new SynapseKernel.State(new Harness(m, 1, 1, 1, 0.1),
                null, new double[0][], post, last, last, 0.1)));
        assertThrows(IllegalArgumentException.class, () -> f.create(new SynapseKernel.State(new Harness(m, 1, 1, 1, 0.1),
                words, new double[0][], new double[2][1], last, last, 0.1)));
    }

    @Test
    void cachedByNormalizedModel() throws IOException {
        SynapseKernelCompiler compiler = new SynapseKernelCompiler();
        compiler.compile(stdpModel());
        compiler.compile(SynapseModel.parseFile(example("stdp-song2000.syn").replace("taupost = taupre", "taupost = 20*msecond"),
                "other.syn", Map.of(), NeuronVariables.none(), POST));
        assertEquals(1, compiler.compilations());
    }
}
