package org.izhsim.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.run.Net2003Options;
import org.izhsim.run.Spelling;

/**
 * The explorer's JSON face of {@link Net2003Options}: a network request (and the settings of a
 * replay file) read into options, and options written back. The options check themselves; what
 * is added here is the explorer's own policy, the {@link Limits} of one request, and the
 * constant-current inputs "constant:exc" and "constant:inh" (0 at the start) that let the page
 * change the input current during a run. The initial noise σ and currents are not part of the
 * network: they are changes at step 0 (see {@link Replay}).
 */
final class NetworkSettings {
    private NetworkSettings() {}

    static final List<String> FIELDS = List.of("ne", "ni", "dt", "duration", "seed", "scheme", "connectivity", "k",
            "trace_neuron", "sigma_exc", "sigma_inh", "current_exc", "current_inh", "speed");

    /** Reads and bounds-checks a request; initial σ/currents and speed are read by the caller. */
    static Net2003Options parse(Body body) {
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
        Integer k = null;
        if (conn.equals("sparse")) {
            k = (int) body.integer("k", Math.min(1000, ne + ni), 1, Math.min(1000, ne + ni));
        } else if (ne + ni > Limits.MAX_DENSE_NEURONS) {
            throw ApiException.badRequest("all-to-all (dense) networks are limited to " + Limits.MAX_DENSE_NEURONS
                    + " neurons, got " + (ne + ni) + "; use connectivity sparse");
        } else if (body.has("k")) {
            k = (int) body.integer("k", 0, 1, Integer.MAX_VALUE); // refused below: k needs sparse connectivity
        }
        int trace = (int) body.integer("trace_neuron", 0, 0, ne - 1);
        try {
            return Net2003Options.builder(Spelling.KEYS).ne(ne).ni(ni).dt(dt).durationMs(duration).seed(seed).scheme(scheme)
                    .connectivity(conn).k(k).traceNeuron(trace).changeableCurrents(true).build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The same options for a run of {@code steps} steps (a session stopped early replays only what it ran). */
    static Net2003Options withSteps(Net2003Options o, long steps) {
        return o.withDuration(o.grid().timeMs(steps));
    }

    /** The options as a request (and a replay file's settings) writes them. */
    static Map<String, Object> toMap(Net2003Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ne", o.ne());
        m.put("ni", o.ni());
        m.put("dt", o.dt());
        m.put("duration", o.durationMs());
        m.put("seed", o.seed());
        m.put("scheme", o.scheme().id());
        m.put("connectivity", o.sparse() ? "sparse" : "dense");
        if (o.sparse()) m.put("k", o.inDegree());
        m.put("trace_neuron", o.traceNeuron());
        return m;
    }
}
