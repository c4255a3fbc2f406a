package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.io.Npz;
import org.izhsim.io.NpzReader;
import org.izhsim.io.PlasticWeights;
import org.izhsim.network.Plasticity;
import org.izhsim.network.Simulation;
import org.izhsim.network.SynapseGroup;
import org.junit.jupiter.api.Test;

/** The {@code plasticity:} key of a synapse group: both rules with defaults, every key, the refusals, weights.npz. */
class PlasticityModelFileTest {
    private static String file(String plasticity) {
        return """
                izhsim: 1
                simulation: {duration_ms: 200, seed: 4}
                groups:
                  exc: {size: 60}
                  inh: {size: 15, preset: FS}
                synapses:
                  - {from: exc, to: exc, connectivity: {rule: fixed_indegree, k: 10}, weight: 3, delay_ms: [1, 5],
                     plasticity: %s}
                  - {from: inh, to: exc, connectivity: {rule: fixed_indegree, k: 5}, weight: -2}
                inputs:
                  - {type: noise, group: exc, sigma: 6}
                """.formatted(plasticity);
    }

    private static SynapseGroup ee(String plasticity) {
        return ModelFile.parse("net.yaml", file(plasticity), ModelFile.Overrides.NONE).network().synapses().get(0);
    }

    private static String error(String plasticity) {
        return assertThrows(ModelFileException.class, () -> ModelFile.parse("net.yaml", file(plasticity), ModelFile.Overrides.NONE))
                .getMessage();
    }

    @Test
    void stdpWithDefaultsIsBrian2sExample() {
        assertEquals(Plasticity.stdp(0.01, 1), ee("{rule: stdp, w_max: 1}").plasticity());
    }

    @Test
    void stdpWithEveryKey() {
        assertEquals(Plasticity.stdp(10, 30, 0.02, -0.03, 5, Plasticity.WeightDependence.MULTIPLICATIVE, Plasticity.Pairing.NEAREST),
                ee("{rule: stdp, tau_pre_ms: 10, tau_post_ms: 30, a_pre: 0.02, a_post: -0.03, w_max: 5, "
                        + "weight_dependence: multiplicative, pairing: nearest}").plasticity());
    }

    @Test
    void spnetWithDefaultsAndOverrides() {
        assertEquals(Plasticity.spnet(10), ee("{rule: spnet, w_max: 10}").plasticity());
        assertEquals(new Plasticity.Spnet(8, 0.2, 0.3, 0.9, 0.02, 0.8, 500),
                ee("{rule: spnet, w_max: 8, ltp: 0.2, ltd: 0.3, decay_per_ms: 0.9, drift: 0.02, sd_decay: 0.8, period_ms: 500}").plasticity());
        assertNull(ModelFile.parse("net.yaml", file("{rule: spnet, w_max: 10}"), ModelFile.Overrides.NONE).network()
                .synapses().get(1).plasticity(), "the inhibitory group stays static");
    }

    @Test
    void badValuesNameFileKeyAndAlternatives() {
        String e = error("{rule: hebb, w_max: 1}");
        assertTrue(e.startsWith("net.yaml:") && e.contains("stdp, spnet"), e);
        e = error("{rule: stdp}");
        assertTrue(e.contains("missing required key 'w_max'"), e);
        e = error("{rule: stdp, w_max: -1}");
        assertTrue(e.contains("w_max must be a positive"), e);
        e = error("{rule: stdp, w_max: 1, pairing: closest}");
        assertTrue(e.contains("all_to_all, nearest"), e);
        e = error("{rule: spnet, w_max: 1, tau_pre_ms: 20}");
        assertTrue(e.contains("tau_pre_ms") && e.contains("period_ms"), e);
        e = error("{rule: spnet, w_max: 1, decay_per_ms: 1.5}");
        assertTrue(e.contains("decay_per_ms must be in (0, 1]"), e);
    }

    @Test
    void weightsNpzHoldsThePlasticGroupsLearnedWeights() throws Exception {
        ModelFile mf = ModelFile.parse("net.yaml", file("{rule: stdp, a_pre: 0.2, w_max: 6}"), ModelFile.Overrides.NONE);
        try (Simulation sim = Simulation.of(mf.network())) {
            sim.run(mf.durationMs());
            Npz npz = PlasticWeights.npz(sim);
            java.nio.file.Path f = java.nio.file.Files.createTempFile("weights", ".npz");
            npz.write(f);
            double[] w, d;
            int[] pre, post;
            try (NpzReader r = NpzReader.open(f)) {
                w = r.doubles("w");
                d = r.doubles("delay_ms");
                pre = r.ints("pre");
                post = r.ints("post");
            } finally {
                java.nio.file.Files.delete(f);
            }
            assertEquals(600, w.length, "60 posts x 10 inputs");
            boolean changed = false;
            for (int k = 0; k < w.length; k++) {
                assertTrue(w[k] >= 0 && w[k] <= 6, "in [0, w_max]: " + w[k]);
                assertTrue(d[k] >= 1 && d[k] <= 5 && pre[k] < 60 && post[k] < 60, "synapse " + k);
                changed |= w[k] != 3;
            }
            assertTrue(changed, "the weights learned");
        }
    }
}
