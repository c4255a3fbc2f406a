package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.api.Test;

/** The cache, the generated source's hygiene, refractory semantics against hand-computed runs, and blow-up. */
class KernelCompilerTest {
    private static final String RAMP = """
            dv/dt = I/ms : 1 (unless refractory)
            dw/dt = 1/ms : 1
            I : 1
            threshold: v >= 1
            reset: v = 0
            refractory: 2*ms
            """;

    private static NeuronTrace run(String text, Scheme scheme, double dt, double duration, double current) {
        EquationModel m = EquationModel.parse(text, "test.eqs");
        return new EquationNeuron(m, new double[m.states().size()], new double[m.parameters().size()], scheme, dt, duration,
                CurrentSource.constant(current)).run(new KernelCompiler());
    }

    @Test
    void cachedByNormalizedModel() {
        KernelCompiler compiler = new KernelCompiler();
        EquationModel a = EquationModel.parse(RAMP, "a.eqs");
        EquationModel b = EquationModel.parse("# same model, other spelling\n" + RAMP.replace("/ms", "/msecond")
                .replace("I/", "(I)/"), "b.eqs");
        EquationKernel.Factory fa = compiler.compile(a, Scheme.EULER);
        assertSame(fa, compiler.compile(b, Scheme.EULER));
        assertEquals(1, compiler.compilations());
        compiler.compile(a, Scheme.RK4);
        assertEquals(2, compiler.compilations());
        compiler.compile(EquationModel.parse(RAMP.replace("v >= 1", "v >= 2"), "c.eqs"), Scheme.EULER);
        assertEquals(3, compiler.compilations());
    }

    @Test
    void sourceHoldsNoUserText() {
        String text = "dmembrane_secret/dt = (gain_secret*I - membrane_secret)/ms : 1\ngain_secret : 1\nI : 1\n"
                + "threshold: membrane_secret > 1\nreset: membrane_secret = 0\n";
        for (Scheme s : Scheme.values()) {
            String source = KernelCompiler.source(EquationModel.parse(text, "s.eqs"), s);
            assertFalse(source.contains("secret"), source);
            assertTrue(source.contains("extends org.izhsim.equations.EquationKernel"));
        }
    }

    /**
     * dt = 0.5 ms, I = 0.5: v rises by exactly 0.25 per step and spikes when it reaches 1, at
     * step 3 (drawn at 1, reset to 0). A 2 ms refractory period is round(2/0.5) = 4 steps from the spike step: steps
     * 4, 5, 6 hold v at 0 (and skip the threshold), step 7 integrates again, so v reaches 1 at
     * step 10, then 17, 24 … (every 7 steps, 3.5 ms). w is not flagged and keeps integrating.
     */
    @Test
    void refractoryHandComputed() {
        NeuronTrace tr = run(RAMP, Scheme.EULER, 0.5, 13, 0.5);
        assertArrayEquals(new double[] {1.5, 5.0, 8.5, 12.0}, tr.spikeTimes());
        double[] v = tr.v();
        // a spike's sample is drawn at the cut-off v = 1, as a built-in model's is; then v is held at the reset 0
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 0, 0, 0, 0.25, 0.5, 0.75, 1}, java.util.Arrays.copyOf(v, 11));
        assertEquals(3.5, tr.u()[6]); // w = 0.5·(k+1), never frozen
        // without the period: every 4 steps
        NeuronTrace free = run(RAMP.replace("refractory: 2*ms\n", ""), Scheme.EULER, 0.5, 13, 0.5);
        assertArrayEquals(new double[] {1.5, 3.5, 5.5, 7.5, 9.5, 11.5}, free.spikeTimes());
        // a reset above the threshold: only the refractory period stops an immediate re-spike
        NeuronTrace high = run(RAMP.replace("reset: v = 0", "reset: v = 5"), Scheme.EULER, 0.5, 6, 0.5);
        assertArrayEquals(new double[] {1.5, 3.5, 5.5}, high.spikeTimes());
        assertEquals(5.0, high.v()[5]); // held during the period
        // figure1 order and netm run the same flags
        assertArrayEquals(new double[] {1.5, 5.0, 8.5, 12.0}, run(RAMP, Scheme.FIGURE1, 0.5, 13, 0.5).spikeTimes());
    }

    @Test
    void blowUpNamesTheStep() {
        String text = "dv/dt = v**2/ms : 1\nthreshold: v > 1e308\nreset: v = 0\n";
        EquationModel m = EquationModel.parse(text, "b.eqs");
        NumericalBlowUpException e = assertThrows(NumericalBlowUpException.class, () -> new EquationNeuron(m,
                new double[] {10}, new double[0], Scheme.EULER, 1, 100, CurrentSource.constant(0)).run(new KernelCompiler()));
        assertTrue(e.getMessage().contains("neuron 0"), e.getMessage());
    }

    @Test
    void unitsAndFunctionsCompile() {
        String text = """
                dv/dt = (gL*(EL - v) + gL*DT*exp((v - VT)/DT) - w + I)/C : volt
                dw/dt = (a*(v - EL) - w)/tauw : amp
                C : farad
                gL : siemens
                EL : volt
                VT : volt
                DT : volt
                tauw : second
                a : siemens
                b : amp
                I : amp
                threshold: v > -40*mV and not (v != v)
                reset: v = EL; w += b
                """;
        EquationModel m = EquationModel.parse(text, "adex.eqs");
        double[] p = {281, 30, -70.6, -50.4, 2, 144, 4, 80.5};
        for (Scheme s : Scheme.values()) {
            NeuronTrace tr = new EquationNeuron(m, new double[] {-70.6, 0}, p, s, 0.1, 500,
                    t -> t > 50 ? 800 : 0).run(KernelCompiler.INSTANCE);
            assertTrue(tr.spikeCount() > 5 && tr.spikeCount() < 60, s + ": " + tr.spikeCount());
        }
    }
}
