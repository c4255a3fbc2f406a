package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.SynapseModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.network.Plasticity;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.SynapseEquations;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

/**
 * {@code (summed)} variables and reads of pre-synaptic neurons ({@code v_pre},
 * {@code lastspike_pre}) in networks ({@code EquationRule}): a conductance synapse written
 * with a summed variable equals the same synapse written as a jump of the post neuron's own
 * conductance; a pre value is the neuron's state at the step's barrier; results are
 * bit-identical for 1, 2 and 4 threads; summed targets that Brian2 refuses are refused with the
 * declaration's place.
 */
class SummedAndPreReadsTest {
    /** A conductance-based leaky neuron; ge is a state the neuron integrates (jumped by a static group). */
    private static final String COND = """
            dv/dt = (ge*(E - v) - v + I)/(10*ms) : 1
            %s
            E : 1
            I : 1
            threshold: v > 1
            reset: v = 0
            """;
    private static final EquationModel JUMPED = EquationModel.parse(COND.formatted("dge/dt = -ge/(5*ms) : 1"), "jumped.eqs");
    private static final EquationModel SUMMED = EquationModel.parse(COND.formatted("ge : 1"), "summed.eqs");
    private static final double DT = 0.5, W = 0.04, MS = 600;
    private static final int SOURCES = 30, POSTS = 8;

    record Run(int[] steps, int[] neurons, double[][] v) {}

