package org.izhsim.network;

/**
 * The order of one step — written here once, as Brian2 numbers its run loop. Step k covers
 * [t_k, t_k + dt) with t_k = k·dt (an integer step count times dt, never a running sum). P is the
 * pulse length in steps (round(pulse/dt), 1 ms by default), A[j] the arrivals for step j (a ring
 * buffer of per-post-neuron sums, depth maxDelay + P + 2), L the spike latency: L = 0 for
 * {@code netm}, L = 1 for {@code euler}, {@code rk4}, {@code figure1}.
 *
 * <ol start="0">
 *   <li>{@link #INPUTS} — each noise input whose period (a whole number P_n of steps) divides k
 *       redraws σ_i·N(0,1) for every neuron (draw m = k / P_n, held until the next redraw);
 *       each Poisson input adds count·w to A[k] (count ~ Poisson(sources·rate·dt)).</li>
 *   <li>{@link #CUTOFF} — netm only: every neuron with v ≥ 30 (v left by step k−1) is reset
 *       (v ← c, u ← u + d, {@code IzhikevichKernel.detectAndReset}); these are the spikes of
 *       step k, stamped t_k.</li>
 *   <li>{@link #PROPAGATE_SAME_STEP} — netm only: the spikes of step k are exchanged between
 *       ranks if the min-delay interval ends, and a synapse of delay d adds w to A[k + d]
 *       (d = 0 acts in this step, as net.m's {@code I = I + sum(S(:,fired),2)}).</li>
 *   <li>{@link #DELIVER} — I_syn ← (I_syn − A[k − P]) + A[k]; A[k − P] ← 0;
 *       I ← (I_noise + I_ext) + I_syn, where I_ext sums the constant inputs and f(t_k) of the
 *       time-dependent ones. A spike therefore adds a pulse of height w to steps
 *       k+L+d … k+L+d+P−1 (for P = 1, I_syn equals A[k] exactly, bit for bit like net.m).</li>
 *   <li>{@link #INTEGRATE} — {@code IzhikevichKernel.step} over every neuron; for euler, rk4 and
 *       figure1 the cut-off test (v ≥ 30; figure1: v &gt; 30) and reset follow the update in the
 *       kernel, and the neurons that crossed are the spikes of step k, stamped t_k.</li>
 *   <li>{@link #PROPAGATE_NEXT_STEP} — euler, rk4, figure1: the spikes of step k are exchanged if
 *       the interval ends, and a synapse of delay d adds w to A[k + 1 + d] (Brian2's
 *       {@code on_pre} after the update of step k; with {@code I_post -= w} P steps later, as
 *       in Brian2's Izhikevich example).</li>
 *   <li>{@link #RECORD} — monitors see the spikes of step k (ascending neuron order) and, every
 *       n steps, v, u (after the update and reset of step k) and the I used in step k.</li>
 *   <li>{@link #CHANGES} — queued parameter changes for step k + 1 are copied, validated and
 *       committed, and logged.</li>
 * </ol>
 *
 * <p>Spikes propagate in ascending source order and every post neuron's arrivals are summed in
 * that order (synapse groups from the same pre group in declaration order), whatever the number
 * of threads or ranks: each worker owns a contiguous block of neurons, integrates them and
 * receives the part of each presynaptic row that targets its block. Random numbers depend on
 * (seed, stream, neuron, step) only. Hence spikes are bit-identical for any thread and rank
 * count.
 */
public enum Phase {
    INPUTS, CUTOFF, PROPAGATE_SAME_STEP, DELIVER, INTEGRATE, PROPAGATE_NEXT_STEP, RECORD, CHANGES
}
