package org.izhsim.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.izhsim.network.Communicator;
import org.izhsim.network.InProcessRanks;
import org.izhsim.network.Simulation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MPI jobs: {@code mpirun -np N java … MpiRankMain} for N = 1, 2, 4 ranks with 1 and 2
 * threads each, compared with one process. Skipped, with the reason, where Open MPI is not
 * installed (mpirun or libmpi.so.40 missing).
 */
class MpiJobTest {
    @TempDir
    Path dir;

    /** Per test, not per class, so that each skipped test is counted and shows the reason. */
    @BeforeEach
    void requireOpenMpi() {
        Optional<String> missing = MpiJob.unavailable();
        assumeTrue(missing.isEmpty(), () -> missing.get());
    }

    @Test
    void sparseNetworkWithDelaysGivesOneProcessesSpikesForAnyRanksAndThreads() throws Exception {
        sameSpikesAsOneProcess("delayed", 300);
    }

    @Test
    void net2003GivesOneProcessesSpikesForAnyRanksAndThreads() throws Exception {
        sameSpikesAsOneProcess("net2003", 200);
    }

    private void sameSpikesAsOneProcess(String network, double ms) throws Exception {
        String one = MpiRankMain.spikeText(MpiRankMain.runSpikes(Communicator.local(), network, 1, ms, -1));
        assertTrue(one.lines().count() > 200, network + " is active: " + one.lines().count() + " spikes");
        for (int ranks : new int[] {1, 2, 4}) {
            for (int threads : new int[] {1, 2}) {
                Path out = dir.resolve(network + "-" + ranks + "x" + threads + ".txt");
                MpiJob job = mpirun(ranks, "spikes", network, Integer.toString(threads), Double.toString(ms), out.toString());
                assertEquals(0, job.exitCode(), job.output());
                assertEquals(one, Files.readString(out), network + ": " + ranks + " ranks x " + threads + " threads");
            }
        }
    }

    @Test
    void aFailingRankAbortsEveryRankWithItsMessageOnce() throws Exception {
        Path out = dir.resolve("never.txt");
        MpiJob job = mpirun(3, "fail", out.toString());
        assertNotEquals(0, job.exitCode(), job.output());
        String message = "rank 1 gives up on purpose";
        assertEquals(1, job.output().split(message, -1).length - 1, "the message once:\n" + job.output());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void collectivesGiveWhatInProcessRanksGive() throws Exception {
        for (int ranks : new int[] {1, 2, 4}) {
            Path out = dir.resolve("collectives-" + ranks + ".txt");
            MpiJob job = mpirun(ranks, "collectives", out.toString());
            assertEquals(0, job.exitCode(), job.output());
            assertEquals(inProcess(ranks), Files.readString(out), ranks + " ranks");
        }
    }

    /** Rank 0's text of {@link MpiRankMain#collectives} with in-process ranks. */
    private static String inProcess(int ranks) throws Exception {
        return new InProcessRanks(ranks).run(MpiRankMain::collectives).get(0);
    }

    private MpiJob mpirun(int ranks, String... args) throws IOException, InterruptedException {
        return MpiJob.runMain(ranks, classPath(), MpiRankMain.class.getName(), List.of(args), dir);
    }

    /** This module's classes and tests and the core's, wherever the build put them (directories or jars). */
    private static String classPath() {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {MpiCommunicator.class, MpiRankMain.class, Simulation.class}) {
            try {
                String p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!cp.contains(p)) cp.add(p);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, cp);
    }
}
