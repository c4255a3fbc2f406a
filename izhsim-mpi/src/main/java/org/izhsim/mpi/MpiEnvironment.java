package org.izhsim.mpi;

import java.util.Map;

/**
 * Whether this process was started by an MPI launcher, read from the environment the launcher
 * sets before the program starts (so it needs no MPI library): Open MPI's mpirun sets
 * {@code OMPI_COMM_WORLD_SIZE}/{@code OMPI_COMM_WORLD_RANK}, PMIx launchers (Open MPI 5, Slurm's
 * {@code srun --mpi=pmix}) {@code PMIX_RANK}, PMI-1/2 launchers (MPICH's hydra, {@code srun
 * --mpi=pmi2}) {@code PMI_SIZE}/{@code PMI_RANK}.
 */
public final class MpiEnvironment {
    private MpiEnvironment() {}

    /** Whether an MPI launcher started this process. */
    public static boolean underMpirun() {
        return underMpirun(System.getenv());
    }

    static boolean underMpirun(Map<String, String> env) {
        return env.containsKey("OMPI_COMM_WORLD_SIZE") || env.containsKey("PMIX_RANK") || env.containsKey("PMI_SIZE");
    }

    /**
     * This process's rank as the launcher announced it (0 when it did not): lets a process that
     * cannot start MPI still decide to be the one that reports why.
     */
    public static int launcherRank() {
        return launcherRank(System.getenv());
    }

    static int launcherRank(Map<String, String> env) {
        for (String key : new String[] {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
            String v = env.get(key);
            if (v == null) continue;
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
