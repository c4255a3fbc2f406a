package org.izhsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.SpikeMonitor;
import org.junit.jupiter.api.Test;

/** The one options record and the one runner: their checks, refusals and summary (issue #19 defects 8, 9, 18, 20, 22). */
class NetworkRunTest {
    private static String refusal(Net2003Options.Builder b) {
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void optionsNameTheCulpritAsTheFaceSpellsIt() {
        assertEquals("--ne and --ni must each be at least 1, got 0 and 200", refusal(Net2003Options.builder(Spelling.OPTIONS).ne(0)));
        assertEquals("ne and ni must each be at least 1, got 0 and 200", refusal(Net2003Options.builder(Spelling.KEYS).ne(0)));
        assertEquals("--trace-neuron must be an excitatory neuron, 0..799, got 800",
                refusal(Net2003Options.builder(Spelling.OPTIONS).traceNeuron(800)));
        assertEquals("trace_neuron must be an excitatory neuron, 0..799, got 800",
                refusal(Net2003Options.builder(Spelling.KEYS).traceNeuron(800)));
        assertEquals("--k must be in 1..1000 (the number of neurons), got 5000",
                refusal(Net2003Options.builder(Spelling.OPTIONS).sparse(true).k(5000)));
        assertEquals("unknown connectivity 'ring'; known: dense, sparse",
                assertThrows(IllegalArgumentException.class, () -> Net2003Options.builder(Spelling.OPTIONS).connectivity("ring")).getMessage());
        assertEquals("--blocks must be in 1..1000 (the steps), got 0", refusal(Net2003Options.builder(Spelling.OPTIONS).blocks(0)));
        assertEquals("--duration 1000.0 ms is not a whole number of steps of dt 0.3 ms", refusal(Net2003Options.builder(Spelling.OPTIONS).dt(0.3)));
    }

    /** #19 defect 20: --k was silently ignored with all-to-all connectivity. */
    @Test
    void kWithDenseConnectivityIsRefused() {
        String m = refusal(Net2003Options.builder(Spelling.OPTIONS).k(100));
        assertEquals("--k applies to sparse connectivity only (all-to-all gives every neuron 1000 inputs); drop --k, or add "
                + "--connectivity sparse", m);
        assertEquals(100, Net2003Options.builder(Spelling.OPTIONS).sparse(true).k(100).build().inDegree());
        assertEquals(1000, Net2003Options.builder(Spelling.OPTIONS).sparse(true).build().inDegree());
    }

    /** #19 defect 22: --threads 2000000000 was accepted and recorded as used. */
    @Test
    void absurdThreadCountsAreRefusedAndTheSummaryRecordsTheWorkersUsed() {
        assertEquals("--threads must be at least 1 and at most 4096, got 2000000000 (a run uses at most one worker per 2048 "
                + "neurons anyway)", refusal(Net2003Options.builder(Spelling.OPTIONS).threads(2_000_000_000)));
        assertTrue(refusal(Net2003Options.builder(Spelling.OPTIONS).threads(0)).startsWith("--threads must be at least 1"));
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(80).ni(20).build();
        try (NetworkRun run = NetworkRun.builder(b.network(), b.spikes(), null).durationMs(20).threads(4).build()) {
            run.run(null);
            Map<String, Object> s = run.summary(Map.of());
            assertEquals(1, s.get("threads"), "100 neurons: one worker, whatever was asked for");
            assertEquals(run.simulation().threads(), s.get("threads"));
        }
    }

    /** #19 defect 9: --duration 1e12 said "must be at least 1 ms", 1e10 ran out of memory. */
    @Test
    void runsTooLongForTheirRecordingsAreRefusedBeforeTheyStart() {
        for (double ms : new double[] {1e12, 1e10}) {
            String m = refusal(Net2003Options.builder(Spelling.OPTIONS).durationMs(ms));
            assertTrue(m.startsWith("--duration " + ms + " ms is " + (long) ms + " steps of dt 1.0 ms; a run takes at most 2147483647 steps"), m);
            assertTrue(m.contains("give a shorter --duration or a larger --dt"), m);
        }
        // within the step limit, but the trace (3 doubles a step) and the spectrum cannot fit: refused, nothing allocated
        Net2003Options o = Net2003Options.builder(Spelling.OPTIONS).ne(80).ni(20).durationMs(2e9).build();
        Izhikevich2003Network.Built b = o.apply(Izhikevich2003Network.builder()).build();
        String m = assertThrows(IllegalArgumentException.class,
                () -> NetworkRun.builder(b.network(), b.spikes(), b.trace()).durationMs(o.durationMs()).build()).getMessage();
        assertTrue(m.startsWith("this network needs about "), m);
        assertTrue(m.contains("-Xmx") && m.contains("state samples 45776 MB") && m.contains("a shorter --duration needs less"), m);
        // streamed instead of kept, only the spectrum counts
        String streamed = assertThrows(IllegalArgumentException.class,
                () -> NetworkRun.builder(b.network(), b.spikes(), b.trace()).durationMs(o.durationMs()).keepSpikes(false).build()).getMessage();
        assertTrue(streamed.contains("state samples 0 MB"), streamed);
        assertEquals("--duration must be at least 1 ms (the summary's spectrum counts spikes in 1-ms bins), got 0.25",
                refusal(Net2003Options.builder(Spelling.OPTIONS).dt(0.25).durationMs(0.25)));
    }

    /** #19 defects 8 and 18: the dense estimate of 2·10^9 neurons overflowed; the refusal read "holds this; , or". */
    @Test
    void aNetworkBeyondAnyMachineIsRefusedWithoutOverflow() {
        Izhikevich2003Network.Built b = Net2003Options.builder(Spelling.OPTIONS).ne(2_000_000_000).ni(1).build()
                .apply(Izhikevich2003Network.builder()).build();
        assertEquals(Long.MAX_VALUE, b.network().estimateBytes(1));
        String m = assertThrows(IllegalArgumentException.class,
                () -> NetworkRun.builder(b.network(), b.spikes(), b.trace()).durationMs(10).build()).getMessage();
        assertTrue(m.startsWith("this network needs about 8796093022208 MB but the JVM may allocate at most "), m);
        assertTrue(m.contains("no -Xmx on one machine holds this; use fewer neurons or synapses per neuron, or spread the "
                + "synapses over several ranks (mpirun -np R on several machines, docs/cluster.md); the largest synapse "
                + "group 'exc->exc' holds 4.00e+18 synapses"), m);
        assertFalse(m.contains("; ,"), m);
        assertFalse(m.contains("recordings add"), "10 ms of recordings are no part of this refusal: " + m);
    }

    @Test
    void warmUpStepsDefaultAndOverride() {
        assertEquals(300, NetworkRun.warmUpSteps(null));
        assertEquals(300, NetworkRun.warmUpSteps(" "));
        assertEquals(0, NetworkRun.warmUpSteps("0"));
        assertEquals(2000, NetworkRun.warmUpSteps(" 2000 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkRun.warmUpSteps("many"));
        assertTrue(e.getMessage().contains("IZHSIM_WARMUP_STEPS"), e.getMessage());
    }

    @Test
    void warmUpSampleIsWatchedAsTheRunIs() {
        var b = Izhikevich2003Network.builder().ne(80).ni(20).sparse(10).traceNeuron(3);
        var built = b.build();
        Network sample = b.warmUpSample();
        Network run = built.network();
        assertEquals(2, sample.monitors().size());
        // a run keeping its spikes and trace: the sample as it is
        assertEquals(sample.monitors(), NetworkRun.watchedAlike(sample, run, true, 1000).monitors());
        // a run that streams its spikes and records no state: a streaming tally, no trace
        var streamed = run.withoutMonitors(run.monitors()).withMonitors(List.of(SpikeMonitor.all().streaming((st, ns, n) -> { }, 1000)));
        var alike = NetworkRun.watchedAlike(sample, streamed, false, 1000).monitors();
        assertEquals(1, alike.size());
        assertTrue(alike.get(0) instanceof SpikeMonitor);
        // ... that records states (run.nwb): the trace stays
        var withState = streamed.withMonitors(List.of(built.trace()));
        assertEquals(2, NetworkRun.watchedAlike(sample, withState, false, 1000).monitors().size());
    }

    /** A kept spike list and a streamed tally give the same summary. */
    @Test
    void streamedAndKeptSpikesSumUpAlike() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(160).ni(40).sparse(50).traceNeuron(0).build();
        Map<String, Object> kept, streamed;
        try (NetworkRun run = NetworkRun.builder(b.network(), b.spikes(), b.trace()).durationMs(300).blocks(3).build()) {
            run.run(null);
            kept = run.summary(Map.of("ne", 160));
        }
        try (NetworkRun run = NetworkRun.builder(b.network(), b.spikes(), b.trace()).durationMs(300).keepSpikes(false).chunkSteps(7).build()) {
            assertFalse(run.keepsSpikes());
            run.run(null);
            streamed = run.summary(Map.of("ne", 160));
        }
        assertTrue((long) kept.get("spikes") > 100, "the network fires");
        for (String k : List.of("spikes", "mean_rate_hz", "exc_rate_hz", "inh_rate_hz", "alpha_peak_hz", "gamma_peak_hz", "ne")) {
            assertEquals(kept.get(k), streamed.get(k), k);
        }
        assertEquals(3, ((List<?>) kept.get("blocks")).size());
        assertEquals(List.of("scheme", "dt_ms", "duration_ms", "ne", "synapses", "seed", "threads", "spikes"),
                List.copyOf(kept.keySet()).subList(0, 8));
    }
}
