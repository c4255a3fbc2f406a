package org.izhsim.io.nwb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.izhsim.io.Json;
import org.izhsim.io.hdf5.H5Type;
import org.izhsim.io.hdf5.Hdf5Writer;
import org.izhsim.io.hdf5.Hdf5Writer.Dataset;
import org.izhsim.io.hdf5.Hdf5Writer.Group;
import org.izhsim.io.hdf5.Hdf5Writer.Node;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;

/**
 * Streams a run into an NWB 2.7 file (HDF5): spikes into the {@code units} table, recorded
 * states into {@code acquisition/<name>} TimeSeries, and the run's metadata into attributes of
 * {@code general} (izhsim version and commit, seed, scheme, dt, model file hash, timing).
 *
 * <h2>Layout and life cycle</h2>
 * <ul>
 *   <li>The file is written in place as {@code <name>.nwb.partial}; its root attribute
 *       {@code izhsim_status} reads {@code incomplete}. Every {@link #flush()} (once per chunk of
 *       the monitors) leaves a file h5py opens, with every TimeSeries holding the samples of the
 *       completed chunks and {@code analysis/izhsim_spike_stream} (rows of step, neuron as
 *       int32, in (step, neuron) order) holding the spikes of the completed chunks.</li>
 *   <li>{@link #finish} builds the {@code units} table from that stream, removes the stream's
 *       link, sets {@code izhsim_status} to {@code complete} and the final timing, closes the
 *       file and renames it to {@code <name>.nwb}. {@link #abort()} (a shutdown hook on
 *       Ctrl-C or SIGTERM) flushes and closes, leaving the {@code .partial} file marked
 *       incomplete. After {@code kill -9} the file holds the last flushed chunk.</li>
 *   <li>Spike times per unit need the spikes grouped by neuron. Memory stays bounded: the
 *       writer keeps one spike count per neuron and reorders the on-disk stream in passes,
 *       each pass filling the spike times of a range of neurons that fits a fixed buffer
 *       ({@value #REORDER_BUFFER} spikes), read back from the file sequentially.</li>
 *   <li>Times are in seconds (NWB's unit); a spike of step k has t = (k·dt [ms]) / 1000, the
 *       spikes.npz time divided by 1000 exactly.</li>
 * </ul>
 *
 * <p>Strings are variable-length UTF-8, as pynwb writes them (h5py reads attributes as
 * {@code str}, string datasets as {@code bytes}). The cached specification ({@code /specifications}) is not written:
 * pynwb reads such files with its own copy of the core namespace.
 */
public final class NwbWriter implements Closeable {
    public static final String NWB_VERSION = "2.7.0";
    /** Suffix of the file while it is being written. */
    public static final String PARTIAL = ".partial";
    static final int REORDER_BUFFER = 1 << 20;

    private final Path target, partial;
    private final Hdf5Writer h5;
    private final Group root, general, acquisition, analysis;
    private Dataset stream; // created by the first spikes: it then owns the end of the file
    private final double dtMs;
    private final long[] counts;
    private long spikes;
    private boolean finished;
    private int reorderBuffer = REORDER_BUFFER;

