/**
 * Polychronous groups in a weight snapshot, found as Izhikevich's {@code polychron.m} and
 * {@code polygroup.m} find them (Izhikevich 2006, <i>Polychronization: computation with
 * spikes</i>, Neural Comput. 18:245–282; the programs distributed with spnet).
 * {@link org.izhsim.analysis.polychronous.PolychronousSearch#find} runs the search,
 * {@link org.izhsim.analysis.polychronous.GroupStatistics} summarises it.
 *
 * <h2>What is computed</h2>
 * The input is a {@link org.izhsim.analysis.polychronous.SynapseSnapshot}: synapses (pre, post,
 * delay ≥ 1 ms, weight w), N neurons of which [0, Ne) are excitatory, and sm, the largest
 * excitatory weight. With the parameters of {@link org.izhsim.analysis.polychronous.SearchParams}
 * (defaults in brackets):
 * <ol>
 *   <li><b>Strong and weak.</b> A synapse is strong if it is exc→exc and w &gt; 0.95·sm. Every
 *       other exc→exc synapse carries no weight in the search (polychron.m zeroes the weak ones;
 *       here "weak" is everything not strong, so exc→exc weights at or below 0 are dropped too).
 *       exc→inh and inhibitory synapses keep their weights.</li>
 *   <li><b>Mothers and anchors.</b> Each excitatory neuron with at least W (3) strong inputs is a
 *       mother; its strong inputs, ordered by presynaptic neuron, then delay, then snapshot
 *       index, are the anchor candidates, and every W-subset of them in lexicographic order
 *       (polychron.m's loop) is tried. Inhibitory neurons are not mothers (polychron.m loops
 *       over 1:Ne).</li>
 *   <li><b>The run.</b> Every neuron starts at v = v0 (−70 mV), u = b·v0. Anchor j with delay
 *       d_j onto the mother is driven with input 1000 at step 1 + d_max − d_j, d_max the largest
 *       delay among the W anchors, so all anchor PSPs reach the mother in step 1 + d_max and the
 *       first anchor fires in step 1 (polygroup.m uses the network's largest delay D instead of
 *       d_max; that only shifts the group in time, but here the T-ms cut is counted from the
 *       first anchor spike). Steps are 1 ms, t = 1 … T (T = 150). Step t, neuron by neuron:
 *       {@code v += 0.5·((0.04v + 5)v + 140 − u + I)} twice (the same I), then
 *       {@code u += a·(b·v − u)}, then if v ≥ 30: a spike at t, v ← c, u ← u + d; I is the sum of
 *       the PSPs arriving in step t plus the anchor input. Excitatory neurons are RS
 *       (a = 0.02, d = 8), inhibitory FS (a = 0.1, d = 2), b = 0.2 and c = −65 for all; double
 *       precision. A spike at t over a synapse of delay d adds w to the target's input of step
 *       t + d (PSPs due after T are dropped). There is no other input. Spikes are handled in
 *       ascending neuron order within a step. This is polygroup.m's order (integrate, then
 *       threshold), which equals spnet's (threshold at the start of the step, input delivered
 *       delay − 1 steps after the spike step) with spike times one step later.</li>
 *   <li><b>Group spikes and links.</b> A spike of an anchor in the step its input was applied is
 *       an anchor spike: layer 0, no incoming links. Any other spike of neuron k at step t
 *       belongs to the group if at least one PSP from a group spike with w &gt; 0 arrived at k in
 *       steps t − 9 … t (the 10-ms window: the step of the spike included, since that step's
 *       input is integrated before the threshold test; polygroup.m's {@code PSP_times < t}
 *       leaves it out), and each such PSP is a link (pre spike → post spike, its synapse and
 *       delay). A PSP is linked to at most one spike: the next spike of its target within the
 *       window (then the target's waiting PSPs are cleared). Unlike polygroup.m, which looks only
 *       at each presynaptic neuron's last spike, every PSP counts, so a neuron that fired twice
 *       may link twice. Spikes without a link are simulated (their PSPs act) but are not part of
 *       the group, and their PSPs are never links.</li>
 *   <li><b>Length and acceptance.</b> A spike's layer is 1 + the largest layer among its links'
 *       pre spikes (per spike, not per neuron as polychron.m's {@code fired_path}); the group's
 *       longest path is the largest layer, in links. The group is kept if the longest path is
 *       ≥ 7 and each anchor's spike starts at least 2 links (polychron.m counts links from the
 *       anchor's neuron; here from its anchor spike, so a later spike of that neuron does not
 *       count).</li>
 * </ol>
 * Reported per group: mother, anchors, spikes (time in ms from the first anchor spike, neuron,
 * layer), links, size (distinct neurons), longest path and time span (first to last spike).
 *
 * <h2>Threads and determinism</h2>
 * The combinations are cut into chunks of 64 in the order above; worker threads of a fixed pool
 * take chunks in turn, each with its own simulator, and the groups are merged in chunk order,
 * so the result is the same list for any thread count. There is no randomness in the search;
 * the shuffled control
 * ({@link org.izhsim.analysis.polychronous.SynapseSnapshot#withShuffledExcExcWeights}) permutes
 * the exc→exc weights with a counter-based stream of its seed.
 *
 * <h2>Speed</h2>
 * {@link org.izhsim.analysis.polychronous.GroupSimulator} integrates only neurons that can still
 * fire, and stops a run when none can; a test checks that this gives bit for bit the result of
 * integrating all N neurons for all T steps.
 */
package org.izhsim.analysis.polychronous;
