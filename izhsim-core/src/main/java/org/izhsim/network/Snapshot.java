package org.izhsim.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.izhsim.Version;
import org.izhsim.network.engine.EngineState;

/**
 * The state of a {@link Simulation} between two steps ({@link Simulation#snapshot()}), immutable:
 * every group's vectors (state variables, parameters, I), ring buffers of arrivals, an equation
 * model's refractory clock, the inputs' live values (noise σ and held draws, constant amplitudes,
 * Poisson rates), spikes not yet exchanged between ranks, queued parameter changes, the change log
 * and the step; of plastic synapse groups the weights, side arrays (sd), the rules' traces and
 * the spikes still to arrive. Random numbers are counter-based, so no generator state is needed;
 * synapses are rebuilt from the network, and a checksum of them (for plastic groups without
 * their weights) must match. Monitors are not part of it: a
 * resumed simulation records from its first step on. Behaviours keep their state in the group's
 * vectors, which are; a behaviour's own Java fields (a {@code Recorder}'s frames) are not.
 *
 * <pre>{@code
 * Snapshot s = sim.snapshot();
 * try (OutputStream out = Files.newOutputStream(path)) { s.write(out); }
 * ...
 * Snapshot t;
 * try (InputStream in = Files.newInputStream(path)) { t = Snapshot.read(in); }
 * try (Simulation resumed = Simulation.builder(network).resumeFrom(t).build()) { resumed.run(500); }
 * }</pre>
 *
 * <p>The binary form (big-endian, {@link DataOutputStream}): the magic {@code IZSN}, the format
 * version, the izhsim version, the network's description hash and synapse checksum, the step, the
 * rank's neuron range, the named arrays, the queued changes, the change log, and a CRC-32 of all
 * that. A file that is not a snapshot, of another format or izhsim version, truncated or
 * corrupt is refused with a message that says which; a snapshot of another network is refused
 * when it is resumed.
 */
public final class Snapshot {
    private static final int MAGIC = 0x495A534E; // "IZSN"
    private static final int FORMAT = 1;

    private final String izhsimVersion;
    private final long networkHash, synapseHash;
    private final EngineState state;

    Snapshot(String izhsimVersion, long networkHash, long synapseHash, EngineState state) {
        this.izhsimVersion = izhsimVersion;
        this.networkHash = networkHash;
        this.synapseHash = synapseHash;
        this.state = state;
    }

    /** The next step a simulation resumed from this snapshot runs. */
    public long step() {
        return state.step();
    }

    /** The izhsim version that took it. */
    public String izhsimVersion() {
        return izhsimVersion;
    }

    /** The changes committed before it, in order. */
    public List<AppliedChange> changeLog() {
        return state.log();
    }

    long networkHash() {
        return networkHash;
    }

    long synapseHash() {
        return synapseHash;
    }

    EngineState state() {
        return state;
    }

