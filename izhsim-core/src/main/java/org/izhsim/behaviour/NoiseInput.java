package org.izhsim.behaviour;

import java.util.Objects;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * Gaussian input current σ_i·N(0,1), redrawn every period and held in between, written to the
 * group's "I" (it starts the current of the step; {@link SynapticInput} adds to it). The same
 * draws as the simulation's {@link Input.Noise} of the same name: draw m = k / P (P the period
 * in steps), value {@code σ_i·CounterRandom.gaussian(key(Streams.key(seed, "noise/" + name), m), i)}.
 * The held values are the vector "I_noise:&lt;name&gt;".
 */
public final class NoiseInput implements Behaviour {
    private final Input.Noise spec;
    private long streamKey;
    private int periodSteps;
    private double[] sigma, held;

    /** Noise as described by the network's {@link Input.Noise} (name, σ per neuron, period). */
    public NoiseInput(Input.Noise spec) {
        this.spec = Objects.requireNonNull(spec, "noise");
    }

    @Override
    public void init(Group n) {
        periodSteps = Network.steps("noise '" + spec.name() + "' period", spec.periodMs(), n.dt());
        sigma = spec.sigma().resolve("noise '" + spec.name() + "' sigma", n.size(), spec.group().uniforms(n.seed()));
        for (int i = 0; i < sigma.length; i++) {
            if (sigma[i] < 0) throw new IllegalArgumentException("noise '" + spec.name() + "' sigma of neuron " + i + " is " + sigma[i]);
        }
        streamKey = Streams.key(n.seed(), "noise/" + spec.name());
        held = n.vector("I_noise:" + spec.name());
        n.vector("I");
    }

    @Override
    public void step(Group n, int from, int to) {
        long k = n.iteration();
        if (k % periodSteps == 0) {
            CounterRandom.gaussians(CounterRandom.key(streamKey, k / periodSteps), from, to, 0, sigma, held, 0,
                    new int[to - from]);
        }
        System.arraycopy(held, from, n.existing("I"), from, to - from);
    }

    @Override
    public boolean parallel() {
        return true;
    }
}
