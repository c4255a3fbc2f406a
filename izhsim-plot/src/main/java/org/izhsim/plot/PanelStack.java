package org.izhsim.plot;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Panels stacked vertically on one shared x axis: XChart has no subplots, so each panel is its
 * own chart painted at an offset. Two things make them read as one figure: every chart gets the
 * same left axis width (measured in a dry run, then set as XChart's width hint), so their plot
 * areas line up to the pixel; and only the bottom panel shows the x tick labels and title.
 */
final class PanelStack {

  /** Paints over a chart after XChart has drawn it; coordinates are the chart's pixels. */
  interface Overlay {
    void paint(Graphics2D g, PlotArea area);
  }

  /** Where a chart put its data: maps data values to the chart's pixels. */
  record PlotArea(Range x, Range y, double left, double right, double top, double bottom) {

    double px(double value) {
      return left + (value - x.min()) / x.span() * (right - left);
    }

    double py(double value) {
      return bottom - (value - y.min()) / y.span() * (bottom - top);
    }

    double width() {
      return right - left;
    }

    double height() {
      return bottom - top;
    }
  }

  /** One panel: a chart, its relative height, and optional overlay and row label. */
  static final class Panel {
    final XYChart chart;
    final Range x;
    final Range y;
    final double weight;
    Overlay overlay;
    String rowLabel;

    Panel(XYChart chart, Range x, Range y, double weight) {
      this.chart = chart;
      this.x = x;
      this.y = y;
      this.weight = weight;
    }

    Panel overlay(Overlay overlay) {
      this.overlay = overlay;
      return this;
    }

    Panel rowLabel(String rowLabel) {
      this.rowLabel = rowLabel;
      return this;
    }
  }

  /** Height the bottom panel needs beyond its share for x tick labels and title [px]. */
  static final int X_AXIS_BAND = 48;

  private final List<Panel> panels = new ArrayList<>();
  private double rowLabelMargin;

  PanelStack add(Panel panel) {
    panels.add(panel);
    return this;
  }

  /** Reserves room at the right for row labels such as {@code "I = 10"} [px]. */
  PanelStack rowLabelMargin(double margin) {
    this.rowLabelMargin = margin;
    return this;
  }

  /** Paints the stack into the rectangle at {@code (x, y)} of the given size. */
  void paint(Graphics2D g, double x, double y, int width, int height) {
    int chartWidth = (int) Math.round(width - rowLabelMargin);
    int[] heights = heights(height);
    for (int i = 0; i < panels.size(); i++) {
      boolean bottom = i == panels.size() - 1;
      panels.get(i).chart.getStyler().setXAxisTicksVisible(bottom);
      panels.get(i).chart.getStyler().setXAxisTitleVisible(bottom);
    }
    alignLeftAxes(chartWidth, heights);
    double top = y;
    for (int i = 0; i < panels.size(); i++) {
      Panel panel = panels.get(i);
      AffineTransform savedTransform = g.getTransform();
      Shape savedClip = g.getClip();
      g.translate(x, top);
      g.clipRect(0, 0, width, heights[i]);
      panel.chart.paint(g, chartWidth, heights[i]);
      // XChart resets the clip to null when it is done; bring ours back
      g.setClip(null);
      g.clipRect(0, 0, width, heights[i]);
      PlotArea area = plotArea(panel);
      if (panel.overlay != null) {
        panel.overlay.paint(g, area);
      }
      if (panel.rowLabel != null) {
        Text.draw(
            g, panel.rowLabel, Style.LABEL_BOLD, Style.INK,
            chartWidth + 8, (area.top() + area.bottom()) / 2 + 5, Text.Align.LEFT);
      }
      g.setTransform(savedTransform);
      g.setClip(savedClip);
      top += heights[i];
    }
  }

  private int[] heights(int total) {
    double weights = panels.stream().mapToDouble(p -> p.weight).sum();
    double shared = total - X_AXIS_BAND;
    int[] heights = new int[panels.size()];
    int used = 0;
    for (int i = 0; i < heights.length - 1; i++) {
      heights[i] = (int) Math.round(shared * panels.get(i).weight / weights);
      used += heights[i];
    }
    heights[heights.length - 1] = total - used;
    return heights;
  }

  /** Dry-runs every chart to learn its natural left axis width, then gives all the widest. */
  private void alignLeftAxes(int chartWidth, int[] heights) {
    double widest = 0;
    for (int i = 0; i < panels.size(); i++) {
      XYChart chart = panels.get(i).chart;
      chart.getStyler().setYAxisLeftWidthHint(0);
      dryRun(chart, chartWidth, heights[i]);
      widest = Math.max(widest, chart.getYAxisLeftWidth());
    }
    int hint = (int) Math.ceil(widest);
    for (Panel panel : panels) {
      panel.chart.getStyler().setYAxisLeftWidthHint(hint);
    }
  }

  /**
   * Plot height [px] below which XChart 4.0.3 spaces y ticks 25 px apart whatever the spacing
   * hint, crowding the labels; figures size their panels to stay above it.
   */
  static final double XCHART_SMALL_AXIS = 160;

  private static void dryRun(XYChart chart, int width, int height) {
    // XChart needs a Graphics2D to lay out; nothing it paints here is kept
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      chart.paint(g, width, height);
    } finally {
      g.dispose();
    }
  }

  static PlotArea plotArea(Panel panel) {
    XYChart chart = panel.chart;
    return new PlotArea(
        panel.x,
        panel.y,
        chart.getScreenXFromChart(panel.x.min()),
        chart.getScreenXFromChart(panel.x.max()),
        chart.getScreenYFromChart(panel.y.max()),
        chart.getScreenYFromChart(panel.y.min()));
  }

  /** The plot areas of the last paint, top to bottom; for tests of the alignment. */
  List<PlotArea> plotAreas() {
    return panels.stream().map(PanelStack::plotArea).toList();
  }
}
