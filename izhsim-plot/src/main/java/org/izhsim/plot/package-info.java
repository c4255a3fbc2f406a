/**
 * Figures of izhsim's results, written headless as PNG and SVG.
 *
 * <p>{@link org.izhsim.plot.Figures} makes every figure from plain data (arrays and the small
 * records {@link org.izhsim.plot.Series}, {@link org.izhsim.plot.GalleryPanel} and
 * {@link org.izhsim.plot.SpikeRaster}); this package knows nothing of the simulation, so the CLI
 * or any other caller passes its recordings in. {@link org.izhsim.plot.FigureWriter} is the
 * one way out: it paints a {@link org.izhsim.plot.Figure} once per requested
 * {@link org.izhsim.plot.ImageFormat} and moves each file into place atomically.
 *
 * <p>The look follows Izhikevich's papers and Brian2's examples: white, no grid, thin black
 * traces, units in every axis title, labels instead of legend boxes (the phase plane, with three
 * curves in one panel, is the exception). XChart draws the axes; panels that share a time axis
 * are separate charts painted at offsets with equal left-axis widths, because XChart has no
 * subplots. The spike raster's dots and the gallery's small traces are painted with Java2D
 * directly, the first because XChart is too slow for 10^6 points, the second because the paper's
 * panels have no axes. PNG and SVG come from the same painting code: a PNG paints into a
 * {@link java.awt.image.BufferedImage}, an SVG into VectorGraphics2D. All text is drawn as
 * outlines so an SVG looks the same in every viewer.
 *
 * <p>AWT is switched to headless mode when this package is first used, unless the caller chose
 * a mode already.
 */
package org.izhsim.plot;
