package org.izhsim.network.engine;

import org.izhsim.model.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.izhsim.network.AppliedChange;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ParameterChange;

/**
 * Parameter changes: validated and copied when queued, committed between two steps (the
 * {@code CHANGES} phase, on the driving thread, between chunks of steps) and logged.
 */
final class ChangeQueue {
    /** A queued change with its validated, copied value (a double[], or a Double). */
    record Pending(Kind kind, String input, String description, Object payload) {}

    /** The kinds of {@link ParameterChange}. */
    enum Kind { NOISE_SIGMA, CONSTANT_CURRENT, POISSON_RATE }

    private final Network net;
    private final Map<NeuronGroup, GroupState> byGroup;
    private final GroupState[] groups;
    private final InputState inputs;
    private final TimeGrid grid;
    private final long seed;
    final TreeMap<Long, List<Pending>> pending = new TreeMap<>();
    final List<AppliedChange> log = new ArrayList<>();

    ChangeQueue(Network net, Map<NeuronGroup, GroupState> byGroup, GroupState[] groups, InputState inputs) {
        this.net = net;
        this.byGroup = byGroup;
        this.groups = groups;
        this.inputs = inputs;
        this.grid = net.grid();
        this.seed = net.seed();
    }

    void schedule(long atStep, ParameterChange change) {
        Object payload = validate(change);
        Kind kind = switch (change) {
            case ParameterChange.NoiseSigma ns -> Kind.NOISE_SIGMA;
            case ParameterChange.ConstantCurrent cc -> Kind.CONSTANT_CURRENT;
            case ParameterChange.PoissonRate pr -> Kind.POISSON_RATE;
        };
        add(atStep, new Pending(kind, change.input(), change.describe(), payload));
    }

    void add(long atStep, Pending p) {
        pending.computeIfAbsent(atStep, k -> new ArrayList<>()).add(p);
    }

    /** The first step after {@code step} with a queued change, or null. */
    Long nextAfter(long step) {
        return pending.ceilingKey(step + 1);
    }

    Object validate(ParameterChange change) {
        Input in = net.input(change.input());
        GroupState g = byGroup.get(in.group());
        String who = change.describe();
        return switch (change) {
            case ParameterChange.NoiseSigma ns -> {
                if (!(in instanceof Input.Noise)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a noise input");
                yield InputState.resolveNonNegative(ns.sigma(), g, who, seed).clone();
            }
            case ParameterChange.ConstantCurrent cc -> {
                if (!(in instanceof Input.Constant)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a constant input");
                yield cc.amplitude().isConstant() ? (Object) cc.amplitude().constantValue()
                        : cc.amplitude().resolve(who, g.n, cc.amplitude().needsUniform() ? g.r(seed) : null);
            }
            case ParameterChange.PoissonRate pr -> {
                if (!(in instanceof Input.Poisson po)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a Poisson input");
                InputState.meanEvents(po, pr.rateHz(), grid.dt()); // refused now rather than when it is applied, mid-run
                yield pr.rateHz();
            }
        };
    }

    /** Commits the changes queued for step {@code k}. */
    void apply(long k) {
        List<Pending> due = pending.remove(k);
        if (due == null) return;
        for (Pending p : due) {
            Object target = inputs.byName.get(p.input());
            switch (p.kind()) {
                case NOISE_SIGMA -> InputState.setSigma((InputState.Noise) target, (double[]) p.payload());
                case CONSTANT_CURRENT -> {
                    InputState.Constant ci = (InputState.Constant) target;
                    if (p.payload() instanceof Double x) InputState.setConst(ci, x);
                    else InputState.setConst(ci, (double[]) p.payload());
                    for (GroupState g : groups) g.recomputeExt();
                }
                case POISSON_RATE -> ((InputState.Poisson) target).setRate((Double) p.payload(), grid.dt());
            }
            log.add(new AppliedChange(k, grid.timeMs(k), p.description()));
        }
    }
}
