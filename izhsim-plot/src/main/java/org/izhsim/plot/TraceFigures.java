package org.izhsim.plot;

import java.awt.Graphics2D;
import java.util.List;
import org.knowm.xchart.XYChart;

/** Single-neuron time traces: v over I, u alone, and v at several currents stacked. */
final class TraceFigures {

  private TraceFigures() {}

  static final String TIME = "time (ms)";
  static final String VOLTAGE = "membrane potential v (mV)";
  static final String VOLTAGE_SHORT = "v (mV)";
  static final String RECOVERY = "recovery u";
  static final String CURRENT = "input current I";

  /** Margin of the stack inside the figure: left, right, bottom [px]. */
  static final int SIDE = 12;

  /** "recovery u (pA)", or the bare label for the 2003 model's dimensionless units (unit ""). */
  static String withUnit(String label, String unit) {
    return unit == null || unit.isEmpty() ? label : label + " (" + unit + ")";
  }

  /** v(t) in a large panel over I(t) in a small one, as in Izhikevich 2004. */
  static Figure voltageAndCurrent(String title, double[] t, double[] v, double[] current, String unit) {
    checkLengths("t", t, "v", v);
    checkLengths("t", t, "current", current);
    int width = 1000;
    int height = 800;
    Range time = Range.of(t, new Range(0, 1)).endingOnTick(width);
    Range vRange = Range.of(v, new Range(-80, 30)).padded(0.05);
    Range iRange = Range.of(current, new Range(-1, 1)).padded(0.15);
    int columns = width;
    PanelStack stack = new PanelStack();
    XYChart vChart = Style.chart(width, height, TIME, VOLTAGE, time, vRange);
    double[][] vThin = Thin.minMax(t, v, columns);
    Style.line(vChart, "v", vThin[0], vThin[1], Style.INK);
    stack.add(new PanelStack.Panel(vChart, time, vRange, 2.6));
    XYChart iChart = Style.chart(width, height, TIME, withUnit(CURRENT, unit), time, iRange);
    double[][] iThin = Thin.minMax(t, current, columns);
    Style.line(iChart, "I", iThin[0], iThin[1], Style.CURRENT);
    stack.add(new PanelStack.Panel(iChart, time, iRange, 1));
    return new StackFigure(title, width, height, stack);
  }

  /** u(t) alone. */
  static Figure recovery(String title, double[] t, double[] u, String unit) {
    checkLengths("t", t, "u", u);
    int width = 1000;
    int height = 450;
    Range time = Range.of(t, new Range(0, 1)).endingOnTick(width);
    Range uRange = Range.of(u, new Range(-1, 1)).padded(0.06);
    XYChart chart = Style.chart(width, height, TIME, withUnit(RECOVERY, unit), time, uRange);
    double[][] thin = Thin.minMax(t, u, width);
    Style.line(chart, "u", thin[0], thin[1], Style.RECOVERY);
    PanelStack stack = new PanelStack().add(new PanelStack.Panel(chart, time, uRange, 1));
    return new StackFigure(title, width, height, stack);
  }

  /**
   * One v(t) panel per trace, stacked on a shared time axis with a common v scale, each
   * labelled at the right with its series label (e.g. {@code "I = 10"}).
   */
  static Figure stacked(String title, List<Series> traces) {
    if (traces.isEmpty()) {
      throw new IllegalArgumentException("stacked traces: need at least one trace");
    }
    int width = 1000;
    // the smallest panel whose y labels XChart does not crowd (see XCHART_SMALL_AXIS)
    int panelHeight = 180;
    int height = Style.TITLE_BAND + traces.size() * panelHeight + PanelStack.X_AXIS_BAND + SIDE;
    Range time = xRange(traces).endingOnTick(width);
    Range vRange = yRange(traces, new Range(-80, 30));
    PanelStack stack = new PanelStack().rowLabelMargin(90);
    for (Series trace : traces) {
      XYChart chart = Style.chart(width, panelHeight, TIME, VOLTAGE_SHORT, time, vRange);
      double[][] thin = Thin.minMax(trace.x(), trace.y(), width);
      Style.line(chart, "v", thin[0], thin[1], Style.INK);
      stack.add(new PanelStack.Panel(chart, time, vRange, 1).rowLabel(trace.label()));
    }
    return new StackFigure(title, width, height, stack);
  }

