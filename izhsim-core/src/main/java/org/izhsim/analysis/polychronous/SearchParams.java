package org.izhsim.analysis.polychronous;

import org.izhsim.model.Checks;

/**
 * The parameters of the group search (see the package documentation for what each one does).
 * {@link #SPNET} holds those of Izhikevich's polychron.m and polygroup.m and of spnet's
 * neurons; the {@code with…} methods change one.
 *
 * @param anchorWidth    anchor neurons per group (3)
 * @param strongFraction a synapse is strong if its weight exceeds this fraction of sm (0.95)
 * @param minPath        shortest accepted longest path, in links (7)
 * @param windowMs       a PSP may be linked to a spike if it arrived in the last this many ms (10)
 * @param maxLengthMs    the group is simulated for this many ms from its first anchor spike (150)
 * @param v0             initial membrane potential of every neuron [mV] (−70); u0 = b·v0
 * @param anchorInput    input that fires an anchor neuron in one step (1000)
 * @param aExc           excitatory recovery rate a (RS, 0.02)
 * @param dExc           excitatory after-spike reset of u (8)
 * @param aInh           inhibitory a (FS, 0.1)
 * @param dInh           inhibitory d (2)
 * @param b              sensitivity of u to v, every neuron (0.2)
 * @param c              after-spike reset of v [mV], every neuron (−65)
 */
public record SearchParams(int anchorWidth, double strongFraction, int minPath, int windowMs, int maxLengthMs,
                           double v0, double anchorInput, double aExc, double dExc, double aInh, double dInh,
                           double b, double c) {
    public static final SearchParams SPNET = new SearchParams(3, 0.95, 7, 10, 150, -70, 1000, 0.02, 8, 0.1, 2, 0.2, -65);

    /** Longest simulated group [ms]: the per-step event lists of a worker have this many entries. */
    public static final int MAX_LENGTH_MS = 100_000;

    public SearchParams {
        if (anchorWidth < 1 || anchorWidth > 8) throw new IllegalArgumentException("anchor width must be in [1, 8], got " + anchorWidth);
        if (!(strongFraction >= 0 && strongFraction <= 1)) {
            throw new IllegalArgumentException("the strong-synapse fraction of sm must be in [0, 1], got " + strongFraction);
        }
        if (minPath < 1) throw new IllegalArgumentException("min path must be at least 1 link, got " + minPath);
        if (windowMs < 1) throw new IllegalArgumentException("the PSP window must be at least 1 ms, got " + windowMs);
        if (maxLengthMs < 1 || maxLengthMs > MAX_LENGTH_MS) {
            throw new IllegalArgumentException("max group length must be in [1, " + MAX_LENGTH_MS + "] ms, got " + maxLengthMs);
        }
        Checks.finite("v0", v0);
        if (!(anchorInput > 0 && anchorInput <= 1e6)) {
            throw new IllegalArgumentException("anchor input must be in (0, 1e6], got " + anchorInput);
        }
        for (double a : new double[] {aExc, aInh}) {
            if (!(a > 0 && a <= 1)) throw new IllegalArgumentException("a must be in (0, 1] for a 1-ms step, got " + a);
        }
        Checks.finite("dExc", dExc);
        Checks.finite("dInh", dInh);
        Checks.finite("b", b);
        Checks.finite("c", c);
    }

    public SearchParams withAnchorWidth(int width) {
        return new SearchParams(width, strongFraction, minPath, windowMs, maxLengthMs, v0, anchorInput, aExc, dExc, aInh, dInh, b, c);
    }

    public SearchParams withMinPath(int path) {
        return new SearchParams(anchorWidth, strongFraction, path, windowMs, maxLengthMs, v0, anchorInput, aExc, dExc, aInh, dInh, b, c);
    }

    public SearchParams withWindowMs(int window) {
        return new SearchParams(anchorWidth, strongFraction, minPath, window, maxLengthMs, v0, anchorInput, aExc, dExc, aInh, dInh, b, c);
    }

    public SearchParams withMaxLengthMs(int length) {
        return new SearchParams(anchorWidth, strongFraction, minPath, windowMs, length, v0, anchorInput, aExc, dExc, aInh, dInh, b, c);
    }
}
