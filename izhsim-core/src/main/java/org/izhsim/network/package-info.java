/**
 * Networks of Izhikevich neurons: a {@link org.izhsim.network.Network} describes (plain data,
 * Arbor's recipe), a {@link org.izhsim.network.Simulation} runs.
 *
 * <h2>Describe</h2>
 * {@link org.izhsim.network.NeuronGroup}s (per-neuron parameters as
 * {@link org.izhsim.network.PerNeuron} constants, arrays or functions of one uniform r per
 * neuron; or spike sources, {@link org.izhsim.network.SpikeSource}: given spike times or
 * Poisson trains), {@link org.izhsim.network.SynapseGroup}s (a {@link org.izhsim.network.Connectivity}
 * rule, {@link org.izhsim.network.Weights}, integer {@link org.izhsim.network.Delays} in steps,
 * dense or CSR {@link org.izhsim.network.Storage}, a target (the pulse current I or a jump
 * of a state variable) and an optional {@link org.izhsim.network.Plasticity}; a synapse
 * model's view of the two groups is {@link org.izhsim.network.SynapseEquations}),
 * {@link org.izhsim.network.Input}s (Gaussian
 * noise, constant and time-dependent currents, Poisson sources) and
 * {@link org.izhsim.network.Monitor}s (spikes, state traces, population rate; spike and state
 * monitors can instead {@code streaming(sink, chunkSteps)} hand their data to a sink chunk by
 * chunk, e.g. a file writer, and keep nothing), plus the scheme, dt, the synaptic pulse length
 * and the seed. {@link org.izhsim.network.Network#withMonitors} adds monitors to a network
 * built elsewhere. {@link org.izhsim.network.Izhikevich2003Network}
 * builds net.m's network and Brian2's sparse variants.
 *
 * <h2>Run</h2>
 * <pre>{@code
 * Izhikevich2003Network.Built net2003 = Izhikevich2003Network.builder()
 *         .ne(800).ni(200).scheme(Scheme.NETM).dt(1).seed(42).build();
 * try (Simulation sim = Simulation.builder(net2003.network()).threads(2).build()) {
 *     sim.setProgressListener((f, spikes) -> System.err.printf("%.0f%%%n", 100 * f));
 *     sim.run(1000);
 *     SpikeRecording s = sim.recording(net2003.spikes());
 *     for (int i = 0; i < s.count(); i++) System.out.println(s.timeMs(i) + " " + s.neuron(i));
 *     System.out.println(sim.timing()); // build_s, run_s, events, events/s, neuron-steps/s
 * }
 * }</pre>
 * The order of one step is documented once, in {@link org.izhsim.network.Phase}; the engine
 * that runs it is {@code org.izhsim.network.engine} (internal; {@code Simulation} is its face).
 *
 * <h2>Random streams</h2>
 * Every random number is {@code CounterRandom} of (seed, stream, counters), with these stream
 * names (so results never depend on threads, ranks or build order, and adding a group does not
 * change the others' numbers):
 * <table>
 *   <caption>streams</caption>
 *   <tr><th>name</th><th>key counter</th><th>value counter</th><th>use</th></tr>
 *   <tr><td>{@code params/<group>}</td><td>0</td><td>neuron</td><td>the neuron's r for {@link org.izhsim.network.PerNeuron#ofUniform}</td></tr>
 *   <tr><td>{@code noise/<input>}</td><td>draw m = k / period</td><td>neuron</td><td>σ·N(0,1)</td></tr>
 *   <tr><td>{@code poisson/<input>}</td><td>step k</td><td>neuron</td><td>uniform for the Poisson count</td></tr>
 *   <tr><td>{@code connect/<synapses>} (or {@code connect/<draw>})</td><td>post</td><td>draw j</td><td>partners</td></tr>
 *   <tr><td>{@code weights/<synapses>}</td><td>post</td><td>pre</td><td>weight r</td></tr>
 *   <tr><td>{@code delays/<synapses>}</td><td>post</td><td>pre</td><td>random delays</td></tr>
 * </table>
 *
 * <h2>Memory</h2>
 * CSR costs 8 bytes per synapse (an int post and a float weight, stored as pairs in one int
 * array; +1–2 bytes for per-synapse delays; at most 2^30 synapses per group), or 6 with narrow
 * posts (static groups, when every static CSR group's posts on the rank span at most 65,536:
 * a 2-byte post − q0 beside the weight, {@code Simulation.Builder.narrowPosts}), dense
 * 4 bytes per pair; the build writes straight into the final arrays (two passes over the post
 * neurons, no temporary copy). {@link org.izhsim.network.Network#estimateBytes(int)} predicts the
 * need, {@link org.izhsim.network.Network#estimateBytes(int, int, int)} one rank's share (the
 * synapses onto its own neurons, every neuron's state), and the simulation refuses, naming the
 * -Xmx to use, what cannot fit. The built storage,
 * its layouts and what plasticity adds per synapse are described in {@code org.izhsim.synapse}.
 */
package org.izhsim.network;
