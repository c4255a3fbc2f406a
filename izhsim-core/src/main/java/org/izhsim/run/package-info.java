/**
 * One run model for every face of izhsim. {@link org.izhsim.run.Net2003Options} are the options
 * of Izhikevich's 2003 network, checked once whichever face they come from (the command line,
 * the explorer's requests, its replay files), with messages that name the option as that face
 * spells it ({@link org.izhsim.run.Spelling}). {@link org.izhsim.run.NetworkRun} runs any
 * network the same way for all of them (a model file's too): it refuses before allocating what
 * will not fit, warms the JIT up, builds the simulation, runs it in timed blocks with progress
 * and sums it up ({@link org.izhsim.run.Memory} reads the peak memory for that summary).
 * {@link org.izhsim.run.JitQuiet} is the stopping rule that every warm-up shares (the engine's,
 * spnet's, the MPI exchange's): on until the JIT has been idle for a while.
 *
 * <p>Faces stay thin: the command line parses options and writes files and figures, the
 * explorer turns a request into options and streams events, a model file's reader describes a
 * network. None of them repeats a check or a step of the run.
 */
package org.izhsim.run;
