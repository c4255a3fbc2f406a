/**
 * Bundled examples, run by {@code izhsim example NAME}: each is one {@link
 * org.izhsim.examples.Example} class written against the public API only, citing what it
 * reproduces, and registered in {@link org.izhsim.examples.Examples#ALL}. They are meant to be
 * read: {@link org.izhsim.examples.SornsimIzhikevich} is PymoNNto/SORNSim's Izhikevich example
 * in Java, and {@link org.izhsim.examples.HomeostasisExample} shows the extension point, a
 * user's own {@link org.izhsim.behaviour.Behaviour} added to the built-in ones.
 */
package org.izhsim.examples;
