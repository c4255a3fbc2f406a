package org.izhsim.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Objects;

/** A figure with a centred title above its panels; subclasses paint the body below it. */
abstract class TitledFigure implements Figure {

  static {
    Headless.ensure();
  }

  private final String title;
  private final int width;
  private final int height;

  TitledFigure(String title, int width, int height) {
    this.title = Objects.requireNonNull(title, "title");
    this.width = width;
    this.height = height;
  }

  @Override
  public final int width() {
    return width;
  }

  @Override
  public final int height() {
    return height;
  }

  /** The title as given by the caller. */
  final String title() {
    return title;
  }

  @Override
  public final void paint(Graphics2D g, ImageFormat format) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Text.draw(g, titleFor(format), Style.TITLE, Style.INK, width / 2.0, 28, Text.Align.CENTER);
    paintBody(g, format, Style.TITLE_BAND);
  }

  /** The title shown in {@code format}; a figure may add a note, e.g. about thinning. */
  String titleFor(ImageFormat format) {
    return title;
  }

  /** Paints everything below the title band, which ends at {@code top}. */
  abstract void paintBody(Graphics2D g, ImageFormat format, int top);
}
