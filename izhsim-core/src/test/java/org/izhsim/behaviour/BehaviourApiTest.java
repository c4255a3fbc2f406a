package org.izhsim.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Input;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviours inside the one engine: order, synapses by tag, threads, recorders, and the phases around them. */
class BehaviourApiTest {

    /** Logs "tag:label" at init and step (serial: it runs at a barrier). */
    private record Log(List<String> log, String label) implements Behaviour {
        @Override
        public void init(Group n) {
            log.add("init " + n.tag() + ":" + label);
        }

        @Override
        public void step(Group n, int from, int to) {
            log.add(n.tag() + ":" + label + "@" + n.iteration());
        }
    }

    /** Keeps the group view its init saw. */
    private static final class Capture implements Behaviour {
        Group group;

        @Override
        public void init(Group n) {
            group = n;
        }

        @Override
        public void step(Group n, int from, int to) {}
    }

    @Test
    void behavioursRunInOrderAcrossGroups() {
        List<String> log = new ArrayList<>();
        NeuronGroup a = NeuronGroup.builder("A", 3).behaviourDynamics().behaviour(9, new Log(log, "rec"))
                .behaviour(1, new Log(log, "main")).behaviour(2, new Log(log, "input")).build();
        NeuronGroup b = NeuronGroup.builder("B", 2).behaviourDynamics().behaviour(2, new Log(log, "input"))
                .behaviour(1, new Log(log, "main")).behaviour(55, new Log(log, "extra")).build();
        try (Simulation sim = Simulation.builder(Network.builder().add(a).add(b).build()).threads(2).minNeuronsPerThread(1).build()) {
            assertEquals(List.of("init A:main", "init B:main", "init A:input", "init B:input", "init A:rec", "init B:extra"), log);
            log.clear();
            sim.runSteps(2);
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                for (String s : List.of("A:main", "B:main", "A:input", "B:input", "A:rec", "B:extra")) expected.add(s + "@" + k);
            }
            assertEquals(expected, log);
        }
    }

    @Test
    void afferentSynapsesByTagInDeclarationOrderAndAddFired() {
        Capture ce = new Capture(), ci = new Capture();
        NeuronGroup e = NeuronGroup.builder("e", 5).behaviourDynamics().behaviour(1, ce).build();
        NeuronGroup i = NeuronGroup.builder("i", 7).behaviourDynamics().behaviour(1, ci).build();
        SynapseGroup ee = SynapseGroup.builder("ee", e, e).tag("GLUTAMATE").connect(Connectivity.allToAll()).weight(0.5).build();
        SynapseGroup ie = SynapseGroup.builder("ie", i, e).tag("GABA").connect(Connectivity.allToAll()).weight(-1).build();
        SynapseGroup ei = SynapseGroup.builder("ei", e, i).tag("GLUTAMATE").connect(Connectivity.probability(0.6))
                .weights(Weights.uniform(0, 1)).build();
        Network net = Network.builder().seed(5).add(e).add(i).add(ee).add(ie).add(ei).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            Group ge = ce.group, gi = ci.group;
            assertEquals(List.of("ee"), ge.afferent("GLUTAMATE").stream().map(Synapses::name).toList());
            assertEquals(List.of("ie"), ge.afferent("GABA").stream().map(Synapses::name).toList());
            assertEquals(List.of("ee", "ie"), ge.afferent().stream().map(Synapses::name).toList());
            assertEquals(List.of("ee", "ei"), ge.efferent("GLUTAMATE").stream().map(Synapses::name).toList());
            assertEquals(List.of(), gi.afferent("GABA"));
            Synapses s = gi.afferent("GLUTAMATE").getFirst();
            assertEquals(ge, s.src());
            double[] fired = {1, 0, 1, 1, 0};
            double[] expected = new double[7];
            var m = sim.synapses(ei);
            for (int pre = 0; pre < 5; pre++) {
                if (fired[pre] == 0) continue;
                for (int j = 0; j < m.rowLength(pre); j++) expected[m.post(pre, j)] += m.weight(pre, j);
            }
            double[] all = new double[7], split = new double[7];
            long ev = s.addFired(fired, all, 0, 7);
            long ev2 = s.addFired(fired, split, 0, 3) + s.addFired(fired, split, 3, 4) + s.addFired(fired, split, 4, 7);
            assertArrayEquals(expected, all);
            assertArrayEquals(expected, split);
            assertEquals(ev, ev2);
            assertTrue(ev > 0);
            assertEquals("synapses 'ei': 4 fired flags for 5 source neurons",
                    assertThrows(IllegalArgumentException.class, () -> s.addFired(new double[4], all, 0, 7)).getMessage());
            assertThrows(IllegalStateException.class, () -> s.setWeights(Weights.constant(1)));
        }
    }

    /** Owns a vector x and sets each neuron's x from its old value every step. */
    private abstract static class XRule implements Behaviour {
        abstract double next(Group n, double x, int i);

        @Override
        public void init(Group n) {
            n.vector("x");
        }

        @Override
        public void step(Group n, int from, int to) {
            double[] x = n.existing("x");
            for (int i = from; i < to; i++) x[i] = next(n, x[i], i);
        }
    }

    /** Random per neuron and iteration, keyed by counters: the same for every thread count. */
    private static final class Jitter extends XRule {
        @Override
        double next(Group n, double x, int i) {
            return 0.9 * x + n.gaussian("jitter", i) + n.uniform("jitter2", i);
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }

    private static double[] runJitter(int threads) {
        NeuronGroup g = NeuronGroup.builder("g", 1001).behaviourDynamics().behaviour(1, new Jitter()).build();
        try (Simulation sim = Simulation.builder(Network.builder().seed(42).add(g).build()).threads(threads)
                .minNeuronsPerThread(1).build()) {
            sim.runSteps(50);
            return sim.vector(g, "x");
        }
    }

    @Test
    void parallelBehavioursAreBitIdenticalForAnyThreadCount() {
        double[] one = runJitter(1);
        assertArrayEquals(one, runJitter(2));
        assertArrayEquals(one, runJitter(3));
        assertArrayEquals(one, runJitter(4));
        assertNotEquals(one[0], one[1]);
    }

    @Test
    void recorderYieldsAnImmutableCopyOfEachIteration() {
        Recorder rec = new Recorder(2, "x");
        Behaviour count = new XRule() {
            @Override
            double next(Group n, double x, int i) {
                return n.iteration() * 10 + i;
            }
        };
        NeuronGroup g = NeuronGroup.builder("g", 3).behaviourDynamics().behaviour(1, count).behaviour(9, rec).build();
        try (Simulation sim = Simulation.builder(Network.builder().add(g).build()).threads(1).build()) {
            sim.runSteps(5);
            VectorRecording r = rec.recording();
            assertEquals(3, r.count()); // iterations 0, 2, 4
            assertEquals(4, r.iteration(2));
            assertArrayEquals(new double[] {41, 42}, new double[] {r.value("x", 2, 1), r.value("x", 2, 2)});
            assertArrayEquals(new double[] {2, 22, 42}, r.trace("x", 2));
            r.row("x", 0)[0] = 99;
            r.matrix("x")[0][0] = 99;
            assertEquals(0, r.value("x", 0, 0));
            sim.runSteps(2);
            assertEquals(3, r.count(), "a recording does not grow");
            assertEquals(4, rec.recording().count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.trace("v", 0));
            assertEquals("'v' was not recorded; recorded: x", e.getMessage());
        }
    }

    /** Adds 0 to I between the deliver and the update: the step then runs as two stages. */
    private static final class Nothing implements Behaviour {
        @Override
        public void init(Group n) {
            n.vector("seen");
        }

        @Override
        public void step(Group n, int from, int to) {
            double[] current = n.existing("I"), seen = n.existing("seen"), fired = n.existing("fired");
            for (int i = from; i < to; i++) {
                current[i] += 0.0;
                seen[i] += fired[i];
            }
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }

    /**
     * A behaviour between the deliver and the update (order 35) splits the fused step into a
     * deliver and an update stage: a behaviour that changes nothing gives the network's spikes to
     * the bit, under every scheme, dense and sparse, on 1 and 2 threads; the fired vector it reads
     * counts the spikes.
     */
    @ParameterizedTest
    @EnumSource(Scheme.class)
    void aBehaviourThatChangesNothingKeepsTheSpikes(Scheme scheme) {
        double dt = scheme == Scheme.RK4 || scheme == Scheme.FIGURE1 ? 0.5 : 1;
        for (boolean sparse : new boolean[] {false, true}) {
            Izhikevich2003Network.Builder b = Izhikevich2003Network.builder().ne(400).ni(100).scheme(scheme).dt(dt).seed(9);
            if (sparse) b.sparse(50);
            Izhikevich2003Network.Built plain = b.build();
            SpikeRecording reference;
            try (Simulation sim = Simulation.builder(plain.network()).threads(2).minNeuronsPerThread(1).build()) {
                sim.run(200);
                reference = sim.recording(plain.spikes());
            }
            for (int threads = 1; threads <= 2; threads++) {
                Izhikevich2003Network.Built withB = b.behaviour("exc", 35, new Nothing()).behaviour("inh", 35, new Nothing()).build();
                try (Simulation sim = Simulation.builder(withB.network()).threads(threads).minNeuronsPerThread(1).build()) {
                    sim.run(200);
                    SpikeRecording s = sim.recording(withB.spikes());
                    assertTrue(reference.count() > 500, "the network fires: " + reference.count());
                    assertArrayEquals(reference.steps(), s.steps(), scheme + (sparse ? " sparse" : " dense") + " " + threads);
                    assertArrayEquals(reference.neurons(), s.neurons());
                    double seen = 0;
                    for (double x : sim.vector(withB.exc(), "seen")) seen += x;
                    for (double x : sim.vector(withB.inh(), "seen")) seen += x;
                    // netm: fired of step k at order 35; the others: of step k − 1 (the last step's is not seen)
                    long lastStep = 200 * Math.round(1 / dt) - 1;
                    long last = 0;
                    for (int i = 0; i < s.count(); i++) if (s.step(i) == lastStep) last++;
                    assertEquals(scheme == Scheme.NETM ? s.count() : s.count() - last, (long) seen);
                }
                b = Izhikevich2003Network.builder().ne(400).ni(100).scheme(scheme).dt(dt).seed(9);
                if (sparse) b.sparse(50);
            }
        }
    }

    @Test
    void badInputNamesTheCulprit() {
        Capture c = new Capture();
        NeuronGroup g = NeuronGroup.builder("g", 3).behaviourDynamics().behaviour(1, c).build();
        try (Simulation sim = Simulation.builder(Network.builder().add(g).build()).threads(1).build()) {
            assertEquals("group 'g' has no vector 'w'; known: I, I_syn, fired",
                    assertThrows(IllegalArgumentException.class, () -> c.group.existing("w")).getMessage());
            assertEquals("group 'g': vector 'w' does not exist; create vectors in init",
                    assertThrows(IllegalStateException.class, () -> c.group.vector("w")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.group.setVector("I", new double[2]));
            c.group.scalar("tau", 20);
            assertEquals(20, c.group.scalar("tau"));
            assertEquals("group 'g' has no scalar 'dt'; known: tau",
                    assertThrows(IllegalArgumentException.class, () -> c.group.scalar("dt")).getMessage());
        }
        NeuronGroup h = NeuronGroup.builder("h", 3).behaviourDynamics().behaviour(1, new Capture()).build();
        Network noisy = Network.builder().add(h).add(Input.noise(h, 1)).build();
        assertEquals("input 'noise:h' drives group 'h', whose behaviours are its dynamics; its behaviours make its current",
                assertThrows(IllegalArgumentException.class, () -> Simulation.builder(noisy).build()).getMessage());
        Network delayed = Network.builder().add(h)
                .add(SynapseGroup.builder("hh", h, h).connect(Connectivity.allToAll()).weight(1).delay(2).build()).build();
        assertEquals("synapses 'hh' have delays, but group 'h' reads its input with its behaviours, at delay 0",
                assertThrows(IllegalArgumentException.class, () -> Simulation.builder(delayed).build()).getMessage());
        assertEquals("group 'x': order 1 already has Capture", assertThrows(IllegalArgumentException.class,
                () -> NeuronGroup.builder("x", 1).behaviour(1, new Capture()).behaviour(1, new Capture())).getMessage());
    }

    @Test
    void blowUpNamesGroupNeuronAndTime() {
        NeuronGroup g = NeuronGroup.builder("g", 4).behaviour(35, new Nothing()).build();
        Network net = Network.builder().scheme(Scheme.EULER).add(g).add(Input.noise(g, 1e200)).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            NumericalBlowUpException e = assertThrows(NumericalBlowUpException.class, () -> sim.runSteps(10));
            assertTrue(e.getMessage().contains("group 'g' neuron"), e.getMessage());
            assertEquals(e.step() * 1.0, e.timeMs());
        }
    }
}
