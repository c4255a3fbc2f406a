/**
 * The engine behind {@link org.izhsim.network.Simulation} (internal: not part of the public
 * API; other modules use {@code Simulation}). One file per job:
 *
 * <table>
 *   <caption>files</caption>
 *   <tr><th>file</th><th>what it holds</th></tr>
 *   <tr><td>{@link org.izhsim.network.engine.Engine}</td><td>the build (in its constructor) and the run: what {@code Simulation} delegates to</td></tr>
 *   <tr><td>{@link org.izhsim.network.engine.EngineOptions}</td><td>the tuning knobs (minNeuronsPerThread, vectorize, simd, profile); none changes a result</td></tr>
 *   <tr><td>{@code GroupState}</td><td>one group's state as named vectors (the model's variables and parameters, I, I_syn), its ring buffer and kernel</td></tr>
 *   <tr><td>{@code InputState}</td><td>noise, constant, time-dependent and Poisson inputs, attached to their groups</td></tr>
 *   <tr><td>{@code ChangeQueue}</td><td>parameter changes: validated when queued, committed between steps, logged</td></tr>
 *   <tr><td>{@code Partition}</td><td>which neurons each worker owns</td></tr>
 *   <tr><td>{@code Wiring}</td><td>the synapse build (joint partner draws) and each pre group's outgoing matrices</td></tr>
 *   <tr><td>{@code SourceKernels}</td><td>the kernels of spike-source groups (given times, Poisson trains): they fire where a neuron's spikes are taken</td></tr>
 *   <tr><td>{@code Jumps}</td><td>the arrival rings of synapses that jump a state variable (v, ge …) instead of pulsing I, emptied at the deliver</td></tr>
 *   <tr><td>{@code EquationGroups}</td><td>the compiled kernel of an equation-model group over the group's vectors</td></tr>
 *   <tr><td>{@code StepLoop}</td><td>the step loop: the stages of a worker's step in {@link org.izhsim.network.Phase} order, the barrier and its serial part</td></tr>
 *   <tr><td>{@code GroupUpdate}</td><td>cut-off, update (inputs, deliver, integrate) and the state monitors' view, per worker and group</td></tr>
 *   <tr><td>{@code Propagation}</td><td>merge at the barrier, exchange between ranks, propagation into the ring buffers</td></tr>
 *   <tr><td>{@code Learning}</td><td>the plastic synapse groups: recent spikes (every rank's, with several), arrival-time delivery, the calls of their rules, their state in snapshots</td></tr>
 *   <tr><td>{@code SpikeSegments}</td><td>a worker's segment bounds of each recent spike, read once per spike for all its arrivals</td></tr>
 *   <tr><td>{@code PlasticRule}, {@code PlasticSite}, {@code PlasticRules}</td><td>the seam of a learning rule (its contract), what a rule gets, the one registration place</td></tr>
 *   <tr><td>{@code StdpRule}, {@code SpnetRule}, {@code TraceHistory}</td><td>the built-in rules (pair STDP; spnet's) and their per-neuron traces with history</td></tr>
 *   <tr><td>{@code EquationRule}</td><td>a compiled Brian2-style synapse model ({@code Plasticity.Equations}) on the same seam</td></tr>
 *   <tr><td>{@link org.izhsim.network.engine.EngineState}, {@code Checkpoint}</td><td>the state between two steps as named arrays, captured and put back (behind {@code Simulation.snapshot()} and {@code resumeFrom})</td></tr>
 *   <tr><td>{@code Behaviours}</td><td>the groups' behaviours: their views ({@code org.izhsim.behaviour.Group}), inits and one stage per order</td></tr>
 *   <tr><td>{@code Worker}</td><td>per-worker buffers and counters</td></tr>
 *   <tr><td>{@code Profiling}</td><td>the decorator that times stages ({@code Simulation.Builder.profile})</td></tr>
 *   <tr><td>{@code JitWarmUp}</td><td>the warm-up and the list of every JIT-driven decision in the engine</td></tr>
 *   <tr><td>{@code LoneRank}</td><td>the communicator a rank's warm-up runs on: this rank's view of the job, without the other ranks</td></tr>
 *   <tr><td>{@code EngineContext}</td><td>the view monitors get ({@link org.izhsim.network.MonitorContext})</td></tr>
 *   <tr><td>{@code StandardKernels}, {@code VectorKernels}</td><td>the standard 2003 model's fast loops (auto-vectorised; Vector API)</td></tr>
 *   <tr><td>{@link org.izhsim.network.engine.WorkerPool}</td><td>the worker threads and their cheap barrier</td></tr>
 * </table>
 *
 * <h2>One step</h2>
 * A worker's step k is the array of stages {@code StepLoop.plan} builds by walking
 * {@link org.izhsim.network.Phase#values()} in order:
 * <pre>
 *   netm:               CUTOFF → [rules: own spikes] → barrier (merge, record spikes, exchange)
 *                       → PROPAGATE_SAME_STEP → [PLASTICITY_SAME_STEP]
 *                       → INTEGRATE (with INPUTS and DELIVER, block by block) → RECORD (state)
 *   euler, rk4, figure1: INTEGRATE (with INPUTS, DELIVER, cut-off and reset) → [rules: own spikes]
 *                       → barrier → PROPAGATE_NEXT_STEP → [PLASTICITY_NEXT_STEP] → RECORD (state)
 * </pre>
 * (the bracketed stages only with plastic synapse groups), then, between chunks of steps on the driving thread, CHANGES. With behaviours, the behaviours
 * of each order run between the phases at their {@link org.izhsim.network.Phase#order()} (each
 * order ends at a barrier), and the deliver and the update become two stages. A group's update runs its
 * model's {@link org.izhsim.integrate.NeuronKernel} one block of neurons at a time, or the
 * standard 2003 model's fast loops.
 */
package org.izhsim.network.engine;
