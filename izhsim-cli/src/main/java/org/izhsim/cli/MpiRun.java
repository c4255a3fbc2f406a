package org.izhsim.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.Version;
import org.izhsim.mpi.Gathered;
import org.izhsim.mpi.MpiCommunicator;
import org.izhsim.mpi.MpiEnvironment;
import org.izhsim.mpi.MpiUnavailableException;
import org.izhsim.network.Communicator;
import org.izhsim.network.Network;
import org.izhsim.network.Recording;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateRecording;
import org.izhsim.network.TimingReport;
import org.izhsim.run.Memory;
import picocli.CommandLine;

/**
 * izhsim started by mpirun (or srun): every rank runs the same command line on its share of
 * the neurons; rank 0 gathers the recordings and writes every output once, and only rank 0
 * prints (the other ranks' standard streams are silenced, their error messages captured).
 * Outside MPI every method here is the single-process identity, so network commands call them
 * unconditionally.
 *
 * <p><b>Errors.</b> A run has one agreement point, {@link #ready(Simulation)}, after the build (where every
 * input error has shown itself). Until every rank has reached it no rank is inside a collective
 * that others may never join, so a rank that fails before it (bad input, a refused network, a
 * build error) agrees with the others instead: all ranks meet in one reduction, the lowest
 * failing rank prints its message, and every rank exits with its exit code after
 * MPI_Finalize, with no rank left running. Past that point the others may be waiting in a spike
 * exchange that a failed rank will never join, so the failed rank prints its message and calls
 * MPI_Abort, which ends every process of the job: never a hang.
 */
final class MpiRun {
    /** The commands that run distributed; every other one is refused under mpirun. */
    private static final Set<String> DISTRIBUTED = Set.of("run", "net2003");
    /** First exchanges of {@link MpiCommunicator#warmUpExchange} after {@link #ready(Simulation)}; it goes on until the JIT is quiet. */
    private static final int WARM_UP_EXCHANGES = 3000;

    /** spnet as a model file, which the engine runs on any number of ranks. */
    static final String SPNET_MODEL = "examples/models/spnet-equations.yaml";

    private static Communicator comm = Communicator.local();
    private static boolean agreed;
    /** The exit code agreed in {@link #ready(Simulation)} when another rank failed; this rank then stops without a message. */
    private static Integer peerFailed;
    /** Per-rank figures of the run, for the summary (in insertion order). */
    private static final Map<String, Object> perRank = new java.util.LinkedHashMap<>();

    private MpiRun() {}

    /** Whether an MPI launcher started this process. */
    static boolean underMpirun() {
        return MpiEnvironment.underMpirun();
    }

