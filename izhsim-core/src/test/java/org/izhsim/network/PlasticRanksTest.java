package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/**
 * Plastic groups across in-process ranks: pair STDP (additive, all-to-all) and spnet's rule on
 * a recurrent network whose pre neurons spread over every rank give one process's spikes and
 * weights bit for bit for 1, 2 and 4 ranks × 1 and 2 threads, with exchange intervals of 3
 * (netm) and 4 (euler) steps; every rank's snapshot resumes to the straight run; a model reading
 * a pre neuron's value is refused on two ranks.
 */
class PlasticRanksTest {
    private static final double MS = 1100; // past the spnet rule's first once-per-second pass

    /** Delays from 3 steps on, so that ranks exchange every 3 (netm) or 4 (euler: 1 + 3) steps. */
    private static Network network(Scheme scheme, SpikeMonitor m) {
        double dt = scheme == Scheme.NETM ? 1 : 0.5;
        NeuronGroup e = NeuronGroup.builder("e", 203).build(), i = NeuronGroup.builder("i", 51).a(0.1).d(2).build();
        return Network.builder().seed(5).dt(dt).scheme(scheme).add(e).add(i)
                .add(SynapseGroup.builder("ee", e, e).connect(Connectivity.fixedInDegree(30)).weights(Weights.uniform(0, 2))
                        .delays(Delays.uniform(3, 12)).plasticity(Plasticity.stdp(0.05, 4)).build())
                .add(SynapseGroup.builder("ei", e, i).connect(Connectivity.probability(0.2)).weight(2).delays(Delays.uniform(3, 8))
                        .plasticity(Plasticity.spnet(4)).build())
                .add(SynapseGroup.builder("ie", i, e).connect(Connectivity.fixedInDegree(10)).weight(-3).delay(3).build())
                .add(Input.noise(e, 5)).add(Input.poisson(i, 10, 20, 1.5)).add(m).build();
    }

    /** One synapse as text: group, pre, post (network-wide), delay, the weight's bits. */
    private static List<String> synapses(Simulation sim) {
        Network net = sim.network();
        List<String> out = new ArrayList<>();
        for (SynapseGroup s : net.synapses()) {
            SynapseView v = sim.synapses(s);
            int preOff = net.offset(s.pre()), postOff = net.offset(s.post());
            for (int p = 0; p < v.preCount(); p++) {
                for (int j = 0; j < v.rowLength(p); j++) {
                    out.add(s.name() + " " + (preOff + p) + " " + (postOff + v.post(p, j)) + " " + v.delay(p, j) + " "
                            + Float.floatToRawIntBits(v.weight(p, j)));
                }
            }
        }
        return out;
    }

    private record Part(SpikeRecording spikes, List<String> synapses, int from, int to, int interval) {}

