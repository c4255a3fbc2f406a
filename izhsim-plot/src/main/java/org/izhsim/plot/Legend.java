package org.izhsim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * A one-row legend under a plot: a short line sample and its label per curve, evenly spaced.
 * XChart's own horizontal legend crowds its entries and misaligns their baselines.
 */
final class Legend {

  /** One curve's entry. */
  record Entry(String label, Color color, BasicStroke stroke) {}

  /** Height the legend row needs [px]. */
  static final int HEIGHT = 30;

  private static final double SAMPLE = 30;
  private static final double SAMPLE_GAP = 8;
  private static final double ENTRY_GAP = 32;

  private Legend() {}

  /** Paints the entries in a row centred on {@code centerX}, text baseline at {@code baseline}. */
  static void paint(Graphics2D g, List<Entry> entries, double centerX, double baseline) {
    double total = 0;
    for (Entry entry : entries) {
      total += SAMPLE + SAMPLE_GAP + Text.width(g, entry.label(), Style.LABEL);
    }
    total += ENTRY_GAP * Math.max(0, entries.size() - 1);
    double x = centerX - total / 2;
    double lineY = baseline - 5;
    for (Entry entry : entries) {
      g.setColor(entry.color());
      g.setStroke(entry.stroke());
      g.draw(new Line2D.Double(x, lineY, x + SAMPLE, lineY));
      x += SAMPLE + SAMPLE_GAP;
      x += Text.draw(g, entry.label(), Style.LABEL, Style.INK, x, baseline, Text.Align.LEFT);
      x += ENTRY_GAP;
    }
  }
}
