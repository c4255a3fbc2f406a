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

    /** Ranks of this job on this node (Open MPI's, PMIx's or Slurm's count), or 1 if the launcher does not say. */
    public static int ranksOnThisNode() {
        return ranksOnThisNode(System.getenv());
    }

    static int ranksOnThisNode(Map<String, String> env) {
        for (String key : new String[] {"OMPI_COMM_WORLD_LOCAL_SIZE", "PMIX_LOCAL_SIZE", "MPI_LOCALNRANKS", "SLURM_NTASKS_PER_NODE"}) {
            String v = env.get(key);
            if (v == null) continue;
            try {
                return Math.max(1, Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                // Slurm writes e.g. "2(x3)" for uneven layouts: fall through to the next source
            }
        }
        return 1;
    }

    /**
     * The CPUs the machine has online (Linux's /sys/devices/system/cpu/online, e.g. "0-7,16-23"),
     * against which a process's available processors show whether the launcher bound it; the
     * JVM's count where that file is missing.
     */
    public static int onlineCpus() {
        try {
            return cpuListSize(java.nio.file.Files.readString(java.nio.file.Path.of("/sys/devices/system/cpu/online")));
        } catch (java.io.IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** The number of CPUs in a kernel CPU list such as "0-3,8,10-11". */
    static int cpuListSize(String list) {
        int n = 0;
        for (String part : list.trim().split(",")) {
            String[] ends = part.split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return n;
    }
}
