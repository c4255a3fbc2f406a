package org.izhsim.neuron;

import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.Scheme;

/**
 * What a single-neuron run needs, whatever the model: initial state, scheme, step, duration,
 * input, and the kernel that advances the model. {@link NeuronSetup} (the 2003 model) and
 * {@link Neuron2007Setup} (the 2007 model) implement it, so {@link NeuronSimulator} and the
 * reports built on it (accuracy against dt) are written once.
 */
public interface NeuronSpec {
    /** The model's name in reports ("izh2003", "izh2007", …). */
    String modelName();

    /** The equations in one line, for reports. */
    String equations();

    double v0();

    double u0();

    Scheme scheme();

    /** Step [ms]. */
    double dt();

    /** Simulated time [ms]. */
    double duration();

    CurrentSource current();

    /** Number of steps K = duration/dt; the run records K + 1 samples. */
    long steps();

    /** The unit of u and I in this model: "" for the 2003 model (mV/ms), "pA" for the 2007 one. */
    String currentUnit();

    /**
     * The dimension of I, which a {@code --current} with units must have: mV/ms for the 2003
     * model (I enters dv/dt as it is), a current (pA) for the 2007 one.
     */
    org.izhsim.equations.Dimension currentDimension();

    /**
     * How a run is recorded. False (the 2003 harness, figure1.m): step k runs from t_k, its
     * result is sample k and a spike is stamped t_k. True (the 2007 book program): sample 0 is
     * the initial state, step k from t_k fills sample k + 1, a spike is stamped t_(k+1) — the
     * first sample at or past the cut-off — and sample k is padded to the peak; K steps in all.
     */
    boolean samplesFromInitialState();

    /** A fresh kernel over these one-element state arrays. */
    NeuronKernel kernel(double[] v, double[] u);

    NeuronSpec withScheme(Scheme s);

    NeuronSpec withDt(double newDt);

    NeuronSpec withDuration(double newDuration);

    NeuronSpec withCurrent(CurrentSource newCurrent);
}
