package org.izhsim.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.network.BlockTiming;
import org.izhsim.spnet.DaStdp;
import org.izhsim.spnet.SpnetNetwork;

/**
 * The first experiment of Izhikevich (2007): 800 + 200 neurons with DA-STDP, one excitatory
 * synapse rewarded 1–3 s after each spike of its post neuron that follows its pre neuron within
 * 10 ms ({@link SpnetNetwork#daStdp}; {@code izhsim dastdp} is the same run with checkpoints).
 * The figure is the chosen weight against the others' percentiles, second by second.
 */
public final class DaStdpNetworkExample implements Example {
    /** The paper's hour of model time. */
    public static final long PAPER_SECONDS = 3600;

    private final long seconds;

    /** The paper's hour. */
    public DaStdpNetworkExample() {
        this(PAPER_SECONDS);
    }

    /** A shorter (or longer) run of the same experiment, e.g. for a test. */
    public DaStdpNetworkExample(long seconds) {
        if (seconds < 1) throw new IllegalArgumentException("seconds must be at least 1, got " + seconds);
        this.seconds = seconds;
    }

    @Override
    public String name() {
        return "dastdp-network";
    }

    @Override
    public String description() {
        return "DA-STDP in 1000 neurons: one synapse, rewarded with dopamine 1-3 s after its pre -> post coincidences, grows ("
                + seconds + " model s)";
    }

    @Override
    public String reproduces() {
        return "Izhikevich 2007, Cerebral Cortex 17:2443, Fig. 1 (daspnet.m)";
    }

    @Override
    public Result run(Path outDir, Options options) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", name());
        summary.put("seed", options.seed());
        summary.put("seconds", seconds);
        summary.put("threads", options.threads());
        long t0 = System.nanoTime();
        try (SpnetNetwork net = SpnetNetwork.daStdp(DaStdp.paperNetwork(options.seed()), DaStdp.PAPER_WINDOW_MS, options.threads())) {
            DaStdpTally tally = new DaStdpTally(net);
            long spikes = 0;
            for (long s = 1; s <= seconds; s++) {
                SpnetNetwork.Second sec = net.runSecond(false);
                tally.add(sec);
                spikes += Math.round(sec.rateHz() * net.config().n());
                if (options.progress() != null) options.progress().progress((double) s / seconds, spikes);
            }
            summary.put("spikes", spikes);
            DaStdp da = net.dopamine();
            summary.put("chosen", Map.of("synapse", da.chosen(), "pre", da.pre(), "post", da.post()));
            summary.put("coincidences", da.coincidences());
            summary.put("rewards", da.rewards());
            summary.putAll(tally.outcome());
            double runS = (System.nanoTime() - t0) / 1e9;
            summary.put("run_s", runS);
            Outputs out = new Outputs(outDir, this, options, summary);
            out.figure(tally.figure(), "chosen_weight");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("network", "800 exc + 200 inh, 100 synapses each, delay 1 ms, sm 4, input 13*(U - 0.5) per ms");
            parameters.put("rule", "c from STDP (0.1/0.15, tau 20 ms); every 10 ms w += (0.002 + DA)*c, c *= 0.99; DA *= 0.995 per ms, += 0.5 per reward");
            parameters.put("per_second", tally.rows());
            return out.finish(List.of(new BlockTiming(0, seconds * 1000, runS, spikes, 0)), parameters);
        }
    }
}
