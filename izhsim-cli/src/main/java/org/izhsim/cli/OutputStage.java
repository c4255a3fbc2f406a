package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stages a command's output files in a hidden directory inside the output directory and moves
 * them into place only when all of them were written, so a failure part-way leaves nothing
 * behind; each move is an atomic rename within one file system.
 *
 * <p>The staging directory's name carries the process id and start time of its owner
 * ({@code .izhsim-staging-<pid>-<start>-<random>}): a shutdown hook removes it on Ctrl-C or
 * SIGTERM, and a process killed with SIGKILL, which runs no hook, leaves one that the next
 * stage in the same directory recognises as its dead owner's and removes.
 */
final class OutputStage implements AutoCloseable {
    static final String PREFIX = ".izhsim-staging-";

    /** Output directories this process created, the only ones a failed run may remove again. */
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    private final Path target;
    private volatile Path staging;
    private final List<Path> committed = new ArrayList<>();
    private final Thread hook;
    private boolean done;
    private volatile boolean aborted;

    OutputStage(Path target) throws IOException {
        this.target = prepare(target);
        removeStale(this.target);
        // the hook first: once the JVM is shutting down it cannot be added, and then no
        // directory must have been made that nothing would remove
        this.hook = new Thread(this::abort, "izhsim-output-stage");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            this.staging = Files.createTempDirectory(this.target, PREFIX + owner(ProcessHandle.current()) + "-");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Creates the output directory if missing; refuses a path that is not a directory, and an
     * empty one, which would put the outputs into the current directory unasked.
     */
    static Path prepare(Path target) throws IOException {
        Path t = check(target);
        if (!Files.exists(t)) {
            Files.createDirectories(t);
            CREATED.add(t);
        }
        return t;
    }

    /** Refuses an --out that cannot be the output directory, creating nothing; returns it absolute. */
    static Path check(Path target) {
        if (target.toString().isBlank()) {
            throw new IllegalArgumentException("--out is empty; give a directory (--out out, or --out . for the current one)");
        }
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t) && !Files.isDirectory(t)) {
            throw new IllegalArgumentException("--out " + target + " exists and is not a directory");
        }
        return t;
    }

    /** Where to write the file named {@code name} now; it becomes visible on {@link #commit()}. */
    Path file(String name) {
        return dir().resolve(name);
    }

    /** The staging directory (for writers that take a directory and a base name). */
    Path dir() {
        if (aborted) throw new IllegalStateException("interrupted: the outputs are being removed");
        return staging;
    }

    /** The names of the files staged so far, sorted. */
    List<String> staged() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The "files" key of a run's index file (its run.json): the names it says the run wrote. */
    static final String FILES_KEY = "files";

    private static final java.util.regex.Pattern FILES = java.util.regex.Pattern.compile("\"" + FILES_KEY + "\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\"([A-Za-z0-9._-]+)\"");

    /**
     * Like {@link #commit()}, and first removes the files that the previous run in this
     * directory listed in its {@code index} (its "files") and this one does not write, so that no
     * stale monitor file or figure of an earlier run sits beside the fresh ones. {@code alsoOwned}
     * are files this run writes outside the stage (run.nwb). Only plain names listed by an index
     * izhsim wrote are touched, never anything else in the directory.
     */
    synchronized List<Path> commit(String index, String... alsoOwned) throws IOException {
        if (aborted) throw new IOException("interrupted: the outputs were removed");
        Path old = target.resolve(index);
        String text = Files.isRegularFile(old) ? Files.readString(old) : "";
        if (text.contains("\"izhsim_commit\"")) {
            Set<String> now = new java.util.HashSet<>(staged());
            now.addAll(List.of(alsoOwned));
            java.util.regex.Matcher m = FILES.matcher(text);
            if (m.find()) {
                java.util.regex.Matcher n = NAME.matcher(m.group(1));
                while (n.find()) {
                    String name = n.group(1);
                    if (!now.contains(name) && !name.startsWith(".")) Files.deleteIfExists(target.resolve(name));
                }
            }
        }
        return commit();
    }

    /**
     * Moves every staged file into the output directory; returns their final paths. The shutdown
     * hook waits for a commit under way, so an interrupt never leaves half of one.
     */
    synchronized List<Path> commit() throws IOException {
        if (aborted) throw new IOException("interrupted: the outputs were removed");
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
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it cleans up
        }
        cleanUp();
    }

    /**
     * The shutdown hook (Ctrl-C, SIGTERM). The run's own thread goes on while hooks run, and a
     * write it had begun may make the staging directory again after the first pass: a second
     * pass a moment later removes that.
     */
    private void abort() {
        aborted = true;
        cleanUp();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanUp();
    }

    private synchronized void cleanUp() {
        if (staging == null) return;
        try {
            delete(staging);
            if (!done && CREATED.contains(target)) {
                // leave no empty directory behind that this run created for nothing; one the
                // user made stays
                try (Stream<Path> left = Files.list(target)) {
                    if (left.findAny().isEmpty()) Files.deleteIfExists(target);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a file the run's thread was writing at that moment; the hook's second pass, or the
            // next run, removes what is left
            if (!aborted) System.err.println("izhsim: could not remove " + staging + ": " + e.getMessage());
        }
    }

    /** Removes the staging directories in {@code dir} whose owning process is gone. */
    static void removeStale(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                String[] parts = rest.split("-");
                if (parts.length < 3 || !Files.isDirectory(p)) continue; // not one of ours: leave it
                try {
                    long pid = Long.parseLong(parts[0]);
                    long start = Long.parseLong(parts[1]);
                    Optional<ProcessHandle> h = ProcessHandle.of(pid);
                    // a live process whose start time the OS does not tell is taken for the owner
                    Optional<Long> started = h.flatMap(x -> x.info().startInstant()).map(java.time.Instant::toEpochMilli);
                    if (h.isEmpty() || started.isPresent() && started.get() != start) delete(p);
                } catch (NumberFormatException notOurs) {
                    // a name we did not make
                }
            }
        }
    }

    /** "pid-start" of a process, start in ms since the epoch (0 where the OS does not say). */
    private static String owner(ProcessHandle p) {
        long start = p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return p.pid() + "-" + start;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
