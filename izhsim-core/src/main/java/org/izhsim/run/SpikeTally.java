package org.izhsim.run;

import java.util.List;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeMonitor;

/**
 * What the summary needs of the spikes, gathered as they stream by: the count per group and
 * per 1-ms bin ({@link PopulationSpectrum#bin}, as the spectrum of a kept spike list bins them).
 */
final class SpikeTally implements SpikeMonitor.Sink {
    private final Network net;
    private final TimeGrid grid;
    private final long[] perGroup, perMs;
    private final int[] groupEnds;

    /** For a run of {@code durationMs}, which {@link NetworkRun.Builder#build} has bounded already. */
    SpikeTally(Network net, double durationMs) {
        this.net = net;
        this.grid = new TimeGrid(net.dt());
        List<NeuronGroup> gs = net.groups();
        perGroup = new long[gs.size()];
        groupEnds = new int[gs.size()];
        for (int j = 0; j < gs.size(); j++) groupEnds[j] = net.offset(gs.get(j)) + gs.get(j).size();
        perMs = new long[(int) Math.max(1, Math.min(Integer.MAX_VALUE - 16, Math.round(durationMs)))];
    }

    @Override
    public void accept(int[] steps, int[] neurons, int count) {
        for (int j = 0; j < count; j++) {
            perMs[PopulationSpectrum.bin(grid.timeMs(steps[j]), perMs.length)]++;
            int g = 0;
            while (neurons[j] >= groupEnds[g]) g++;
            perGroup[g]++;
        }
    }

    long count() {
        long n = 0;
        for (long c : perGroup) n += c;
        return n;
    }

    long count(NeuronGroup g) {
        return perGroup[net.groups().indexOf(g)];
    }

    PopulationSpectrum.Spectrum spectrum() {
        return PopulationSpectrum.ofCounts(perMs);
    }
}
