package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stages a command's output files in a hidden directory inside the output directory and moves
 * them into place only when all of them were written, so a failure part-way leaves nothing
 * behind; each move is an atomic rename within one file system.
 */
final class OutputStage implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<Path> committed = new ArrayList<>();
    private boolean done;

    OutputStage(Path target) throws IOException {
        this.target = prepare(target);
        this.staging = Files.createTempDirectory(this.target, ".izhsim-staging-");
    }

    /** Creates the output directory if missing; refuses a path that is not a directory. */
    static Path prepare(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t) && !Files.isDirectory(t)) {
            throw new IllegalArgumentException("--out " + target + " exists and is not a directory");
        }
        Files.createDirectories(t);
        return t;
    }

    /** Where to write the file named {@code name} now; it becomes visible on {@link #commit()}. */
    Path file(String name) {
        return staging.resolve(name);
    }

    /** The staging directory (for writers that take a directory and a base name). */
    Path dir() {
        return staging;
    }

    /** Moves every staged file into the output directory; returns their final paths. */
    List<Path> commit() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.sorted().toList()) {
                Path dest = target.resolve(f.getFileName().toString());
                Files.move(f, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                committed.add(dest);
            }
        }
        done = true;
        return List.copyOf(committed);
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(staging)) {
            try (Stream<Path> walk = Files.walk(staging)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        if (!done) {
            // leave no empty directory behind that this run created for nothing
            try (Stream<Path> left = Files.list(target)) {
                if (left.findAny().isEmpty()) Files.deleteIfExists(target);
            }
        }
    }
}
