package org.izhsim.behaviour;

import org.izhsim.network.SpikeRecording;

/**
 * Records the spikes of its group, (iteration, neuron) for every neuron whose "fired" is set
 * when this behaviour runs, as a {@link SpikeRecording} (the type the simulation's monitors
 * yield, so raster plots and exports serve both engines).
 */
public final class SpikeRecorder implements Behaviour {
    private int[] steps = new int[64], neurons = new int[64];
    private int count;
    private String group;
    private double dt;

    @Override
    public void init(Group n) {
        group = n.tag();
        dt = n.dt();
        n.vector("fired");
    }

    @Override
    public void step(Group n, int from, int to) {
        double[] fired = n.existing("fired");
        int k = Math.toIntExact(n.iteration());
        for (int i = from; i < to; i++) {
            if (fired[i] == 0) continue;
            if (count == steps.length) {
                steps = java.util.Arrays.copyOf(steps, 2 * count);
                neurons = java.util.Arrays.copyOf(neurons, 2 * count);
            }
            steps[count] = k;
            neurons[count++] = i;
        }
    }

    /** The spikes so far, sorted by (iteration, neuron); neuron indices are the group's. */
    public SpikeRecording recording() {
        return SpikeRecording.of(group, dt, java.util.Arrays.copyOf(steps, count), java.util.Arrays.copyOf(neurons, count));
    }
}
