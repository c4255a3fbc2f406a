/**
 * NWB 2.x output ({@link org.izhsim.io.nwb.NwbWriter}): the units table, TimeSeries of
 * recorded states and the run's provenance, streamed chunk by chunk into an HDF5 file that
 * stays readable if the run is interrupted.
 */
package org.izhsim.io.nwb;
