package org.izhsim.network;

/**
 * Integer synaptic delays in steps. Delay d means: with the netm scheme a spike detected in
 * step k acts in step k + d (d = 0: the same step, as net.m); with the other schemes a spike
 * produced by the update of step k acts from step k + 1 + d (Brian2's {@code on_pre} with
 * delay d·dt). See {@link Phase}. Stored per synapse (byte or short) only when not uniform.
 */
public sealed interface Delays {

    static Delays constant(int steps) {
        return new Constant(steps);
    }

    /** One delay per synapse in the order of the connectivity rule (see {@link Weights#array}). Copied. */
    static Delays array(int[] steps) {
        return new Array(steps.clone());
    }

    /**
     * Uniform integers in [lo, hi] per synapse, a pure function of (seed, name, pre, post)
     * from the stream {@code "delays/" + name} (keyed like the weights).
     */
    static Delays uniform(int lo, int hi) {
        return new Uniform(lo, hi);
    }

    /** The largest delay these rules can produce. */
    int max();

    /** The smallest. */
    int min();

    /** A fixed delay. */
    record Constant(int steps) implements Delays {
        public Constant {
            check(steps);
        }

        @Override
        public int max() { return steps; }

        @Override
        public int min() { return steps; }
    }

    /** Explicit delays. */
    record Array(int[] steps) implements Delays {
        public Array {
            for (int s : steps) check(s);
        }

        @Override
        public int max() {
            int m = 0;
            for (int s : steps) m = Math.max(m, s);
            return m;
        }

        @Override
        public int min() {
            int m = Integer.MAX_VALUE;
            for (int s : steps) m = Math.min(m, s);
            return steps.length == 0 ? 0 : m;
        }
    }

    /** Random integers in [lo, hi]. */
    record Uniform(int lo, int hi) implements Delays {
        public Uniform {
            check(lo);
            check(hi);
            if (hi < lo) throw new IllegalArgumentException("delay range [" + lo + ", " + hi + "] is empty");
        }

        @Override
        public int max() { return hi; }

        @Override
        public int min() { return lo; }
    }

    /** Largest delay izhsim stores (a short). */
    int MAX_STEPS = Short.MAX_VALUE;

    private static void check(int s) {
        if (s < 0 || s > MAX_STEPS) throw new IllegalArgumentException("delay must be in 0.." + MAX_STEPS + " steps, got " + s);
    }
}
