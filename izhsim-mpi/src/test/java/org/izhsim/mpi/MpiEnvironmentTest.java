package org.izhsim.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Launchers are recognised by their environment, so that MPI is loaded only under one. */
class MpiEnvironmentTest {
    @Test
    void eachLauncherIsRecognisedAndAPlainShellIsNot() {
        assertTrue(MpiEnvironment.underMpirun(Map.of("OMPI_COMM_WORLD_SIZE", "2", "OMPI_COMM_WORLD_RANK", "1")));
        assertTrue(MpiEnvironment.underMpirun(Map.of("PMIX_RANK", "3")));
        assertTrue(MpiEnvironment.underMpirun(Map.of("PMI_SIZE", "4", "PMI_RANK", "0")));
        assertFalse(MpiEnvironment.underMpirun(Map.of("PATH", "/usr/bin", "SLURM_PROCID", "0")), "srun without MPI is no MPI job");
    }

    @Test
    void theLaunchersRankIsReadAndDefaultsToZero() {
        assertEquals(1, MpiEnvironment.launcherRank(Map.of("OMPI_COMM_WORLD_SIZE", "2", "OMPI_COMM_WORLD_RANK", "1")));
        assertEquals(3, MpiEnvironment.launcherRank(Map.of("PMIX_RANK", "3")));
        assertEquals(2, MpiEnvironment.launcherRank(Map.of("PMI_RANK", "2")));
        assertEquals(0, MpiEnvironment.launcherRank(Map.of()));
        assertEquals(0, MpiEnvironment.launcherRank(Map.of("PMI_RANK", "x")));
    }

    @Test
    void ranksPerNodeAndOnlineCpusAreReadAsTheLaunchersAndTheKernelWriteThem() {
        assertEquals(4, MpiEnvironment.ranksOnThisNode(Map.of("OMPI_COMM_WORLD_LOCAL_SIZE", "4")));
        assertEquals(2, MpiEnvironment.ranksOnThisNode(Map.of("SLURM_NTASKS_PER_NODE", "2")));
        assertEquals(1, MpiEnvironment.ranksOnThisNode(Map.of("SLURM_NTASKS_PER_NODE", "2(x3)")));
        assertEquals(1, MpiEnvironment.ranksOnThisNode(Map.of()));
        assertEquals(1, MpiEnvironment.cpuListSize("0"));
        assertEquals(2, MpiEnvironment.cpuListSize("0-1\n"));
        assertEquals(16, MpiEnvironment.cpuListSize("0-7,16-23"));
        assertEquals(7, MpiEnvironment.cpuListSize("0-3,8,10-11"));
    }
}
