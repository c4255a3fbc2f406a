package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.izhsim.behaviour.Behaviour;
import org.izhsim.behaviour.Group;
import org.izhsim.behaviour.Synapses;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;

/**
 * The groups' behaviours inside the engine: one {@link Group} view per group over its vectors,
 * one {@link Synapses} per synapse group, the inits (in ascending order, groups in declaration
 * order, before the synapses are built so that an init may set weights), and per order a
 * {@link StepLoop.Stage}: the parallel behaviours of that order on the worker's neurons of each
 * group, then a barrier whose serial part runs the serial ones over the rank's neurons. The next
 * order starts when every group's behaviours of this one are done.
 */
final class Behaviours {
    private final GroupState[] groups;
    private final Group[] views;
    private final Map<SynapseGroup, Synapses> synapses = new IdentityHashMap<>();
    /** The step being run, read by every view ({@link Group#iteration()}); −1 during init. */
    private final long[] iteration = {-1};
    /** The distinct orders, ascending, and per order the behaviour of each group (or null). */
    final int[] orders;
    private final Behaviour[][] byOrder;

    Behaviours(Network net, GroupState[] groups) {
        this.groups = groups;
        views = new Group[groups.length];
        TreeSet<Integer> all = new TreeSet<>();
        for (GroupState g : groups) {
            views[g.index] = new Group(g.group, g.liveVectors(), net.seed(), net.dt(), () -> iteration[0]);
            all.addAll(g.group.behaviours().keySet());
            if (g.custom()) {
                for (Input in : net.inputs()) {
                    if (in.group() == g.group) {
                        throw new IllegalArgumentException("input '" + in.name() + "' drives group '" + g.group.name()
                                + "', whose behaviours are its dynamics; its behaviours make its current");
                    }
                }
            }
        }
        orders = all.stream().mapToInt(Integer::intValue).toArray();
        byOrder = new Behaviour[orders.length][groups.length];
        for (int o = 0; o < orders.length; o++) {
            for (GroupState g : groups) byOrder[o][g.index] = g.group.behaviours().get(orders[o]);
        }
        for (SynapseGroup s : net.synapses()) {
            GroupState pre = byName(s.pre().name()), post = byName(s.post().name());
            if (post.custom() && s.delays().max() > 0) {
                throw new IllegalArgumentException("synapses '" + s.name() + "' have delays, but group '" + post.group.name()
                        + "' reads its input with its behaviours, at delay 0");
            }
            synapses.put(s, new Synapses(s, views[pre.index], views[post.index], d -> view(s)));
        }
        for (Behaviour[] level : byOrder) {
            for (int gi = 0; gi < level.length; gi++) if (level[gi] != null) level[gi].init(views[gi]);
        }
        for (Group v : views) v.startRunning();
    }

    private GroupState byName(String name) {
        for (GroupState g : groups) if (g.group.name().equals(name)) return g;
        throw new IllegalStateException("no group '" + name + "'");
    }

    private Wiring wiring;

    /** The synapse groups as their behaviours left them (weights set in init), in declaration order. */
    List<SynapseGroup> described(List<SynapseGroup> declared) {
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup s : declared) out.add(synapses.get(s).description());
        return out;
    }

    /** The synapses are built: behaviours may now read them. */
    void built(Wiring w) {
        this.wiring = w;
        for (Synapses s : synapses.values()) s.markBuilt();
    }

    private SynapseView view(SynapseGroup declared) {
        return SynapseView.of(wiring.matrix(declared));
    }

    /** The stage of orders[o]: parallel behaviours on the worker's neurons, then the serial ones at a barrier. */
    StepLoop.Stage stage(int o, WorkerPool pool, Consumer<Throwable> fail) {
        final Behaviour[] level = byOrder[o];
        boolean anySerial = false;
        for (Behaviour b : level) anySerial |= b != null && !b.parallel();
        final Runnable serial = !anySerial ? null : () -> {
            try {
                for (int gi = 0; gi < level.length; gi++) {
                    Behaviour b = level[gi];
                    if (b != null && !b.parallel() && groups[gi].from < groups[gi].to) b.step(views[gi], groups[gi].from, groups[gi].to);
                }
            } catch (Throwable t) {
                fail.accept(t);
            }
        };
        return (wk, k) -> {
            iteration[0] = k;
            try {
                for (int gi = 0; gi < level.length; gi++) {
                    Behaviour b = level[gi];
                    int from = groups[gi].wFrom[wk.id], to = groups[gi].wTo[wk.id];
                    if (b != null && b.parallel() && from < to) b.step(views[gi], from, to);
                }
            } catch (Throwable t) {
                fail.accept(t);
            }
            pool.await(wk.id, serial);
        };
    }
}
