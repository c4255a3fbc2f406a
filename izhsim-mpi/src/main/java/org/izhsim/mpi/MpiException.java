package org.izhsim.mpi;

/** An MPI call returned an error code; the message names the call and MPI's own text for the code. */
public final class MpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    MpiException(String call, int code, String text) {
        super(call + " failed: " + text + " (MPI error " + code + ")");
        this.code = code;
    }

    /** The MPI error code. */
    public int code() {
        return code;
    }
}
