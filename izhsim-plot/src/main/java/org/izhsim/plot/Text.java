package org.izhsim.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * Draws text as filled outlines, as XChart does: an SVG then looks identical in every viewer,
 * whatever fonts it has, and our labels match XChart's.
 */
final class Text {

  private Text() {}

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /**
   * Draws {@code text} with its baseline at {@code baselineY}, aligned horizontally on {@code x}.
   *
   * @return the width of the drawn text [px]
   */
  static double draw(
      Graphics2D g, String text, Font font, Color color, double x, double baselineY, Align align) {
    if (text.isEmpty()) {
      return 0;
    }
    TextLayout layout = new TextLayout(text, font, context(g));
    double width = layout.getAdvance();
    double left =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - width / 2;
          case RIGHT -> x - width;
        };
    Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baselineY));
    Color saved = g.getColor();
    g.setColor(color);
    g.fill(outline);
    g.setColor(saved);
    return width;
  }

  /** Width of {@code text} [px]. */
  static double width(Graphics2D g, String text, Font font) {
    return text.isEmpty() ? 0 : new TextLayout(text, font, context(g)).getAdvance();
  }

  /** Ascent of {@code font} [px]: the height of capitals above the baseline, roughly. */
  static double ascent(Graphics2D g, Font font) {
    return new TextLayout("Hg", font, context(g)).getAscent();
  }

  /** Bounds of the text relative to its origin, for placing a background behind it. */
  static Rectangle2D bounds(Graphics2D g, String text, Font font) {
    return new TextLayout(text, font, context(g)).getBounds();
  }

  private static FontRenderContext context(Graphics2D g) {
    // fractional metrics and antialiasing: the same layout for PNG and SVG
    return new FontRenderContext(null, true, true);
  }
}