    /** Writes the binary form to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
        DataOutputStream d = new DataOutputStream(checked);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(izhsimVersion);
        d.writeLong(networkHash);
        d.writeLong(synapseHash);
        d.writeLong(state.step());
        d.writeInt(state.ownedFrom());
        d.writeInt(state.ownedTo());
        d.writeInt(state.doubles().size());
        for (Map.Entry<String, double[]> e : sorted(state.doubles()).entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().length);
            for (double x : e.getValue()) d.writeDouble(x);
        }
        d.writeInt(state.longs().size());
        for (Map.Entry<String, long[]> e : sorted(state.longs()).entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().length);
            for (long x : e.getValue()) d.writeLong(x);
        }
        d.writeInt(state.pending().size());
        for (EngineState.QueuedChange q : state.pending()) {
            d.writeLong(q.step());
            d.writeUTF(q.kind());
            d.writeUTF(q.input());
            d.writeUTF(q.description());
            d.writeBoolean(q.scalar());
            d.writeInt(q.values().length);
            for (double x : q.values()) d.writeDouble(x);
        }
        d.writeInt(state.log().size());
        for (AppliedChange a : state.log()) {
            d.writeLong(a.step());
            d.writeDouble(a.timeMs());
            d.writeUTF(a.description());
        }
        d.flush();
        new DataOutputStream(out).writeLong(checked.getChecksum().getValue());
        out.flush();
    }

    /**
     * Reads a snapshot written by {@link #write}.
     *
     * @throws IOException with a message naming the problem: not a snapshot, another format or
     *                     izhsim version, truncated, or corrupt (checksum)
     */
    public static Snapshot read(InputStream in) throws IOException {
        Objects.requireNonNull(in);
        CheckedInputStream checked = new CheckedInputStream(in, new CRC32());
        DataInputStream d = new DataInputStream(checked);
        try {
            if (d.readInt() != MAGIC) throw new IOException("not an izhsim snapshot (no IZSN magic at its start)");
            int format = d.readInt();
            if (format != FORMAT) throw new IOException("snapshot format " + format + "; this izhsim reads format " + FORMAT);
            String version = d.readUTF();
            if (!version.equals(Version.version())) {
                throw new IOException("snapshot written by izhsim " + version + "; this is izhsim " + Version.version()
                        + ", which resumes only its own snapshots");
            }
            long networkHash = d.readLong(), synapseHash = d.readLong(), step = d.readLong();
            int from = d.readInt(), to = d.readInt();
            Map<String, double[]> doubles = new LinkedHashMap<>();
            for (int i = count(d); i > 0; i--) doubles.put(d.readUTF(), readDoubles(d));
            Map<String, long[]> longs = new LinkedHashMap<>();
            for (int i = count(d); i > 0; i--) {
                String key = d.readUTF();
                int n = count(d);
                long[] x = new long[Math.min(n, 1 << 16)];
                for (int j = 0; j < n; j++) {
                    if (j == x.length) x = Arrays.copyOf(x, (int) Math.min(n, 2L * x.length));
                    x[j] = d.readLong();
                }
                longs.put(key, x);
            }
            List<EngineState.QueuedChange> pending = new ArrayList<>();
            for (int i = count(d); i > 0; i--) {
                long at = d.readLong();
                String kind = d.readUTF(), input = d.readUTF(), description = d.readUTF();
                boolean scalar = d.readBoolean();
                pending.add(new EngineState.QueuedChange(at, kind, input, description, scalar, readDoubles(d)));
            }
            List<AppliedChange> log = new ArrayList<>();
            for (int i = count(d); i > 0; i--) log.add(new AppliedChange(d.readLong(), d.readDouble(), d.readUTF()));
            long computed = checked.getChecksum().getValue();
            long stored = new DataInputStream(in).readLong();
            if (stored != computed) throw new IOException("corrupt snapshot: its checksum does not match its contents");
            if (step < 0 || from < 0 || to < from) throw new IOException("corrupt snapshot: step " + step + ", neurons [" + from + ", " + to + ")");
            return new Snapshot(version, networkHash, synapseHash, new EngineState(step, from, to, doubles, longs, pending, log));
        } catch (EOFException e) {
            throw new IOException("truncated snapshot: it ends before its contents do", e);
        } catch (UTFDataFormatException e) {
            throw new IOException("corrupt snapshot: a name in it is not valid text", e);
        }
    }

    private static int count(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0) throw new IOException("corrupt snapshot: a negative count");
        return n;
    }

    /** Grows the array as the values arrive, so that a corrupt length ends in EOF, not in a huge allocation. */
    private static double[] readDoubles(DataInputStream d) throws IOException {
        int n = count(d);
        double[] x = new double[Math.min(n, 1 << 16)];
        for (int j = 0; j < n; j++) {
            if (j == x.length) x = Arrays.copyOf(x, (int) Math.min(n, 2L * x.length));
            x[j] = d.readDouble();
        }
        return x;
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return new java.util.TreeMap<>(m);
    }
}
