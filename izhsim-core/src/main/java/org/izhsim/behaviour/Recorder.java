package org.izhsim.behaviour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records named vectors of its group every {@code every} iterations (PymoNNto's {@code
 * Recorder(['v', 'u', 'fired'])}): a recorder is just another behaviour, so it sees the vectors as
 * they are when its order comes round (give it a high order to see the end of the step). {@link
 * #recording()} gives an immutable copy of what was recorded so far.
 */
public final class Recorder implements Behaviour {
    private final String[] names;
    private final int every;
    private final Map<String, List<double[]>> frames = new LinkedHashMap<>();
    private final List<Long> iterations = new ArrayList<>();
    private String group;
    private double dt;

    /** Records these vectors every iteration. */
    public Recorder(String... names) {
        this(1, names);
    }

    /** Records these vectors every {@code every} iterations (iterations 0, every, 2·every, …). */
    public Recorder(int every, String... names) {
        if (names.length == 0) throw new IllegalArgumentException("a recorder needs at least one vector name");
        if (every < 1) throw new IllegalArgumentException("recording interval must be >= 1 iteration, got " + every);
        this.names = names.clone();
        this.every = every;
        for (String s : names) frames.put(s, new ArrayList<>());
    }

    @Override
    public void init(Group n) {
        group = n.tag();
        dt = n.dt();
    }

    @Override
    public void step(Group n, int from, int to) {
        if (n.iteration() % every != 0) return;
        for (String s : names) frames.get(s).add(n.existing(s).clone());
        iterations.add(n.iteration());
    }

    /** What was recorded so far (a copy; recording goes on). */
    public VectorRecording recording() {
        Map<String, double[][]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : frames.entrySet()) {
            copy.put(e.getKey(), e.getValue().toArray(new double[0][]));
        }
        long[] its = new long[iterations.size()];
        for (int i = 0; i < its.length; i++) its[i] = iterations.get(i);
        return new VectorRecording(group, dt, its, copy);
    }
}
