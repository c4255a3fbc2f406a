package org.izhsim.network.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.random.Streams;

/**
 * The live state of a network's inputs (noise, constant, time-dependent, Poisson), attached to
 * their groups; by name, for the parameter changes that retarget them between steps.
 */
final class InputState {
    /** The inputs by name: a {@link Noise}, {@link Constant}, {@link Poisson} or the {@link Input.TimeCurrent} itself. */
    final Map<String, Object> byName = new HashMap<>();

    /** Attaches every input of {@code net} to its group's state. */
    InputState(Network net, Map<NeuronGroup, GroupState> byGroup, long seed, double dt) {
        for (Input in : net.inputs()) {
            GroupState g = byGroup.get(in.group());
            switch (in) {
                case Input.Noise n -> {
                    Noise ni = new Noise(n, g, (int) net.grid().positiveSteps(n.periodMs(), "noise '" + n.name() + "' period"), seed);
                    setSigma(ni, resolveNonNegative(n.sigma(), g, "noise '" + n.name() + "' sigma", seed));
                    g.noises = append(g.noises, ni);
                    byName.put(n.name(), ni);
                }
                case Input.Constant c -> {
                    Constant ci = new Constant(g);
                    if (c.amplitude().isConstant()) setConst(ci, c.amplitude().constantValue());
                    else setConst(ci, c.amplitude().resolve("constant '" + c.name() + "'", g.n,
                            c.amplitude().needsUniform() ? g.r(seed) : null));
                    g.constants = append(g.constants, ci);
                    byName.put(c.name(), ci);
                }
                case Input.TimeCurrent tc -> {
                    g.currents = append(g.currents, tc.f());
                    byName.put(tc.name(), tc);
                }
                case Input.Poisson p -> {
                    Poisson pi = new Poisson(p, seed, dt);
                    g.poissons = append(g.poissons, pi);
                    byName.put(p.name(), pi);
                }
            }
        }
    }

    /** A noise input: σ per neuron (or one σ for all), redrawn every {@link #period} steps. */
    static final class Noise {
        final Input.Noise spec;
        final GroupState g;
        final int period;
        final long streamKey;
        /** The draw held between redraws (period > 1), else null. */
        final double[] held;
        double sigma;
        double[] sigmaArr;

        Noise(Input.Noise spec, GroupState g, int period, long seed) {
            this.spec = spec;
            this.g = g;
            this.period = period;
            this.streamKey = Streams.key(seed, "noise/" + spec.name());
            this.held = period > 1 ? new double[g.n] : null;
        }
    }

    /** A constant input: one amplitude for all neurons or one per neuron. */
    static final class Constant {
        final GroupState g;
        double scalar;
        double[] array;

        Constant(GroupState g) {
            this.g = g;
        }
    }

    private static final double MAX_POISSON_MEAN = 500;

    /** Events per neuron and step of {@code spec} at {@code rateHz}; refuses more than {@link #MAX_POISSON_MEAN}. */
    static double meanEvents(Input.Poisson spec, double rateHz, double dt) {
        double mu = spec.sources() * rateHz * dt * 1e-3;
        if (mu > MAX_POISSON_MEAN) {
            throw new IllegalArgumentException("Poisson input '" + spec.name() + "': " + mu + " events per neuron and step; "
                    + "at most " + MAX_POISSON_MEAN + " are supported (use fewer sources, a lower rate or a smaller dt)");
        }
        return mu;
    }

    /** A Poisson input: the event count per neuron and step is drawn through the CDF of its rate. */
    static final class Poisson {
        final Input.Poisson spec;
        final long streamKey;
        final float weight;
        double rateHz;
        double[] cdf;

        Poisson(Input.Poisson spec, long seed, double dt) {
            this.spec = spec;
            this.streamKey = Streams.key(seed, "poisson/" + spec.name());
            this.weight = (float) spec.weight();
            setRate(spec.rateHz(), dt);
        }

        void setRate(double rateHz, double dt) {
            double mu = meanEvents(spec, rateHz, dt);
            double p = Math.exp(-mu), acc = p;
            double[] c = new double[16];
            int n = 0;
            c[n++] = acc;
            for (int k = 1; acc < 1 - 1e-15 && k < 100_000; k++) {
                p = p * mu / k;
                acc += p;
                if (n == c.length) c = Arrays.copyOf(c, n * 2);
                c[n++] = acc;
            }
            this.rateHz = rateHz;
            cdf = Arrays.copyOf(c, n);
        }

        int count(double u) {
            double[] c = cdf;
            int k = 0;
            while (k < c.length && u >= c[k]) k++;
            return k;
        }
    }

    static double[] resolveNonNegative(PerNeuron p, GroupState g, String what, long seed) {
        if (p.isConstant()) {
            double s = p.constantValue();
            if (s < 0) throw new IllegalArgumentException(what + " must be >= 0, got " + s);
            return new double[] {s};
        }
        double[] x = p.resolve(what, g.n, p.needsUniform() ? g.r(seed) : null);
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) throw new IllegalArgumentException(what + " of neuron " + i + " must be >= 0, got " + x[i]);
        }
        return x;
    }

    static void setSigma(Noise ni, double[] s) {
        if (s.length == 1 && ni.g.n != 1) {
            ni.sigma = s[0];
            ni.sigmaArr = null;
        } else {
            ni.sigmaArr = s;
        }
    }

    static void setConst(Constant ci, double scalar) {
        ci.scalar = scalar;
        ci.array = null;
    }

    static void setConst(Constant ci, double[] array) {
        ci.array = array;
        ci.scalar = 0;
    }

    @SuppressWarnings("unchecked")
    static <T> T[] append(T[] a, T x) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
