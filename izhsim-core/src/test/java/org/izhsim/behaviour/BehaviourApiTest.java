package org.izhsim.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Input;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

class BehaviourApiTest {

    /** Logs "tag:label" at init and step. */
    private record Log(List<String> log, String label) implements Behaviour {
        @Override
        public void init(Group n) {
            log.add("init " + n.tag() + ":" + label);
        }

        @Override
        public void step(Group n, int from, int to) {
            log.add(n.tag() + ":" + label);
        }
    }

    @Test
    void behavioursRunInIndexOrderAcrossGroups() {
        List<String> log = new ArrayList<>();
        try (BehaviourNetwork net = new BehaviourNetwork(1, 1)) {
            net.group("A", 3, Map.of(9, new Log(log, "rec"), 1, new Log(log, "main"), 2, new Log(log, "input")));
            net.group("B", 2, Map.of(2, new Log(log, "input"), 1, new Log(log, "main"), 5, new Log(log, "extra")));
            net.initialize();
            assertEquals(List.of("init A:main", "init B:main", "init A:input", "init B:input", "init B:extra", "init A:rec"), log);
            log.clear();
            net.simulateIterations(2);
            List<String> one = List.of("A:main", "B:main", "A:input", "B:input", "B:extra", "A:rec");
            List<String> two = new ArrayList<>(one);
            two.addAll(one);
            assertEquals(two, log);
            assertEquals(2, net.iteration());
        }
    }

    @Test
    void afferentSynapsesByTagInDeclarationOrder() {
        try (BehaviourNetwork net = new BehaviourNetwork(3, 1)) {
            Group e = net.group("e", 4, Map.of());
            Group i = net.group("i", 2, Map.of());
            Synapses ee = net.synapses(e, e, "GLUTAMATE");
            Synapses ie = net.synapses(i, e, "GABA");
            Synapses ei = net.synapses(e, i, "GLUTAMATE");
            assertEquals(List.of(ee), e.afferent("GLUTAMATE"));
            assertEquals(List.of(ie), e.afferent("GABA"));
            assertEquals(List.of(ee, ie), e.afferent());
            assertEquals(List.of(ei), i.afferent("GLUTAMATE"));
            assertEquals(List.of(ee, ei), e.efferent("GLUTAMATE"));
            assertEquals(List.of(), i.afferent("GABA"));
            assertEquals(e, ie.dst());
            assertEquals(i, ie.src());
        }
    }

    @Test
    void addFiredSumsTheColumnsOfFiredSourcesOverAnyRange() {
        try (BehaviourNetwork net = new BehaviourNetwork(5, 1)) {
            Group src = net.group("src", 5, Map.of());
            Group dst = net.group("dst", 7, Map.of());
            Synapses s = net.synapses("s", src, dst, "GLUTAMATE", Connectivity.probability(0.6), Weights.uniform(0, 1));
            double[] fired = {1, 0, 1, 1, 0};
            double[] expected = new double[7];
            var m = s.view();
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
            assertEquals(2 * ev, s.events());
            assertTrue(ev > 0);
            assertEquals("synapses 's': 4 fired flags for 5 source neurons",
                    assertThrows(IllegalArgumentException.class, () -> s.addFired(new double[4], all, 0, 7)).getMessage());
        }
    }

    /** Random per neuron and iteration, keyed by counters: the same for every thread count. */
    private static final class Jitter implements Behaviour {
        @Override
        public void init(Group n) {
            n.vector("x");
        }

        @Override
        public void step(Group n, int from, int to) {
            double[] x = n.existing("x");
            for (int i = from; i < to; i++) x[i] = 0.9 * x[i] + n.gaussian("jitter", i) + n.uniform("jitter2", i);
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }

