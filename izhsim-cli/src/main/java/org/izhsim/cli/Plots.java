package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.izhsim.equations.Dimension;
import org.izhsim.equations.EquationPhasePlane;
import org.izhsim.equations.Units;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Preset;
import org.izhsim.neuron.FiCurve;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.neuron.Neuron2007Setup;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.SpikeTimeAccuracy;
import org.izhsim.neuron.NeuronTrace;
import org.izhsim.neuron.PhasePlane;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.Figures;
import org.izhsim.plot.GalleryPanel;
import org.izhsim.plot.ImageFormat;
import org.izhsim.plot.Series;

/** Turns simulation results into the plot module's figures, written into an output stage. */
final class Plots {
    private Plots() {}

    static void neuron(OutputStage stage, String base, String title, NeuronSpec spec, NeuronTrace tr,
                       Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        String unit = spec.currentUnit();
        FigureWriter.write(Figures.voltageTrace(title, tr.t(), tr.v(), tr.current(), unit), stage.dir(), base + "-v",
                formats, provenance);
        FigureWriter.write(Figures.recoveryTrace(title, tr.t(), tr.u(), unit), stage.dir(), base + "-u", formats, provenance);
        PhasePlane pp = PhasePlane.of(spec, tr);
        String at = title + ", nullclines at I = " + NeuronCommand.fmt(pp.current()) + (unit.isEmpty() ? "" : " " + unit);
        FigureWriter.write(Figures.phasePlane(at, pp, unit), stage.dir(), base + "-phase", formats, provenance);
    }

    /**
     * An equation model's v and u traces and, for a model of two state variables, its phase
     * plane with the nullclines found numerically.
     */
    static void equationNeuron(OutputStage stage, String base, String title, org.izhsim.equations.EquationNeuron n,
                               NeuronTrace tr, Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        FigureWriter.write(Figures.voltageTrace(title, tr.t(), tr.v(), tr.current()), stage.dir(), base + "-v", formats, provenance);
        if (n.uIndex() >= 0) {
            FigureWriter.write(Figures.recoveryTrace(title, tr.t(), tr.u()), stage.dir(), base + "-u", formats, provenance);
        }
        if (n.model().states().size() == 2) {
            EquationPhasePlane pp = EquationPhasePlane.of(n, tr);
            String input = n.model().hasInput() ? unitOf(n.model().inputDimension()) : "";
            String at = title + ", nullclines at I = " + NeuronCommand.fmt(pp.current()) + (input.isEmpty() ? "" : " " + input);
            FigureWriter.write(Figures.phasePlane(at, pp, unitOf(n.model().states().get(n.vIndex()).dimension()),
                    unitOf(n.model().states().get(n.uIndex()).dimension())), stage.dir(), base + "-phase", formats, provenance);
        }
    }

    /** The model unit numbers of this dimension are in, for axis titles; "" for a dimensionless one. */
    private static String unitOf(Dimension d) {
        return d.isNone() ? "" : Units.modelUnit(d);
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

    static void fi(OutputStage stage, String base, String title, String currentUnit, FiCurve curve, double[] shown,
                   List<NeuronTrace> traces, Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        FigureWriter.write(Figures.fiCurve("F-I curve, " + title, curve.currents(), curve.rates(), currentUnit), stage.dir(),
                base + "-curve", formats, provenance);
        List<Series> stacked = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            stacked.add(new Series("I = " + NeuronCommand.fmt(shown[i]) + (currentUnit.isEmpty() ? "" : " " + currentUnit),
                    traces.get(i).t(), traces.get(i).v()));
        }
        FigureWriter.write(Figures.stackedTraces("membrane potential, " + title, stacked), stage.dir(), base + "-traces",
                formats, provenance);
    }

    /**
     * Error against cost for the accuracy report: per scheme, log10 of the mean spike-time error
     * against log10 FLOPs per ms; rows without matched spikes or with zero error (log undefined)
     * are left out of the plot (they stay in the table and JSON).
     */
    static void accuracy(OutputStage stage, String base, String title, SpikeTimeAccuracy.Result res,
                         Set<ImageFormat> formats, Map<String, String> provenance) throws IOException {
        if (formats.isEmpty()) return;
        Map<Scheme, List<double[]>> points = new LinkedHashMap<>();
        for (SpikeTimeAccuracy.Row r : res.rows()) {
            List<double[]> pts = points.computeIfAbsent(r.scheme(), s -> new ArrayList<>());
            if (r.meanErrorMs() > 0) pts.add(new double[] {Math.log10(r.flopsPerMs()), Math.log10(r.meanErrorMs())});
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<Scheme, List<double[]>> e : points.entrySet()) {
            List<double[]> pts = e.getValue();
            if (pts.isEmpty()) continue;
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            series.add(new Series(e.getKey().id(), x, y));
        }
        FigureWriter.write(Figures.errorVsCost(title, "log10 cost (FLOPs per ms)",
                "log10 mean |spike-time error| (ms)", series), stage.dir(), base, formats, provenance);
    }

    /**
     * Provenance for the figures of a run: the scalar entries of its summary (version, commit,
     * scheme, dt, seed, …) as text; arrays such as spike times stay in the JSON.
     */
    static Map<String, String> provenance(Map<String, Object> summary) {
        return org.izhsim.io.RunInfo.asText(summary);
    }
}