    /**
     * The same input both ways: (a) a static group adds W to the post's state ge at arrival, which
     * the neuron then decays by Euler, ge·(1 − dt/τ); (b) each synapse keeps g, decayed by Euler
     * (written −g·(1/τ), so it is not solved exactly), jumped by W in on_pre, and ge_post = Σ g.
     * One step of (b) is g(k) = g(k − 1)(1 − dt/τ) + W·arrivals(k), which is what (a)'s v update
     * of the same step reads (ge after the previous decay, plus the jump); they differ by float
     * storage of g (2^-24 relative) and the rounding of /τ against ·(1/τ).
     */
    private static Run conductance(boolean summed, int threads) {
        Random rnd = new Random(3);
        java.util.List<Integer> idxs = new java.util.ArrayList<>();
        java.util.List<Double> ts = new java.util.ArrayList<>();
        for (int k = 0; k < (int) (MS / DT) - 20; k++) {
            for (int i = 0; i < SOURCES; i++) {
                if (rnd.nextDouble() < 0.02) { // 40 Hz per source
                    idxs.add(i);
                    ts.add(k * DT);
                }
            }
        }
        int[] idx = idxs.stream().mapToInt(Integer::intValue).toArray();
        double[] times = ts.stream().mapToDouble(Double::doubleValue).toArray();
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", SOURCES, idx, times);
        NeuronGroup post = NeuronGroup.builder("post", POSTS).equations(summed ? SUMMED : JUMPED, KernelCompiler.INSTANCE)
                .set("E", PerNeuron.constant(5)).set("ge", PerNeuron.constant(0)).v0(0).build();
        int[] pre = new int[SOURCES * POSTS], to = new int[pre.length], delay = new int[pre.length];
        for (int k = 0; k < pre.length; k++) {
            pre[k] = k / POSTS;
            to[k] = k % POSTS;
            delay[k] = 1 + rnd.nextInt(8);
        }
        SynapseGroup.Builder sb = SynapseGroup.builder("s", gen, post).connect(Connectivity.explicit(pre, to))
                .delays(Delays.array(delay));
        if (summed) {
            SynapseModel m = SynapseModel.parse("""
                    dg/dt = -g*(1/tau) : 1 (clock-driven)
                    ge_post = g : 1 (summed)
                    """, "g += jump", "", Map.of("tau", "5*ms", "jump", "" + W), SynapseEquations.variables(gen),
                    SynapseEquations.variables(post));
            sb.weight(0).plasticity(new Plasticity.Equations(m, SynapseKernelCompiler.INSTANCE));
        } else {
            sb.weight(W).target("ge");
        }
        SynapseGroup s = sb.build();
        int[] all = new int[POSTS];
        for (int q = 0; q < POSTS; q++) all[q] = q;
        StateMonitor vm = StateMonitor.ofVariables(post, all, 1, "v");
        SpikeMonitor sm = SpikeMonitor.of(post);
        Network net = Network.builder().dt(DT).scheme(Scheme.EULER).add(gen).add(post).add(s).add(vm).add(sm).build();
        try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
            sim.run(MS);
            SpikeRecording r = sim.recording(sm);
            StateRecording st = sim.recording(vm);
            double[][] v = new double[POSTS][];
            for (int q = 0; q < POSTS; q++) v[q] = st.trace("v", q);
            return new Run(r.steps(), r.neurons(), v);
        }
    }

    @Test
    void aSummedConductanceEqualsTheJumpedConductance() {
        Run a = conductance(false, 1);
        assertTrue(a.steps().length >= 2 * POSTS, "the posts fire: " + a.steps().length);
        for (int threads : new int[] {1, 2, 4}) {
            Run b = conductance(true, threads);
            assertArrayEquals(a.steps(), b.steps(), threads + " threads: spike steps");
            assertArrayEquals(a.neurons(), b.neurons(), threads + " threads: spike neurons");
            double max = 0;
            for (int q = 0; q < POSTS; q++) {
                for (int k = 0; k < a.v()[q].length; k++) max = Math.max(max, Math.abs(a.v()[q][k] - b.v()[q][k]));
            }
            // v is O(1) and g float (6e-8 relative); measured 4.7e-8. A step's shift in when the sum
            // acts would move v by the jump's effect, ~1e-2
            assertTrue(max < 1e-6, threads + " threads: largest difference of v " + max);
        }
    }

    /** A pre value is the pre neuron's state at the step's barrier: with Euler, after its update and reset of that step. */
    @Test
    void aPreValueIsTheNeuronsStateAtTheBarrier() {
        NeuronGroup a = NeuronGroup.builder("a", 6).build();
        EquationModel leak = EquationModel.parse("""
                dv/dt = (I - v)/(10*ms) : 1
                x : 1
                y : 1
                I : 1
                threshold: v > 1
                reset: v = 0
                """, "leak.eqs");
        NeuronGroup b = NeuronGroup.builder("b", 6).equations(leak, KernelCompiler.INSTANCE).set("x", PerNeuron.constant(0))
                .set("y", PerNeuron.constant(0)).v0(0).build();
        SynapseModel m = SynapseModel.parse("""
                x_post = v_pre : 1 (summed)
                y_post = max(lastspike_pre/ms, -1) : 1 (summed)
                """, "", "", Map.of(), SynapseEquations.variables(a), SynapseEquations.variables(b));
        SynapseGroup s = SynapseGroup.builder("ab", a, b).connect(Connectivity.oneToOne()).weight(0).delay(1)
                .plasticity(new Plasticity.Equations(m, SynapseKernelCompiler.INSTANCE)).build();
        int[] all = {0, 1, 2, 3, 4, 5};
        StateMonitor va = StateMonitor.ofVariables(a, all, 1, "v"), xb = StateMonitor.ofVariables(b, all, 1, "x", "y");
        SpikeMonitor spikes = SpikeMonitor.of(a);
        Network net = Network.builder().dt(0.5).scheme(Scheme.EULER).seed(5).add(a).add(b).add(s).add(Input.noise(a, 8))
                .add(va).add(xb).add(spikes).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.run(300);
            SpikeRecording r = sim.recording(spikes);
            assertTrue(r.count() > 10, "the pre neurons fire: " + r.count());
            for (int i = 0; i < 6; i++) {
                double[] v = sim.recording(va).trace("v", i), x = sim.recording(xb).trace("x", i), y = sim.recording(xb).trace("y", i);
                // the summed pass of step k runs after the step's events, before its record: the same step's v
                assertArrayEquals(v, x, "x_post = v_pre of neuron " + i);
                double last = -1; // before the first spike: lastspike_pre is -inf
                for (int k = 0, e = 0; k < y.length; k++) {
                    for (; e < r.count() && r.step(e) <= k; e++) if (r.neurons()[e] == i) last = r.step(e) * 0.5;
                    assertEquals(last, y[k], "lastspike_pre of neuron " + i + " at step " + k);
                }
            }
        }
    }

    record Result(int[] steps, int[] neurons, float[] weights, double[] isyn) {}

    /** Izhikevich neurons whose synaptic current is a summed variable reading v_pre; on_pre reads v_pre and lastspike_pre. */
    private static EquationPlasticityTest.Net recurrentNetwork(StateMonitor[] isyn) {
        EquationModel izh = EquationModel.parse("""
                dv/dt = (0.04*v**2 + 5*v + 140 - u + I + Isyn)/ms : 1
                du/dt = a*(b*v - u)/ms : 1
                a : 1
                b : 1
                c : 1
                d : 1
                Isyn : 1
                I : 1
                threshold: v >= 30
                reset: v = c; u += d
                """, "izh.eqs");
        NeuronGroup e = NeuronGroup.builder("e", 90).equations(izh, KernelCompiler.INSTANCE).a(0.02).b(0.2).c(-65).d(8)
                .set("Isyn", PerNeuron.constant(0)).v0(-65).u0(-13).build();
        SynapseModel m = SynapseModel.parse("""
                w : 1
                ds/dt = -s/(5*ms) : 1 (clock-driven)
                Isyn_post = s*w*(1 + 0.01*(v_pre + 65)) : 1 (summed)
                """, "s += 1; w = clip(w + 0.001*(v_pre + 65) - 0.0005*(t - lastspike_pre)/ms, 0, 2)",
                "w = clip(w + 0.01, 0, 2)", Map.of(), SynapseEquations.variables(e), SynapseEquations.variables(e));
        SynapseGroup s = SynapseGroup.builder("ee", e, e).connect(Connectivity.fixedInDegree(15)).weights(Weights.uniform(0, 1))
                .delays(Delays.uniform(1, 6)).plasticity(new Plasticity.Equations(m, SynapseKernelCompiler.INSTANCE)).build();
        SpikeMonitor sm = SpikeMonitor.all();
        isyn[0] = StateMonitor.ofVariables(e, new int[] {0, 45, 89}, 1, "Isyn");
        return new EquationPlasticityTest.Net(Network.builder().seed(4).add(e).add(s).add(Input.noise(e, 5)).add(sm)
                .add(isyn[0]).build(), s, sm);
    }

    private static Result recurrent(int threads) {
        StateMonitor[] im = new StateMonitor[1];
        EquationPlasticityTest.Net n = recurrentNetwork(im);
        try (Simulation sim = Simulation.builder(n.network()).threads(threads).minNeuronsPerThread(1).build()) {
            sim.run(1200);
            SpikeRecording r = sim.recording(n.spikes());
            SynapseView v = sim.synapses(n.synapses());
            float[] w = new float[(int) v.size()];
            int k = 0;
            for (int p = 0; p < v.preCount(); p++) for (int j = 0; j < v.rowLength(p); j++) w[k++] = v.weight(p, j);
            return new Result(r.steps(), r.neurons(), w, sim.recording(im[0]).trace("Isyn", 1));
        }
    }

    @Test
    void summedAndPreReadsAreTheSameForAnyThreadCount() {
        Result one = recurrent(1);
        assertTrue(one.steps().length > 300, "the network fires: " + one.steps().length);
        assertTrue(java.util.Arrays.stream(one.isyn()).anyMatch(x -> x > 0), "the summed current flows");
        for (int threads : new int[] {2, 4}) {
            Result r = recurrent(threads);
            assertArrayEquals(one.steps(), r.steps(), threads + " threads: spike steps");
            assertArrayEquals(one.neurons(), r.neurons(), threads + " threads: spike neurons");
            assertArrayEquals(one.weights(), r.weights(), threads + " threads: weights");
            assertArrayEquals(one.isyn(), r.isyn(), threads + " threads: Isyn");
        }
    }

    @Test
    void aResumedRunWithSummedAndPreReadsEqualsAStraightOne() throws Exception {
        EquationPlasticityTest.assertResumedEqualsStraight(() -> recurrentNetwork(new StateMonitor[1]), 611, 589);
    }

    private static String refusal(NeuronGroup pre, NeuronGroup post, String model, SynapseGroup... more) {
        SynapseModel m = SynapseModel.parse(model, "", "", Map.of(), SynapseEquations.variables(pre), SynapseEquations.variables(post));
        SynapseGroup s = SynapseGroup.builder("ab", pre, post).plasticity(new Plasticity.Equations(m, SynapseKernelCompiler.INSTANCE))
                .build();
        Network.Builder b = Network.builder().add(pre);
        if (post != pre) b.add(post);
        b.add(s);
        for (SynapseGroup x : more) b.add(x);
        Network net = b.build();
        return assertThrows(IllegalArgumentException.class, () -> Simulation.of(net).close()).getMessage();
    }

    @Test
    void summedTargetsBrian2RefusesAreRefusedWithTheirPlace() {
        NeuronGroup a = NeuronGroup.builder("a", 3).build();
        NeuronGroup jumped = NeuronGroup.builder("j", 3).equations(JUMPED, KernelCompiler.INSTANCE).set("E", PerNeuron.constant(5))
                .build();
        String state = refusal(a, jumped, "g : 1\nge_post = g : 1 (summed)");
        assertEquals("synapse group 'ab': model:2:1: 'ge_post' is (summed), but 'ge' is a state variable of jumped.eqs, which"
                + " the group integrates itself; as in Brian2, a summed variable sets a parameter of the post group's equations"
                + " (declared 'name : unit' and read in its equations, e.g. 'I_syn : amp' with 'dv/dt = (... + I_syn)/C');"
                + " parameters of 'j': E", state);
        String builtIn = refusal(a, a, "g : 1\nv_post = g : 1 (summed)");
        assertTrue(builtIn.startsWith("synapse group 'ab': model:2:1: 'v_post' is (summed), but group 'a' runs a built-in"
                + " model, whose v and u are state variables"), builtIn);

        NeuronGroup summed = NeuronGroup.builder("q", 3).equations(SUMMED, KernelCompiler.INSTANCE).set("E", PerNeuron.constant(5))
                .set("ge", PerNeuron.constant(0)).build();
        SynapseModel other = SynapseModel.parse("ge_post = 1 : 1 (summed)", "", "", Map.of(), SynapseEquations.variables(a),
                SynapseEquations.variables(summed));
        SynapseGroup first = SynapseGroup.builder("first", a, summed).plasticity(new Plasticity.Equations(other,
                SynapseKernelCompiler.INSTANCE)).build();
        String twice = refusal(a, summed, "g : 1\nge_post = g : 1 (summed)", first);
        assertEquals("synapse groups 'ab' and 'first' both sum into 'ge' of group 'q' (model:1:1); as in Brian2, give each"
                + " (summed) variable a parameter of its own and add them in the neuron equations", twice);
    }
}