    private NwbWriter(Path target, int units, double dtMs, String description, Map<String, ?> metadata) throws IOException {
        if (units < 0) throw new IllegalArgumentException("units must be >= 0");
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + PARTIAL);
        this.dtMs = dtMs;
        this.counts = new long[units];
        Files.createDirectories(target.toAbsolutePath().getParent());
        h5 = Hdf5Writer.create(partial);
        root = h5.root();
        typed(root, "NWBFile");
        root.attribute("nwb_version", NWB_VERSION);
        root.attribute("izhsim_status", "incomplete");
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        root.string("identifier", UUID.randomUUID().toString());
        root.string("session_description", description);
        root.string("session_start_time", now);
        root.string("timestamps_reference_time", now);
        root.strings("file_create_date", new String[] {now});
        acquisition = root.group("acquisition");
        analysis = root.group("analysis");
        root.group("processing");
        Group stimulus = root.group("stimulus");
        stimulus.group("presentation");
        stimulus.group("templates");
        general = root.group("general", 32000);
        general.attribute("izhsim_dt_ms", dtMs);
        putAll(general, metadata);
        h5.flush();
    }

    private Dataset stream() {
        if (stream == null) {
            stream = analysis.growable("izhsim_spike_stream", H5Type.I32, 2);
            stream.attribute("description", "spikes of the completed chunks: rows of (step, neuron); t = step * dt; "
                    + "replaced by the units table when the run completes");
        }
        return stream;
    }

    /**
     * Starts {@code target}{@value #PARTIAL} for a run of {@code units} neurons (the units table
     * has one row per neuron, id = global index) at step {@code dtMs} [ms].
     */
    public static NwbWriter create(Path target, int units, double dtMs, String description, Map<String, ?> metadata)
            throws IOException {
        return new NwbWriter(target, units, dtMs, description, metadata);
    }

    /** Where the file is while being written. */
    public Path partialPath() {
        return partial;
    }

    /** A {@link SpikeMonitor.Sink} writing to this file (global neuron indices below the unit count). */
    public SpikeMonitor.Sink spikeSink() {
        return (steps, neurons, count) -> {
            try {
                spikes(steps, neurons, count);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Appends spikes (steps[j], neurons[j]) and flushes: one chunk. */
    public synchronized void spikes(int[] steps, int[] neurons, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < count; j++) {
            int n = neurons[j];
            if (n < 0 || n >= counts.length) throw new IllegalArgumentException("neuron " + n + " is not one of the " + counts.length + " units");
            counts[n]++;
            b.putInt(steps[j]).putInt(n);
        }
        stream().append(b.flip());
        spikes += count;
        h5.flush();
    }

    /** Spikes written so far. */
    public synchronized long spikeCount() {
        return spikes;
    }

    /**
     * A {@link StateMonitor.Sink} writing each recorded variable of {@code monitor} to its own
     * TimeSeries {@code acquisition/<prefix><var>} (v in volts with conversion 0.001 from mV;
     * u and I in the model's mV/ms), shaped (samples, neurons), with room for
     * {@code samples} samples.
     */
    public synchronized StateMonitor.Sink stateSink(StateMonitor monitor, String prefix, long samples) throws IOException {
        if (stream != null) throw new IllegalStateException("declare state sinks before the first spikes arrive");
        int m = monitor.neurons().length;
        double rate = 1000.0 / (dtMs * monitor.everySteps());
        String cols = "columns are neurons " + java.util.Arrays.toString(monitor.neurons()) + " of group '" + monitor.group().name() + "'";
        Dataset[] ds = new Dataset[3];
        StateMonitor.Variable[] vars = StateMonitor.Variable.values();
        for (int k = 0; k < 3; k++) {
            if (!monitor.records(vars[k])) continue;
            String var = vars[k] == StateMonitor.Variable.I ? "I" : vars[k].name().toLowerCase(java.util.Locale.ROOT);
            boolean v = vars[k] == StateMonitor.Variable.V;
            ds[k] = timeSeries(prefix + var, (v ? "membrane potential v" : var.equals("u") ? "recovery variable u" : "input current I")
                    + "; " + cols, v ? "volts" : "mV/ms", v ? 0.001 : 1.0, rate, monitor, samples);
        }
        h5.flush();
        return (first, n, v, u, i) -> {
            try {
                synchronized (this) {
                    double[][] src = {v, u, i};
                    for (int k = 0; k < 3; k++) if (ds[k] != null) ds[k].append(src[k], 0, n * m);
                    h5.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /**
     * The recorded neurons as data, not only in the description: {@code neurons[j]} is the
     * index within its group of column j, {@code neurons.attrs['group']} the group's name.
     */
    private static void recordedNeurons(Group ts, StateMonitor monitor) throws IOException {
        int[] ns = monitor.neurons();
        Dataset d = ts.dataset("neurons", H5Type.I32, ns.length);
        d.attribute("description", "index within group '" + monitor.group().name() + "' of each column of data");
        d.attribute("group", monitor.group().name());
        d.append(ns, 0, ns.length);
    }

    private Dataset timeSeries(String name, String description, String unit, double conversion, double rateHz, StateMonitor monitor,
                               long capacity) throws IOException {
        int columns = monitor.neurons().length;
        Group ts = acquisition.group(name);
        typed(ts, "TimeSeries");
        ts.attribute("description", description);
        ts.attribute("comments", "recorded by izhsim; sample s is the state after the update of step s * every");
        Dataset data = ts.dataset("data", H5Type.F64, capacity, columns);
        data.attribute("unit", unit);
        data.attribute("conversion", conversion);
        data.attribute("resolution", -1.0);
        data.attribute("offset", 0.0);
        data.attribute("continuity", "continuous");
        Dataset start = ts.scalar("starting_time", 0.0);
        start.attribute("rate", rateHz);
        start.attribute("unit", "seconds");
        recordedNeurons(ts, monitor);
        return data;
    }

    /** Makes everything handed over so far durable and readable. */
    public synchronized void flush() throws IOException {
        if (!h5.isClosed()) h5.flush();
    }

    /**
     * Writes the units table, the final metadata (e.g. timing), marks the file complete,
     * closes it and renames it to its final name, which it returns.
     */
    public synchronized Path finish(Map<String, ?> finalMetadata) throws IOException {
        if (finished) throw new IllegalStateException("already finished");
        finished = true;
        try {
            return complete(finalMetadata);
        } catch (IOException | RuntimeException e) {
            try {
                h5.close(); // what was written stays readable, marked incomplete
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private Path complete(Map<String, ?> finalMetadata) throws IOException {
        int n = counts.length;
        Group units = root.group("units");
        typed(units, "Units");
        units.attribute("colnames", new String[] {"spike_times"});
        units.attribute("description", "spike times of every neuron; id = global neuron index");
        Dataset id = units.dataset("id", H5Type.I64, n);
        typed(id, "ElementIdentifiers");
        ByteBuffer ids = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer index = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        long[] start = new long[n + 1];
        for (int j = 0; j < n; j++) {
            ids.putLong(j);
            start[j + 1] = start[j] + counts[j];
            index.putLong(start[j + 1]);
        }
        id.append(ids.flip());
        Dataset times = units.dataset("spike_times", H5Type.F64, spikes);
        typed(times, "VectorData");
        times.attribute("description", "spike times [s], t = step * dt");
        Dataset idx = units.dataset("spike_times_index", H5Type.U64, n);
        typed(idx, "VectorIndex");
        idx.attribute("description", "index into spike_times: unit j owns spike_times[index[j-1]:index[j]]");
        idx.reference("target", times);
        idx.append(index.flip());
        reorder(times, start);
        if (stream != null) analysis.unlink("izhsim_spike_stream");
        putAll(general, finalMetadata);
        root.attribute("izhsim_status", "complete");
        h5.close();
        org.izhsim.io.AtomicFiles.replace(partial, target);
        return target;
    }

    /**
     * Fills spike_times neuron range by neuron range: each pass reads the whole stream and
     * keeps the spikes of neurons [lo, hi), whose total fits the buffer (a neuron with more
     * spikes than the buffer gets a pass of its own, with a buffer of its size).
     */
    private void reorder(Dataset times, long[] start) throws IOException {
        int n = counts.length;
        ByteBuffer in = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        int lo = 0;
        while (lo < n) {
            int hi = lo + 1;
            while (hi < n && start[hi + 1] - start[lo] <= reorderBuffer) hi++;
            long total = start[hi] - start[lo];
            double[] buf = new double[(int) total];
            long[] cursor = new long[hi - lo];
            for (long row = 0; row < spikes && total > 0; ) {
                int take = (int) Math.min(in.capacity() / 8, spikes - row);
                in.clear().limit(take * 8);
                stream().read(row * 8, in);
                in.flip();
                for (int j = 0; j < take; j++) {
                    int step = in.getInt(), neuron = in.getInt();
                    if (neuron >= lo && neuron < hi) buf[(int) (start[neuron] - start[lo] + cursor[neuron - lo]++)] = step * dtMs / 1000.0;
                }
                row += take;
            }
            times.append(buf, 0, buf.length);
            lo = hi;
        }
    }

    /** For tests: a small reorder buffer forces many passes. */
    void reorderBuffer(int spikes) {
        this.reorderBuffer = spikes;
    }

    /**
     * Flushes and closes, leaving the file under its partial name, marked incomplete; returns
     * false if there was nothing to do (already finished or aborted).
     */
    public synchronized boolean abort() throws IOException {
        if (finished) return false;
        finished = true;
        h5.close();
        return true;
    }

    /** Aborts unless finished. */
    @Override
    public synchronized void close() throws IOException {
        if (!finished) abort();
    }

    private static void typed(Node node, String type) {
        node.attribute("neurodata_type", type);
        node.attribute("namespace", "core");
        node.attribute("object_id", UUID.randomUUID().toString());
    }

    private static void putAll(Node node, Map<String, ?> metadata) {
        for (Map.Entry<String, ?> e : metadata.entrySet()) {
            Object v = e.getValue();
            switch (v) {
                case null -> { }
                case Double d -> node.attribute(e.getKey(), d);
                case Float f -> node.attribute(e.getKey(), f.doubleValue());
                case Integer i -> node.attribute(e.getKey(), i.longValue());
                case Long l -> node.attribute(e.getKey(), l);
                case String s -> node.attribute(e.getKey(), s);
                default -> node.attribute(e.getKey(), Json.write(v));
            }
        }
    }
}
