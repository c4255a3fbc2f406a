/**
 * Data out: numpy {@code .npz} ({@link org.izhsim.io.Npz}), CSV ({@link org.izhsim.io.Csv}),
 * JSON summaries ({@link org.izhsim.io.Json}) and their provenance
 * ({@link org.izhsim.io.RunInfo}). Every file is written through
 * {@link org.izhsim.io.AtomicFiles}: to a temporary file, then renamed, so a failed or
 * interrupted run leaves nothing half-written.
 *
 * <p>Data in: Izhikevich cells from NeuroML2 files ({@link org.izhsim.io.NeuroMl}, with unit
 * conversion in {@code NmlUnits}).
 */
package org.izhsim.io;
