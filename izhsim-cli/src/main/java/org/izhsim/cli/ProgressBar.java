package org.izhsim.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr. It appears only when stderr is a terminal (a log file or
 * a pipe gets no carriage-return litter), once the work has taken more than a second (short
 * runs stay silent), redraws at most ten times a second, and is silenced by --quiet.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(String label, boolean quiet) {
        this(System.err, label, !quiet && stderrIsTerminal());
    }

    /**
     * Whether stderr is a terminal. On Linux its file descriptor says so (/proc/self/fd/2 links
     * to a /dev/pts or /dev/tty device); elsewhere the JDK's console, which knows only about
     * stdin and stdout, stands in.
     */
    static boolean stderrIsTerminal() {
        java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
        try {
            String target = java.nio.file.Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException noProc) {
            java.io.Console c = System.console();
            return c != null && c.isTerminal();
        }
    }

    ProgressBar(PrintStream err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    /** Whether it may draw at all (false with --quiet). */
    boolean enabled() {
        return enabled;
    }

    /** Reports progress in [0, 1]; {@code detail} is appended (e.g. "12,345 spikes"). */
    void update(double fraction, String detail) {
        update(fraction, () -> detail);
    }

    /** {@link #update(double, String)} with the detail made only when the bar is redrawn. */
    synchronized void update(double fraction, java.util.function.Supplier<String> detailSource) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L || now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        drawn = true;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = fraction > 0.01 ? String.format(Locale.ROOT, ", %.0f s left", elapsed * (1 - fraction) / fraction) : "";
        String detail = detailSource.get();
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3.0f%% %.1f s%s%s   ", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, elapsed, eta, detail.isEmpty() ? "" : ", " + detail));
        err.flush();
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 60) + "\r");
            err.flush();
        }
    }
}
