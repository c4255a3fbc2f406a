package org.izhsim.network;

import java.util.Arrays;

/** Counts the spikes of a group (or of all neurons) per bin of {@code binSteps} steps. */
public final class RateMonitor implements Monitor<RateRecording> {
    private final String name;
    private final NeuronGroup group;
    private final int binSteps;

    private RateMonitor(String name, NeuronGroup group, int binSteps) {
        this.name = name;
        this.group = group;
        this.binSteps = binSteps;
    }

    /** Spike counts of one group per bin of {@code binSteps} steps (1 = per step). */
    public static RateMonitor of(NeuronGroup group, int binSteps) {
        if (binSteps < 1) throw new IllegalArgumentException("binSteps must be >= 1");
        return new RateMonitor("rate:" + group.name(), group, binSteps);
    }

    /** Spike counts of all neurons per bin. */
    public static RateMonitor all(int binSteps) {
        if (binSteps < 1) throw new IllegalArgumentException("binSteps must be >= 1");
        return new RateMonitor("rate", null, binSteps);
    }

    public RateMonitor named(String n) {
        return new RateMonitor(n, group, binSteps);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Session<RateRecording> start(MonitorContext ctx) {
        final int lo = group == null ? 0 : ctx.offset(group);
        final int hi = group == null ? Integer.MAX_VALUE : lo + group.size();
        final int size = group == null ? ctx.network().neuronCount() : group.size();
        final double binMs = binSteps * ctx.dt();
        return new Session<>() {
            long[] counts = new long[0];
            long stepsSeen;

            @Override
            public void reserve(long fromStep, long toStep) {
                long bins = (toStep - 1) / binSteps + 1;
                if (bins > counts.length) counts = Arrays.copyOf(counts, GrowableInts.grow(counts.length, (int) bins));
            }

            @Override
            public void observeSpikes(long step, int[] ns, int count) {
                int c = 0;
                for (int j = 0; j < count; j++) if (ns[j] >= lo && ns[j] < hi) c++;
                counts[(int) (step / binSteps)] += c;
                stepsSeen = step + 1;
            }

            @Override
            public RateRecording finish() {
                int bins = (int) ((stepsSeen + binSteps - 1) / binSteps);
                return new RateRecording(name, binMs, size, Arrays.copyOf(counts, bins));
            }
        };
    }
}
