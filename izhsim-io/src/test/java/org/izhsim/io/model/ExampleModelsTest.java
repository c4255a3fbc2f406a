package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.Test;

/**
 * Each file of {@code examples/models/} loads and runs. The 2003 network and its sparse
 * 100,000-neuron variant are checked spike for spike against the built-in Java description
 * ({@link Izhikevich2003Network}, itself checked against net.m): a model file must describe
 * exactly the same network, random streams included.
 */
class ExampleModelsTest {
    static final Path EXAMPLES = Path.of("..", "examples", "models");

    static ModelFile load(String name, ModelFile.Overrides o) throws Exception {
        return ModelFile.load(EXAMPLES.resolve(name), o);
    }

    static SpikeRecording run(Network net, SpikeMonitor m, double ms, int threads) {
        try (Simulation sim = Simulation.builder(net).threads(threads).build()) {
            sim.run(ms);
            return sim.recording(m);
        }
    }

    @Test
    void net2003FileGivesTheSpikesOfTheBuiltInNetwork() throws Exception {
        for (long seed : new long[] {1, 7}) {
            ModelFile mf = load("net2003.yaml", new ModelFile.Overrides(seed, 300.0, null));
            assertEquals(Scheme.NETM, mf.network().scheme());
            assertEquals(1.0, mf.network().dt());
            Izhikevich2003Network.Built ref = Izhikevich2003Network.builder().seed(seed).build();
            SpikeRecording fromFile = run(mf.network(), mf.spikes(), mf.durationMs(), 2);
            SpikeRecording builtIn = run(ref.network(), ref.spikes(), 300, 2);
            assertTrue(builtIn.count() > 1000, "the reference run fires: " + builtIn.count());
            assertEquals(builtIn, fromFile, "seed " + seed);
        }
    }

    @Test
    void net2003EquationsFileGivesTheSpikesOfTheNet2003File() throws Exception {
        for (long seed : new long[] {1, 7}) {
            ModelFile.Overrides o = new ModelFile.Overrides(seed, 300.0, null);
            ModelFile eq = ModelFile.load(EXAMPLES.resolve("net2003-equations.yaml"), o, KernelCompiler.INSTANCE);
            ModelFile builtIn = load("net2003.yaml", o);
            for (NeuronGroup g : eq.network().groups()) {
                assertEquals("examples/equations/izhikevich2003.eqs".replace('/', java.io.File.separatorChar),
                        Path.of("..").relativize(Path.of(g.equations().source())).toString(), g.name());
            }
            SpikeRecording a = run(eq.network(), eq.spikes(), eq.durationMs(), 2);
            SpikeRecording b = run(builtIn.network(), builtIn.spikes(), builtIn.durationMs(), 2);
            assertTrue(b.count() > 1000, "the reference run fires: " + b.count());
            assertEquals(b, a, "seed " + seed);
        }
    }

