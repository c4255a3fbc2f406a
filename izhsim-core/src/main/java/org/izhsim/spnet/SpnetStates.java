package org.izhsim.spnet;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A {@link SpnetNetwork}'s state copied out to a {@link SpnetState} and back in, each array
 * checked against the network's sizes on the way in. Two layouts differ: the state keeps the
 * LTP ring as spnet.c does (D + 1 slots, one flat array; the network one array per slot and
 * one copy per worker) and w and sd per synapse in stored order, as weights.npz does; the
 * network keeps the excitatory w and sd in post order.
 */
final class SpnetStates {
    private SpnetStates() {
    }

    static SpnetState of(SpnetNetwork net) {
        return new SpnetState(net.cfg, net.second, net.wiring(), owned(net, w -> w.v), owned(net, w -> w.u), owned(net, w -> w.ltd),
                flatLtp(net), net.storedW(), net.storedSd(), Arrays.copyOf(net.fired.t, net.fired.n), Arrays.copyOf(net.fired.i, net.fired.n),
                net.dopamine() == null ? null : net.dopamine().state());
    }

    /** Sets {@code net} (just built from {@code st}'s configuration) to {@code st}; the culprit array in the message. */
    static void restore(SpnetState st, SpnetNetwork net) {
        if (net.wiring() != st.wiring()) throw new IllegalArgumentException("its synapses are not the ones its configuration draws");
        copy("v", st.v(), net, w -> w.v);
        copy("u", st.u(), net, w -> w.u);
        copy("LTD", st.ltd(), net, w -> w.ltd);
        if (st.ltp().length != (long) net.r * net.n) throw new IllegalArgumentException("its array LTP has " + st.ltp().length + " values, the network " + (long) net.r * net.n);
        if (st.second() < 0) throw new IllegalArgumentException("its second is negative (" + st.second() + ")");
        net.second = st.second();
        for (SpnetWorker w : net.workers) {
            for (int k = 0; k <= net.d; k++) System.arraycopy(st.ltp(), ltpSlot(net, k) * net.n, w.ltp[ltpSlot(net, k)], 0, net.n);
        }
        float[] w = st.w(), sd = st.sd();
        if (w.length != net.s.length) throw new IllegalArgumentException("its array w has " + w.length + " values, the network " + net.s.length);
        if (sd.length != net.s.length) throw new IllegalArgumentException("its array sd has " + sd.length + " values, the network " + net.s.length);
        for (int q = 0; q < w.length; q++) {
            if (q < net.pos.length) {
                net.s[net.pos[q]] = w[q];
                net.sd[net.pos[q]] = sd[q];
            } else if (sd[q] != 0) {
                throw new IllegalArgumentException("its sd of inhibitory synapse " + q + " is not 0");
            } else {
                net.s[q] = w[q];
            }
        }
        int nf = st.spikeMs().length;
        if (st.spikeNeuron().length != nf) throw new IllegalArgumentException("its spike list has " + nf + " times but "
                + st.spikeNeuron().length + " neurons");
        for (int k = 0; k < nf; k++) {
            int t = st.spikeMs()[k], i = st.spikeNeuron()[k];
            if (t < -net.d || t >= 0 || i < 0 || i >= net.n) throw new IllegalArgumentException("its spike list has a spike (" + t + " ms, neuron " + i + ") that cannot be pending");
        }
        net.fired.set(st.spikeMs(), st.spikeNeuron(), nf);
        int[] excMs = new int[nf], excNeuron = new int[nf];
        int ne = 0;
        for (int k = 0; k < nf; k++) {
            if (st.spikeNeuron()[k] < net.ne) {
                excMs[ne] = st.spikeMs()[k];
                excNeuron[ne++] = st.spikeNeuron()[k];
            }
        }
        for (SpnetWorker wk : net.workers) {
            wk.recent.set(excMs, excNeuron, ne);
            if (wk.da != null) wk.da.restore(st.dopamine(), st.second() * SpnetNetwork.STEPS);
        }
    }

    /**
     * The LTP history as one array of d+1 slots, slot after slot, as spnet.c's ring: time T of
     * neuron i at (T mod (d+1))·n + i, for the d+1 times T the next step reads or decays; each
     * neuron's from the copy of the worker that owns it (the others' copies lack its values if
     * it is inhibitory).
     */
    private static float[] flatLtp(SpnetNetwork net) {
        float[] flat = new float[net.r * net.n];
        for (SpnetWorker w : net.workers) {
            for (int k = 0; k <= net.d; k++) System.arraycopy(w.ltp[ltpSlot(net, k)], w.lo, flat, ltpSlot(net, k) * net.n + w.lo, w.hi - w.lo);
        }
        return flat;
    }

    /** The slot of time second·1000 − k in the ring of d+1 slots (the network's and the state's). */
    private static int ltpSlot(SpnetNetwork net, int k) {
        return (int) Math.floorMod(net.second * SpnetNetwork.STEPS - k, (long) net.r);
    }

    /** The n values of a per-worker array (v, u, LTD), each neuron's from the copy of the worker that owns it. */
    private static float[] owned(SpnetNetwork net, Function<SpnetWorker, float[]> copy) {
        float[] all = new float[net.n];
        for (SpnetWorker w : net.workers) System.arraycopy(copy.apply(w), w.lo, all, w.lo, w.hi - w.lo);
        return all;
    }

    /** Copies {@code from} onto the n values of every worker's copy, if it has that many. */
    private static void copy(String name, float[] from, SpnetNetwork net, Function<SpnetWorker, float[]> copy) {
        if (from.length != net.n) throw new IllegalArgumentException("its array " + name + " has " + from.length + " values, the network " + net.n);
        for (SpnetWorker w : net.workers) System.arraycopy(from, 0, copy.apply(w), 0, net.n);
    }
}