    /** Runs {@code args} as one rank of the job and returns its exit code; MPI is finalised (or the job aborted) on the way out. */
    static int run(String[] args) {
        PrintStream err = System.err;
        MpiCommunicator world;
        try {
            world = MpiCommunicator.world();
        } catch (MpiUnavailableException | org.izhsim.mpi.MpiException e) {
            // no MPI, so no way to agree: the launcher's rank 0 speaks for all
            if (MpiEnvironment.launcherRank() == 0) err.println("izhsim: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        comm = world;
        int rank = world.rank();
        if (rank != 0) {
            PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            System.setOut(silent);
            System.setErr(silent);
        }
        // made after the streams are redirected: picocli's writers made before would keep the old ones
        CommandLine cl = Main.commandLine(args);
        StringWriter captured = new StringWriter();
        cl.setErr(new PrintWriter(captured, true));
        String refusal = refusal(args, world);
        int code;
        if (refusal != null) {
            if (rank == 0) err.println(refusal);
            code = Main.EXIT_USAGE;
        } else {
            code = Main.execute(cl, args);
        }
        String message = captured.toString();
        String shown = rank == 0 ? message : message.replaceAll("(?m)^(?=.)", "[rank " + rank + "] ");
        if (peerFailed != null) {
            code = peerFailed;
        } else if (!agreed) {
            code = agree(code, rank, shown, err);
        } else if (code != 0) {
            err.print(shown);
            err.flush();
            world.abort(code, message);
        } else if (rank == 0) {
            err.print(message); // warnings
        }
        world.close();
        return code;
    }

    /**
     * The one-line reason a command line cannot run under mpirun, the same on every rank (or
     * null): ranks built from different izhsim versions, or an interactive or single-process
     * command. Collective.
     */
    private static String refusal(String[] args, Communicator c) {
        String versions = versionMismatch(c, Version.version() + " " + Version.commit());
        if (versions != null) return versions;
        String command = args.length == 0 ? "" : args[0];
        if (command.isEmpty() || command.startsWith("-") || DISTRIBUTED.contains(command)) return null;
        if (command.equals("ui")) {
            return "izhsim: 'ui' cannot run under mpirun (it serves one browser from one process); start it without mpirun";
        }
        if (command.equals("spnet")) {
            // SpnetNetwork is spnet.cpp's own loop, not the engine; the engine runs the same network on ranks
            return "izhsim: 'spnet' runs in one process (spnet.cpp's own loop); across ranks run its model file: "
                    + "mpirun -np N ./izhsim run " + SPNET_MODEL + " (or start spnet without mpirun)";
        }
        return "izhsim: '" + command + "' runs in one process; under mpirun izhsim runs " + String.join(" and ", new java.util.TreeSet<>(DISTRIBUTED))
                + " (start other commands without mpirun)";
    }

    /**
     * Collective: null if every rank passed the same {@code mine} (version and commit), else, on
     * every rank, the line naming each rank's build (rank 0 compares them and tells the others).
     */
    static String versionMismatch(Communicator c, String mine) {
        byte[][] all = c.gather(mine.getBytes(StandardCharsets.UTF_8));
        long[] mismatch = {0};
        StringBuilder builds = new StringBuilder();
        if (all != null) {
            for (int r = 0; r < all.length; r++) {
                if (!java.util.Arrays.equals(all[r], all[0])) mismatch[0] = 1;
                builds.append(r == 0 ? "" : ", ").append("rank ").append(r).append(": ").append(new String(all[r], StandardCharsets.UTF_8));
            }
        }
        c.allreduce(mismatch, Communicator.Op.MAX);
        if (mismatch[0] == 0) return null;
        return "izhsim: the ranks run different izhsim builds" + (all == null ? "" : " (" + builds + ")")
                + "; install the same build on every node";
    }

    /**
     * The agreement of a run that ended before every rank was ready (or never got there: --help,
     * --version): one reduction finds the lowest failing rank, which prints its message; every
     * rank returns that rank's exit code.
     */
    private static int agree(int code, int rank, String message, PrintStream err) {
        int[] outcome = outcome(code, rank);
        if (outcome == null) {
            if (rank == 0) err.print(message);
            return 0;
        }
        if (outcome[0] == rank) {
            err.print(message);
            err.flush();
        }
        return outcome[1];
    }

    /** Collective: null if no rank failed, else {lowest failing rank, its exit code}. */
    private static int[] outcome(int code, int rank) {
        agreed = true;
        long[] lowest = {code != 0 ? rank : Long.MAX_VALUE};
        comm.allreduce(lowest, Communicator.Op.MIN);
        if (lowest[0] == Long.MAX_VALUE) return null;
        long[] itsCode = {lowest[0] == rank ? code : Long.MIN_VALUE};
        comm.allreduce(itsCode, Communicator.Op.MAX);
        return new int[] {(int) lowest[0], (int) itsCode[0]};
    }

    /** The communicator for a network run; refuses what a distributed run cannot do (every rank refuses alike). */
    static Communicator communicator(Network net, Set<String> data) {
        int n = net.neuronCount();
        if (comm.size() > n) {
            throw new IllegalArgumentException(comm.size() + " ranks for " + n + " neurons: every rank needs at least one; "
                    + "start at most " + n + " (mpirun -np " + n + ")");
        }
        if (comm.size() > 1 && data.contains("nwb")) {
            throw new IllegalArgumentException("--data nwb is not written under mpirun (every rank would stream its part of run.nwb); "
                    + "use --data npz,csv, which rank 0 writes once");
        }
        return comm;
    }

    /**
     * The agreement point, on every rank after the network is built: returns if every rank got
     * here; if another rank failed before it, this rank stops (its exit code is that rank's;
     * the failed rank prints the message).
     */
    static void ready(Simulation sim) {
        // underMpirun first: the instanceof alone would load MpiCommunicator, a new Communicator
        // class, which throws away the step loop's compiled exchange call just before the
        // timed run of a single process (recompiled during the run: BENCHMARKS.md §7)
        if (!underMpirun() || !(comm instanceof MpiCommunicator m)) return;
        int[] outcome = outcome(0, comm.rank());
        if (outcome != null) {
            peerFailed = outcome[1];
            throw new PeerFailedException(outcome[0]);
        }
        // past the agreement every rank is here: now collectives may run, and the step loop's
        // exchange path is compiled before the timed run instead of during its first exchanges
        sim.warmUpAcrossRanks();
        m.warmUpExchange(WARM_UP_EXCHANGES);
    }

    /** Thrown on a rank that was ready when another rank had failed; never printed. */
    static final class PeerFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PeerFailedException(int rank) {
            super("rank " + rank + " failed", null, false, false);
        }
    }

    /**
     * Worker threads when --threads is not given: all the cores this process may use, but
     * under mpirun without binding (--bind-to none) every rank of a node sees all its cores,
     * so each takes its share (cores / ranks on the node); a launcher that bound the rank to
     * T cores (--map-by ...:PE=T, srun --cpus-per-task=T) already gives T.
     */
    static int defaultThreads() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!underMpirun()) return cpus;
        int local = MpiEnvironment.ranksOnThisNode();
        return cpus < MpiEnvironment.onlineCpus() ? cpus : Math.max(1, cpus / Math.max(1, local));
    }

    /** Whether this process writes outputs and prints: rank 0, or the only process. */
    static boolean root() {
        return comm.rank() == 0;
    }

    static int ranks() {
        return comm.size();
    }

    /** All ranks' spikes on rank 0, null elsewhere (collective). */
    static SpikeRecording gather(SpikeRecording mine) {
        return comm.size() == 1 ? mine : Gathered.spikes(comm, mine);
    }

    static StateRecording gather(StateRecording mine) {
        return comm.size() == 1 ? mine : Gathered.states(comm, mine);
    }

    static Recording gather(Recording mine) {
        return comm.size() == 1 ? mine : Gathered.any(comm, mine);
    }

    /** Collective: the plastic groups' weights of every rank on rank 0, in one process's order (null elsewhere, or without plastic groups). */
    static org.izhsim.io.PlasticWeights.Table weights(Simulation sim) {
        return org.izhsim.io.PlasticWeights.of(sim, comm);
    }

    /**
     * The job's timing (sums and the slowest rank, see {@link Gathered#timing}); also notes, per
     * rank, the synapses it built (its share only), its spike exchanges' bytes and time, and its
     * peak RSS, for {@link #describe}.
     */
    static TimingReport gather(TimingReport mine) {
        if (comm.size() == 1) return mine;
        MpiCommunicator.Traffic t = comm instanceof MpiCommunicator m ? m.traffic() : new MpiCommunicator.Traffic(0, 0, 0, 0);
        perRank.put("synapses_per_rank", perRank(mine.synapses()));
        perRank.put("exchange_intervals", t.exchanges());
        perRank.put("exchange_bytes_sent_per_rank", perRank(t.bytesSent()));
        perRank.put("exchange_bytes_received_per_rank", perRank(t.bytesReceived()));
        perRank.put("exchange_s_per_rank", perRank(t.seconds()));
        perRank.put("peak_rss_mb_per_rank", perRank(Memory.peakRssMb()));
        return Gathered.timing(comm, mine);
    }

    /** Collective: every rank's value, indexed by rank (a sum in which each rank fills its own slot: exact). */
    private static List<Long> perRank(long mine) {
        long[] all = new long[comm.size()];
        all[comm.rank()] = mine;
        comm.allreduce(all, Communicator.Op.SUM);
        return java.util.Arrays.stream(all).boxed().toList();
    }

    private static List<Double> perRank(double mine) {
        double[] all = new double[comm.size()];
        all[comm.rank()] = mine;
        comm.allreduce(all, Communicator.Op.SUM);
        return java.util.Arrays.stream(all).boxed().toList();
    }

    /**
     * Adds the job's shape to a run's summary: "ranks" and, with several, what each rank built,
     * exchanged and used (the figures of {@link #gather(TimingReport)}).
     */
    static void describe(Map<String, Object> summary) {
        summary.put("ranks", comm.size());
        summary.putAll(perRank);
    }
}
