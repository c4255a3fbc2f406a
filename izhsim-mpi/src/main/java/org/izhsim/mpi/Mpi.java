package org.izhsim.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.izhsim.network.Communicator;

/**
 * The few MPI calls izhsim makes, bound to the system library through the FFM API (no JNI, no
 * jar). Buffers are off-heap {@link MemorySegment}s the caller owns; every call is on
 * {@code MPI_COMM_WORLD}, whose error handler is set to {@code MPI_ERRORS_RETURN} at
 * {@link #init}, so that an error code comes back and becomes an {@link MpiException} naming
 * the call (the default handler would end the job without saying which call failed).
 */
final class Mpi {
    /** The element types izhsim sends. */
    enum Type {
        INT, LONG, DOUBLE, BYTE
    }

    private static final Linker LINKER = Linker.nativeLinker();

    private final OpenMpiAbi abi;
    private final MethodHandle initThread, finalizeH, finalized, commRank, commSize, setErrhandler, errorString,
            allgather, allgatherv, allreduce, gather, gatherv, barrier, abort;
    /** Scratch for out-parameters (rank, size, flags); calls are serialised, so one suffices. */
    private final MemorySegment scratch = Arena.global().allocate(8, 8);

    private Mpi(SymbolLookup lib) {
        abi = new OpenMpiAbi(lib);
        var h = OpenMpiAbi.HANDLE;
        initThread = bind(lib, "MPI_Init_thread", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        finalizeH = bind(lib, "MPI_Finalize", FunctionDescriptor.of(JAVA_INT));
        finalized = bind(lib, "MPI_Finalized", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        commRank = bind(lib, "MPI_Comm_rank", FunctionDescriptor.of(JAVA_INT, h, ADDRESS));
        commSize = bind(lib, "MPI_Comm_size", FunctionDescriptor.of(JAVA_INT, h, ADDRESS));
        setErrhandler = bind(lib, "MPI_Comm_set_errhandler", FunctionDescriptor.of(JAVA_INT, h, h));
        errorString = bind(lib, "MPI_Error_string", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        // (sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm)
        allgather = bind(lib, "MPI_Allgather", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, h, ADDRESS, JAVA_INT, h, h));
        // (sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm)
        allgatherv = bind(lib, "MPI_Allgatherv", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, h, ADDRESS, ADDRESS, ADDRESS, h, h));
        // (sendbuf, recvbuf, count, datatype, op, comm)
        allreduce = bind(lib, "MPI_Allreduce", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, h, h, h));
        // (sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm)
        gather = bind(lib, "MPI_Gather", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, h, ADDRESS, JAVA_INT, h, JAVA_INT, h));
        // (sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, root, comm)
        gatherv = bind(lib, "MPI_Gatherv", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, h, ADDRESS, ADDRESS, ADDRESS, h, JAVA_INT, h));
        barrier = bind(lib, "MPI_Barrier", FunctionDescriptor.of(JAVA_INT, h));
        abort = bind(lib, "MPI_Abort", FunctionDescriptor.of(JAVA_INT, h, JAVA_INT));
    }


    /**
     * Loads the library and initialises MPI at {@code MPI_THREAD_SERIALIZED} (see
     * {@link Communicator}: calls come from one thread at a time, not always the same one).
     */
    static Mpi init() {
        SymbolLookup lib;
        try {
            // RTLD_LOCAL suffices: Open MPI's plugins link the libraries they need themselves
            lib = SymbolLookup.libraryLookup(OpenMpiAbi.library(), Arena.global());
        } catch (IllegalArgumentException e) {
            throw new MpiUnavailableException("running under mpirun but " + OpenMpiAbi.library() + " cannot be loaded: "
                    + "install openmpi-bin libopenmpi3 (Debian/Ubuntu: apt-get install openmpi-bin libopenmpi3), "
                    + "or put Open MPI's lib directory on LD_LIBRARY_PATH (or name the file with -Dizhsim.mpi.library=PATH)", e);
        }
        Mpi mpi = new Mpi(lib);
        MemorySegment provided = mpi.scratch;
        int rc;
        try {
            rc = (int) mpi.initThread.invokeExact(MemorySegment.NULL, MemorySegment.NULL, OpenMpiAbi.THREAD_SERIALIZED, provided);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        mpi.check("MPI_Init_thread", rc);
        int level = provided.get(JAVA_INT, 0);
        try {
            rc = (int) mpi.setErrhandler.invokeExact(mpi.abi.commWorld, mpi.abi.errorsReturn);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        mpi.check("MPI_Comm_set_errhandler", rc);
        if (level < OpenMpiAbi.THREAD_SERIALIZED) {
            mpi.finish();
            throw new MpiUnavailableException("this Open MPI provides thread level " + level + " only; izhsim needs "
                    + "MPI_THREAD_SERIALIZED (2), as its spike exchange runs on whichever worker thread ends a step");
        }
        return mpi;
    }

    int rank() {
        int rc;
        try {
            rc = (int) commRank.invokeExact(abi.commWorld, scratch);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Comm_rank", rc);
        return scratch.get(JAVA_INT, 0);
    }

    int size() {
        int rc;
        try {
            rc = (int) commSize.invokeExact(abi.commWorld, scratch);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Comm_size", rc);
        return scratch.get(JAVA_INT, 0);
    }

    /** Every rank's {@code count} elements of {@code send} land in {@code recv} in rank order. */
    void allgather(MemorySegment send, int count, Type t, MemorySegment recv) {
        MemorySegment dt = abi.datatype(t);
        int rc;
        try {
            rc = (int) allgather.invokeExact(send, count, dt, recv, count, dt, abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Allgather", rc);
    }

    /** As {@link #allgather} with per-rank counts and displacements (in elements; int arrays). */
    void allgatherv(MemorySegment send, int count, Type t, MemorySegment recv, MemorySegment counts, MemorySegment displs) {
        MemorySegment dt = abi.datatype(t);
        int rc;
        try {
            rc = (int) allgatherv.invokeExact(send, count, dt, recv, counts, displs, dt, abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Allgatherv", rc);
    }

    void allreduce(MemorySegment send, MemorySegment recv, int count, Type t, Communicator.Op op) {
        MemorySegment dt = abi.datatype(t), o = abi.op(op);
        int rc;
        try {
            rc = (int) allreduce.invokeExact(send, recv, count, dt, o, abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Allreduce", rc);
    }

    /** Rank 0 receives every rank's {@code count} elements in rank order ({@code recv} is read on rank 0 only). */
    void gather(MemorySegment send, int count, Type t, MemorySegment recv) {
        MemorySegment dt = abi.datatype(t);
        int rc;
        try {
            rc = (int) gather.invokeExact(send, count, dt, recv, count, dt, 0, abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Gather", rc);
    }

    /** As {@link #gather} with per-rank counts and displacements (significant on rank 0 only). */
    void gatherv(MemorySegment send, int count, Type t, MemorySegment recv, MemorySegment counts, MemorySegment displs) {
        MemorySegment dt = abi.datatype(t);
        int rc;
        try {
            rc = (int) gatherv.invokeExact(send, count, dt, recv, counts, displs, dt, 0, abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Gatherv", rc);
    }

    void barrier() {
        int rc;
        try {
            rc = (int) barrier.invokeExact(abi.commWorld);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Barrier", rc);
    }

    /** Ends every process of the job with {@code code}; returns only if MPI could not. */
    void abort(int code) {
        int rc;
        try {
            rc = (int) abort.invokeExact(abi.commWorld, code);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Abort", rc);
    }

    /** MPI_Finalize, once; later calls do nothing. */
    void finish() {
        int rc;
        try {
            rc = (int) finalized.invokeExact(scratch);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Finalized", rc);
        if (scratch.get(JAVA_INT, 0) != 0) return;
        try {
            rc = (int) finalizeH.invokeExact();
        } catch (Throwable e) {
            throw rethrow(e);
        }
        check("MPI_Finalize", rc);
    }

    private void check(String name, int rc) {
        if (rc == OpenMpiAbi.SUCCESS) return;
        String text;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(OpenMpiAbi.MAX_ERROR_STRING + 1), len = a.allocate(JAVA_INT);
            int r;
            try {
                r = (int) errorString.invokeExact(rc, buf, len);
            } catch (Throwable e) {
                throw rethrow(e);
            }
            text = r == OpenMpiAbi.SUCCESS ? buf.getString(0) : "unknown error";
        }
        throw new MpiException(name, rc, text);
    }

    private static MethodHandle bind(SymbolLookup lib, String name, FunctionDescriptor fd) {
        MemorySegment f = lib.find(name).orElseThrow(() -> new MpiUnavailableException(OpenMpiAbi.library() + " has no function " + name));
        return LINKER.downcallHandle(f, fd);
    }

    /** {@code invokeExact} declares Throwable; a downcall throws nothing checked, so anything else is a bug. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
