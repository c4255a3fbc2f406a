/**
 * Analysis of recordings: population spike counts, the Hann-windowed periodogram and band peaks
 * exactly as the Brian2 comparison script computes them ({@link org.izhsim.analysis.PopulationSpectrum}),
 * FFTs of any length ({@link org.izhsim.analysis.Fft}) and mean rates ({@link org.izhsim.analysis.Rates}).
 */
package org.izhsim.analysis;
