package org.izhsim.mpi;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a job of N ranks on this machine and waits for it, for tests and benchmarks. The
 * flags are those a single machine needs: {@code --oversubscribe} (more ranks than cores),
 * {@code --bind-to none} (mpirun would otherwise bind each rank to one core for N ≤ 2, and
 * the JVM would then size its thread pools and GC to 1 CPU), {@code --allow-run-as-root}
 * (containers, CI), and {@code mpi_yield_when_idle} so that ranks waiting in a collective give
 * their core to the others. A job that outlives its timeout is killed with its processes.
 *
 * @param exitCode mpirun's exit code
 * @param output   standard output and error of every rank and of mpirun, as written
 */
public record MpiJob(int exitCode, String output) {
    /** Why no job can start here (mpirun or the library missing), or empty. */
    public static Optional<String> unavailable() {
        if (onPath("mpirun") == null) return Optional.of("mpirun is not on PATH: install openmpi-bin libopenmpi-dev to run MPI jobs");
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(OpenMpiAbi.library(), a);
        } catch (IllegalArgumentException e) {
            return Optional.of(OpenMpiAbi.library() + " cannot be loaded: install libopenmpi3 to run MPI jobs");
        }
        return Optional.empty();
    }

    /** {@code java} of the running JDK with native access for the binding, on {@code classPath}, running {@code mainClass}. */
    public static List<String> java(String classPath, String mainClass) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", classPath, mainClass);
    }

    /** The time a test's job may take before it is taken for a hang [s]. */
    public static final long TEST_TIMEOUT_S = 240;

    /**
     * Runs {@code mainClass} from {@code classPath} with {@code args} on {@code ranks} ranks
     * ({@link #java}), its output logged to a new file in {@code dir}, within
     * {@link #TEST_TIMEOUT_S}: the tests' way to start a job.
     */
    public static MpiJob runMain(int ranks, String classPath, String mainClass, List<String> args, Path dir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(java(classPath, mainClass));
        cmd.addAll(args);
        return run(ranks, cmd, TEST_TIMEOUT_S, Files.createTempFile(dir, "mpirun", ".log"));
    }

    /** Runs {@code command} on {@code ranks} ranks; output goes through {@code log}. */
    public static MpiJob run(int ranks, List<String> command, long timeoutSeconds, Path log) throws IOException, InterruptedException {
        // started by name: Open MPI takes an absolute path to mpirun as its --prefix
        List<String> cmd = new ArrayList<>(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "--bind-to", "none",
                "--mca", "mpi_yield_when_idle", "1", "-np", Integer.toString(ranks)));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("mpirun -np " + ranks + " " + String.join(" ", command) + " still ran after "
                    + timeoutSeconds + " s (killed):\n" + Files.readString(log));
        }
        return new MpiJob(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
