package org.izhsim.equations;

import org.izhsim.expr.PythonMath;
import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.SpikeList;

/**
 * The array kernel of one {@link EquationModel} under one scheme: the equation-model
 * {@link NeuronKernel}, with the same calling protocol (per step: {@link #detectAndReset}
 * first under {@code netm}, then {@link #step}). Implementations are generated and compiled at
 * run time (module {@code izhsim-codegen}); the core only defines the shape, so it stays
 * JDK-only.
 *
 * <p>State and parameters are structure-of-arrays: {@code state[j][i]} is state variable j
 * (in {@link EquationModel#states()} order) of neuron i, {@code parameters[j][i]} likewise;
 * {@code lastSpike[i]} is the step of neuron i's last spike, for the refractory period. Each
 * call touches only [from, to), so disjoint ranges may run concurrently.
 */
public abstract class EquationKernel implements NeuronKernel {
    /** "Never spiked": far enough in the past that no refractory period reaches it. */
    public static final long NEVER = Long.MIN_VALUE / 4;

    protected final double[][] state;
    protected final double[][] parameters;
    protected final long[] lastSpike;
    private volatile int nonFiniteNeuron = -1;

    protected EquationKernel(double[][] state, double[][] parameters, long[] lastSpike) {
        this.state = state;
        this.parameters = parameters;
        this.lastSpike = lastSpike;
    }

    /** Makes a kernel over given arrays; what the code generator hands out. */
    @FunctionalInterface
    public interface Factory {
        EquationKernel create(double[][] state, double[][] parameters, long[] lastSpike);
    }

    /** Compiles a model under a scheme into a kernel factory (implemented by izhsim-codegen). */
    @FunctionalInterface
    public interface Compiler {
        /** @throws IllegalArgumentException if the scheme cannot run this model */
        Factory compile(EquationModel model, org.izhsim.integrate.Scheme scheme);
    }

    /** Start-of-step threshold and reset (netm only; a no-op for the other schemes). */
    @Override
    public abstract void detectAndReset(int from, int to, long step, SpikeList spikes);

    /**
     * Advances neurons [from, to) from t = step·dt by dt. {@code iStart}, {@code iMid},
     * {@code iEnd} are the input I at t, t + dt/2 and t + dt (only rk4 reads the last two).
     * Schemes that test after the update append spiking neurons to {@code spikes} and reset them.
     */
    @Override
    public abstract void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd,
                              SpikeList spikes);

    /** The lowest-index neuron seen with a non-finite state, or −1. */
    @Override
    public final int firstNonFinite() {
        return nonFiniteNeuron;
    }

    protected final synchronized void nonFinite(int neuron) {
        if (nonFiniteNeuron < 0 || neuron < nonFiniteNeuron) nonFiniteNeuron = neuron;
    }

    /** Python's {@code %}, for generated code (the expression language's definition). */
    protected static double modulo(double a, double b) {
        return PythonMath.modulo(a, b);
    }

    /** {@code int(x)}, for generated code (the expression language's definition). */
    protected static double truncate(double x) {
        return PythonMath.truncate(x);
    }
}
