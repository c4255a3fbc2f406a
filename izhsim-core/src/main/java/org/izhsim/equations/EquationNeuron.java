package org.izhsim.equations;

import java.util.Arrays;

import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.TimeGrid;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;

/**
 * One neuron of an equation model, run and recorded exactly as {@link NeuronSimulator} runs a
 * built-in one: samples k = 0 … duration/dt, the current evaluated at t_k = k·dt (and at
 * t_k + dt/2, t_k + dt for rk4), a spike stamped t_k, and the same protocol of kernel calls.
 * The trace's v and u are the state variables named {@code v} and {@code u} (else the first
 * and second). A spike's sample is drawn at the cut-off as for a built-in model
 * ({@link NeuronSimulator#drawnV}) where the threshold is {@code v > E} or {@code v >= E} with E
 * fixed over the run ({@link EquationModel#cutoff}); a cut-off that moves with the state leaves
 * the sample as integrated, after the reset (as Brian2 records it).
 *
 * @param model      the checked model
 * @param initial    initial value of each state variable, in {@link EquationModel#states()} order
 * @param parameters value of each parameter, in {@link EquationModel#parameters()} order
 * @param scheme     numerical scheme
 * @param dt         step [ms]
 * @param duration   simulated time [ms], a whole number of steps
 * @param current    drives the input {@code I} (ignored if the model has none)
 */
public record EquationNeuron(EquationModel model, double[] initial, double[] parameters, Scheme scheme, double dt,
                             double duration, CurrentSource current) {
    public EquationNeuron {
        if (initial.length != model.states().size() || parameters.length != model.parameters().size()) {
            throw new IllegalArgumentException("expected " + model.states().size() + " initial values and "
                    + model.parameters().size() + " parameters");
        }
        initial = initial.clone();
        parameters = parameters.clone();
        new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    /** Index of the state shown as v: the variable named v, else the first. */
    public int vIndex() {
        int i = model.indexOf("v");
        return i >= 0 && i < model.states().size() ? i : 0;
    }

    /** Index of the state shown as u: the variable named u, else the second, else −1. */
    public int uIndex() {
        int i = model.indexOf("u");
        if (i >= 0 && i < model.states().size()) return i;
        return model.states().size() > 1 ? (vIndex() == 0 ? 1 : 0) : -1;
    }

    /** Runs with kernels from the given compiler. */
    public NeuronTrace run(EquationKernel.Compiler compiler) {
        int samples = NeuronSimulator.samples(new TimeGrid(dt).positiveSteps(duration, "duration"));
        double[][] state = new double[initial.length][];
        for (int j = 0; j < state.length; j++) state[j] = new double[] {initial[j]};
        double[][] params = new double[parameters.length][];
        for (int j = 0; j < params.length; j++) params[j] = new double[] {parameters[j]};
        long[] last = {EquationKernel.NEVER};
        EquationKernel kernel = compiler.compile(model, scheme).create(state, params, last);
        int vi = vIndex(), ui = uIndex();
        double peak = model.cutoff(vi, parameters);
        double[] iStart = new double[1], iMid = new double[1], iEnd = new double[1];
        double[] tt = new double[samples], vv = new double[samples], uu = new double[samples], ii = new double[samples];
        SpikeList spikes = new SpikeList();
        double[] spikeTimes = new double[16];
        int spikeCount = 0;
        for (int k = 0; k < samples; k++) {
            double t = k * dt;
            current.stage(k, dt, scheme.usesStageCurrents(), iStart, iMid, iEnd);
            spikes.clear();
            if (scheme.cutoffBeforeUpdate()) kernel.detectAndReset(0, 1, k, spikes);
            kernel.step(0, 1, k, dt, iStart, iMid, iEnd, spikes);
            if (kernel.firstNonFinite() >= 0) throw new NumericalBlowUpException("single", k, t, 0);
            if (spikes.size() > 0) {
                if (spikeCount == spikeTimes.length) spikeTimes = Arrays.copyOf(spikeTimes, spikeCount * 2);
                spikeTimes[spikeCount++] = t;
            }
            tt[k] = t;
            vv[k] = NeuronSimulator.drawnV(state[vi][0], spikes.size() > 0, peak, scheme);
            uu[k] = ui >= 0 ? state[ui][0] : 0;
            ii[k] = iStart[0];
        }
        return new NeuronTrace(scheme, dt, duration, tt, vv, uu, ii, Arrays.copyOf(spikeTimes, spikeCount));
    }
}
