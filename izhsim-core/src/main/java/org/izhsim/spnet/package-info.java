/**
 * Izhikevich's (2006) polychronization network ("spnet") with its STDP rule, exactly as
 * spnet.cpp computes it (docs/reference/spnet.md) and bit-identical to the C reference
 * izhsim-bench/c/spnet.c built with {@code -DREAL=float}:
 *
 * <table>
 *   <caption>files</caption>
 *   <tr><th>file</th><th>what</th></tr>
 *   <tr><td>{@link org.izhsim.spnet.SpnetConfig}</td><td>sizes and constants, their checks</td></tr>
 *   <tr><td>{@link org.izhsim.spnet.SpnetNetwork}</td><td>the shared arrays (synapses, weights, sd) and their sizes, the workers, one model second (the step order with its plasticity steps), the statistics</td></tr>
 *   <tr><td>{@code SpnetWorker}</td><td>one worker: its neurons, its own copies (v, u, I, LTD, the LTP history, the excitatory spikes, dopamine), its part of every step and its block's weight update</td></tr>
 *   <tr><td>{@code SpnetWiring}</td><td>the synapses drawn as spnet.c draws them (streams connect/spnet, delays/spnet), and their split by worker</td></tr>
 *   <tr><td>{@code SpnetStates}</td><td>a network's state out to a {@code SpnetState} and back in, checked (snapshot/resume)</td></tr>
 *   <tr><td>{@code StepExchange}</td><td>how the workers hand each other every step's spikes (publish, potentiate, wait), one flag per worker</td></tr>
 *   <tr><td>{@code SpikeList}</td><td>a list of recent spikes (each worker's excitatory ones; all of them, for the read-out)</td></tr>
 *   <tr><td>{@link org.izhsim.spnet.SpnetState}</td><td>the state between two seconds</td></tr>
 *   <tr><td>{@link org.izhsim.spnet.SpnetCheckpoint}</td><td>checkpoint files: atomic, checksummed, the last K kept</td></tr>
 * </table>
 *
 * <p>Why float: spnet.cpp stores every state in float, izhsim's synapse storage keeps float
 * weights, and the C reference in float is then matched bit for bit (its double build would
 * need double weights). Why not the general engine: the engine sums a post's input in a
 * double ring in ascending spike order and integrates in double, while spnet adds the weights
 * into a float I newest spike first; the order and the rounding decide the spikes after the
 * first weight update.
 */
package org.izhsim.spnet;
