/**
 * The {@code izhsim} command line (picocli): {@code run}, {@code net2003}, {@code neuron},
 * {@code features}, {@code fi}. A client of the core's public API; it adds only options,
 * output staging (every file of a command appears together or not at all), progress on
 * stderr, and exit codes: 0 ok, 2 bad usage or input (one line naming the culprit), 3
 * numerical blow-up, 1 other failure.
 */
package org.izhsim.cli;
