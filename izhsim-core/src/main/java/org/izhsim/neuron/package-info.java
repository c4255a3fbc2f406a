/**
 * Single-neuron runs ({@link org.izhsim.neuron.NeuronSimulator}) with a time-dependent input
 * ({@link org.izhsim.neuron.CurrentSource}), their traces, and F–I curves. These use the same
 * kernel as networks, with arrays of length one.
 */
package org.izhsim.neuron;
