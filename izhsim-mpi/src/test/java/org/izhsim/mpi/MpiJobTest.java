package org.izhsim.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.izhsim.network.Communicator;
import org.izhsim.network.InProcessRanks;
import org.izhsim.network.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MPI jobs: {@code mpirun -np N java … MpiRankMain} for N = 1, 2, 4 ranks with 1 and 2
 * threads each, compared with one process. Skipped, with the reason, where Open MPI is not
 * installed (mpirun or libmpi.so.40 missing).
 */
class MpiJobTest {
    private static final long TIMEOUT_S = 240;
    private static Path mpirun;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenMpi() {
        mpirun = onPath("mpirun");
        assumeTrue(mpirun != null, "mpirun is not on PATH: install openmpi-bin libopenmpi-dev to run the MPI tests");
        assumeTrue(libraryLoads(), OpenMpiAbi.LIBRARY + " cannot be loaded: install libopenmpi3 to run the MPI tests");
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
                Job job = mpirun(ranks, "spikes", network, Integer.toString(threads), Double.toString(ms), out.toString());
                assertEquals(0, job.exit(), job.output());
                assertEquals(one, Files.readString(out), network + ": " + ranks + " ranks x " + threads + " threads");
            }
        }
    }

    @Test
    void aFailingRankAbortsEveryRankWithItsMessageOnce() throws Exception {
        Path out = dir.resolve("never.txt");
        Job job = mpirun(3, "fail", out.toString());
        assertNotEquals(0, job.exit(), job.output());
        String message = "rank 1 gives up on purpose";
        assertEquals(1, job.output().split(message, -1).length - 1, "the message once:\n" + job.output());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void collectivesGiveWhatInProcessRanksGive() throws Exception {
        for (int ranks : new int[] {1, 2, 4}) {
            Path out = dir.resolve("collectives-" + ranks + ".txt");
            Job job = mpirun(ranks, "collectives", out.toString());
            assertEquals(0, job.exit(), job.output());
            assertEquals(inProcess(ranks), Files.readString(out), ranks + " ranks");
        }
    }

    /** Rank 0's text of {@link MpiRankMain#collectives} with in-process ranks. */
    private static String inProcess(int ranks) throws Exception {
        InProcessRanks world = new InProcessRanks(ranks);
        ExecutorService ex = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                Communicator c = world.communicator(r);
                fs.add(ex.submit(() -> MpiRankMain.collectives(c)));
            }
            return fs.get(0).get(60, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
    }

    private record Job(int exit, String output) {}

    private Job mpirun(int ranks, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mpirun.toString(), "--allow-run-as-root", "--oversubscribe", "--bind-to", "none",
                // ranks that wait in a collective give up their core: this machine may have fewer cores than ranks
                "--mca", "mpi_yield_when_idle", "1", "-np", Integer.toString(ranks),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath(), MpiRankMain.class.getName()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("mpirun.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("mpirun " + String.join(" ", args) + " hung for " + TIMEOUT_S + " s:\n" + Files.readString(log));
        }
        return new Job(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
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

    private static Path onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static boolean libraryLoads() {
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(OpenMpiAbi.LIBRARY, a);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
