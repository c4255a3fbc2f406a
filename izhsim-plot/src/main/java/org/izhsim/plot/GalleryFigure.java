package org.izhsim.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * The feature gallery, laid out like Fig. 1 of Izhikevich (2004) "Which model to use for
 * cortical spiking neurons?": a grid of small panels, each with its letter and name, the voltage
 * trace in black over the input current in grey, and a time scale bar instead of axes. Drawn
 * with Java2D paths: twenty XChart charts would bring twenty sets of axes the paper does not
 * have.
 *
 * <p>All panels share one voltage scale so spike heights and subthreshold wiggles compare across
 * panels; each current trace is scaled to its own strip, because the inputs differ by orders of
 * magnitude and only their shape and timing matter here.
 */
final class GalleryFigure extends TitledFigure {

  static final int COLUMNS = 4;
  private static final int WIDTH = 1000;
  private static final int MARGIN = 16;
  private static final int ROW_HEIGHT = 205;

  private final List<GalleryPanel> panels;
  private final Range voltage;

  private GalleryFigure(String title, List<GalleryPanel> panels, int height, Range voltage) {
    super(title, WIDTH, height);
    this.panels = panels;
    this.voltage = voltage;
  }

  static Figure of(String title, List<GalleryPanel> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("feature gallery: need at least one panel");
    }
    int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
    Range voltage = new Range(-80, 30);
    for (GalleryPanel panel : panels) {
      voltage = voltage.union(Range.of(panel.v(), voltage));
    }
    int height = Style.TITLE_BAND + rows * ROW_HEIGHT + MARGIN;
    return new GalleryFigure(title, List.copyOf(panels), height, voltage.padded(0.02));
  }

  @Override
  void paintBody(Graphics2D g, ImageFormat format, int top) {
    double cellWidth = (width() - 2.0 * MARGIN) / COLUMNS;
    for (int k = 0; k < panels.size(); k++) {
      double x = MARGIN + (k % COLUMNS) * cellWidth;
      double y = top + (k / COLUMNS) * (double) ROW_HEIGHT;
      paintPanel(g, panels.get(k), x, y, cellWidth, ROW_HEIGHT);
    }
  }

  private void paintPanel(Graphics2D g, GalleryPanel panel, double x, double y, double w, double h) {
    double pad = 12;
    double left = x + pad;
    double right = x + w - pad;
    double captionBaseline = y + 18;
    double vTop = y + 28;
    double vBottom = y + h * 0.70;
    double iTop = vBottom + 6;
    double iBottom = y + h * 0.84;
    double barY = y + h - 14;

    // the letter in bold, as the paper sets it, then the name, shrunk if it would run into the
    // next column (but not below 12 px)
    String letter = "(" + panel.id() + ") ";
    java.awt.Font bold = Style.LABEL_BOLD;
    java.awt.Font plain = Style.LABEL;
    double room = w - pad;
    double natural = Text.width(g, letter, bold) + Text.width(g, panel.name(), plain);
    if (natural > room) {
      float size = (float) Math.max(12, plain.getSize2D() * room / natural);
      bold = bold.deriveFont(size);
      plain = plain.deriveFont(size);
    }
    double letterWidth =
        Text.draw(g, letter, bold, Style.INK, left, captionBaseline, Text.Align.LEFT);
    Text.draw(g, panel.name(), plain, Style.INK, left + letterWidth, captionBaseline,
        Text.Align.LEFT);

    Range time = Range.of(panel.t(), new Range(0, 1));
    Range current = Range.of(panel.current(), new Range(-1, 1));
    int columns = (int) Math.ceil(right - left);
    g.setStroke(Style.LINE);
    g.setColor(Style.INK);
    g.draw(path(panel.t(), panel.v(), columns, time, voltage, left, right, vTop, vBottom));
    g.setColor(Style.CURRENT);
    g.draw(path(panel.t(), panel.current(), columns, time, current, left, right, iTop, iBottom));
    scaleBar(g, time, left, right, barY);
  }

  /** A bar of a round length near a fifth of the panel's duration, labelled, at bottom right. */
  private static void scaleBar(Graphics2D g, Range time, double left, double right, double y) {
    double length = niceLength(time.span() / 5);
    double pixels = length / time.span() * (right - left);
    g.setColor(Style.INK);
    g.setStroke(new java.awt.BasicStroke(2f));
    g.draw(new Line2D.Double(right - pixels, y, right, y));
    Text.draw(g, format(length) + " ms", Style.SMALL, Style.INK, right - pixels - 6, y + 4,
        Text.Align.RIGHT);
  }

  /** The 1-2-5 number closest to {@code target} from below, so the bar fits in its panel. */
  static double niceLength(double target) {
    double decade = Math.pow(10, Math.floor(Math.log10(target)));
    double best = decade;
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * decade <= target * 1.25) {
        best = step * decade;
      }
    }
    return best;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** The curve as a path in the box, thinned to what the box's pixel columns can show. */
  private static Path2D path(
      double[] t, double[] values, int columns, Range time, Range range,
      double left, double right, double top, double bottom) {
    double[][] thin = Thin.minMax(t, values, columns);
    Path2D.Double path = new Path2D.Double();
    boolean pen = false;
    for (int i = 0; i < thin[0].length; i++) {
      double value = thin[1][i];
      if (!Double.isFinite(value) || !Double.isFinite(thin[0][i])) {
        pen = false;
        continue;
      }
      double px = left + (thin[0][i] - time.min()) / time.span() * (right - left);
      double clamped = Math.max(range.min(), Math.min(range.max(), value));
      double py = bottom - (clamped - range.min()) / range.span() * (bottom - top);
      // 0.01 px is invisible; the SVG writes every digit it is given
      px = Math.round(px * 100) / 100.0;
      py = Math.round(py * 100) / 100.0;
      if (pen) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        pen = true;
      }
    }
    return path;
  }
}
