/**
 * The Izhikevich equations ({@link org.izhsim.model.IzhikevichModel}), per-neuron parameters
 * ({@link org.izhsim.model.NeuronParams}) and the published presets
 * ({@link org.izhsim.model.Presets}): the 2003 classes and the 20 panels of the 2004 paper,
 * each with its exact protocol. Units: v, c in mV; t in ms; u, d and I in the model's
 * dimensionless current units (mV/ms).
 *
 * <p>The 2007 dimensional model of Izhikevich's book ({@link org.izhsim.model.Izhikevich2007Model},
 * units pF, nS/mV, mV, 1/ms, nS, pA) lives beside it with its own presets
 * ({@link org.izhsim.model.Izhikevich2007Presets}: the book's cells and OSB's figure protocols).
 */
package org.izhsim.model;
