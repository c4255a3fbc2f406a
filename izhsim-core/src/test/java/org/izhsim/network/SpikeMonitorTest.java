package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/** A whole group's spikes are copied in bulk; they must equal the neuron-by-neuron filter's. */
class SpikeMonitorTest {

    @Test
    void wholeGroupsAllNeuronsAndSubsetsAgree() {
        NeuronGroup a = NeuronGroup.builder("a", 300).build(), b = NeuronGroup.builder("b", 200).build();
        int[] everyB = new int[200];
        for (int i = 0; i < 200; i++) everyB[i] = i;
        SpikeMonitor all = SpikeMonitor.all(), ofA = SpikeMonitor.of(a), ofB = SpikeMonitor.of(b);
        SpikeMonitor ofBListed = SpikeMonitor.of(b, everyB).named("b listed"), someB = SpikeMonitor.of(b, 3, 50, 199).named("b some");
        Network net = Network.builder().seed(11).scheme(Scheme.EULER).add(a).add(b)
                .add(Input.noise(a, PerNeuron.constant(9), 1)).add(Input.noise(b, PerNeuron.constant(7), 1))
                .add(all).add(ofA).add(ofB).add(ofBListed).add(someB).build();
        for (int threads : new int[] {1, 3}) {
            try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
                sim.run(300);
                SpikeRecording rAll = sim.recording(all), rA = sim.recording(ofA), rB = sim.recording(ofB);
                SpikeRecording rBListed = sim.recording(ofBListed), rSome = sim.recording(someB);
                assertTrue(rA.count() > 100 && rB.count() > 100, "both groups fire: " + rA.count() + ", " + rB.count());
                assertEquals(rAll.count(), rA.count() + rB.count());
                assertArrayEquals(rBListed.steps(), rB.steps());
                assertArrayEquals(rBListed.neurons(), rB.neurons());
                // the all-neuron recording, split by group, gives each group's recording
                int na = 0, nb = 0, ns = 0;
                for (int j = 0; j < rAll.count(); j++) {
                    int g = rAll.neurons()[j], k = rAll.steps()[j];
                    if (g < 300) {
                        assertEquals(k, rA.steps()[na]);
                        assertEquals(g, rA.neurons()[na++]);
                    } else {
                        assertEquals(k, rB.steps()[nb]);
                        assertEquals(g - 300, rB.neurons()[nb++]);
                        if (g - 300 == 3 || g - 300 == 50 || g - 300 == 199) {
                            assertEquals(k, rSome.steps()[ns]);
                            assertEquals(g - 300, rSome.neurons()[ns++]);
                        }
                    }
                }
                assertEquals(rSome.count(), ns);
            }
        }
    }
}
