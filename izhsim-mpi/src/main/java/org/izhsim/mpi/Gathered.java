package org.izhsim.mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.izhsim.network.Communicator;
import org.izhsim.network.RateRecording;
import org.izhsim.network.Recording;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateRecording;
import org.izhsim.network.TimingReport;

/**
 * A run's results brought to rank 0, which writes every output once: each rank's recording of
 * a monitor is serialised, {@link Communicator#gather gathered} and merged as the recording's
 * kind requires (spikes sorted by (step, neuron), states from the rank that owns each neuron,
 * rate counts added). Collective: every rank calls the same methods in the same order. The
 * recording methods return the merged recording on rank 0 and null elsewhere; with
 * {@link Communicator#local()} they return an equal recording.
 */
public final class Gathered {
    private Gathered() {}

    public static SpikeRecording spikes(Communicator c, SpikeRecording mine) {
        List<byte[]> all = gather(c, out -> {
            out.writeUTF(mine.monitorName());
            out.writeDouble(mine.dt());
            out.writeInt(mine.count());
            for (int i = 0; i < mine.count(); i++) {
                out.writeInt(mine.step(i));
                out.writeInt(mine.neuron(i));
            }
        });
        if (all == null) return null;
        List<SpikeRecording> parts = new ArrayList<>();
        for (byte[] b : all) {
            parts.add(read(b, in -> {
                String name = in.readUTF();
                double dt = in.readDouble();
                int n = in.readInt();
                int[] steps = new int[n], neurons = new int[n];
                for (int i = 0; i < n; i++) {
                    steps[i] = in.readInt();
                    neurons[i] = in.readInt();
                }
                return SpikeRecording.of(name, dt, steps, neurons);
            }));
        }
        return SpikeRecording.merge(parts);
    }

    public static StateRecording states(Communicator c, StateRecording mine) {
        List<byte[]> all = gather(c, out -> {
            out.writeUTF(mine.monitorName());
            out.writeDouble(mine.dt());
            out.writeInt(mine.every());
            out.writeInt(mine.samples());
            int[] ns = mine.neurons();
            out.writeInt(ns.length);
            for (int n : ns) out.writeInt(n);
            List<String> names = mine.variables();
            out.writeInt(names.size());
            for (String var : names) {
                out.writeUTF(var);
                // row-major, as the recording keeps them: sample by sample, one value per neuron
                double[][] cols = new double[ns.length][];
                for (int j = 0; j < ns.length; j++) cols[j] = mine.trace(var, j);
                for (int s = 0; s < mine.samples(); s++) for (double[] col : cols) out.writeDouble(col[s]);
            }
        });
        if (all == null) return null;
        List<StateRecording> parts = new ArrayList<>();
        for (byte[] b : all) {
            parts.add(read(b, in -> {
                String name = in.readUTF();
                double dt = in.readDouble();
                int every = in.readInt(), samples = in.readInt();
                int[] ns = new int[in.readInt()];
                for (int j = 0; j < ns.length; j++) ns[j] = in.readInt();
                List<String> names = new ArrayList<>();
                double[][] vals = new double[in.readInt()][];
                for (int q = 0; q < vals.length; q++) {
                    names.add(in.readUTF());
                    vals[q] = new double[samples * ns.length];
                    for (int x = 0; x < vals[q].length; x++) vals[q][x] = in.readDouble();
                }
                return StateRecording.of(name, dt, every, ns, samples, names, vals);
            }));
        }
        return StateRecording.merge(parts);
    }

    public static RateRecording rates(Communicator c, RateRecording mine) {
        long[] counts = mine.counts();
        List<byte[]> all = gather(c, out -> {
            out.writeInt(counts.length);
            for (long n : counts) out.writeLong(n);
        });
        if (all == null) return null;
        List<RateRecording> parts = new ArrayList<>();
        for (byte[] b : all) {
            parts.add(read(b, in -> {
                long[] cs = new long[in.readInt()];
                for (int i = 0; i < cs.length; i++) cs[i] = in.readLong();
                return RateRecording.of(mine.monitorName(), mine.binMs(), mine.neurons(), cs);
            }));
        }
        return RateRecording.merge(parts);
    }

    /** Any recording, by its kind. */
    public static Recording any(Communicator c, Recording mine) {
        return switch (mine) {
            case SpikeRecording s -> spikes(c, s);
            case StateRecording s -> states(c, s);
            case RateRecording r -> rates(c, r);
            default -> throw new IllegalArgumentException("no way to gather a " + mine.getClass().getSimpleName());
        };
    }

    /**
     * The whole job's cost, on every rank: neurons, synapses, spikes and events add up; build and
     * run time are the slowest rank's (the job waits for it); steps and threads are per rank.
     */
    public static TimingReport timing(Communicator c, TimingReport mine) {
        long[] sums = {mine.neurons(), mine.synapses(), mine.spikes(), mine.events()};
        c.allreduce(sums, Communicator.Op.SUM);
        double[] slowest = {mine.buildSeconds(), mine.runSeconds()};
        c.allreduce(slowest, Communicator.Op.MAX);
        return new TimingReport(slowest[0], slowest[1], mine.steps(), (int) sums[0], sums[1], sums[2], sums[3], mine.threads());
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static List<byte[]> gather(Communicator c, Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        byte[][] all = c.gather(bytes.toByteArray());
        return all == null ? null : List.of(all);
    }

    private static <T> T read(byte[] b, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
