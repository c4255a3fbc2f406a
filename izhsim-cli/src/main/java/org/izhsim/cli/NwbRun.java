package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.izhsim.io.nwb.NwbWriter;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;

/**
 * A network run's streaming {@code run.nwb}: the writer, the streaming monitors that feed it
 * (all spikes; the chosen states of every group that holds a chosen neuron) and the shutdown
 * hook that closes the file at its last completed chunk on Ctrl-C or kill. Any network command
 * (the built-in 2003 network, a model file) sets one up the same way.
 */
final class NwbRun implements AutoCloseable {
    final NwbWriter writer;
    /** The network with the NWB monitors added: run this one. */
    final Network network;
    private final List<Monitor<?>> monitors;
    private final Thread hook;

    private NwbRun(NwbWriter writer, Network network, List<Monitor<?>> monitors, boolean quiet) {
        this.writer = writer;
        this.network = network;
        this.monitors = List.copyOf(monitors);
        this.hook = new Thread(() -> {
            try {
                if (writer.abort() && !quiet) System.err.println("interrupted: " + writer.partialPath() + " keeps the completed chunks (marked incomplete)");
            } catch (IOException ignored) {
                // the JVM is going down; the last flushed chunk is already on disk
            }
        }, "izhsim-nwb-close");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code outDir/run.nwb.partial} for {@code steps} steps of {@code net}, recording
     * {@code vars} (none: spikes only) of the global neurons {@code record} every {@code every}
     * steps into {@code acquisition/<group>_<var>}, in chunks of {@code chunkSteps} steps.
     */
    static NwbRun start(Path outDir, Network net, String description, Map<String, ?> metadata, long steps, int[] record,
                        StateMonitor.Variable[] vars, int every, int chunkSteps, boolean quiet) throws IOException {
        NwbWriter w = NwbWriter.create(outDir.resolve("run.nwb"), net.neuronCount(), net.dt(), description, metadata);
        try {
            List<Monitor<?>> extra = new ArrayList<>();
            extra.add(SpikeMonitor.all().named("nwb:spikes").streaming(w.spikeSink(), chunkSteps));
            if (vars.length > 0) {
                long samples = (steps - 1) / every + 1;
                for (NeuronGroup g : net.groups()) {
                    int off = net.offset(g);
                    int[] local = Arrays.stream(record).filter(i -> i >= off && i < off + g.size()).map(i -> i - off).toArray();
                    if (local.length == 0) continue;
                    StateMonitor m = StateMonitor.of(g, local, every, vars).named("nwb:" + g.name());
                    extra.add(m.streaming(w.stateSink(m, g.name() + "_", samples), chunkSteps));
                }
            }
            return new NwbRun(w, net.withMonitors(extra), extra, quiet);
        } catch (RuntimeException | IOException e) {
            w.close();
            throw e;
        }
    }

    /** After the run: the streaming monitors hand over their last, partial chunk, and the file is synced. */
    void drain(Simulation sim) throws IOException {
        for (Monitor<?> m : monitors) sim.recording(m);
        writer.flush();
    }

    /** Writes the units table and the final metadata, marks the file complete and renames it. */
    Path finish(Map<String, ?> finalMetadata) throws IOException {
        return writer.finish(finalMetadata);
    }

    /** Closes and deletes the file: for a run refused before its first step. */
    void discard() throws IOException {
        close();
        java.nio.file.Files.deleteIfExists(writer.partialPath());
    }

    /** Closes the file (left as run.nwb.partial, incomplete, unless finished) and drops the hook. */
    @Override
    public void close() throws IOException {
        writer.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway and finds the file closed
        }
    }
}
