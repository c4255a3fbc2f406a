/**
 * The Izhikevich equations ({@link org.izhsim.model.IzhikevichModel}), per-neuron parameters
 * ({@link org.izhsim.model.NeuronParams}) and the published presets
 * ({@link org.izhsim.model.Presets}): the 2003 classes and the 20 panels of the 2004 paper,
 * each with its exact protocol. Units: v, c in mV; t in ms; u, d and I in the model's
 * dimensionless current units (mV/ms).
 */
package org.izhsim.model;
