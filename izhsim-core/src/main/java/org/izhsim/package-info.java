/**
 * izhsim core: Izhikevich neuron models, integration schemes, single-neuron and network
 * simulation. Depends on the JDK only; the CLI, plots, I/O and UI are clients of this API.
 *
 * <p>Sub-packages: {@code model} (equations, parameters, presets), {@code integrate} (named
 * schemes and their array kernels), {@code expr} (the current-expression language),
 * {@code neuron} (single-neuron runs, F-I curves), {@code network} (groups, synapses,
 * simulation), {@code analysis} (spectra and statistics), {@code spnet} (Izhikevich's 2006
 * polychronization network with its STDP, bit-identical to spnet.cpp in float).
 */
package org.izhsim;
