package org.izhsim.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure drawn from synthetic data resembling izhsim's output, for looking at. Run by
 * {@link SampleFiguresTest} when {@code -Dizhsim.plot.samples=DIR} is set, or as a program.
 */
final class SampleFigures {

  private SampleFigures() {}

  /** The sample figures by base name. */
  static Map<String, Figure> all() {
    Map<String, Figure> figures = new LinkedHashMap<>();
    SampleData.Trace rs = SampleData.regularSpiking();
    figures.put("trace-v", Figures.voltageTrace("RS, scheme figure1, dt 0.25 ms", rs.t(), rs.v(), rs.current()));
    figures.put("trace-u", Figures.recoveryTrace("RS, scheme figure1, dt 0.25 ms", rs.t(), rs.u()));
    figures.put(
        "phase-plane",
        Figures.phasePlane(
            "RS phase plane, I = 10",
            new Series("trajectory", rs.v(), rs.u()),
            SampleData.vNullcline(10),
            SampleData.uNullcline(0.2)));
    figures.put("gallery", Figures.featureGallery("Neuro-computational features (Izhikevich 2004, Fig. 1)", SampleData.gallery()));
    double[] currents = new double[41];
    for (int i = 0; i < currents.length; i++) {
      currents[i] = i;
    }
    figures.put("fi-curve", Figures.fiCurve("F–I curve, RS, dt 0.25 ms", currents, SampleData.rates(currents)));
    List<Series> stacked = new ArrayList<>();
    for (double current : new double[] {1, 10, 20, 30, 40}) {
      SampleData.Trace trace =
          SampleData.simulate(0.02, 0.2, -65, 8, -65, -13, 0.25, 200, SampleData.step(0, current));
      stacked.add(new Series("I = " + (int) current, trace.t(), trace.v()));
    }
    figures.put("stacked", Figures.stackedTraces("RS at several input currents", stacked));
    SampleData.NetworkRun run = SampleData.network(800, 200, 1000, 1.0, 1);
    figures.put("raster", Figures.networkRaster("Network of 1000 neurons (Izhikevich 2003), " + run.raster().size() + " spikes", run.raster(), run.voltage()));
    figures.put("polychronous", Figures.polychronousGroup("A polychronous group: three anchors, a chain and an inhibitory spike",
        sampleGroup(), 1000, 800));
    return figures;
  }

  /** Anchors 10, 400, 700 fire neuron 300, which with anchor 700 fires 120 and the inhibitory 900. */
  static org.izhsim.analysis.polychronous.PolychronousGroup sampleGroup() {
    return new org.izhsim.analysis.polychronous.PolychronousGroup(300, new int[] {10, 400, 700}, new int[] {0, 1, 2},
        new int[] {0, 1, 2}, new int[] {0, 3, 5, 12, 20, 24}, new int[] {10, 400, 700, 300, 120, 900},
        new int[] {0, 0, 0, 1, 2, 2}, new int[] {0, 1, 2, 3, 2, 3}, new int[] {3, 3, 3, 4, 4, 5},
        new int[] {0, 1, 2, 3, 4, 5}, new int[] {10, 7, 5, 6, 13, 9});
  }

  /** A raster of about 10^6 spikes, for timing and for the SVG thinning. */
  static Figure bigRaster(int spikes) {
    SpikeRaster raster = SampleData.randomRaster(8000, 2000, 1000, spikes, 7);
    return Figures.networkRaster("10000 neurons, " + spikes + " random spikes", raster, null);
  }

  static void writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, Figure> entry : all().entrySet()) {
      long start = System.nanoTime();
      FigureWriter.write(entry.getValue(), dir, entry.getKey(), EnumSet.allOf(ImageFormat.class));
      System.out.printf("%-12s %6.0f ms%n", entry.getKey(), (System.nanoTime() - start) / 1e6);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/plot-samples");
    writeAll(dir);
    if (args.length > 1) {
      Figure big = bigRaster(Integer.parseInt(args[1]));
      for (ImageFormat format : ImageFormat.values()) {
        long start = System.nanoTime();
        FigureWriter.write(big, dir, "raster-big", EnumSet.of(format));
        System.out.printf("raster-big %s %6.0f ms%n", format, (System.nanoTime() - start) / 1e6);
      }
    }
  }
}
