package org.izhsim.neuron;

import org.izhsim.equations.Dimension;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;
import org.izhsim.model.TimeGrid;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Preset;

/**
 * Everything a single-neuron run needs. Validated on construction, so a bad value is refused
 * where it enters with a message naming it.
 *
 * @param model    equations
 * @param params   a, b, c, d
 * @param v0       initial v [mV]
 * @param u0       initial u
 * @param scheme   numerical scheme
 * @param dt       step [ms]
 * @param duration simulated time [ms], a whole number of steps
 * @param current  input current I(t)
 */
public record NeuronSetup(IzhikevichModel model, NeuronParams params, double v0, double u0, Scheme scheme,
                          double dt, double duration, CurrentSource current) implements NeuronSpec {
    public NeuronSetup {
        if (model == null || params == null || scheme == null || current == null) {
            throw new IllegalArgumentException("model, params, scheme and current are required");
        }
        Checks.finite("v0", v0);
        Checks.finite("u0", u0);
        new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    /** The published protocol of a preset under the given scheme and current. */
    public static NeuronSetup of(Preset p, Scheme scheme, CurrentSource current) {
        return new NeuronSetup(p.model(), p.params(), p.v0(), p.u0(), scheme, p.dt(), p.duration(), current);
    }

    @Override
    public NeuronSetup withScheme(Scheme s) {
        return new NeuronSetup(model, params, v0, u0, s, dt, duration, current);
    }

    @Override
    public NeuronSetup withDt(double newDt) {
        return new NeuronSetup(model, params, v0, u0, scheme, newDt, duration, current);
    }

    @Override
    public NeuronSetup withDuration(double newDuration) {
        return new NeuronSetup(model, params, v0, u0, scheme, dt, newDuration, current);
    }

    @Override
    public NeuronSetup withCurrent(CurrentSource newCurrent) {
        return new NeuronSetup(model, params, v0, u0, scheme, dt, duration, newCurrent);
    }

    /** Number of steps K = duration/dt; the run records K + 1 samples. */
    @Override
    public long steps() {
        return new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    @Override
    public String modelName() {
        return model.name();
    }

    @Override
    public String equations() {
        return model.equations();
    }

    /** I enters dv/dt = 0.04v² + 5v + 140 − u + I as it is: mV/ms. */
    public static final Dimension CURRENT_DIMENSION = Dimension.VOLTAGE.over(Dimension.TIME);

    @Override
    public Dimension currentDimension() {
        return CURRENT_DIMENSION;
    }

    /** u and I of the 2003 model are dimensionless (mV/ms). */
    @Override
    public String currentUnit() {
        return "";
    }

    /** figure1.m's recording: step k's result is sample k. */
    @Override
    public boolean samplesFromInitialState() {
        return false;
    }

    @Override
    public NeuronKernel kernel(double[] v, double[] u) {
        return new IzhikevichKernel(model, scheme, v, u, new double[] {params.a()}, new double[] {params.b()},
                new double[] {params.c()}, new double[] {params.d()});
    }
}
