/** An MPI {@code Communicator} over the system's libmpi through the foreign function API. */
module izhsim.mpi {
    requires transitive izhsim.core;

    exports org.izhsim.mpi;
}
