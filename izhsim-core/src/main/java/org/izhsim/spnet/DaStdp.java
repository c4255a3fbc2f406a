package org.izhsim.spnet;

import java.util.Arrays;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * Dopamine-modulated STDP (Izhikevich 2007, "Solving the distal reward problem through linkage
 * of STDP and dopamine signaling", Cerebral Cortex 17:2443–2452), as his program for the paper's
 * Fig. 1 ({@code daspnet.m}) computes it (docs/reference/dastdp.md): spnet's STDP accumulates
 * into the eligibility trace c (spnet's sd) instead of the weight; every 10 ms
 * w ← clip(w + (0.002 + DA)·c, 0, sm) and c ← 0.99·c (τc ≈ 1 s); DA ← 0.995·DA per ms
 * (τd ≈ 0.2 s) and DA += 0.5 at a reward; a reward comes 1001–3000 ms (uniform) after each
 * spike of the chosen synapse's post neuron that follows its pre neuron's last spike by 1 to
 * {@code windowMs} ms. The neurons get the paper's noisy thalamic input, I = 13·(U − 0.5) with
 * U uniform on [0, 1), every ms for every neuron, instead of spnet's one driven neuron.
 *
 * <p>This object holds the dopamine level and the reward bookkeeping; {@link SpnetNetwork}
 * calls {@link #step} once per ms, serially at its barrier, after the step's spikes are known,
 * and its workers read {@link #use} for the weight update at the end of that step.
 */
public final class DaStdp {
    /** Initial weights: daspnet.m's +1 and −1 instead of spnet's +6 and −5. */
    public static final float W_EXC = 1f, W_INH = -1f;
    /** The LTD trace set at a post spike: daspnet.m's 1.5 × the LTP trace's 0.1. */
    public static final float LTD_SET = 0.15f;
    /** Amplitude of the uniform input noise, I = NOISE·(U − 0.5). */
    public static final double NOISE = 13;
    /** The weight update period [ms]; c ← C_DECAY·c after each update. */
    public static final int UPDATE_MS = 10;
    public static final double C_DECAY = 0.99, DA_DECAY = 0.995, DA_BASELINE = 0.002, DA_REWARD = 0.5;
    /** A reward comes REWARD_MIN_MS + (uniform 0 … REWARD_SPAN_MS − 1) ms after the coincidence. */
    public static final int REWARD_MIN_MS = 1001, REWARD_SPAN_MS = 2000;
    /** The paper's coincidence window [ms] (daspnet.m uses "less than 20 ms"). */
    public static final int PAPER_WINDOW_MS = 10;

    /** The paper's network: 800 + 200 neurons, 100 synapses each, every delay 1 ms, sm = 4. */
    public static SpnetConfig paperNetwork(long seed) {
        return new SpnetConfig(800, 200, 100, 1, 4f, false, seed);
    }

    /**
     * The state of the reward machinery between two seconds (what a checkpoint holds beside the
     * network): the window, the chosen synapse, the dopamine level, the last pre spike (global
     * ms), the pending reward times (ascending) and the counts so far.
     */
    public record State(int windowMs, int chosen, float level, long lastPre, long[] pending, long coincidences, long rewards) {
    }

    final int windowMs;
    /** The chosen synapse (stored index) and its pre and post neuron. */
    final int chosen, pre, post;
    private final long kReward;
    float level;
    /** DA after this step's decay, before its reward: what this step's weight update uses. */
    float use;
    long lastPre = Long.MIN_VALUE / 2;
    private long[] pending = new long[8];
    private int np;
    long coincidences, rewards;

    DaStdp(SpnetConfig cfg, int windowMs, int chosen, int post) {
        this.windowMs = windowMs;
        this.chosen = chosen;
        this.pre = chosen / cfg.m();
        this.post = post;
        kReward = Streams.key(cfg.seed(), "dastdp/reward");
    }

    /** The chosen synapse: uniform over the ne·m excitatory synapses (stream dastdp/choice). */
    static int choose(SpnetConfig cfg) {
        return CounterRandom.below(CounterRandom.key(Streams.key(cfg.seed(), "dastdp/choice"), 0), 0, (int) cfg.plastic());
    }

    /** The input stream's key (dastdp/input); neuron i's input at step tg is {@link #input}. */
    static long inputKey(SpnetConfig cfg) {
        return Streams.key(cfg.seed(), "dastdp/input");
    }

    static float input(long stepKey, int i) {
        return (float) (NOISE * (CounterRandom.uniform(stepKey, i) - 0.5));
    }

    /**
     * One ms (daspnet.m's order after the integration): DA decays (the value this step's weight
     * update uses), a coincidence of the chosen pair schedules a reward, a reward due now adds
     * to DA.
     */
    void step(long tg, boolean preFired, boolean postFired) {
        level = (float) (level * DA_DECAY);
        use = level;
        if (preFired) lastPre = tg;
        if (postFired && tg > lastPre && tg - lastPre <= windowMs) {
            coincidences++;
            long due = tg + REWARD_MIN_MS + CounterRandom.below(CounterRandom.key(kReward, tg), 0, REWARD_SPAN_MS);
            if (np == pending.length) pending = Arrays.copyOf(pending, 2 * np);
            int k = np++;
            while (k > 0 && pending[k - 1] > due) {
                pending[k] = pending[k - 1];
                k--;
            }
            pending[k] = due;
        }
        if (np > 0 && pending[0] == tg) {
            int k = 0;
            while (k < np && pending[k] == tg) k++;
            System.arraycopy(pending, k, pending, 0, np - k);
            np -= k;
            // daspnet.m adds once per ms however many rewards fall due in it
            level = (float) (level + DA_REWARD);
            rewards++;
        }
    }

    State state() {
        return new State(windowMs, chosen, level, lastPre, Arrays.copyOf(pending, np), coincidences, rewards);
    }

    void restore(State st, long nowMs) {
        if (st.chosen() != chosen) throw new IllegalArgumentException("its chosen synapse " + st.chosen() + " is not the one its seed draws (" + chosen + ")");
        for (int k = 0; k < st.pending().length; k++) {
            if (st.pending()[k] < nowMs || (k > 0 && st.pending()[k] < st.pending()[k - 1])) {
                throw new IllegalArgumentException("its pending rewards are not ascending times after its second");
            }
        }
        level = st.level();
        lastPre = st.lastPre();
        pending = Arrays.copyOf(st.pending(), Math.max(8, st.pending().length));
        np = st.pending().length;
        coincidences = st.coincidences();
        rewards = st.rewards();
    }

    /** The dopamine level now (after the last step's reward). */
    public float level() {
        return level;
    }

    public long coincidences() {
        return coincidences;
    }

    public long rewards() {
        return rewards;
    }

    /** The chosen synapse's stored index (see {@link SpnetNetwork#synapses()}), pre and post neuron. */
    public int chosen() {
        return chosen;
    }

    public int pre() {
        return pre;
    }

    public int post() {
        return post;
    }

    public int windowMs() {
        return windowMs;
    }
}
