package org.izhsim.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.model.Recovery;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.api.Test;

/**
 * The figure1 scheme equals, bit for bit, a plain loop that transcribes figure1.m's body for
 * every preset (trace of v and u, and the spike times). The input is a simple step the
 * loop and the engine share, so only the stepping is compared.
 */
class Figure1ReferenceLoopTest {

    @Test
    void engineEqualsTranscribedLoopForEveryPreset() {
        for (Preset p : Presets.all()) {
            DoubleUnaryOperator input = t -> t > p.duration() / 10 ? 7.5 : -1.0;
            NeuronTrace tr = NeuronSimulator.run(NeuronSetup.of(p, Scheme.FIGURE1, input::applyAsDouble));
            double a = p.params().a(), b = p.params().b(), c = p.params().c(), d = p.params().d();
            double k2 = p.model().k2(), k1 = p.model().k1(), k0 = p.model().k0();
            boolean acc = p.model().recovery() == Recovery.ACCOMMODATION;
            double tau = p.dt(), V = p.v0(), u = p.u0();
            int n = (int) Math.round(p.duration() / tau) + 1;
            double[] vv = new double[n], uu = new double[n];
            List<Double> spikes = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double t = k * tau;
                double I = input.applyAsDouble(t);
                V = V + tau * (k2 * (V * V) + k1 * V + k0 - u + I);
                u = acc ? u + tau * a * (b * (V + 65)) : u + tau * a * (b * V - u);
                if (V > 30) {
                    vv[k] = 30;
                    V = c;
                    u = u + d;
                    spikes.add(t);
                } else {
                    vv[k] = V;
                }
                uu[k] = u;
            }
            assertArrayEquals(vv, tr.v(), 0.0, p.id() + " v");
            assertArrayEquals(uu, tr.u(), 0.0, p.id() + " u");
            assertArrayEquals(spikes.stream().mapToDouble(Double::doubleValue).toArray(), tr.spikeTimes(), 0.0, p.id());
        }
    }
}
