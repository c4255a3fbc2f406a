/**
 * Behaviours, in the style of SORNSim and PymoNNto: a {@link org.izhsim.behaviour.Group} of N
 * neurons is a bag of named vectors ({@code double[]} by name: "v", "u", "I", "fired", …) plus
 * scalars, and everything that happens to it each iteration is a
 * {@link org.izhsim.behaviour.Behaviour} registered under an integer index. A
 * {@link org.izhsim.behaviour.BehaviourNetwork} runs, every iteration, the behaviours of all
 * groups in ascending index (groups in the order they were added for equal indices), so
 * "1: dynamics, 2: input, 9: recorder" reads as the order of one step.
 *
 * <p>Where this sits beside {@link org.izhsim.network.Simulation}: the simulation is the fast,
 * fixed-phase engine for described networks; this engine is the open one, where users write
 * their own update rules in Java. Both share the numerics ({@link
 * org.izhsim.integrate.IzhikevichKernel} inside {@link org.izhsim.behaviour.IzhikevichDynamics}),
 * the synapse storage ({@link org.izhsim.network.SynapseView#build}) and the counter-based random
 * streams, so the built-in behaviours reproduce the simulation's 2003 network spike for spike
 * (tested under all four schemes, dense and sparse, 1–3 threads).
 *
 * <h2>Built-in behaviours</h2>
 * {@link org.izhsim.behaviour.IzhikevichDynamics} (and its {@link
 * org.izhsim.behaviour.IzhikevichDynamics#threshold() start-of-step cut-off} for {@code netm}),
 * {@link org.izhsim.behaviour.NoiseInput}, {@link org.izhsim.behaviour.SynapticInput} (afferent
 * synapse groups by tag), {@link org.izhsim.behaviour.Recorder} (named vectors, yields an
 * immutable {@link org.izhsim.behaviour.VectorRecording}) and {@link
 * org.izhsim.behaviour.SpikeRecorder}.
 *
 * <h2>Threads</h2>
 * A behaviour that declares itself {@link org.izhsim.behaviour.Behaviour#parallel() parallel}
 * is called on contiguous index ranges by worker threads; the others once over [0, N). Indices
 * are a barrier: index k+1 starts when every range of index k is done. Random numbers are keyed
 * by (seed, stream, iteration, neuron) ({@link org.izhsim.behaviour.Group#uniform}), never by
 * thread, so a behaviour that only writes its own range gives bit-identical results for any
 * thread count.
 */
package org.izhsim.behaviour;
