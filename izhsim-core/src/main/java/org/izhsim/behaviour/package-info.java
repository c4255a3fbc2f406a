/**
 * Behaviours, in the style of SORNSim and PymoNNto, run inside the simulation's one engine.
 * A {@link org.izhsim.behaviour.Behaviour} is added to a neuron group with
 * {@code NeuronGroup.Builder.behaviour(order, behaviour)}; the order places it among the step's
 * phases ({@link org.izhsim.network.Phase#order()}: inputs 10, netm cut-off 20, deliver into I 30,
 * update 40, propagation 25 / 50, record 90), so "35: a rule on the input current" runs after
 * the deliver and before the update. It sees its group through a
 * {@link org.izhsim.behaviour.Group}: the group's own state as named vectors (v, u, I, fired, the
 * model's parameters, and those behaviours create in init), scalars, the afferent and efferent
 * {@link org.izhsim.behaviour.Synapses} by tag, the iteration (step) and counter-based random
 * streams. A group built with {@code behaviourDynamics()} has no built-in model: its behaviours
 * are its dynamics (SORNSim's example) and read their synapses with
 * {@link org.izhsim.behaviour.Synapses#addFired}.
 *
 * <p>{@link org.izhsim.behaviour.Recorder} records named vectors each iteration (an immutable
 * {@link org.izhsim.behaviour.VectorRecording}), {@link org.izhsim.behaviour.SpikeRecorder} the
 * neurons whose fired is set; the simulation's monitors serve behaviour networks as well.
 *
 * <h2>Threads</h2>
 * Behaviours of one order run, for every group that has one, after those of lower orders are
 * done everywhere (a barrier between orders). A {@link org.izhsim.behaviour.Behaviour#parallel()
 * parallel} behaviour is called by each worker on its own contiguous neurons of the group; a
 * serial one once over the rank's neurons, at the barrier. Random numbers are keyed by (seed,
 * stream, iteration, neuron) ({@link org.izhsim.behaviour.Group#uniform}), never by thread, so a
 * behaviour that only writes its own range gives bit-identical results for any thread count.
 */
package org.izhsim.behaviour;
