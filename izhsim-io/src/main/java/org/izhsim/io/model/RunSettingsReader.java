package org.izhsim.io.model;

import static org.izhsim.io.model.Values.checked;
import static org.izhsim.io.model.Values.positive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.TimeGrid;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;

/**
 * The {@code simulation} section: dt, duration, scheme, seed, threads and pulse length, with
 * the command line's overrides. A duration must lie on the time grid and within the steps any
 * run may take ({@link NetworkRun#steps}, the check every face shares), and threads within
 * {@link NetworkRun#MAX_THREADS}.
 *
 * @param grid       the time grid of dt_ms
 * @param durationMs simulated time [ms]
 * @param scheme     the scheme every group runs
 * @param seed       seed of every random stream
 * @param threads    worker threads, or null for all cores
 * @param pulseMs    length of a synaptic current pulse [ms]
 * @param resolved   the section as run.json records it
 */
record RunSettingsReader(TimeGrid grid, double durationMs, Scheme scheme, long seed, Integer threads, double pulseMs,
                         Map<String, Object> resolved) {

    static RunSettingsReader read(YamlNode node, ModelFile.Overrides over) {
        Fields sim = Fields.of(node, Schema.SIMULATION);
        double dt = sim.has("dt_ms") ? positive(sim.get("dt_ms")) : 1.0;
        TimeGrid grid = new TimeGrid(dt);
        double duration;
        if (over.durationMs() != null) {
            duration = over.durationMs();
            if (!(duration > 0) || grid.wholeSteps(duration) < 0) {
                throw new IllegalArgumentException("--duration " + duration + " ms is not a positive whole number of steps of dt_ms "
                        + dt + " (" + sim.node().position() + ")");
            }
            NetworkRun.steps(grid, duration, 1, Spelling.OPTIONS);
        } else {
            YamlNode d = sim.get("duration_ms");
            duration = positive(d);
            if (grid.wholeSteps(duration) < 0) {
                throw ModelFileException.at(d, duration + " ms is not a whole number of steps of dt_ms " + dt);
            }
            checked(d, () -> NetworkRun.steps(grid, duration, 1, Spelling.KEYS));
        }
        Scheme scheme = Scheme.NETM;
        if (sim.has("scheme")) {
            YamlNode n = sim.get("scheme");
            scheme = checked(n, () -> Scheme.byId(Fields.string(n)));
        }
        long seed = over.seed() != null ? over.seed() : sim.has("seed") ? sim.integer("seed") : 1;
        Integer threads = over.threads() != null ? over.threads()
                : sim.has("threads") ? Fields.intIn(sim.get("threads"), 1, NetworkRun.MAX_THREADS) : null;
        double pulseMs = sim.has("pulse_ms") ? positive(sim.get("pulse_ms")) : 1.0;
        if (sim.has("pulse_ms")) Values.stepsOf(sim.get("pulse_ms"), pulseMs, false, grid);
        Map<String, Object> simOut = new LinkedHashMap<>();
        simOut.put("duration_ms", duration);
        simOut.put("dt_ms", dt);
        simOut.put("scheme", scheme.id());
        simOut.put("seed", seed);
        simOut.put("threads", threads == null ? "all cores" : threads);
        simOut.put("pulse_ms", pulseMs);
        return new RunSettingsReader(grid, duration, scheme, seed, threads, pulseMs, simOut);
    }
}
