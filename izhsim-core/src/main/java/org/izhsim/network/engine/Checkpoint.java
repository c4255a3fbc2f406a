package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.network.AppliedChange;

/**
 * Captures an engine's state between steps into an {@link EngineState} and puts one back. Keys
 * name groups and inputs, so a state fits only an engine of the same network (the caller checks
 * that first); a missing or misshapen array is refused naming its key.
 */
final class Checkpoint {
    private Checkpoint() {}

    private static final String[] KINDS = {"noise-sigma", "constant-current", "poisson-rate"};

    static EngineState capture(Engine e) {
        Map<String, double[]> d = new LinkedHashMap<>();
        Map<String, long[]> l = new LinkedHashMap<>();
        for (GroupState g : e.groups()) {
            String p = "g/" + g.group.name();
            for (Map.Entry<String, double[]> v : g.vectors().entrySet()) d.put(p + "." + v.getKey(), v.getValue().clone());
            if (g.ring != null) d.put(p + "#ring", flatten(g.ring));
            for (Jumps.Target t : g.jumps) d.put(p + "#ring." + t.variable, flatten(t.ring));
            if (g.lastSpike != null) l.put(p + "#lastSpike", g.lastSpike.clone());
        }
        for (Map.Entry<String, Object> in : e.inputs().byName.entrySet()) {
            String p = in.getKey();
            switch (in.getValue()) {
                case InputState.Noise n -> {
                    d.put("noise/" + p + "#sigma", n.sigmaArr != null ? n.sigmaArr.clone() : new double[] {n.sigma});
                    if (n.held != null) d.put("noise/" + p + "#held", n.held.clone());
                }
                case InputState.Constant c -> {
                    if (c.array != null) d.put("const/" + p + "#array", c.array.clone());
                    else d.put("const/" + p + "#scalar", new double[] {c.scalar});
                }
                case InputState.Poisson q -> d.put("poisson/" + p + "#rate", new double[] {q.rateHz});
                default -> {} // a time-dependent current has no state
            }
        }
        e.propagation().unexchanged(l);
        List<EngineState.QueuedChange> pending = new ArrayList<>();
        for (Map.Entry<Long, List<ChangeQueue.Pending>> at : e.changes().pending.entrySet()) {
            for (ChangeQueue.Pending p : at.getValue()) {
                boolean scalar = p.payload() instanceof Double;
                double[] values = scalar ? new double[] {(Double) p.payload()} : ((double[]) p.payload()).clone();
                pending.add(new EngineState.QueuedChange(at.getKey(), KINDS[p.kind().ordinal()], p.input(), p.description(),
                        scalar, values));
            }
        }
        return new EngineState(e.step(), e.ownedFrom(), e.ownedTo(), d, l, pending, e.changes().log);
    }

    static void restore(Engine e, EngineState s) {
        if (s.ownedFrom() != e.ownedFrom() || s.ownedTo() != e.ownedTo()) {
            throw new IllegalArgumentException("the snapshot holds neurons [" + s.ownedFrom() + ", " + s.ownedTo()
                    + "), this rank simulates [" + e.ownedFrom() + ", " + e.ownedTo() + ")");
        }
        Map<String, double[]> d = s.doubles();
        for (GroupState g : e.groups()) {
            String p = "g/" + g.group.name();
            for (Map.Entry<String, double[]> v : g.vectors().entrySet()) copy(d, p + "." + v.getKey(), v.getValue());
            if (g.ring != null) unflatten(need(d, p + "#ring", g.ring.length * g.n), g.ring);
            for (Jumps.Target t : g.jumps) unflatten(need(d, p + "#ring." + t.variable, t.ring.length * g.n), t.ring);
            if (g.lastSpike != null) {
                long[] x = s.longs().get(p + "#lastSpike");
                if (x == null || x.length != g.n) throw missing(p + "#lastSpike");
                System.arraycopy(x, 0, g.lastSpike, 0, g.n);
            }
        }
        for (Map.Entry<String, Object> in : e.inputs().byName.entrySet()) {
            String p = in.getKey();
            switch (in.getValue()) {
                case InputState.Noise n -> {
                    double[] sigma = d.get("noise/" + p + "#sigma");
                    if (sigma == null) throw missing("noise/" + p + "#sigma");
                    InputState.setSigma(n, sigma.clone());
                    if (n.held != null) copy(d, "noise/" + p + "#held", n.held);
                }
                case InputState.Constant c -> {
                    double[] x = d.get("const/" + p + "#array");
                    if (x != null && x.length == c.g.n) InputState.setConst(c, x.clone());
                    else InputState.setConst(c, need(d, "const/" + p + "#scalar", 1)[0]);
                }
                case InputState.Poisson q -> q.setRate(need(d, "poisson/" + p + "#rate", 1)[0], e.dt());
                default -> {}
            }
        }
        for (GroupState g : e.groups()) g.recomputeExt();
        e.propagation().restoreUnexchanged(s.longs());
        ChangeQueue changes = e.changes();
        changes.pending.clear();
        for (EngineState.QueuedChange q : s.pending()) {
            int kind = List.of(KINDS).indexOf(q.kind());
            if (kind < 0) throw new IllegalArgumentException("unknown change kind '" + q.kind() + "' in the snapshot");
            Object payload = q.scalar() ? (Object) q.values()[0] : q.values().clone();
            changes.add(q.step(), new ChangeQueue.Pending(ChangeQueue.Kind.values()[kind], q.input(), q.description(), payload));
        }
        changes.log.clear();
        for (AppliedChange a : s.log()) changes.log.add(a);
    }

    private static double[] flatten(double[][] ring) {
        int n = ring.length == 0 ? 0 : ring[0].length;
        double[] out = new double[ring.length * n];
        for (int slot = 0; slot < ring.length; slot++) System.arraycopy(ring[slot], 0, out, slot * n, n);
        return out;
    }

    private static void unflatten(double[] flat, double[][] ring) {
        for (int slot = 0; slot < ring.length; slot++) System.arraycopy(flat, slot * ring[slot].length, ring[slot], 0, ring[slot].length);
    }

    private static void copy(Map<String, double[]> d, String key, double[] into) {
        System.arraycopy(need(d, key, into.length), 0, into, 0, into.length);
    }

    private static double[] need(Map<String, double[]> d, String key, int length) {
        double[] x = d.get(key);
        if (x == null || x.length != length) throw missing(key);
        return x;
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("the snapshot lacks '" + key + "' of the shape this network needs");
    }
}
