package org.izhsim.network;

/** How a synapse group stores its weights. */
public enum Storage {
    /**
     * DENSE for all-to-all and for random rules whose expected density is at least
     * {@link #DENSE_THRESHOLD}, CSR otherwise; always CSR for explicit pairs, one-to-one and
     * non-uniform delays.
     */
    AUTO,
    /** A float matrix Npre × Npost (row = pre), absent pairs weigh 0; uniform delays only. */
    DENSE,
    /**
     * Compressed sparse rows by presynaptic neuron, post indices ascending within a row; 8 bytes
     * per synapse (post, weight), or 6 for a static group whose posts on a rank span at most
     * 65,536 (narrow posts), plus 1–2 for per-synapse delays.
     */
    CSR;

    /** Density from which AUTO chooses DENSE. */
    public static final double DENSE_THRESHOLD = 0.3;
}
