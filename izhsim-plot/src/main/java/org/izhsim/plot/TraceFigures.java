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
    Range time = Range.of(t, new Range(0, 1));
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
    Range time = Range.of(t, new Range(0, 1));
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
    Range time = null;
    Range vRange = null;
    for (Series trace : traces) {
      time = union(time, Range.of(trace.x(), new Range(0, 1)));
      vRange = union(vRange, Range.of(trace.y(), new Range(-80, 30)));
    }
    vRange = vRange.padded(0.06);
    PanelStack stack = new PanelStack().rowLabelMargin(90);
    for (Series trace : traces) {
      XYChart chart = Style.chart(width, panelHeight, TIME, VOLTAGE_SHORT, time, vRange);
      double[][] thin = Thin.minMax(trace.x(), trace.y(), width);
      Style.line(chart, "v", thin[0], thin[1], Style.INK);
      stack.add(new PanelStack.Panel(chart, time, vRange, 1).rowLabel(trace.label()));
    }
    return new StackFigure(title, width, height, stack);
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
