/**
 * Data out: numpy {@code .npz} ({@link org.izhsim.io.Npz}), CSV ({@link org.izhsim.io.Csv}),
 * JSON summaries ({@link org.izhsim.io.Json}) and their provenance
 * ({@link org.izhsim.io.RunInfo}); which of them a run writes is a set of
 * {@link org.izhsim.io.DataFormat}. NWB lives in {@code org.izhsim.io.nwb} over the streaming
 * HDF5 writer of {@code org.izhsim.io.hdf5}. Every other file is written through
 * {@link org.izhsim.io.AtomicFiles}: to a temporary file, then renamed, so a failed or
 * interrupted run leaves nothing half-written.
 *
 * <p>Data in: Izhikevich cells from NeuroML2 files ({@link org.izhsim.io.NeuroMl}, with unit
 * conversion in {@code NmlUnits}), and numeric arrays of numpy {@code .npz} archives
 * ({@link org.izhsim.io.NpzReader}, e.g. weight snapshots).
 */
package org.izhsim.io;
