/**
 * Single-neuron runs ({@link org.izhsim.neuron.NeuronSimulator}) with a time-dependent input
 * ({@link org.izhsim.neuron.CurrentSource}), their traces, and F–I curves. These use the same
 * kernel as networks, with arrays of length one. {@link org.izhsim.neuron.NeuronSpec} is what
 * any model's run needs ({@link org.izhsim.neuron.NeuronSetup} for 2003,
 * {@link org.izhsim.neuron.Neuron2007Setup} for 2007), and
 * {@link org.izhsim.neuron.SpikeTimeAccuracy} compares schemes against a fine RK4 reference.
 */
package org.izhsim.neuron;
