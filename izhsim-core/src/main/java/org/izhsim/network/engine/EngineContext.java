package org.izhsim.network.engine;

import org.izhsim.network.MonitorContext;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;

/** What monitors see of a running engine: the live vectors (read only) and the clock. */
final class EngineContext implements MonitorContext {
    private final Engine engine;

    EngineContext(Engine engine) {
        this.engine = engine;
    }

    @Override public Network network() { return engine.network(); }
    @Override public double dt() { return engine.dt(); }
    @Override public int offset(NeuronGroup group) { return engine.network().offset(group); }
    @Override public int ownedFrom() { return engine.ownedFrom(); }
    @Override public int ownedTo() { return engine.ownedTo(); }
    @Override public double[] v(NeuronGroup group) { return engine.state(group).v; }
    @Override public double[] u(NeuronGroup group) { return engine.state(group).u; }
    @Override public double[] current(NeuronGroup group) { return engine.state(group).current; }
    @Override public double[] vector(NeuronGroup group, String name) { return engine.vector(group, name); }
    @Override public long stepsDone() { return engine.step(); }
}