  /**
   * Traces overlaid in one panel on common axes (matplotlib's {@code plt.plot} of a 2-D array),
   * in matplotlib's default colour cycle so neighbouring lines stay apart.
   */
  static Figure overlaid(String title, String yLabel, List<Series> traces) {
    return overlaid(title, TIME, yLabel, traces);
  }

  /** As {@link #overlaid(String, String, List)} over any x quantity. */
  static Figure overlaid(String title, String xLabel, String yLabel, List<Series> traces) {
    if (traces.isEmpty()) {
      throw new IllegalArgumentException("overlaid traces: need at least one trace");
    }
    int width = 1000;
    int height = 500;
    Range time = xRange(traces).endingOnTick(width);
    Range yRange = yRange(traces, new Range(-1, 1));
    XYChart chart = Style.chart(width, height, xLabel, yLabel, time, yRange);
    int k = 0;
    for (Series trace : traces) {
      double[][] thin = Thin.minMax(trace.x(), trace.y(), width);
      Style.line(chart, trace.label() + " #" + k, thin[0], thin[1], CYCLE[k++ % CYCLE.length]);
    }
    PanelStack stack = new PanelStack().add(new PanelStack.Panel(chart, time, yRange, 1));
    return new StackFigure(title, width, height, stack);
  }

  /** matplotlib's "tab10" cycle. */
  private static final java.awt.Color[] CYCLE = {
    new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e), new java.awt.Color(0x2ca02c),
    new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd), new java.awt.Color(0x8c564b),
    new java.awt.Color(0xe377c2), new java.awt.Color(0x7f7f7f), new java.awt.Color(0xbcbd22),
    new java.awt.Color(0x17becf)
  };

  /** The time range of all traces. */
  private static Range xRange(List<Series> traces) {
    Range r = null;
    for (Series trace : traces) r = union(r, Range.of(trace.x(), new Range(0, 1)));
    return r;
  }

  /** The value range of all traces, padded by 6%. */
  private static Range yRange(List<Series> traces, Range fallback) {
    Range r = null;
    for (Series trace : traces) r = union(r, Range.of(trace.y(), fallback));
    return r.padded(0.06);
  }

  static Range union(Range a, Range b) {
    return a == null ? b : a.union(b);
  }

  static void checkLengths(String aName, double[] a, String bName, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          aName + " has " + a.length + " samples but " + bName + " has " + b.length);
    }
  }

  /** A titled figure whose body is one panel stack, optionally with a legend row under it. */
  static final class StackFigure extends TitledFigure {
    private final PanelStack stack;
    private final List<Legend.Entry> legend;

    StackFigure(String title, int width, int height, PanelStack stack) {
      this(title, width, height, stack, List.of());
    }

    StackFigure(
        String title, int width, int height, PanelStack stack, List<Legend.Entry> legend) {
      super(title, width, height);
      this.stack = stack;
      this.legend = List.copyOf(legend);
    }

    PanelStack stack() {
      return stack;
    }

    @Override
    void paintBody(Graphics2D g, ImageFormat format, int top) {
      int legendBand = legend.isEmpty() ? 0 : Legend.HEIGHT;
      stack.paint(g, SIDE, top, width() - 2 * SIDE, height() - top - SIDE - legendBand);
      if (!legend.isEmpty()) {
        List<PanelStack.PlotArea> areas = stack.plotAreas();
        PanelStack.PlotArea last = areas.getLast();
        double centre = SIDE + (last.left() + last.right()) / 2;
        Legend.paint(g, legend, centre, height() - SIDE - 10);
      }
    }
  }
}
