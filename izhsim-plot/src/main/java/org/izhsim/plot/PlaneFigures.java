package org.izhsim.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures with a non-time x axis: the v–u phase plane and the F–I curve. */
final class PlaneFigures {

  private PlaneFigures() {}

  static final String POTENTIAL = "membrane potential v (mV)";
  static final String RECOVERY = "recovery u";
  static final String CURRENT = "input current I";
  static final String RATE = "rate (Hz)";

  /** Right edge of the phase-plane view [mV]: just above the spike peak (+30). */
  static final double V_MAX = 40;

  /** Left edge of the view at most this [mV], so the rest state and resets are in sight. */
  static final double V_MIN = -90;

  /**
   * A trajectory cut at its resets. A drop of more than {@link #RESET_DROP} between two samples
   * is the after-spike reset (v: peak → c, u: u → u + d), not flow: drawn as a line it would
   * cut across the plane, so it is drawn dashed and apart.
   */
  record Trajectory(List<double[][]> flows, List<double[][]> resets) {

    static Trajectory split(double[] v, double[] u) {
      List<double[][]> flows = new ArrayList<>();
      List<double[][]> resets = new ArrayList<>();
      int start = 0;
      for (int i = 0; i + 1 < v.length; i++) {
        if (v[i] - v[i + 1] > RESET_DROP) {
          flows.add(slice(v, u, start, i + 1));
          resets.add(new double[][] {{v[i], v[i + 1]}, {u[i], u[i + 1]}});
          start = i + 1;
        }
      }
      flows.add(slice(v, u, start, v.length));
      return new Trajectory(flows, resets);
    }

    private static double[][] slice(double[] v, double[] u, int from, int to) {
      return new double[][] {
        java.util.Arrays.copyOfRange(v, from, to), java.util.Arrays.copyOfRange(u, from, to)
      };
    }
  }

  /**
   * Fall of v between two samples taken as a reset [mV]. The flow never falls this fast: even
   * with u = 100 and dt = 0.25 ms, v falls by about 25 mV per step; resets fall by 60 to 100.
   */
  static final double RESET_DROP = 40;

  static Figure phasePlane(
      String title, Series trajectory, Series vNullcline, Series uNullcline, String unit) {
    return phasePlane(title, POTENTIAL, TraceFigures.withUnit(RECOVERY, unit), trajectory,
        List.of(vNullcline), List.of(uNullcline));
  }

  /**
   * The plane with nullclines in pieces (a numerically found nullcline may be several curves),
   * each list drawn in one colour and named once in the legend by its first piece's label.
   */
  static Figure phasePlane(String title, String xTitle, String yTitle, Series trajectory,
      List<Series> vNullcline, List<Series> uNullcline) {
    int width = 1000;
    int height = 800;
    Range vData = Range.of(trajectory.x(), new Range(V_MIN, V_MAX));
    // the parabola would blow the u axis up; the view follows the trajectory instead
    Range v = new Range(Math.min(vData.min(), V_MIN), V_MAX);
    Range u = Range.of(trajectory.y(), new Range(-20, 20)).padded(0.10);
    XYChart chart = Style.chart(width, height, xTitle, yTitle, v, u);
    for (Series piece : vNullcline) addClipped(chart, piece, v, u, Style.V_NULLCLINE, Style.LINE);
    for (Series piece : uNullcline) addClipped(chart, piece, v, u, Style.U_NULLCLINE, Style.LINE);
    Trajectory split = Trajectory.split(trajectory.x(), trajectory.y());
    List<double[][]> thinned = new ArrayList<>();
    for (double[][] piece : split.flows()) {
      thinned.add(Thin.byDistance(piece[0], piece[1], v.span() / 4000, u.span() / 4000));
    }
    List<double[][]> flow = new ArrayList<>();
    for (double[][] piece : Thin.distinctSegments(thinned, v, u, 2 * width, 2 * height)) {
      flow.addAll(Clip.polyline(piece[0], piece[1], v, u));
    }
    addPieces(chart, trajectory.label(), flow, Style.INK, Style.LINE);
    List<double[][]> resets = new ArrayList<>();
    for (double[][] jump : Thin.distinctSegments(split.resets(), v, u, 2 * width, 2 * height)) {
      resets.addAll(Clip.polyline(jump[0], jump[1], v, u));
    }
    List<Legend.Entry> legend = new ArrayList<>();
    legend.add(new Legend.Entry(trajectory.label(), Style.INK, Style.LINE));
    if (!resets.isEmpty()) {
      addPieces(chart, "reset", resets, Style.MUTED, Style.DASHED);
      legend.add(new Legend.Entry("reset", Style.MUTED, Style.DASHED));
    }
    if (!vNullcline.isEmpty()) {
      legend.add(new Legend.Entry(vNullcline.getFirst().label(), Style.V_NULLCLINE, Style.LINE));
    }
    if (!uNullcline.isEmpty()) {
      legend.add(new Legend.Entry(uNullcline.getFirst().label(), Style.U_NULLCLINE, Style.LINE));
    }
    PanelStack stack = new PanelStack().add(new PanelStack.Panel(chart, v, u, 1));
    return new TraceFigures.StackFigure(title, width, height, stack, legend);
  }

