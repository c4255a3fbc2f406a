package org.izhsim.ui;

/**
 * What one request may ask of the server. Each bound keeps a single request within a second or
 * so of CPU and a few hundred MB of memory on a laptop; more is refused with a message naming
 * the bound, never truncated silently.
 */
public final class Limits {
    private Limits() {}

    /** Largest request body [bytes]; larger gets 413. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Longest current expression [characters]. */
    public static final int MAX_EXPRESSION_CHARS = 500;
    /** Most samples of a single-neuron run (duration/dt + 1): 2000 ms at dt 0.01 ms. */
    public static final long MAX_NEURON_SAMPLES = 200_001;
    /** Most currents of an F–I curve. */
    public static final int MAX_FI_CURRENTS = 200;
    /** Most neuron steps of an F–I curve (currents × duration/dt). */
    public static final long MAX_FI_STEPS = 20_000_000;
    /** Most neurons of a network (Ne + Ni). */
    public static final int MAX_NEURONS = 10_000;
    /** Most neurons of an all-to-all network (its N² synapses take memory). */
    public static final int MAX_DENSE_NEURONS = 2_000;
    /** Longest network run [ms]. */
    public static final double MAX_NETWORK_MS = 10_000;
    /** Networks running or paused at once, over all tabs. */
    public static final int MAX_LIVE_SESSIONS = 4;
    /** Seconds a session may wait for its page to open the event stream before it is stopped. */
    public static final int UNOPENED_SESSION_S = 5;
    /** Finished sessions kept for downloads and replay files (the oldest go first). */
    public static final int MAX_KEPT_SESSIONS = 16;
    /** Points a trace is thinned to for the page (min/max per bucket keeps every spike's peak). */
    public static final int TRACE_POINTS = 3000;
    /** Largest model file the network tab reads, uploaded or from disk [bytes]. */
    public static final int MAX_MODEL_BYTES = 256 * 1024;
    /** Largest body of a network request, which may carry a model file's text as a JSON string (escaped, up to twice as long). */
    public static final int MAX_NET_BODY_BYTES = 2 * MAX_MODEL_BYTES + MAX_BODY_BYTES;
    /** Model files listed from the model root. */
    public static final int MAX_LISTED_MODELS = 100;
    /** Most memory a model file's network may need, by its own estimate [bytes]. */
    public static final long MAX_NETWORK_BYTES = 512L << 20;
    /** Most bins of an ISI histogram. */
    public static final int MAX_HISTOGRAM_BINS = 1000;
}
