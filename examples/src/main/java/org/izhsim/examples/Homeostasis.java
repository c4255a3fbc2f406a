package org.izhsim.examples;

import org.izhsim.behaviour.Behaviour;
import org.izhsim.behaviour.Group;

// README:begin
/** Each neuron's bias current drifts until its firing rate sits at a target. */
public final class Homeostasis implements Behaviour {
    private final double targetHz, tauMs, eta;

    public Homeostasis(double targetHz, double tauMs, double eta) {
        this.targetHz = targetHz;   // [Hz]
        this.tauMs = tauMs;         // time constant of the rate estimate [ms]
        this.eta = eta;             // bias change per step per Hz of error
    }

    @Override
    public void init(Group n) {
        n.vector("rate_hz", targetHz);   // running rate estimate, starts at the target
        n.vector("bias");                // homeostatic current, added to I every step
    }

    @Override
    public void step(Group n, int from, int to) {
        double[] fired = n.existing("fired"), rate = n.existing("rate_hz");
        double[] bias = n.existing("bias"), I = n.existing("I");
        double decay = Math.exp(-n.dt() / tauMs);
        for (int i = from; i < to; i++) {
            rate[i] = decay * rate[i] + (1 - decay) * fired[i] * 1000 / n.dt();
            bias[i] += eta * (targetHz - rate[i]);
            I[i] += bias[i];
        }
    }

    @Override
    public boolean parallel() {
        return true;   // it touches only neurons [from, to)
    }
}
// README:end