    private static List<Part> run(Scheme scheme, int ranks, int threads) throws InterruptedException {
        SpikeMonitor m = SpikeMonitor.all();
        Network net = network(scheme, m);
        return new InProcessRanks(ranks).run(c -> {
            try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).communicator(c).build()) {
                sim.run(MS);
                return new Part(sim.recording(m), synapses(sim), c.ownedFrom(net.neuronCount()), c.ownedTo(net.neuronCount()),
                        sim.exchangeInterval());
            }
        });
    }

    /** The synapses onto posts [from, to), in the order they have in {@code all}. */
    private static List<String> onto(List<String> all, int from, int to) {
        List<String> out = new ArrayList<>();
        for (String s : all) {
            int post = Integer.parseInt(s.split(" ")[2]);
            if (post >= from && post < to) out.add(s);
        }
        return out;
    }

    @Test
    void spikesAndWeightsAreOneProcesssFor124RanksAnd12Threads() throws InterruptedException {
        for (Scheme scheme : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Part one = run(scheme, 1, 1).get(0);
            assertTrue(one.spikes().count() > 1000, scheme + ": active, " + one.spikes().count() + " spikes");
            List<String> initial;
            try (Simulation sim = Simulation.of(network(scheme, SpikeMonitor.all()))) {
                initial = synapses(sim);
            }
            for (String g : new String[] {"ee", "ei"}) {
                assertNotEquals(initial.stream().filter(s -> s.startsWith(g + " ")).toList(),
                        one.synapses().stream().filter(s -> s.startsWith(g + " ")).toList(), scheme + ": " + g + " learned");
            }
            for (int ranks : new int[] {1, 2, 4}) {
                for (int threads : new int[] {1, 2}) {
                    String what = scheme + ", " + ranks + " ranks x " + threads + " threads";
                    List<Part> parts = run(scheme, ranks, threads);
                    List<SpikeRecording> spikes = new ArrayList<>();
                    for (Part p : parts) {
                        spikes.add(p.spikes());
                        sameSynapses(onto(one.synapses(), p.from(), p.to()), p.synapses(), what + ": synapses onto [" + p.from()
                                + ", " + p.to() + ")");
                        if (ranks > 1) assertEquals(scheme == Scheme.NETM ? 3 : 4, p.interval(), what + ": exchange interval");
                    }
                    SpikeRecording all = SpikeRecording.merge(spikes);
                    assertArrayEquals(one.spikes().steps(), all.steps(), what + ": spike steps");
                    assertArrayEquals(one.spikes().neurons(), all.neurons(), what + ": spike neurons");
                }
            }
        }
    }

    /**
     * Each of 2 ranks snapshots at 707 ms (mid-interval: netm exchanges every 3 steps, and the
     * last exchange ended step 705) and resumes on other thread counts: the rank's recent
     * spikes, its traces of the other rank's neurons and its unexchanged spikes carry over, so
     * the resumed run ends with the straight run's spikes and weights.
     */
    @Test
    void aSnapshotOfEveryRankMidIntervalResumesToTheStraightRun() throws Exception {
        SpikeMonitor m = SpikeMonitor.all();
        Network net = network(Scheme.NETM, m);
        List<Part> straight = run(Scheme.NETM, 2, 1);
        InProcessRanks ranks = new InProcessRanks(2);
        List<Snapshot> snaps = ranks.run(c -> {
            try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).communicator(c).build()) {
                sim.run(707);
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                sim.snapshot().write(bytes);
                return Snapshot.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<List<String>> resumed = ranks.run(c -> {
            try (Simulation sim = Simulation.builder(net).threads(1 + c.rank()).minNeuronsPerThread(1).communicator(c)
                    .resumeFrom(snaps.get(c.rank())).build()) {
                sim.run(MS - 707);
                return synapses(sim);
            }
        });
        for (int r = 0; r < 2; r++) sameSynapses(straight.get(r).synapses(), resumed.get(r), "rank " + r + " resumed");
    }

    /** Names the first synapse that differs (the lists hold thousands). */
    private static void sameSynapses(List<String> expected, List<String> got, String what) {
        for (int k = 0; k < Math.min(expected.size(), got.size()); k++) {
            assertEquals(expected.get(k), got.get(k), what + ": synapse " + k + " (group pre post delay w-bits)");
        }
        assertEquals(expected.size(), got.size(), what + ": synapses");
    }

    @Test
    void aModelReadingAPreNeuronIsRefusedOnTwoRanks() {
        NeuronGroup a = NeuronGroup.builder("a", 4).build(), b = NeuronGroup.builder("b", 4).build();
        org.izhsim.equations.SynapseModel model = org.izhsim.equations.SynapseModel.parse("w : 1", "w += 0.001*v_pre", "",
                java.util.Map.of(), SynapseEquations.variables(a), SynapseEquations.variables(b));
        Network net = Network.builder().add(a).add(b).add(SynapseGroup.builder("ab", a, b).weight(0.1).delay(1)
                .plasticity(new Plasticity.Equations(model, x -> { throw new AssertionError("not compiled"); })).build()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InProcessRanks(2).run(c -> Simulation.builder(net).communicator(c).build()));
        assertEquals("synapse group 'ab': the model reads 'v_pre', a value of a pre-synaptic neuron, and across 2 ranks other"
                + " ranks' neurons send only their spikes; run it on one rank (with --threads), or read only synapse and"
                + " post-synaptic variables", e.getMessage());
    }
}
