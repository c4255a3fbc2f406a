package org.izhsim.plot;

import java.awt.Graphics2D;

/**
 * A figure that knows its size and paints itself; {@link FigureWriter} turns it into files.
 * Painting is the one code path for every format, so a PNG and an SVG of the same figure show
 * the same thing.
 *
 * <p>A figure may lay itself out while painting, so paint one figure from one thread at a time;
 * different figures may be painted in parallel.
 */
public interface Figure {

  /** Width [px in PNG, user units in SVG]. */
  int width();

  /** Height [px in PNG, user units in SVG]. */
  int height();

  /**
   * Paints the whole figure, background included, into {@code g} starting at its origin.
   *
   * @param format the format being produced; a figure may use it to keep a vector file small
   *     (the spike raster thins very large SVGs and says so in its title)
   */
  void paint(Graphics2D g, ImageFormat format);
}
