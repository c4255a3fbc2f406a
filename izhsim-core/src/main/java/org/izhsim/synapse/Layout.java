package org.izhsim.synapse;

/** How the synapses of a CSR row are ordered. */
public enum Layout {
    /**
     * Posts ascending within each row ({@link Csr}): the layout of static synapse groups, whose
     * spikes are delivered at spike time into the delay ring.
     */
    BY_POST,
    /**
     * Delays ascending within each row, posts ascending within each delay ({@link DelayRows}):
     * for rules that act when a spike arrives, such as spnet's depression, which take one
     * (pre, delay) segment per recent spike. Always CSR, whatever the group's storage.
     */
    BY_DELAY
}
