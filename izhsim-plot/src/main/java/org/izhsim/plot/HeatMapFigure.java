package org.izhsim.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Locale;

/**
 * A heat map of a matrix: column c (e.g. a model second) across, row r (e.g. a weight bin) up,
 * each cell coloured by its value over the matrix's range (white for the least, dark blue for
 * the most), with the first and last column and every row edge labelled.
 */
final class HeatMapFigure extends TitledFigure {
  private static final int LEFT = 90;
  private static final int RIGHT = 40;
  private static final int BOTTOM = 70;
  private static final Color HIGH = new Color(0x08306b);

  private final double[][] cells;
  private final double[] columnValues;
  private final double[] rowEdges;
  private final String xLabel;
  private final String yLabel;

  HeatMapFigure(String title, double[][] cells, double[] columnValues, double[] rowEdges, String xLabel, String yLabel) {
    super(title, 1000, 600);
    if (cells.length == 0 || cells.length != columnValues.length) {
      throw new IllegalArgumentException("heat map: need one column value per column, and at least one column");
    }
    for (double[] col : cells) {
      if (col.length + 1 != rowEdges.length) throw new IllegalArgumentException("heat map: need rows + 1 row edges");
    }
    this.cells = cells;
    this.columnValues = columnValues;
    this.rowEdges = rowEdges;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  @Override
  void paintBody(Graphics2D g, ImageFormat format, int top) {
    int x0 = LEFT;
    int y0 = top + 10;
    int w = width() - LEFT - RIGHT;
    int h = height() - y0 - BOTTOM;
    double max = 0;
    for (double[] col : cells) {
      for (double v : col) max = Math.max(max, v);
    }
    int cols = cells.length;
    int rows = rowEdges.length - 1;
    for (int c = 0; c < cols; c++) {
      int xa = x0 + (int) ((long) w * c / cols);
      int xb = x0 + (int) ((long) w * (c + 1) / cols);
      for (int r = 0; r < rows; r++) {
        int yb = y0 + h - (int) ((long) h * r / rows);
        int ya = y0 + h - (int) ((long) h * (r + 1) / rows);
        double f = max > 0 ? cells[c][r] / max : 0;
        g.setColor(mix(f));
        g.fillRect(xa, ya, Math.max(1, xb - xa), Math.max(1, yb - ya));
      }
    }
    g.setColor(Style.AXIS);
    g.drawRect(x0, y0, w, h);
    for (int r = 0; r <= rows; r++) {
      double y = y0 + h - (double) h * r / rows;
      Text.draw(g, label(rowEdges[r]), Style.TICK_LABEL, Style.INK, x0 - 8, y + 5, Text.Align.RIGHT);
    }
    double half = (double) w / cols / 2;
    Text.draw(g, label(columnValues[0]), Style.TICK_LABEL, Style.INK, x0 + half, y0 + h + 20, Text.Align.CENTER);
    if (cols > 1) {
      Text.draw(g, label(columnValues[cols - 1]), Style.TICK_LABEL, Style.INK, x0 + w - half, y0 + h + 20, Text.Align.CENTER);
    }
    Text.draw(g, xLabel, Style.AXIS_TITLE, Style.INK, x0 + w / 2.0, y0 + h + 50, Text.Align.CENTER);
    Text.draw(g, yLabel, Style.AXIS_TITLE, Style.INK, 12, y0 - 2, Text.Align.LEFT);
    Text.draw(g, String.format(Locale.ROOT, "darkest = %s", label(max)), Style.SMALL, Style.MUTED, x0 + w, y0 + h + 50,
        Text.Align.RIGHT);
  }

  private static Color mix(double f) {
    double t = Math.max(0, Math.min(1, f));
    return new Color((int) Math.round(255 + (HIGH.getRed() - 255) * t), (int) Math.round(255 + (HIGH.getGreen() - 255) * t),
        (int) Math.round(255 + (HIGH.getBlue() - 255) * t));
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
