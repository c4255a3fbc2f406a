package org.izhsim.behaviour;

/**
 * What happens to a {@link Group} each step (PymoNNto's {@code Behavior}): {@link #init}
 * once, when the simulation is built, then {@link #step} every step, at the order it was added
 * under ({@code NeuronGroup.Builder.behaviour(order, b)}) among the step's phases.
 *
 * <p>A behaviour keeps its state in the group's named vectors ({@code n.vector("v")}), so other
 * behaviours, recorders and plots can see it. It reaches its inputs through the group's
 * afferent synapse groups by tag ({@link Group#afferent(String)}).
 */
public interface Behaviour {

    /**
     * Called once when the simulation is built, in ascending order (groups in declaration order),
     * before the synapses are built: create the vectors this behaviour owns, read parameters,
     * check what it needs, set the weights of afferent synapses.
     */
    default void init(Group n) {}

    /**
     * One iteration for neurons [from, to) of {@code n}: [0, N) unless {@link #parallel()}, in
     * which case workers call it on disjoint contiguous ranges at once. A parallel step must
     * write only indices in its range (it may read anything written at lower indices of this
     * iteration), and draw random numbers through {@link Group#uniform}/{@link Group#gaussian},
     * so results do not depend on the thread count.
     */
    void step(Group n, int from, int to);

    /** True if {@link #step} may run on index ranges concurrently (default false). */
    default boolean parallel() {
        return false;
    }
}
