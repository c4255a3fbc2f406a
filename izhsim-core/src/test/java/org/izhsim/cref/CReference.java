package org.izhsim.cref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The C reference programs of izhsim-bench/c, compiled with gcc for the tests that compare with them. */
public final class CReference {
    /** izhsim-bench/c, seen from this module (the C programs live beside the benchmarks). */
    public static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("../izhsim-bench/c").normalize();

    private CReference() {}

    /** Skips the calling test (class) unless gcc runs and the C sources are there; {@code what} names the skipped check. */
    public static void requireGcc(String what) {
        boolean gcc;
        try {
            gcc = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            gcc = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gcc = false;
        }
        assumeTrue(gcc, "gcc not found: skipping " + what);
        assumeTrue(Files.isRegularFile(DIR.resolve("spnet.c")), DIR + "/spnet.c not found: skipping " + what);
    }

    /** Compiles {@code source} of {@link #DIR} with the reference flags and {@code defines} into {@code out} (once). */
    public static Path compile(String source, Path out, String... defines) throws IOException, InterruptedException {
        if (Files.isExecutable(out)) return out;
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-std=c11", "-ffp-contract=off"));
        cmd.addAll(List.of(defines));
        cmd.addAll(List.of(DIR.resolve(source).toString(), "-o", out.toString(), "-lm"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "gcc failed: " + log);
        return out;
    }
}
