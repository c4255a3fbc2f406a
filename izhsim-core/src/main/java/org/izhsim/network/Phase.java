package org.izhsim.network;

/**
 * The order of one step — written here once, as Brian2 numbers its run loop. Step k covers
 * [t_k, t_k + dt) with t_k = k·dt (an integer step count times dt, never a running sum). P is the
 * pulse length in steps (round(pulse/dt), 1 ms by default), A[j] the arrivals for step j (a ring
 * buffer of per-post-neuron sums in double), L the spike latency: L = 0 for {@code netm}, L = 1
 * for {@code euler}, {@code rk4} and {@code figure1}.
 *
 * <ol start="0">
 *   <li>{@link #INPUTS} — each noise input whose period (a whole number P_n of steps) divides k
 *       redraws σ_i·N(0,1) for every neuron: draw m = k / P_n, value
 *       {@code σ_i·gaussian(key(stream, m), i)}, held until the next redraw (a pure function of
 *       (seed, input, m, i), so where in the step it is computed does not matter).</li>
 *   <li>{@link #CUTOFF} — netm only: every neuron with v ≥ 30 (v left by step k−1) is reset
 *       (v ← c, u ← u + d, as {@code IzhikevichKernel.detectAndReset}); these are the spikes of
 *       step k, stamped t_k.</li>
 *   <li>{@link #PROPAGATE_SAME_STEP} — netm only: the spikes of step k are exchanged between
 *       ranks if the min-delay interval ends, and a synapse of delay d adds w to A[k + d]
 *       (d = 0 acts in this step, as net.m's {@code I = I + sum(S(:,fired),2)}). With plastic
 *       groups, each worker first (before the barrier) lets their rules see its own spikes of
 *       step k: a periodic pass if k is a positive multiple of the rule's period, then the
 *       per-neuron traces of step k (set or incremented at a spike, decayed otherwise).</li>
 *   <li>{@link #PLASTICITY_SAME_STEP} — netm, plastic groups only, each worker for its own
 *       posts, group by group: the arrivals of step k (for each delay d ascending, the spikes of
 *       step k − d in ascending order add the weights of their delay-d synapses, as they are
 *       now, to A[k], and the rule acts on those synapses: Brian2's {@code on_pre}) and the
 *       post spikes of step k (the rule acts on each spiking post's incoming synapses: Brian2's
 *       {@code on_post}); arrivals first (Brian2's order) unless the rule puts post spikes first
 *       (spnet's order). A synapse-equation rule advances its clock-driven variables before
 *       both and sets its {@code (summed)} post variables after both.</li>
 *   <li>{@link #DELIVER} — Poisson inputs add count·w to A[k] (after all synaptic arrivals of
 *       step k); then I_syn ← (I_syn − A[k − P]) + A[k] (for P = 1 simply A[k], bit for bit as
 *       net.m), A[k − P] ← 0 (A[k] for P = 1), and I ← (I_noise + I_ext) + I_syn, where I_ext
 *       sums the constant inputs and f(t_k) of the time-dependent ones (RK4 also evaluates f at
 *       t_k + dt/2 and t_k + dt). A spike therefore adds a pulse of height w to steps
 *       k+L+d … k+L+d+P−1. A synapse group whose target is a state variable x instead of I
       (delta synapses, conductance jumps; {@code SynapseGroup.Builder.target}) fills a ring J of
       its own in the same slots and order, and x ← x + J[k], J[k] ← 0 comes first here: the jump
       precedes the integration of step k. Brian2 runs {@code on_pre: v_post += w} in step k−1
       after that step's threshold and before its reset: the two agree except for a post neuron
       that fired in step k−1, whose jump Brian2's reset overwrites; an equation-model group
       whose reset sets the variable without reading it drops that jump here as well, a
       built-in group keeps it (v = c + w) ({@code Jumps}).</li>
 *   <li>{@link #INTEGRATE} — the scheme's update of every neuron ({@code IzhikevichKernel.step},
 *       or its bit-identical fast form); for euler, rk4 and figure1 the cut-off test (v ≥ 30;
 *       figure1: v &gt; 30) and reset follow the update, and the neurons that crossed are the
 *       spikes of step k, stamped t_k. A non-finite v or u stops the run with a
 *       {@code NumericalBlowUpException} naming group, neuron, step and time.</li>
 *   <li>{@link #PROPAGATE_NEXT_STEP} — euler, rk4, figure1: the spikes of step k are exchanged if
 *       the interval ends, and a synapse of delay d adds w to A[k + 1 + d] (Brian2's
 *       {@code on_pre: I_post += w} after the update of step k, and {@code I_post -= w} P steps
 *       later, as in Brian2's Izhikevich example). With plastic groups, as in
 *       {@link #PROPAGATE_SAME_STEP}, the rules first see the worker's own spikes of step k.</li>
 *   <li>{@link #PLASTICITY_NEXT_STEP} — euler, rk4, figure1: as {@link #PLASTICITY_SAME_STEP},
 *       the arrivals of step k landing in A[k + 1] (the step they act in, as the static
 *       groups' A[k + 1 + d]).</li>
 *   <li>{@link #RECORD} — monitors see the spikes of step k (ascending neuron order) and, every
 *       n steps, v and u after the update and reset of step k and the I used in step k.</li>
 *   <li>{@link #CHANGES} — parameter changes queued for step k + 1 are committed (they were
 *       copied and validated when queued) and logged.</li>
 * </ol>
 *
 * <p>Threads: each worker owns a contiguous block of neurons; phases 0–4 run per worker in
 * cache-sized blocks of neurons; one barrier per step separates the spikes of step k (merged in
 * ascending neuron order by the last worker to arrive, which also records them and talks to the
 * communicator) from their propagation, in which each worker adds, for each spike in ascending
 * source order, the part of the source's row that targets its own block. So every post neuron
 * sums its arrivals in the same order (ascending global source index; synapse groups from one pre
 * group in declaration order; then Poisson) whatever the number of threads or ranks, and random
 * numbers depend on (seed, stream, neuron, step) only: spikes are bit-identical for any thread
 * and rank count.
 *
 * <p>Plasticity (docs/plasticity.md; the rules' seam: {@code org.izhsim.network.engine.PlasticRule}):
 * a plastic synapse group is not propagated at spike time; its spikes are kept for (largest
 * delay + 1) steps and delivered when they arrive, with the weight the synapse has then. Every
 * per-synapse update is done by the worker that owns the synapse's post, so plastic networks
 * are bit-identical for any number of threads and ranks too (a rank learns the other ranks'
 * spikes at each exchange, in time for their arrivals). Izhikevich's own STDP
 * network also runs, exactly as spnet.cpp, in {@code org.izhsim.spnet}.
 */
public enum Phase {
    INPUTS(10), CUTOFF(20), PROPAGATE_SAME_STEP(25), PLASTICITY_SAME_STEP(27), DELIVER(30), INTEGRATE(40),
    PROPAGATE_NEXT_STEP(50), PLASTICITY_NEXT_STEP(55), RECORD(90), CHANGES(100);

    private final int order;

    Phase(int order) {
        this.order = order;
    }

    /**
     * Where the phase stands among a group's behaviours ({@code NeuronGroup.Builder.behaviour}):
     * a behaviour of order o runs after every phase of order ≤ o and before the others.
     */
    public int order() {
        return order;
    }
}
