package org.izhsim.mpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Communicator;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.Input;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;

/**
 * One rank of the MPI tests, started by {@link MpiCommunicatorTest} under mpirun:
 * {@code spikes NETWORK THREADS DURATION_MS OUT} runs a network and rank 0 writes everyone's
 * spikes; {@code collectives OUT} writes rank 0's view of gather/allreduce/barrier;
 * {@code fail OUT} runs a network in which rank 1 throws part-way. A failing rank prints its
 * message once and aborts the job, as the command line does.
 */
public final class MpiRankMain {
    private MpiRankMain() {}

    public static void main(String[] args) throws IOException {
        MpiCommunicator c = MpiCommunicator.world();
        String text;
        try {
            text = switch (args[0]) {
                case "spikes" -> spikeText(runSpikes(c, args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]), -1));
                case "collectives" -> collectives(c);
                case "fail" -> spikeText(runSpikes(c, "delayed", 1, 200, 1));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            };
        } catch (RuntimeException e) {
            // the line is built whole and printed once: under mpirun, fragments of ranks interleave
            System.err.println("izhsim-mpi test: rank " + c.rank() + ": " + e.getMessage());
            c.abort(4, e.getMessage());
            return;
        }
        if (text != null) {
            Path out = Path.of(args[args.length - 1]), tmp = Path.of(out + ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        }
        c.close();
    }

    /** A sparse network with per-synapse delays 2..6, noise and Poisson input, groups of odd sizes. */
    static Izhikevich2003Network.Built delayed() {
        NeuronGroup e = NeuronGroup.builder("e", 257).c(PerNeuron.ofUniform(r -> -65 + 15 * r * r)).build();
        NeuronGroup i = NeuronGroup.builder("i", 61).a(0.1).d(2).build();
        Network.Builder nb = Network.builder().seed(21).scheme(Scheme.EULER).dt(0.5).add(e).add(i)
                .add(SynapseGroup.builder("ee", e, e).connect(Connectivity.probability(0.12))
                        .weights(Weights.uniform(0, 1.1)).delays(Delays.uniform(2, 6)).build())
                .add(SynapseGroup.builder("ei", e, i).connect(Connectivity.fixedInDegree(30))
                        .weights(Weights.uniform(0, 1)).delay(3).build())
                .add(SynapseGroup.builder("ie", i, e).tag("GABA").connect(Connectivity.fixedInDegree(15))
                        .weights(Weights.ofUniform(r -> -2 * r)).delays(Delays.uniform(2, 4)).build())
                .add(Input.noise(e, PerNeuron.constant(5), 1.0))
                .add(Input.poisson(i, 10, 20, 1.5));
        SpikeMonitor m = SpikeMonitor.all();
        nb.add(m);
        return new Izhikevich2003Network.Built(nb.build(), e, i, java.util.List.of(), m, null, 1, 0);
    }

    static Izhikevich2003Network.Built network(String name) {
        return switch (name) {
            case "delayed" -> delayed();
            case "net2003" -> Izhikevich2003Network.builder().seed(3).build();
            default -> throw new IllegalArgumentException("unknown network " + name);
        };
    }

    /** Rank 0 gets every rank's spikes, others null; {@code failingRank} throws after a quarter of the run. */
    static SpikeRecording runSpikes(Communicator c, String name, int threads, double ms, int failingRank) {
        Izhikevich2003Network.Built b = network(name);
        try (Simulation sim = Simulation.builder(b.network()).threads(threads).minNeuronsPerThread(1).communicator(c).build()) {
            if (c.rank() == failingRank) {
                sim.run(ms / 4);
                throw new IllegalStateException("rank " + failingRank + " gives up on purpose");
            }
            sim.run(ms);
            return Gathered.spikes(c, sim.recording(b.spikes()));
        }
    }

    static String spikeText(SpikeRecording s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.count(); i++) sb.append(s.step(i)).append(' ').append(s.neuron(i)).append('\n');
        return sb.toString();
    }

    /**
     * Rank 0's record of the collectives with rank-dependent inputs, and of every rank's
     * results (gathered): sums whose bits depend on the order of addition, MIN/MAX with -0.0
     * and NaN, long reductions, payloads of different lengths (rank 0's empty).
     */
    static String collectives(Communicator c) {
        int r = c.rank();
        double[] sum = {r == 0 ? 1e16 : 1.0, r + 0.1, 1e-17 * r, r == c.size() - 1 ? -1e16 : 0.3};
        c.allreduce(sum, Communicator.Op.SUM);
        double[] min = {r == 0 ? 0.0 : -0.0, r == 1 ? Double.NaN : r, -r};
        c.allreduce(min, Communicator.Op.MIN);
        double[] max = {r == 0 ? -0.0 : 0.0, r == 1 ? Double.NaN : r, -r};
        c.allreduce(max, Communicator.Op.MAX);
        long[] longs = {r, -3L * r, Long.MAX_VALUE / 8 * (r + 1)};
        long[] lsum = longs.clone(), lmin = longs.clone(), lmax = longs.clone();
        c.allreduce(lsum, Communicator.Op.SUM);
        c.allreduce(lmin, Communicator.Op.MIN);
        c.allreduce(lmax, Communicator.Op.MAX);
        c.barrier();
        byte[] payload = new byte[3 * r];
        for (int j = 0; j < payload.length; j++) payload[j] = (byte) (r * 17 + j);
        StringBuilder mine = new StringBuilder();
        for (double[] a : new double[][] {sum, min, max}) for (double x : a) mine.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ');
        for (long[] a : new long[][] {lsum, lmin, lmax}) for (long x : a) mine.append(x).append(' ');
        byte[][] results = c.gather(mine.toString().getBytes(StandardCharsets.UTF_8));
        byte[][] payloads = c.gather(payload);
        if (results == null) return null;
        StringBuilder sb = new StringBuilder("ranks " + c.size() + "\n");
        for (int q = 0; q < results.length; q++) {
            sb.append("rank ").append(q).append(" results ").append(new String(results[q], StandardCharsets.UTF_8)).append('\n');
            sb.append("rank ").append(q).append(" payload ").append(HexFormat.of().formatHex(payloads[q])).append('\n');
        }
        return sb.toString();
    }
}
