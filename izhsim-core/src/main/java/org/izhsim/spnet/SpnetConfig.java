package org.izhsim.spnet;

/**
 * The size and constants of one spnet network (docs/reference/spnet.md §1; defaults are
 * spnet.cpp's). {@link #validate} refuses what the build cannot draw, naming the option.
 *
 * @param ne            excitatory neurons (numbered first)
 * @param ni            inhibitory neurons
 * @param m             outgoing synapses per neuron, to distinct targets other than itself
 * @param d             the largest delay [ms]; inhibitory synapses all have 1 ms
 * @param sm            the largest excitatory weight
 * @param uniformDelays false: M/D synapses per delay 1..D in slot order (spnet.cpp, spnet.m 2004);
 *                      true: each excitatory delay uniform on 1..D (spnet.m 2008)
 * @param seed          the seed of the streams {@code connect/spnet}, {@code delays/spnet}, {@code spnet/input}
 */
public record SpnetConfig(int ne, int ni, int m, int d, float sm, boolean uniformDelays, long seed) {
    /** The largest delay a synapse may have: delays are kept in a byte, as spnet.c does. */
    public static final int MAX_DELAY = 255;

    public static SpnetConfig defaults(long seed) {
        return new SpnetConfig(800, 200, 100, 20, 10f, false, seed);
    }

    public int n() {
        return ne + ni;
    }

    /** Excitatory synapses (the plastic ones): ne·m. */
    public long plastic() {
        return (long) ne * m;
    }

    /**
     * Throws {@link IllegalArgumentException} with one line naming the culprit if the network
     * cannot be built: the checks of spnet.c, with izhsim's option names.
     */
    public SpnetConfig validate() {
        if (ne < 1) throw new IllegalArgumentException("--ne must be at least 1, got " + ne);
        if (ni < 0) throw new IllegalArgumentException("--ni must be 0 or more, got " + ni);
        if (m < 1) throw new IllegalArgumentException("--m must be at least 1, got " + m);
        if (d < 1 || d > MAX_DELAY) throw new IllegalArgumentException("the largest delay must be in [1, " + MAX_DELAY + "] ms, got " + d);
        if (!(sm > 0) || Float.isInfinite(sm)) throw new IllegalArgumentException("--sm must be a finite number > 0, got " + sm);
        if ((long) ne + ni > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("--ne + --ni: more than 2^31 neurons");
        if ((long) m > (long) ne + ni - 1) {
            throw new IllegalArgumentException("--m " + m + " is larger than the " + ((long) ne + ni - 1)
                    + " targets of an excitatory neuron (--ne + --ni - 1)");
        }
        if (ni > 0 && m > ne) throw new IllegalArgumentException("--m " + m + " is larger than the " + ne + " targets of an inhibitory neuron (--ne)");
        if (!uniformDelays && m % d != 0) {
            throw new IllegalArgumentException("--m " + m + " is not a multiple of the largest delay " + d
                    + ", which --delays fixed (M/D synapses per delay) needs; use --delays uniform or another --m");
        }
        if ((double) n() * m > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("--ne, --ni, --m: more than 2^31 synapses");
        return this;
    }

    /**
     * Bytes the network holds (every synapse: post, delay byte, weight; a plastic one also sd,
     * the place of its weight and sd in post order, and its pre and delay packed in one int; per neuron: state, traces, the LTP
     * ring, segment offsets), for the memory check.
     */
    public long bytes() {
        long n = n(), syn = n * m, exc = plastic();
        return syn * (4 + 1 + 4) + exc * (4 + 4 + 4) + n * 4L * (d + 1) + n * 4L * 6 + n * 4L * (d + 1) + 16L * n;
    }

    /**
     * {@link #bytes()} on {@code workers} workers: with several, each synapse's post and weight
     * index once more in its post's worker's lists (8 B), each worker's segment starts, and each
     * further worker's copy of the LTP history, the spike list and v, u, I, LTD.
     */
    public long bytes(int workers) {
        long n = n(), syn = n * m;
        return bytes() + (workers > 1 ? 8L * syn + 4L * workers * (n * (d + 1) + 1) + (workers - 1) * (n * 4L * (d + 1) + 8L * n + 16L * n) : 0);
    }
}
