/**
 * Counter-based random numbers ({@link org.izhsim.random.CounterRandom}): every value is a pure
 * function of (seed, stream, counters), never of a thread or an order of calls, so networks give
 * bit-identical spikes for every thread and rank count. Streams are named
 * ({@link org.izhsim.random.Streams}).
 */
package org.izhsim.random;
