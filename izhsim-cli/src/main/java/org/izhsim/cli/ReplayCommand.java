package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.izhsim.network.Simulation;
import org.izhsim.ui.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code izhsim replay FILE}: re-runs a browser session headless from its replay file and
 * writes what {@code net2003} writes (the same output code: {@link NetworkCommand}), with the
 * session's changes queued at their steps; then checks the spikes against the session's digest.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        header = "Re-run an explorer network session and check its spikes.",
        description = {"Re-run a network session of 'izhsim ui' from its replay file (settings, seed, each timed change)",
                "and write the same outputs as net2003; the spikes are checked against the session's (SHA-256)."},
        footer = {"", "Exit codes as for every command; 1 also if the spikes differ from the recorded session's.",
                "", "Example:", "  izhsim replay izhsim-replay-1a2b3c4d.json --out replay-out"})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    /** --data, --record…: as net2003's (the run below is net2003's, built by hand, so picocli fills neither mixin there). */
    @Mixin
    DataOptions dataOptions;

    @Parameters(paramLabel = "FILE", description = "A replay file downloaded from the explorer's network tab.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("replay file " + file + " does not exist or is not a file");
        Replay replay = Replay.read(file);
        Session run = new Session(replay);
        run.output = output;
        run.dataOptions = dataOptions;
        int code = run.run(replay.settings());
        if (code != 0) return code;
        if (replay.spikeDigest() == null) {
            System.err.println("replay: " + run.spikes + " spikes (the file carries no digest to compare with)");
            return 0;
        }
        if (!replay.spikeDigest().equals(run.digest)) {
            System.err.println("replay: the spikes differ from the recorded session's (" + run.spikes + " spikes here, "
                    + replay.spikeCount() + " recorded; SHA-256 " + run.digest + " vs " + replay.spikeDigest() + ")");
            return Main.EXIT_FAILURE;
        }
        if (!output.quiet) System.err.println("replay: " + run.spikes + " spikes, identical to the recorded session (SHA-256 " + run.digest + ")");
        return 0;
    }

    /** The net2003 run with the session's inputs and changes. */
    private static final class Session extends NetworkCommand {
        private final Replay replay;
        String digest;
        int spikes;

        Session(Replay replay) {
            this.replay = replay;
        }

        @Override
        String commandName() {
            return "replay";
        }

        @Override
        void beforeRun(Simulation sim) {
            for (Replay.Change c : replay.changes()) sim.schedule(c.step(), c.toParameterChange());
        }

        @Override
        boolean needsSpikes() {
            return true;
        }

        @Override
        void afterRun(Simulation sim, Job run) {
            var rec = sim.recording(run.spikes());
            spikes = rec.count();
            digest = Replay.digest(rec);
        }
    }
}