    @Test
    void anEquationFileIsRecordedAndHashedWithTheModelFile() throws Exception {
        Path file = EXAMPLES.resolve("net2003-equations.yaml");
        ModelFile mf = ModelFile.load(file, ModelFile.Overrides.NONE, KernelCompiler.INSTANCE);
        byte[] eqs = java.nio.file.Files.readAllBytes(EXAMPLES.resolve("../equations/izhikevich2003.eqs"));
        String eqSha = org.izhsim.io.RunInfo.sha256(eqs);
        // the model hash: the file's SHA-256, then the equation file's, one per line
        String expected = org.izhsim.io.RunInfo.sha256((org.izhsim.io.RunInfo.sha256(java.nio.file.Files.readAllBytes(file)) + "\n" + eqSha + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, mf.sha256());
        @SuppressWarnings("unchecked")
        var groups = (java.util.Map<String, java.util.Map<String, Object>>) mf.resolved().get("groups");
        @SuppressWarnings("unchecked")
        var model = (java.util.Map<String, Object>) groups.get("inh").get("model");
        assertEquals("../equations/izhikevich2003.eqs", model.get("equations"));
        assertEquals(eqSha, model.get("sha256"));
        org.izhsim.equations.EquationModel parsed = org.izhsim.equations.EquationModel.parse(
                new String(eqs, java.nio.charset.StandardCharsets.UTF_8), "x.eqs");
        assertEquals(parsed.normalized(), model.get("normalized"));
        assertEquals(parsed.hash(), model.get("hash"));
        assertEquals(java.util.Map.of("v", -65.0, "u", "b*v"), groups.get("exc").get("initial"));
        assertEquals("0.02+0.08*r", ((java.util.Map<?, ?>) groups.get("inh").get("params")).get("a"));
    }

    @Test
    void sparse100kFileGivesTheSpikesOfTheBuiltInSparseNetwork() throws Exception {
        ModelFile mf = load("sparse100k.yaml", new ModelFile.Overrides(null, 20.0, null));
        assertEquals(100_000, mf.network().neuronCount());
        assertEquals(10_000_000, mf.network().synapseCount(), 1e-6);
        SpikeRecording fromFile = run(mf.network(), mf.spikes(), 20, 2);
        Izhikevich2003Network.Built ref = Izhikevich2003Network.builder().ne(80_000).ni(20_000).sparse(100).build();
        SpikeRecording builtIn = run(ref.network(), ref.spikes(), 20, 2);
        // 20 ms of the first transient: thousands of spikes, well below a runaway
        double rateHz = fromFile.count() / (100_000 * 0.020);
        assertTrue(rateHz > 1 && rateHz < 100, "rate " + rateHz + " Hz");
        assertEquals(builtIn, fromFile);
    }

    @Test
    void sornsimFileRunsWithBothGroupsFiring() throws Exception {
        ModelFile mf = load("sornsim.yaml", new ModelFile.Overrides(null, 200.0, null));
        assertEquals(Scheme.FIGURE1, mf.network().scheme());
        assertEquals(0.5, mf.network().dt());
        assertEquals(1000, mf.network().neuronCount());
        assertEquals(3, mf.recorded().size());
        SpikeRecording s = run(mf.network(), mf.spikes(), mf.durationMs(), 2);
        for (NeuronGroup g : mf.network().groups()) {
            int off = mf.network().offset(g);
            double hz = s.countNeurons(off, off + g.size()) / (g.size() * 0.2);
            // driven by a mean input of 10 (tonic firing of a lone RS neuron at I = 10 is ~ 30 Hz)
            // and recurrent excitation: active, not silent, not saturated at one spike per step
            assertTrue(hz > 5 && hz < 500, g.name() + " rate " + hz + " Hz");
        }
        assertEquals(2, mf.network().synapses().stream().filter(x -> x.tag().equals("GABA")).count());
        assertEquals(2, mf.network().synapses().stream().filter(x -> x.tag().equals("GLUTAMATE")).count());
    }

    @Test
    void resolvedConfigurationAndHashAreRecorded() throws Exception {
        ModelFile mf = load("net2003.yaml", ModelFile.Overrides.NONE);
        // the SHA-256 test vector of "abc" (FIPS 180-2), then the file's own bytes
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", org.izhsim.io.RunInfo.sha256("abc".getBytes()));
        assertEquals(org.izhsim.io.RunInfo.sha256(java.nio.file.Files.readAllBytes(EXAMPLES.resolve("net2003.yaml"))), mf.sha256());
        @SuppressWarnings("unchecked")
        var sim = (java.util.Map<String, Object>) mf.resolved().get("simulation");
        assertEquals(1000.0, sim.get("duration_ms"));
        assertEquals("netm", sim.get("scheme"));
        assertEquals(1.0, sim.get("pulse_ms"));
        assertEquals(1000.0, mf.durationMs());
        assertEquals("net2003", mf.name());
    }
}
