package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.izhsim.analysis.polychronous.SynapseSnapshot;
import org.izhsim.io.NpzReader;

/**
 * Reads a weight snapshot {@code .npz} (the format of issue 15: int arrays {@code pre},
 * {@code post}, {@code delay_ms}, a float array {@code w}, and the scalars {@code ne}, {@code ni},
 * {@code sm} when the writer knew them). Options given on the command line win over the file's
 * scalars; without {@code ni}, N is the largest neuron index + 1; without {@code sm}, spnet's 10.
 */
final class WeightSnapshotFile {
    /** spnet's largest excitatory weight [mV], used when neither the file nor --sm gives one. */
    static final double SPNET_SM = 10;

    private WeightSnapshotFile() {}

    /** What was read and where each size came from ("file", "option", "default", "indices"). */
    record Loaded(SynapseSnapshot snapshot, String neFrom, String nFrom, String smFrom) {}

    static Loaded read(Path file, Integer neOption, Integer niOption, Double smOption) throws IOException {
        if (file.getFileName().toString().endsWith(".ckpt")) return checkpoint(file, neOption, niOption, smOption);
        try (NpzReader npz = NpzReader.open(file)) {
            for (String name : new String[] {"pre", "post", "delay_ms", "w"}) {
                if (!npz.has(name)) {
                    throw new IllegalArgumentException(file + " has no array '" + name + "': a weight snapshot holds pre, post, "
                            + "delay_ms and w (it has: " + String.join(", ", npz.names()) + ")");
                }
            }
            int[] pre = npz.ints("pre"), post = npz.ints("post"), delay = npz.ints("delay_ms");
            double[] w = npz.doubles("w");
            int maxIndex = -1;
            for (int x : pre) maxIndex = Math.max(maxIndex, x);
            for (int x : post) maxIndex = Math.max(maxIndex, x);
            String neFrom = neOption != null ? "option" : npz.has("ne") ? "file" : null;
            if (neFrom == null) {
                throw new IllegalArgumentException(file + " has no scalar 'ne' (the number of excitatory neurons, numbered first); "
                        + "give it with --ne");
            }
            long ne = neOption != null ? neOption : whole(file, "ne", npz.scalar("ne"));
            String nFrom;
            long n;
            if (niOption != null || npz.has("ni")) {
                nFrom = niOption != null ? "option" : "file";
                n = ne + (niOption != null ? niOption : whole(file, "ni", npz.scalar("ni")));
            } else {
                nFrom = "indices";
                n = Math.max(ne, maxIndex + 1L);
            }
            if (n > SynapseSnapshot.MAX_NEURONS) {
                throw new IllegalArgumentException(file + ": N = ne + ni = " + n + " neurons, more than the " + SynapseSnapshot.MAX_NEURONS
                        + " the search takes");
            }
            if (ne < 0 || n < 1) throw new IllegalArgumentException(file + ": ne = " + ne + " and N = " + n + " do not describe a network");
            if (maxIndex >= n) {
                throw new IllegalArgumentException(file + ": neuron index " + maxIndex + " in pre/post, but N = ne + ni = " + n);
            }
            String smFrom = smOption != null ? "option" : npz.has("sm") ? "file" : "default";
            double sm = smOption != null ? smOption : npz.has("sm") ? npz.scalar("sm") : SPNET_SM;
            try {
                return new Loaded(new SynapseSnapshot((int) n, (int) ne, sm, pre, post, delay, w), neFrom, nFrom, smFrom);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
    }

    /**
     * An {@code izhsim spnet} checkpoint: its synapses (redrawn from its configuration and
     * checked against its wiring digest) with its weights; ne, ni and sm are the checkpoint's,
     * which options may not contradict.
     */
    private static Loaded checkpoint(Path file, Integer neOption, Integer niOption, Double smOption) throws IOException {
        org.izhsim.spnet.SpnetState st = org.izhsim.spnet.SpnetCheckpoint.read(file);
        org.izhsim.spnet.SpnetConfig c = st.config();
        if ((neOption != null && neOption != c.ne()) || (niOption != null && niOption != c.ni()) || (smOption != null && smOption != c.sm())) {
            throw new IllegalArgumentException(file + " is a checkpoint of ne " + c.ne() + ", ni " + c.ni() + ", sm " + c.sm()
                    + "; drop --ne, --ni and --sm or give those values");
        }
        org.izhsim.spnet.SpnetNetwork.Synapses syn;
        try (org.izhsim.spnet.SpnetNetwork net = org.izhsim.spnet.SpnetNetwork.resume(st, 1)) {
            syn = net.synapses();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + file + ": " + e.getMessage());
        }
        double[] w = new double[syn.w().length];
        for (int q = 0; q < w.length; q++) w[q] = syn.w()[q];
        return new Loaded(new SynapseSnapshot(c.n(), c.ne(), c.sm(), syn.pre(), syn.post(), syn.delayMs(), w), "checkpoint", "checkpoint",
                "checkpoint");
    }

    private static long whole(Path file, String name, double x) {
        if (x != Math.rint(x) || x < 0 || x > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(file + ": '" + name + "' = " + x + " is not a neuron count");
        }
        return (long) x;
    }
}
