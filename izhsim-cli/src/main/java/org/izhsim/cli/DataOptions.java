package org.izhsim.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.izhsim.io.DataFormat;
import org.izhsim.network.StateMonitor;
import picocli.CommandLine.Option;

/** Which data files a network run writes and which states it records into run.nwb. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "FORMATS",
            description = "Data files: npz (spikes.npz), csv (spikes.csv), nwb (run.nwb: NWB 2.7/HDF5 units table and "
                    + "recorded states, streamed in chunks), all or none; run.json is always written (default: npz,csv, "
                    + "or a model file's outputs.data).")
    String data;

    @Option(names = "--record", paramLabel = "VARS", defaultValue = "none",
            description = "States to record into run.nwb every --record-every steps: v, u, I (comma-separated) or none (default: ${DEFAULT-VALUE}).")
    String record;

    @Option(names = "--record-neurons", paramLabel = "LIST", defaultValue = "0",
            description = "Neurons to record: global indices and ranges, excitatory first, e.g. 0,1,800 or 0-99,800 or all (default: ${DEFAULT-VALUE}).")
    String recordNeurons;

    @Option(names = "--record-every", paramLabel = "STEPS", defaultValue = "1",
            description = "Steps between recorded samples (default: ${DEFAULT-VALUE}).")
    int recordEvery;

    @Option(names = "--chunk-steps", paramLabel = "STEPS", defaultValue = "1000",
            description = "Steps per chunk written to run.nwb; an interrupted run keeps every completed chunk (default: ${DEFAULT-VALUE}).")
    int chunkSteps;

    Set<DataFormat> formats() {
        // without --data: DataFormat.DEFAULT, or a model file's outputs.data (NetworkCommand.dataFiles)
        return data == null ? DataFormat.DEFAULT : DataFormat.parse(data, "--data");
    }

    /** True if --data was given on the command line. */
    boolean given() {
        return data != null;
    }

    /** The variables to record; empty for none. */
    StateMonitor.Variable[] variables() {
        EnumSet<StateMonitor.Variable> out = EnumSet.noneOf(StateMonitor.Variable.class);
        for (String raw : record.split(",")) {
            String r = raw.trim();
            switch (r.toLowerCase(Locale.ROOT)) {
                case "none" -> { }
                case "v" -> out.add(StateMonitor.Variable.V);
                case "u" -> out.add(StateMonitor.Variable.U);
                case "i" -> out.add(StateMonitor.Variable.I);
                default -> throw new IllegalArgumentException("unknown state '" + r + "' in --record; known: v, u, I, none");
            }
        }
        return out.toArray(new StateMonitor.Variable[0]);
    }

    /** The neurons to record (indices, ranges A-B, or all), each checked against the network's {@code n} neurons. */
    int[] neurons(int n) {
        if (recordNeurons.trim().equalsIgnoreCase("all")) return java.util.stream.IntStream.range(0, n).toArray();
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        for (String raw : recordNeurons.split(",")) {
            String part = raw.trim();
            int dash = part.indexOf('-', 1);
            int from = index(dash < 0 ? part : part.substring(0, dash), n);
            int to = dash < 0 ? from : index(part.substring(dash + 1), n);
            if (to < from) throw new IllegalArgumentException("--record-neurons: range '" + part + "' runs backwards");
            for (int i = from; i <= to; i++) out.add(i);
        }
        return out.build().toArray();
    }

    private static int index(String text, int n) {
        int i;
        try {
            i = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--record-neurons: '" + text.trim() + "' is not a neuron index; give e.g. 0,1,800 or 0-99 or all");
        }
        if (i < 0 || i >= n) throw new IllegalArgumentException("--record-neurons: neuron " + i + " is not in 0.." + (n - 1));
        return i;
    }

    /** Checks the numbers; called before anything runs. */
    void check() {
        if (recordEvery < 1) throw new IllegalArgumentException("--record-every must be at least 1, got " + recordEvery);
        if (chunkSteps < 1) throw new IllegalArgumentException("--chunk-steps must be at least 1, got " + chunkSteps);
    }
}
