package org.izhsim.mpi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * What differs between MPI implementations at the binary level, for Open MPI (4.x and 5.x, whose
 * library is libmpi.so.40). The MPI standard fixes names and semantics but not the ABI: in Open
 * MPI, {@code MPI_Comm}, {@code MPI_Datatype}, {@code MPI_Op} and {@code MPI_Errhandler} are
 * pointers to structs, and the predefined handles are the addresses of global symbols
 * ({@code MPI_COMM_WORLD} is {@code &ompi_mpi_comm_world}, see mpi.h), so a handle is passed as
 * an {@link ValueLayout#ADDRESS}. MPICH (and Intel MPI, MVAPICH, which share its ABI, library
 * libmpi.so.12) uses 32-bit integer handles with fixed values ({@code MPI_COMM_WORLD} is
 * {@code 0x44000000}), so its binding needs another class of this kind and {@code JAVA_INT}
 * handle arguments in the function descriptors.
 */
final class OpenMpiAbi {
    static final String LIBRARY = "libmpi.so.40";

    /**
     * The library to load: {@link #LIBRARY}, found on the loader's path (LD_LIBRARY_PATH, which
     * a cluster's {@code module load openmpi} sets), or the file or name given by the system
     * property {@code izhsim.mpi.library} (e.g. {@code -Dizhsim.mpi.library=/opt/openmpi/lib/libmpi.so.40}).
     */
    static String library() {
        return System.getProperty("izhsim.mpi.library", LIBRARY);
    }
    static final int SUCCESS = 0;
    /** {@code MPI_THREAD_SERIALIZED} of mpi.h's enum (SINGLE 0, FUNNELED 1, SERIALIZED 2, MULTIPLE 3). */
    static final int THREAD_SERIALIZED = 2;
    /** {@code MPI_MAX_ERROR_STRING} (OPAL_MAX_ERROR_STRING). */
    static final int MAX_ERROR_STRING = 256;
    /** The handle arguments' layout: a pointer. */
    static final ValueLayout HANDLE = ValueLayout.ADDRESS;

    final MemorySegment commWorld, errorsReturn;
    final MemorySegment int32, int64, float64, bytes;
    final MemorySegment sum, min, max;

    OpenMpiAbi(SymbolLookup lib) {
        commWorld = handle(lib, "ompi_mpi_comm_world");
        errorsReturn = handle(lib, "ompi_mpi_errors_return");
        int32 = handle(lib, "ompi_mpi_int");
        int64 = handle(lib, "ompi_mpi_int64_t");
        float64 = handle(lib, "ompi_mpi_double");
        bytes = handle(lib, "ompi_mpi_byte");
        sum = handle(lib, "ompi_mpi_op_sum");
        min = handle(lib, "ompi_mpi_op_min");
        max = handle(lib, "ompi_mpi_op_max");
    }

    MemorySegment datatype(Mpi.Type t) {
        return switch (t) {
            case INT -> int32;
            case LONG -> int64;
            case DOUBLE -> float64;
            case BYTE -> bytes;
        };
    }

    MemorySegment op(org.izhsim.network.Communicator.Op op) {
        return switch (op) {
            case SUM -> sum;
            case MIN -> min;
            case MAX -> max;
        };
    }

    private static MemorySegment handle(SymbolLookup lib, String symbol) {
        return lib.find(symbol).orElseThrow(() -> new MpiUnavailableException(
                library() + " has no symbol " + symbol + ": not Open MPI's library (izhsim's binding is for Open MPI)"));
    }
}
