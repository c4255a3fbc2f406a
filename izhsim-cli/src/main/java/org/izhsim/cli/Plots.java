package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Preset;
import org.izhsim.model.Recovery;
import org.izhsim.neuron.FiCurve;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronTrace;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.Figures;
import org.izhsim.plot.GalleryPanel;
import org.izhsim.plot.ImageFormat;
import org.izhsim.plot.Series;

/** Turns simulation results into the plot module's figures, written into an output stage. */
final class Plots {
    private Plots() {}

    static void neuron(OutputStage stage, String base, String title, NeuronSetup s, NeuronTrace tr,
                       Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        FigureWriter.write(Figures.voltageTrace(title, tr.t(), tr.v(), tr.current()), stage.dir(), base + "-v", formats, provenance);
        FigureWriter.write(Figures.recoveryTrace(title, tr.t(), tr.u()), stage.dir(), base + "-u", formats, provenance);
        double current = prevailing(tr.current());
        FigureWriter.write(Figures.phasePlane(title + ", nullclines at I = " + NeuronCommand.fmt(current),
                new Series("trajectory", tr.v(), uBeforeReset(s, tr)), vNullcline(s.model(), current),
                uNullcline(s, tr.u())), stage.dir(), base + "-phase", formats, provenance);
    }

    /** An equation model's v and u traces (no phase plane: its nullclines are not known in closed form). */
    static void equationNeuron(OutputStage stage, String base, String title, org.izhsim.equations.EquationNeuron n,
                               NeuronTrace tr, Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        FigureWriter.write(Figures.voltageTrace(title, tr.t(), tr.v(), tr.current()), stage.dir(), base + "-v", formats, provenance);
        if (n.uIndex() >= 0) {
            FigureWriter.write(Figures.recoveryTrace(title, tr.t(), tr.u()), stage.dir(), base + "-u", formats, provenance);
        }
    }

    static void gallery(OutputStage stage, String base, List<Preset> panels, List<NeuronTrace> traces, Scheme scheme,
                        Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        List<GalleryPanel> gp = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            NeuronTrace tr = traces.get(i);
            gp.add(new GalleryPanel(panels.get(i).id(), panels.get(i).name(), tr.t(), tr.v(), tr.current()));
        }
        String title = "Izhikevich (2004) Fig. 1: neuro-computational features, scheme " + scheme.id();
        FigureWriter.write(Figures.featureGallery(title, gp), stage.dir(), base, formats, provenance);
    }

    static void fi(OutputStage stage, String base, String title, FiCurve curve, double[] shown, List<NeuronTrace> traces,
                   Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        FigureWriter.write(Figures.fiCurve("F-I curve, " + title, curve.currents(), curve.rates()), stage.dir(),
                base + "-curve", formats, provenance);
        List<Series> stacked = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            stacked.add(new Series("I = " + NeuronCommand.fmt(shown[i]), traces.get(i).t(), traces.get(i).v()));
        }
        FigureWriter.write(Figures.stackedTraces("membrane potential, " + title, stacked), stage.dir(), base + "-traces",
                formats, provenance);
    }

    /**
     * u as the trajectory passes through each spike: figure1.m records the peak v with the u
     * already incremented by d, which would draw the upstroke as a jump in u; the phase plane
     * shows u before the increment, so the reset appears as its own segment.
     */
    static double[] uBeforeReset(NeuronSetup s, NeuronTrace tr) {
        double[] u = tr.u().clone();
        if (s.scheme().cutoffBeforeUpdate()) return u;
        for (double t : tr.spikeTimes()) {
            int k = (int) Math.round(t / tr.dt());
            u[k] -= s.params().d();
        }
        return u;
    }

    /**
     * Provenance for the figures of a run: the scalar entries of its summary (version, commit,
     * scheme, dt, seed, …) as text; arrays such as spike times stay in the JSON.
     */
    static Map<String, String> provenance(Map<String, Object> summary) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) m.put(e.getKey(), String.valueOf(v));
            else if (v instanceof Map<?, ?> map) m.put(e.getKey(), org.izhsim.io.Json.write(map));
        }
        return m;
    }

    /** The current value held for the most steps: the phase plane's nullclines are drawn for it. */
    static double prevailing(double[] current) {
        double[] sorted = current.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        int bestRun = 0;
        for (int i = 0, run = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestRun) {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }

    private static Series vNullcline(IzhikevichModel model, double current) {
        int n = 261;
        double[] v = new double[n], u = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -90 + i * 0.5;
            u[i] = model.vNullcline(v[i], current);
        }
        return new Series("v-nullcline (dv/dt = 0)", v, u);
    }

    private static Series uNullcline(NeuronSetup s, double[] uTrace) {
        if (s.model().recovery() == Recovery.ACCOMMODATION) {
            double lo = Arrays.stream(uTrace).min().orElse(-20) - 10, hi = Arrays.stream(uTrace).max().orElse(20) + 10;
            double vn = IzhikevichModel.accommodationNullclineV();
            return new Series("u-nullcline (du/dt = 0): v = -65", new double[] {vn, vn}, new double[] {lo, hi});
        }
        double[] v = {-90, 40};
        return new Series("u-nullcline (du/dt = 0): u = bv", v,
                new double[] {s.model().uNullcline(-90, s.params()), s.model().uNullcline(40, s.params())});
    }
}
