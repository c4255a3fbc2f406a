/**
 * izhsim over MPI: {@link org.izhsim.mpi.MpiCommunicator}, the core's
 * {@link org.izhsim.network.Communicator} on the ranks of an mpirun/srun job, through an FFM
 * binding to the system Open MPI ({@code libmpi.so.40}; {@code Mpi} holds the calls,
 * {@code OpenMpiAbi} the implementation's handles). {@link org.izhsim.mpi.MpiEnvironment}
 * tells from the environment whether a launcher started the process, so the library is loaded
 * only then and a single-machine install needs none. {@link org.izhsim.mpi.Gathered} brings a
 * run's recordings to rank 0, which writes the outputs once.
 */
package org.izhsim.mpi;
