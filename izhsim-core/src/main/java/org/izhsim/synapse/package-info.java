/**
 * Built synapses: the storage the engine delivers spikes through and plasticity rules work on.
 * The user describes synapses in {@code org.izhsim.network} ({@code SynapseGroup},
 * {@code Connectivity}, {@code Weights}, {@code Delays}, {@code Storage}) and reads them back
 * through {@code SynapseView}; this package holds what a simulation builds from that
 * description, for the post neurons [q0, q1) one rank owns, and is not user API.
 *
 * <h2>What lives where</h2>
 * <table>
 *   <caption>files</caption>
 *   <tr><th>file</th><th>concern</th></tr>
 *   <tr><td>{@link org.izhsim.synapse.SynapseMatrix}</td><td>what the engine calls: delivery, worker split, the build entries</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.Rows}</td><td>CSR storage by storage index: rows, mutable weights, side arrays, the incoming index</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.Csr}</td><td>rows with posts ascending, per-worker cuts, the tuned delivery loops (static groups)</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.DelayRows}</td><td>rows grouped by delay, delivery at spike time and at arrival time (plastic groups)</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.Dense}</td><td>a float matrix for dense static groups</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.IncomingIndex}</td><td>post → incoming synapses (storage index, pre, delay)</td></tr>
 *   <tr><td>{@code CsrBuild}, {@code RandomCsrBuild}</td><td>the builds: ordered rules; the two-pass build of random rules</td></tr>
 *   <tr><td>{@code Partners}, {@code Values}</td><td>partner draws, weights and delays as pure functions of (seed, name, pre, post)</td></tr>
 *   <tr><td>{@link org.izhsim.synapse.Parallel}, {@link org.izhsim.synapse.Layout}</td><td>the workers a build runs on; the row order asked for</td></tr>
 * </table>
 *
 * <h2>Storage index and plasticity</h2>
 * A {@link org.izhsim.synapse.Rows} synapse has one storage index j for its whole life: its
 * post and weight are {@code entries[2j]} and {@code entries[2j+1]}, its per-synapse state is
 * {@code sideArray(name)[j]}, and the incoming index names it by j. A rule changes weights in
 * place ({@code setWeight}, {@code updateWeights} for a periodic pass such as spnet's
 * once-per-second {@code w += 0.01 + sd}); delivery reads the same array, so static groups pay
 * nothing for weights being mutable. Workers own posts, not synapses: every update at a post's
 * spike (potentiation over its incoming synapses) or at a spike's arrival (depression over one
 * (pre, delay) segment, restricted to the worker's posts) touches synapses of the worker's own
 * posts only, so the updates never race and do not depend on the number of workers. The
 * storage index of a synapse is fixed once the matrix is prepared for its workers
 * ({@link org.izhsim.synapse.DelayRows} keeps one block per worker in each row); views and
 * checkpoints list synapses in the canonical order of {@code Rows.storageIndex}, which no
 * number of workers changes.
 *
 * <p>A rule that acts at arrival (spnet depresses when a spike arrives) asks for
 * {@link org.izhsim.synapse.Layout#BY_DELAY}: at step t it walks the recent spikes (t_f, pre) in
 * order of step and pre and takes the segment (pre, worker, delay t − t_f) of each
 * ({@link org.izhsim.synapse.DelayRows#segments}). That adds the same values in the same
 * order as delivery into the delay ring at spike time, so spikes stay bit-identical. Static
 * groups keep {@link org.izhsim.synapse.Layout#BY_POST}, whose loops are untouched.
 *
 * <h2>Memory per synapse</h2>
 * For a row of L synapses (out-degree), K incoming synapses per post, W workers and delays
 * spanning S values (max − min + 1):
 * <table>
 *   <caption>bytes per synapse</caption>
 *   <tr><th>layout</th><th>bytes</th><th>what</th></tr>
 *   <tr><td>{@code Csr}</td><td>8 + δ + 4W/L</td><td>post int + weight float; δ = 0 for a uniform delay, 1 for delays ≤ 255, 2 otherwise; row starts and W − 1 cuts per pre</td></tr>
 *   <tr><td>{@code Csr}, narrow posts</td><td>6 + δ + 4W/L</td><td>post − q0 in 2 bytes + weight float, one 6-byte record; when every static CSR group's posts on the rank span ≤ 65,536</td></tr>
 *   <tr><td>{@code DelayRows}</td><td>8 + (4 + 2WS + 4(W − 1))/L</td><td>post + weight; row starts, a 2-byte count per (pre, worker, delay value) (4 bytes if a row exceeds 65,535 synapses) and the starts of the blocks of workers past the first; no per-synapse delay, no cuts</td></tr>
 *   <tr><td>{@code Dense}</td><td>4 per (pre, post) cell</td><td>weights only; absent pairs weigh 0</td></tr>
 *   <tr><td>side array</td><td>+4 each</td><td>one float per synapse, e.g. spnet's sd</td></tr>
 *   <tr><td>incoming index</td><td>+8 + 4/K</td><td>storage index, pre and delay packed in one int (+12 when pre and delay do not fit 31 bits)</td></tr>
 * </table>
 * A plastic spnet synapse (L = K = 100, S = 20, delays in a byte when static) therefore costs
 * 8 + 0.44 + 0.44(W − 1) + 4 + 8 + 0.04 = 20.5 bytes on one worker, 20.9 on two, against the
 * static 9.04 + 0.04(W − 1) with 4-byte posts (7.04 + 0.04(W − 1) with narrow posts): 11.4
 * bytes more on one worker and 11.8 on two, within issue 15's 12 (weight and sd floats, post
 * int, the incoming entry; the delay is in the segment counts), and 0.4 more per further worker.
 * {@code SynapseMemoryTest} checks this on that shape for one and two workers.
 *
 * <h2>Build</h2>
 * Building never copies the synapse arrays: random rules run twice over the post neurons
 * (pass 1 counts, pass 2 draws the same partners again and writes each synapse into its slot),
 * since the partners of a post are a pure function of (seed, name, post); grouping by delay
 * reorders each row in place. Results are bit-identical for any number of workers and ranks.
 * BENCHMARKS.md §1 has the measured alternatives.
 */
package org.izhsim.synapse;
