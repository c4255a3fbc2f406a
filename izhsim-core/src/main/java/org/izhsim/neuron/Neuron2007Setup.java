package org.izhsim.neuron;

import org.izhsim.equations.Dimension;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;
import org.izhsim.model.TimeGrid;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;

/**
 * A single-neuron run of the 2007 dimensional model, validated on construction.
 *
 * @param model    the cell
 * @param v0       initial v [mV] (the book: vr)
 * @param u0       initial u [pA] (the book: 0)
 * @param scheme   {@link Scheme#EULER} (the book's) or {@link Scheme#RK4}
 * @param dt       step [ms]
 * @param duration simulated time [ms], a whole number of steps
 * @param current  input current I(t) [pA]
 */
public record Neuron2007Setup(Izhikevich2007Model model, double v0, double u0, Scheme scheme, double dt,
                              double duration, CurrentSource current) implements NeuronSpec {
    public Neuron2007Setup {
        if (model == null || scheme == null || current == null) {
            throw new IllegalArgumentException("model, scheme and current are required");
        }
        Izhikevich2007Kernel.requireSupported(scheme);
        Checks.finite("v0", v0);
        Checks.finite("u0", u0);
        new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    /**
     * A preset's protocol at this step amplitude [pA], scheme euler: the hold current for
     * t &lt; holdMs (burst modes), the amplitude from then on, as the preset's
     * {@link Preset2007#currentFor} expression says.
     */
    public static Neuron2007Setup of(Preset2007 p, double amplitudePa) {
        double hold = p.holdCurrent(), holdMs = p.holdMs();
        CurrentSource current = holdMs == 0 ? CurrentSource.constant(amplitudePa) : t -> t < holdMs ? hold : amplitudePa;
        return new Neuron2007Setup(p.model(), p.v0(), 0, Scheme.EULER, p.dt(), p.duration(), current);
    }

    @Override
    public String modelName() {
        return "izh2007";
    }

    @Override
    public String equations() {
        return model.equations();
    }

    /** I is a current in pA: C·dv/dt = … + I. */
    public static final Dimension CURRENT_DIMENSION = Dimension.CURRENT;

    @Override
    public Dimension currentDimension() {
        return CURRENT_DIMENSION;
    }

    @Override
    public String currentUnit() {
        return "pA";
    }

    @Override
    public long steps() {
        return new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    /** The book program's recording: sample 0 is (v0, u0), spikes stamped t_(k+1). */
    @Override
    public boolean samplesFromInitialState() {
        return true;
    }

    @Override
    public NeuronKernel kernel(double[] v, double[] u) {
        return new Izhikevich2007Kernel(model, scheme, v, u);
    }

    @Override
    public Neuron2007Setup withScheme(Scheme s) {
        return new Neuron2007Setup(model, v0, u0, s, dt, duration, current);
    }

    @Override
    public Neuron2007Setup withDt(double newDt) {
        return new Neuron2007Setup(model, v0, u0, scheme, newDt, duration, current);
    }

    @Override
    public Neuron2007Setup withDuration(double newDuration) {
        return new Neuron2007Setup(model, v0, u0, scheme, dt, newDuration, current);
    }

    @Override
    public Neuron2007Setup withCurrent(CurrentSource newCurrent) {
        return new Neuron2007Setup(model, v0, u0, scheme, dt, duration, newCurrent);
    }
}