  /**
   * One line with markers per series on log10 axes (the caller passes log10 values, so each
   * axis title says "log10"); a legend names the series.
   */
  static Figure logLog(String title, String xTitle, String yTitle, List<Series> series) {
    int width = 1000;
    int height = 700;
    double[] xs = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray();
    double[] ys = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).toArray();
    Range x = Range.of(xs, new Range(0, 1)).padded(0.05);
    Range y = Range.of(ys, new Range(0, 1)).padded(0.08);
    XYChart chart = Style.chart(width, height, xTitle, yTitle, x, y);
    Color[] colors = {Style.INK, Style.V_NULLCLINE, Style.U_NULLCLINE, Style.RECOVERY, Style.MUTED};
    List<Legend.Entry> legend = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      Color c = colors[i % colors.length];
      XYSeries line = Style.line(chart, s.label(), s.x(), s.y(), c);
      if (line != null) {
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(c);
      }
      legend.add(new Legend.Entry(s.label(), c, Style.LINE));
    }
    PanelStack stack = new PanelStack().add(new PanelStack.Panel(chart, x, y, 1));
    return new TraceFigures.StackFigure(title, width, height, stack, legend);
  }

  static Figure fiCurve(String title, double[] currents, double[] ratesHz, String unit) {
    TraceFigures.checkLengths("currents", currents, "rates", ratesHz);
    int width = 1000;
    int height = 700;
    Range i = Range.of(currents, new Range(0, 1)).padded(0.03);
    Range r = Range.of(ratesHz, new Range(0, 1));
    // a little room under 0 Hz keeps the markers of silent runs off the axis line
    Range rates = new Range(Math.min(0, r.min()) - 0.02 * r.span(), r.max() + 0.08 * r.span());
    XYChart chart = Style.chart(width, height, TraceFigures.withUnit(CURRENT, unit), RATE, i, rates);
    XYSeries series = Style.line(chart, "rate", currents, ratesHz, Style.INK);
    if (series != null) {
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(Style.INK);
    }
    PanelStack stack = new PanelStack().add(new PanelStack.Panel(chart, i, rates, 1));
    return new TraceFigures.StackFigure(title, width, height, stack);
  }

  private static void addClipped(
      XYChart chart, Series series, Range v, Range u, Color color, java.awt.BasicStroke stroke) {
    addPieces(chart, series.label(), Clip.polyline(series.x(), series.y(), v, u), color, stroke);
  }

  /** Adds the visible pieces of one curve (it may leave the view and come back) alike. */
  private static void addPieces(
      XYChart chart, String label, List<double[][]> pieces, Color color, java.awt.BasicStroke stroke) {
    for (int k = 0; k < pieces.size(); k++) {
      double[][] piece = pieces.get(k);
      XYSeries series = chart.addSeries(uniqueName(chart, label + " " + k), piece[0], piece[1]);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(color);
      series.setLineStyle(stroke);
      series.setShowInLegend(false);
    }
  }

  /** XChart keys series by name; pieces of one curve need distinct ones. */
  private static String uniqueName(XYChart chart, String label) {
    String name = label;
    for (int k = 2; chart.getSeries(name) != null; k++) {
      name = label + " #" + k;
    }
    return name;
  }
}
