package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.io.Npz;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeSource;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-file keys of spike sources, synapse targets and explicit lists reach the core as
 * the reference says: inline and from .npz / .csv files beside the model file; bad values are
 * one line at the key.
 */
class SourcesModelFileTest {
    @TempDir
    Path dir;

    private ModelFile load(String text) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "izhsim: 1\nsimulation: {duration_ms: 10, dt_ms: 0.5, scheme: euler}\n" + text);
        return ModelFile.load(f, ModelFile.Overrides.NONE);
    }

    private String error(String text) {
        return assertThrows(ModelFileException.class, () -> load(text)).getMessage();
    }

    @Test
    void inlineSourcesTargetAndList() throws Exception {
        ModelFile mf = load("""
                groups:
                  stim:
                    size: 3
                    model: spike_generator
                    spikes: {indices: [0, 1, 2, 0], times_ms: [1, 2.5, 4, 4.1]}
                  bg: {size: 4, model: poisson, rate_hz: [1, 2, 3, 4]}
                  cells: {size: 2}
                synapses:
                  - from: stim
                    to: cells
                    target: v
                    connectivity: {rule: list, pre: [0, 1, 2, 0], post: [0, 0, 1, 0]}
                    weight: [6.0, 12.5, 20.0, -3.0]
                    delay_ms: [0, 1.5, 2, 0.5]
                  - {from: bg, to: cells, weight: 1}
                """);
        NeuronGroup stim = mf.network().group("stim");
        SpikeSource.Generator g = (SpikeSource.Generator) stim.source();
        assertArrayEquals(new int[] {0, 1, 2, 0}, g.indices());
        assertArrayEquals(new double[] {1, 2.5, 4, 4.1}, g.timesMs());
        assertTrue(mf.network().group("bg").source() instanceof SpikeSource.Poisson);
        SynapseGroup s = mf.network().synapses().get(0);
        assertEquals("v", s.target());
        assertArrayEquals(new int[] {0, 1, 2, 0}, ((Connectivity.Explicit) s.connectivity()).pre());
        assertArrayEquals(new double[] {6.0, 12.5, 20.0, -3.0}, ((Weights.Array) s.weights()).w());
        assertArrayEquals(new int[] {0, 3, 4, 1}, ((Delays.Array) s.delays()).steps());
        assertEquals("I", mf.network().synapses().get(1).target());
        assertEquals("cells", mf.traceGroup().name(), "the trace skips the spike sources");
    }

    @Test
    void spikesAndListsFromNpzAndCsv() throws Exception {
        new Npz().put("i", new int[] {1, 0}).put("t_ms", new double[] {3.0, 0.5}).write(dir.resolve("spikes.npz"));
        Files.writeString(dir.resolve("spikes.csv"), "# a comment\ni,t_ms\n2,1.0\n0,7.5\n");
        new Npz().put("pre", new int[] {0, 0, 1}).put("post", new int[] {1, 1, 0}).put("w", new double[] {0.5, 0.25, 2})
                .put("delay_ms", new double[] {0.5, 1, 0}).write(dir.resolve("conn.npz"));
        Files.writeString(dir.resolve("conn.csv"), "pre,post,w\n2,0,1.5\n");
        ModelFile mf = load("""
                groups:
                  a: {size: 2, model: spike_generator, spikes: spikes.npz}
                  b: {size: 3, model: spike_generator, spikes: spikes.csv}
                  cells: {size: 2}
                synapses:
                  - {from: a, to: cells, connectivity: {rule: list, file: conn.npz}}
                  - {from: b, to: cells, connectivity: {rule: list, file: conn.csv}, delay_ms: 1}
                """);
        SpikeSource.Generator a = (SpikeSource.Generator) mf.network().group("a").source();
        assertArrayEquals(new int[] {1, 0}, a.indices());
        assertArrayEquals(new double[] {3.0, 0.5}, a.timesMs());
        assertArrayEquals(new int[] {2, 0}, ((SpikeSource.Generator) mf.network().group("b").source()).indices());
        SynapseGroup s = mf.network().synapses().get(0), t = mf.network().synapses().get(1);
        assertArrayEquals(new int[] {1, 1, 0}, ((Connectivity.Explicit) s.connectivity()).post(), "a repeated pair stays two synapses");
        assertArrayEquals(new double[] {0.5, 0.25, 2}, ((Weights.Array) s.weights()).w());
        assertArrayEquals(new int[] {1, 2, 0}, ((Delays.Array) s.delays()).steps());
        assertArrayEquals(new double[] {1.5}, ((Weights.Array) t.weights()).w());
        assertEquals(2, t.delays().max());
    }

    @Test
    void badInputIsOneLineAtTheKey() throws Exception {
        String cells = "  cells: {size: 2}\n";
        assertTrue(error("groups:\n  g: {size: 2, model: spike_generator, spikes: {indices: [0, 2], times_ms: [1, 2]}}\n" + cells)
                .contains("index 2 at position 1 is outside 0..1"));
        assertTrue(error("groups:\n  g: {size: 2, model: spike_generator, spikes: {indices: [0], times_ms: [-1]}}\n" + cells)
                .contains("time [0] must be a finite number >= 0 ms, got -1.0"));
        assertTrue(error("groups:\n  g: {size: 2, model: spike_generator, spikes: {indices: [0, 0], times_ms: [1, 1.2]}}\n" + cells)
                .contains("neuron 0 spikes twice in step 2"));
        assertTrue(error("groups:\n  g: {size: 2, model: spike_generator, spikes: nothere.npz}\n" + cells)
                .contains("(paths are relative to the model file)"));
        assertTrue(error("groups:\n  g: {size: 2, model: poisson, rate_hz: 1, params: {a: 1}}\n" + cells)
                .contains("unknown key; allowed: size, model, rate_hz"));
        assertTrue(error("groups:\n  g: {size: 2, model: poisson, rate_hz: 5000}\n" + cells).contains("exceeds one spike per step"));
        assertTrue(error("groups:\n" + cells + "synapses:\n  - {from: cells, to: cells, target: ge}\n")
                .contains("target 'ge' is not a variable of group 'cells'; allowed: I, v, u"));
        assertTrue(error("groups:\n" + cells + "synapses:\n  - {from: cells, to: cells, connectivity: {rule: list, pre: [0], post: [5]}}\n")
                .contains("post index 5 at position 0 is outside 0..1"));
        Files.writeString(dir.resolve("c.csv"), "pre,post,w\n0,1,2\n");
        assertTrue(error("groups:\n" + cells + "synapses:\n  - {from: cells, to: cells, weight: 1, connectivity: {rule: list, file: c.csv}}\n")
                .contains("gives the weights (w); remove 'weight'"));
        assertTrue(error("groups:\n  s: {size: 1, model: poisson, rate_hz: 1}\n" + cells + "synapses:\n  - {from: cells, to: s}\n")
                .contains("group 's' is a spike source and receives no synapses"));
    }
}