    private static double[] runJitter(int threads) {
        try (BehaviourNetwork net = new BehaviourNetwork(42, 1).threads(threads)) {
            Group g = net.group("g", 1001, Map.of(1, new Jitter()));
            net.simulateIterations(50);
            return g.existing("x").clone();
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
        try (BehaviourNetwork net = new BehaviourNetwork(1, 1)) {
            Recorder rec = new Recorder(2, "x");
            Behaviour count = (n, from, to) -> {
                double[] x = n.vector("x");
                for (int i = from; i < to; i++) x[i] = n.iteration() * 10 + i;
            };
            net.group("g", 3, Map.of(1, count, 9, rec));
            net.simulateIterations(5);
            VectorRecording r = rec.recording();
            assertEquals(3, r.count()); // iterations 0, 2, 4
            assertEquals(4, r.iteration(2));
            assertArrayEquals(new double[] {41, 42}, new double[] {r.value("x", 2, 1), r.value("x", 2, 2)});
            assertArrayEquals(new double[] {2, 22, 42}, r.trace("x", 2));
            r.row("x", 0)[0] = 99;
            r.matrix("x")[0][0] = 99;
            assertEquals(0, r.value("x", 0, 0));
            net.simulateIterations(2);
            assertEquals(3, r.count(), "a recording does not grow");
            assertEquals(4, rec.recording().count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.trace("v", 0));
            assertEquals("'v' was not recorded; recorded: x", e.getMessage());
        }
    }

    @Test
    void blockTimingCoversEveryIteration() {
        try (BehaviourNetwork net = StandardBehaviours.of(org.izhsim.network.Izhikevich2003Network.builder()
                .ne(80).ni(20).seed(2).build().network())) {
            List<BlockTiming> blocks = net.simulateIterations(250, 100);
            assertEquals(3, blocks.size());
            assertEquals(List.of(100L, 100L, 50L), blocks.stream().map(BlockTiming::steps).toList());
            long spikes = blocks.stream().mapToLong(BlockTiming::spikes).sum();
            assertEquals(net.group("exc").behaviour(SpikeRecorder.class).recording().count()
                    + net.group("inh").behaviour(SpikeRecorder.class).recording().count(), spikes);
            assertTrue(spikes > 0);
            // netm, all-to-all: every spike of a step reaches all 100 neurons in that same step
            for (BlockTiming b : blocks) {
                assertTrue(b.seconds() > 0);
                assertEquals(100 * b.spikes(), b.events(), b.toString());
            }
        }
    }

    @Test
    void badInputNamesTheCulprit() {
        try (BehaviourNetwork net = new BehaviourNetwork(1, 1)) {
            Group g = net.group("g", 3, Map.of());
            g.vector("v");
            g.vector("u");
            assertEquals("group 'g' has no vector 'w'; known: v, u",
                    assertThrows(IllegalArgumentException.class, () -> g.existing("w")).getMessage());
            assertEquals("no group 'h'; known: g", assertThrows(IllegalArgumentException.class, () -> net.group("h")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> net.group("g", 2, Map.of()));
            assertThrows(IllegalArgumentException.class, () -> g.setVector("v", new double[2]));
            g.scalar("tau", 20);
            assertEquals(20, g.scalar("tau"));
            assertEquals("group 'g' has no scalar 'dt'; known: tau",
                    assertThrows(IllegalArgumentException.class, () -> g.scalar("dt")).getMessage());
        }
        try (BehaviourNetwork net = new BehaviourNetwork(1, 1)) {
            net.group("g", 3, Map.of(1, new IzhikevichDynamics(NeuronGroup.builder("g", 4).build(), Scheme.EULER)));
            assertEquals("group 'g' has 3 neurons but its dynamics 'g' describe 4",
                    assertThrows(IllegalArgumentException.class, net::initialize).getMessage());
        }
    }

    @Test
    void blowUpNamesGroupNeuronAndTime() {
        NeuronGroup d = NeuronGroup.builder("g", 4).build();
        try (BehaviourNetwork net = new BehaviourNetwork(1, 1)) {
            net.group("g", 4, Map.of(1, new NoiseInput(Input.noise(d, 1e200)), 2, new IzhikevichDynamics(d, Scheme.EULER)));
            NumericalBlowUpException e = assertThrows(NumericalBlowUpException.class, () -> net.simulateIterations(10));
            assertTrue(e.getMessage().contains("group 'g' neuron"), e.getMessage());
            assertEquals(e.step() * 1.0, e.timeMs());
        }
    }
}
