/**
 * Bundled examples, run by {@code izhsim example NAME}: each is one {@link
 * org.izhsim.examples.Example} class written against the public API only, citing what it
 * reproduces, and registered in {@link org.izhsim.examples.Examples#ALL}. They are meant to be
 * read: {@link org.izhsim.examples.SornsimIzhikevich} is PymoNNto/SORNSim's Izhikevich example
 * in Java, and {@link org.izhsim.examples.HomeostasisExample} shows the extension point, a
 * user's own {@link org.izhsim.behaviour.Behaviour} added to the built-in ones. The plasticity
 * examples are {@link org.izhsim.examples.StdpSong2000Example} (a model file with STDP as synapse
 * equations), {@link org.izhsim.examples.DaStdpPairExample} (Brian2's Izhikevich_2007, a compiled
 * {@code .syn}) and {@link org.izhsim.examples.DaStdpNetworkExample} (the 2007 reward experiment,
 * recorded by {@link org.izhsim.examples.DaStdpTally}, which {@code izhsim dastdp} shares). The
 * model files they run ({@code examples/models}, {@code examples/synapses}) are copied into the jar.
 */
package org.izhsim.examples;
