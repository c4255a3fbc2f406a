package org.izhsim.mpi;

/** The MPI library cannot be used here (missing, not Open MPI, or too low a thread level); the message says what to install. */
public final class MpiUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MpiUnavailableException(String message) {
        super(message);
    }

    MpiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
