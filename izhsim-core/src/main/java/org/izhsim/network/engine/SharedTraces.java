package org.izhsim.network.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace histories of one engine's pair-trace rules, shared where two rules would keep the
 * same one: the same neuron group, the same kinetics and the same depth (the benchmark's ee and
 * ei groups, both from the excitatory neurons, with one rule). A shared history is stepped by the
 * rule that asked for it first and read by all; its values are the ones each rule's own copy
 * would hold, so sharing changes no bit, only memory and the per-step decay (BENCHMARKS.md §8).
 */
final class SharedTraces {
    private record Key(GroupState group, TraceHistory.Kinetics moves, int depth) {}

    /** A history and whether the rule that asked is the one that steps it. */
    record Use(TraceHistory history, boolean steps) {}

    private final Map<Key, TraceHistory> histories = new HashMap<>();

    Use of(GroupState group, TraceHistory.Kinetics moves, int depth) {
        Key key = new Key(group, moves, depth);
        TraceHistory h = histories.get(key);
        if (h != null) return new Use(h, false);
        h = new TraceHistory(group.n, depth);
        histories.put(key, h);
        return new Use(h, true);
    }
}
