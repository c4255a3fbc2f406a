package org.izhsim.equations;

import java.util.Arrays;

/**
 * The per-synapse state of a {@link SynapseKernel}, packed synapse after synapse in one int
 * array: for synapse {@code syn}, words {@code [syn·stride, (syn + 1)·stride)} hold its last
 * event's step (if the model has event-driven variables) and then each synapse variable other
 * than {@code w} as its float's raw bits, in {@link SynapseModel#variables()} order. An event
 * then reads one cache line for all of a synapse's state, not one per variable: what made the
 * equations path slower than the built-in STDP rule (BENCHMARKS.md §8). The layout follows from
 * the model alone, so generated code uses its offsets as constants ({@link #offset}).
 */
public final class SynapseWords {
    private final int stride, weight, synapses;
    private final boolean lastUpdate;
    private final int[] offsets;
    private final int[] words;

    private SynapseWords(SynapseModel model, int synapses) {
        this.lastUpdate = model.hasEventDriven();
        this.weight = model.weightIndex();
        this.offsets = new int[model.variables().size()];
        for (int j = 0; j < offsets.length; j++) offsets[j] = j == weight ? -1 : offset(model, j);
        this.stride = stride(model);
        if ((long) stride * synapses > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(model.source() + ": " + synapses + " synapses × " + stride + " words of state exceed"
                    + " the 2^31 entries of a Java array; split the synapse group");
        }
        this.synapses = synapses;
        this.words = new int[stride * synapses];
    }

    /** Zeroed state (variables 0, last update at step 0) of {@code synapses} synapses of {@code model}. */
    public static SynapseWords of(SynapseModel model, int synapses) {
        return new SynapseWords(model, synapses);
    }

    /** Words per synapse of {@code model}'s layout. */
    public static int stride(SynapseModel model) {
        int n = model.variables().size() - (model.weightIndex() >= 0 ? 1 : 0);
        return n + (model.hasEventDriven() ? 1 : 0);
    }

    /** The word of variable {@code j} (not w) within a synapse's words, in {@code model}'s layout. */
    public static int offset(SynapseModel model, int j) {
        if (j == model.weightIndex()) throw new IllegalArgumentException("w lives in the synapse storage, not in its words");
        int k = model.hasEventDriven() ? 1 : 0;
        for (int i = 0; i < j; i++) if (i != model.weightIndex()) k++;
        return k;
    }

    /** Whether this state fits {@code model}'s layout. */
    boolean fits(SynapseModel model) {
        return stride == stride(model) && lastUpdate == model.hasEventDriven() && weight == model.weightIndex()
                && offsets.length == model.variables().size();
    }

    public int stride() {
        return stride;
    }

    public int synapses() {
        return synapses;
    }

    /** The packed words themselves, for generated code and gathers. */
    public int[] words() {
        return words;
    }

    public float get(int variable, int syn) {
        return Float.intBitsToFloat(words[syn * stride + at(variable)]);
    }

    public void set(int variable, int syn, float x) {
        words[syn * stride + at(variable)] = Float.floatToRawIntBits(x);
    }

    /** Sets variable {@code variable} of every synapse to {@code x}. */
    public void fill(int variable, float x) {
        int o = at(variable), bits = Float.floatToRawIntBits(x);
        for (int s = 0; s < synapses; s++) words[s * stride + o] = bits;
    }

    /** Variable {@code variable} of every synapse, as a new array. */
    public float[] column(int variable) {
        float[] x = new float[synapses];
        for (int s = 0; s < synapses; s++) x[s] = get(variable, s);
        return x;
    }

    /** Whether the synapses record their last event's step (event-driven models). */
    public boolean hasLastUpdate() {
        return lastUpdate;
    }

    /** The step of synapse {@code syn}'s last event (event-driven models). */
    public int lastUpdate(int syn) {
        if (!lastUpdate) throw new IllegalStateException("the model has no event-driven variable, hence no last update");
        return words[syn * stride];
    }

    public void setLastUpdate(int syn, int step) {
        if (!lastUpdate) throw new IllegalStateException("the model has no event-driven variable, hence no last update");
        words[syn * stride] = step;
    }

    private int at(int variable) {
        int o = offsets[variable];
        if (o < 0) throw new IllegalArgumentException("w lives in the synapse storage, not in its words");
        return o;
    }

    @Override
    public String toString() {
        return "SynapseWords(" + synapses + " × " + stride + ", offsets " + Arrays.toString(offsets) + ")";
    }
}
