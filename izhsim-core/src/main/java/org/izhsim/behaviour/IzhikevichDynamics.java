package org.izhsim.behaviour;

import java.util.Objects;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.network.NeuronGroup;

/**
 * Izhikevich dynamics as a behaviour: the {@link IzhikevichKernel} of izhsim under a chosen
 * {@link Scheme}, so the numerics live in one place. Parameters and initial state come from a
 * {@link NeuronGroup} description resolved under the network's seed (the values a {@link
 * org.izhsim.network.Simulation} starts from); they become the group's vectors "a", "b", "c",
 * "d", "v" [mV], "u", with "I" the input current it integrates and "fired" (1 for a neuron that
 * spiked, else 0).
 *
 * <p>Where the spikes of iteration k come from follows the scheme (see {@link Scheme}):
 * <ul>
 *   <li>{@code netm} tests v ≥ 30 at the start of the step. Register {@link #threshold()} at an
 *       index before the input behaviours and this behaviour after them, so the spikes of step k
 *       act in step k, as net.m's loop does;</li>
 *   <li>{@code euler}, {@code rk4}, {@code figure1} test after the update, inside this
 *       behaviour; inputs that run before it in the next iteration see these spikes (one step of
 *       latency, as the simulation's {@code PROPAGATE_NEXT_STEP}). {@link #threshold()} does
 *       nothing for them. RK4 holds I over the step.</li>
 * </ul>
 * A non-finite v or u stops the run with a {@link NumericalBlowUpException} naming the group,
 * neuron, step and time.
 */
public final class IzhikevichDynamics implements Behaviour {
    private final NeuronGroup description;
    private final Scheme scheme;
    private IzhikevichKernel kernel;

    /**
     * @param description the model, per-neuron a, b, c, d and v0, u0; its name keys the
     *                    parameter stream ("params/&lt;name&gt;"), its size must be the group's
     * @param scheme      the numerical scheme
     */
    public IzhikevichDynamics(NeuronGroup description, Scheme scheme) {
        this.description = Objects.requireNonNull(description, "description");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    public Scheme scheme() {
        return scheme;
    }

    @Override
    public void init(Group n) {
        if (n.size() != description.size()) {
            throw new IllegalArgumentException("group '" + n.tag() + "' has " + n.size() + " neurons but its dynamics '"
                    + description.name() + "' describe " + description.size());
        }
        NeuronGroup.Resolved p = description.resolve(n.seed());
        kernel = new IzhikevichKernel(description.model(), scheme, n.setVector("v", p.v()), n.setVector("u", p.u()),
                n.setVector("a", p.a()), n.setVector("b", p.b()), n.setVector("c", p.c()), n.setVector("d", p.d()));
        n.vector("I");
        n.vector("fired");
    }

    @Override
    public void step(Group n, int from, int to) {
        double[] current = n.existing("I");
        SpikeList spikes = new SpikeList();
        kernel.step(from, to, n.dt(), current, current, current, spikes);
        checkFinite(n);
        if (!scheme.cutoffBeforeUpdate()) mark(n.existing("fired"), from, to, spikes);
    }

    /**
     * The start-of-step cut-off of {@code netm} (v ≥ 30 → v ← c, u ← u + d, "fired" set) as a
     * behaviour of its own, to run before the inputs; a no-op for the other schemes.
     */
    public Behaviour threshold() {
        return new Behaviour() {
            @Override
            public void step(Group n, int from, int to) {
                if (!scheme.cutoffBeforeUpdate()) return;
                SpikeList spikes = new SpikeList();
                kernel.detectAndReset(from, to, spikes);
                mark(n.existing("fired"), from, to, spikes);
            }

            @Override
            public boolean parallel() {
                return true;
            }
        };
    }

    private static void mark(double[] fired, int from, int to, SpikeList spikes) {
        java.util.Arrays.fill(fired, from, to, 0.0);
        for (int s = 0; s < spikes.size(); s++) fired[spikes.get(s)] = 1.0;
    }

    private void checkFinite(Group n) {
        int bad = kernel.firstNonFinite();
        if (bad >= 0) throw new NumericalBlowUpException("group '" + n.tag() + "'", n.iteration(), n.timeMs(), bad);
    }

    @Override
    public boolean parallel() {
        return true;
    }
}
