package org.izhsim.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;
import org.izhsim.network.Izhikevich2003Network;

/**
 * The settings of one network run in the explorer: Izhikevich's 2003 network ({@code net2003})
 * with its options, plus constant-current inputs "constant:exc" and "constant:inh" (0 at the
 * start) so that the page can change the input current during a run. The initial noise σ and
 * currents are not part of the network: they are changes at step 0 (see {@link Replay}).
 *
 * @param ne           excitatory neurons
 * @param ni           inhibitory neurons
 * @param dt           step [ms]
 * @param durationMs   simulated time [ms]
 * @param seed         random seed
 * @param scheme       scheme id (netm, euler, figure1, rk4)
 * @param sparseK      inputs per neuron, or 0 for all-to-all (net.m)
 * @param traceNeuron  excitatory neuron whose v is streamed
 */
public record NetworkSettings(int ne, int ni, double dt, double durationMs, long seed, String scheme, int sparseK,
                              int traceNeuron) {

    static final List<String> FIELDS = List.of("ne", "ni", "dt", "duration", "seed", "scheme", "connectivity", "k",
            "trace_neuron", "sigma_exc", "sigma_inh", "current_exc", "current_inh", "speed");

    public NetworkSettings {
        Scheme.byId(scheme);
        Checks.steps(durationMs, dt);
        if (ne < 1 || ni < 1) throw new IllegalArgumentException("ne and ni must each be at least 1, got " + ne + " and " + ni);
        if (traceNeuron < 0 || traceNeuron >= ne) throw new IllegalArgumentException("trace_neuron must be an excitatory neuron, 0.." + (ne - 1));
        if (sparseK < 0 || sparseK > ne + ni) throw new IllegalArgumentException("k must be in 1.." + (ne + ni) + ", got " + sparseK);
    }

    /** Reads and bounds-checks a request (limits of {@link Limits}); initial σ/currents and speed are read by the caller. */
    static NetworkSettings parse(Body body) {
        body.only(FIELDS);
        int ne = (int) body.integer("ne", 800, 1, Limits.MAX_NEURONS);
        int ni = (int) body.integer("ni", 200, 1, Limits.MAX_NEURONS);
        if (ne + ni > Limits.MAX_NEURONS) {
            throw ApiException.badRequest("ne + ni = " + (ne + ni) + " neurons; at most " + Limits.MAX_NEURONS);
        }
        double dt = body.number("dt", 1, 0.01, 1);
        double duration = body.number("duration", 1000, dt, 1e12);
        if (duration > Limits.MAX_NETWORK_MS) {
            throw ApiException.badRequest("duration = " + duration + " ms; at most " + Limits.MAX_NETWORK_MS + " ms");
        }
        long seed = body.integer("seed", 1, 0, Long.MAX_VALUE);
        String scheme = body.choice("scheme", "netm", List.of("netm", "euler", "figure1", "rk4"));
        String conn = body.choice("connectivity", ne + ni <= Limits.MAX_DENSE_NEURONS ? "dense" : "sparse", List.of("dense", "sparse"));
        int k = 0;
        if (conn.equals("sparse")) {
            k = (int) body.integer("k", Math.min(1000, ne + ni), 1, Math.min(1000, ne + ni));
        } else if (ne + ni > Limits.MAX_DENSE_NEURONS) {
            throw ApiException.badRequest("all-to-all (dense) networks are limited to " + Limits.MAX_DENSE_NEURONS
                    + " neurons, got " + (ne + ni) + "; use connectivity sparse");
        }
        int trace = (int) body.integer("trace_neuron", 0, 0, ne - 1);
        try {
            return new NetworkSettings(ne, ni, dt, duration, seed, scheme, k, trace);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    public long steps() {
        return Checks.steps(durationMs, dt);
    }

    public boolean sparse() {
        return sparseK > 0;
    }

    /** The same settings for a shorter run (a session stopped early replays only what it ran). */
    public NetworkSettings withSteps(long steps) {
        return new NetworkSettings(ne, ni, dt, steps * dt, seed, scheme, sparseK, traceNeuron);
    }

    /**
     * Sets every option of the network on {@code b}: the one place both a live session and
     * {@code izhsim replay} build their network from, so that both simulate the same thing.
     */
    public Izhikevich2003Network.Builder apply(Izhikevich2003Network.Builder b) {
        b.ne(ne).ni(ni).scheme(Scheme.byId(scheme)).dt(dt).seed(seed).traceNeuron(traceNeuron).constantCurrent(0, 0);
        return sparse() ? b.sparse(sparseK) : b.dense();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ne", ne);
        m.put("ni", ni);
        m.put("dt", dt);
        m.put("duration", durationMs);
        m.put("seed", seed);
        m.put("scheme", scheme);
        m.put("connectivity", sparse() ? "sparse" : "dense");
        if (sparse()) m.put("k", sparseK);
        m.put("trace_neuron", traceNeuron);
        return m;
    }
}
