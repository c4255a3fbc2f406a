/**
 * The browser explorer behind {@code izhsim ui}: a local HTTP server on the JDK's
 * {@code com.sun.net.httpserver} (virtual threads, no framework) that serves one page from the
 * classpath and a small JSON API; the page draws what the server computes.
 *
 * <ul>
 *   <li>{@link org.izhsim.ui.UiServer}: routes, static assets, Host check, body-size limit.</li>
 *   <li>{@link org.izhsim.ui.NeuronApi}: one neuron per request (a slider move POSTs the
 *       settings and gets the traces back, min/max-downsampled, spikes exact), the phase plane,
 *       the F–I curve, figure and data downloads, for the 2003 model and the 2007 dimensional
 *       one. Everything runs in the core engine; the current expression is parsed into a tree
 *       and evaluated, never executed as code.</li>
 *   <li>{@link org.izhsim.ui.NeuronForms}: each model's sliders (name, unit, range, step) and
 *       the bounds its requests must keep, one table serving the page and the checks.</li>
 *   <li>{@link org.izhsim.ui.NetworkSession}: one running network per browser tab, on a
 *       thread of its own, streamed over server-sent events in small batches; pause, resume,
 *       stop, and noise/current changes applied between steps through
 *       {@link org.izhsim.network.Simulation#change} and logged. What it runs is a
 *       {@link org.izhsim.ui.NetPlan}: the built-in 2003 network, or a model file read by
 *       {@link org.izhsim.ui.ModelSource} (uploaded, or by path inside the model root only).</li>
 *   <li>The network tab's views: {@link org.izhsim.ui.TraceReplay} (a clicked neuron's v and u,
 *       by running the session again with a monitor on it), {@link org.izhsim.ui.NetAnalysis}
 *       (ISI histogram, population spectrum), {@link org.izhsim.ui.WeightStats} (weight
 *       histograms over time, a neuron's incoming weights, through
 *       {@link org.izhsim.network.SynapseView}).</li>
 *   <li>{@link org.izhsim.ui.Replay}: a session's settings, seed and timed changes as JSON, which
 *       {@code izhsim replay} re-runs with identical spikes (checked by a digest).</li>
 *   <li>{@link org.izhsim.ui.Limits}: what a request may ask for; more is refused with a reason.</li>
 * </ul>
 *
 * <p>Why SSE + POST and not WebSocket: the JDK server has no WebSocket, and the traffic is
 * one-way streams plus small commands, which SSE and POST cover with no dependency.
 */
package org.izhsim.ui;
