package org.izhsim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.XYChart;

/**
 * A network's spike raster (time against neuron index; excitatory and inhibitory neurons in two
 * colours, a line between groups, as in Brian2's Izhikevich_2003 example), the population rate
 * below it and one neuron's membrane potential at the bottom, all on one time axis.
 *
 * <p>The dots are painted directly rather than handed to XChart, which builds objects per point
 * and would crawl through 10^6 spikes. A PNG shows every spike. An SVG shows at most
 * {@link #MAX_SVG_SPIKES}: beyond that a vector file grows to tens of megabytes that viewers
 * struggle to open, so every k-th spike is kept (in the caller's order, normally by time) and
 * the title says so.
 */
final class RasterFigure extends TitledFigure {

  /** Most spikes an SVG shows; more are thinned to every k-th. */
  static final int MAX_SVG_SPIKES = 200_000;

  /** Population rate: spikes are counted in bins of this width [ms] ... */
  static final double RATE_BIN = 1.0;

  /** ... and smoothed with a Gaussian of this standard deviation [ms]. */
  static final double RATE_SMOOTHING = 2.0;

  private static final int WIDTH = 1000;
  private static final int ROW_LABEL_MARGIN = 96;

  private final SpikeRaster raster;
  private final Series voltage;
  private final double[][] rate;

  private RasterFigure(String title, SpikeRaster raster, Series voltage, int height) {
    super(title, WIDTH, height);
    this.raster = raster;
    this.voltage = voltage;
    this.rate = populationRate(raster);
  }

  static Figure of(String title, SpikeRaster raster, Series voltage) {
    int height = voltage == null ? 900 : 1100;
    return new RasterFigure(title, raster, voltage, height);
  }

  /** Every how many spikes one is drawn in {@code format}; 1 means all. */
  int stride(ImageFormat format) {
    if (format != ImageFormat.SVG || raster.size() <= MAX_SVG_SPIKES) {
      return 1;
    }
    return (raster.size() + MAX_SVG_SPIKES - 1) / MAX_SVG_SPIKES;
  }

  @Override
  String titleFor(ImageFormat format) {
    int stride = stride(format);
    if (stride == 1) {
      return title();
    }
    return title() + " (every " + ordinal(stride) + " spike shown)";
  }

  @Override
  void paintBody(Graphics2D g, ImageFormat format, int top) {
    PanelStack stack = stack(format);
    int side = TraceFigures.SIDE;
    stack.paint(g, side, top, width() - 2 * side, height() - top - side);
  }

  PanelStack stack(ImageFormat format) {
    Range time = new Range(0, raster.duration()).endingOnTick(WIDTH);
    int n = raster.neuronCount();
    Range index = new Range(-0.5, n - 0.5);
    PanelStack stack = new PanelStack().rowLabelMargin(ROW_LABEL_MARGIN);

    XYChart rasterChart = Style.chart(WIDTH, 600, TraceFigures.TIME, "neuron index", time, index);
    rasterChart.getStyler().setYAxisDecimalPattern("0");
    int stride = stride(format);
    stack.add(
        new PanelStack.Panel(rasterChart, time, index, 5)
            .overlay((g, area) -> paintSpikes(g, area, stride, format == ImageFormat.SVG)));

    Range rateRange = new Range(0, Math.max(1, max(rate[1]) * 1.1));
    XYChart rateChart = Style.chart(WIDTH, 200, TraceFigures.TIME, "rate (Hz)", time, rateRange);
    Style.line(rateChart, "rate", rate[0], rate[1], Style.INK);
    stack.add(
        new PanelStack.Panel(rateChart, time, rateRange, 1.6).rowLabel("population"));

    if (voltage != null) {
      Range v = Range.of(voltage.y(), new Range(-80, 30)).padded(0.06);
      XYChart vChart = Style.chart(WIDTH, 250, TraceFigures.TIME, TraceFigures.VOLTAGE_SHORT, time, v);
      double[][] thin = Thin.minMax(voltage.x(), voltage.y(), WIDTH);
      Style.line(vChart, "v", thin[0], thin[1], Style.INK);
      stack.add(new PanelStack.Panel(vChart, time, v, 2).rowLabel(voltage.label()));
    }
    return stack;
  }

  private void paintSpikes(Graphics2D g, PanelStack.PlotArea area, int stride, boolean vector) {
    double dot = dotSize(area, stride);
    Object savedAntialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    java.awt.Shape savedClip = g.getClip();
    // crisp dots, and much faster on 10^6 of them
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.clip(new java.awt.geom.Rectangle2D.Double(
        area.left() - dot, area.top() - dot, area.width() + 2 * dot, area.height() + 2 * dot));
    paintDots(g, area, stride, dot, true, Style.EXCITATORY, vector);
    paintDots(g, area, stride, dot, false, Style.INHIBITORY, vector);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, savedAntialias);

    // a line between neighbouring groups, then each group's name beside it
    int start = 0;
    for (SpikeRaster.Band b : raster.bands()) {
      if (start > 0) {
        double y = area.py(start - 0.5);
        g.setColor(Style.MUTED);
        g.setStroke(Style.THIN);
        g.draw(new Line2D.Double(area.left(), y, area.right(), y));
      }
      start += b.size();
    }
    g.setClip(savedClip);
    double labelX = area.right() + 10;
    start = 0;
    for (SpikeRaster.Band b : raster.bands()) {
      if (b.size() > 0) {
        groupLabel(g, b.label(), b.excitatory() ? Style.EXCITATORY : Style.INHIBITORY, labelX,
            area.py(start + (b.size() - 1) / 2.0));
      }
      start += b.size();
    }
  }

  /**
   * Dot edge [px]: 2 while the raster is sparse, 1 once dots would merge into a carpet, larger
   * for small networks whose rows are far apart. Whole pixels, so antialiasing-free dots are
   * all the same size.
   */
  private double dotSize(PanelStack.PlotArea area, int stride) {
    double shown = (double) raster.size() / stride;
    double density = shown / Math.max(1, area.width() * area.height());
    double dot = density < 0.05 ? 2 : 1;
    double row = area.height() / raster.neuronCount();
    return Math.max(dot, Math.min(4, Math.floor(row * 0.5)));
  }

  private static void groupLabel(Graphics2D g, String text, Color color, double x, double centerY) {
    Text.draw(g, text, Style.LABEL_BOLD, color, x, centerY + 5, Text.Align.LEFT);
  }

  /**
   * Paints the dots of one group. Into an image each dot is one integer fillRect, which Java2D
   * blits directly (a million take well under a second; the same dots as one large filled path
   * took half a minute). Into an SVG the dots go as a few paths, each dot a short horizontal
   * stroke as wide as it is long, at 0.1 px precision: about 25 bytes a spike, against 150 for
   * filled squares at full precision.
   */
  private void paintDots(
      Graphics2D g, PanelStack.PlotArea area, int stride, double dot, boolean excitatory,
      Color color, boolean vector) {
    double[] times = raster.times();
    int[] neurons = raster.neurons();
    boolean[] kind = new boolean[raster.neuronCount()];
    for (int i = 0, start = 0; i < raster.bands().size(); i++) {
      SpikeRaster.Band b = raster.bands().get(i);
      java.util.Arrays.fill(kind, start, start + b.size(), b.excitatory());
      start += b.size();
    }
    g.setColor(color);
    double half = dot / 2;
    int size = (int) dot;
    Path2D.Double path = vector ? new Path2D.Double(Path2D.WIND_NON_ZERO, 4096) : null;
    if (vector) {
      g.setStroke(new BasicStroke((float) dot, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }
    int inPath = 0;
    for (int k = 0; k < times.length; k += stride) {
      if (kind[neurons[k]] != excitatory) {
        continue;
      }
      double x = area.px(times[k]) - half;
      double y = area.py(neurons[k]);
      if (!vector) {
        g.fillRect((int) Math.floor(x), (int) Math.floor(y - half), size, size);
        continue;
      }
      double left = Math.round(x * 10) / 10.0;
      double middle = Math.round(y * 10) / 10.0;
      path.moveTo(left, middle);
      path.lineTo(left + size, middle);
      if (++inPath == 20_000) {
        g.draw(path);
        path.reset();
        inPath = 0;
      }
    }
    if (inPath > 0) {
      g.draw(path);
    }
  }

  /** Bin centres [ms] and the smoothed population rate [Hz]. */
  static double[][] populationRate(SpikeRaster raster) {
    int bins = Math.max(1, (int) Math.ceil(raster.duration() / RATE_BIN));
    double[] counts = new double[bins];
    for (double time : raster.times()) {
      int bin = (int) Math.floor(time / RATE_BIN);
      if (bin >= 0 && bin < bins) {
        counts[bin]++;
      }
    }
    double perNeuronPerSecond = 1000.0 / (raster.neuronCount() * RATE_BIN);
    double sigma = RATE_SMOOTHING / RATE_BIN;
    int reach = (int) Math.ceil(4 * sigma);
    double[] kernel = new double[2 * reach + 1];
    for (int j = -reach; j <= reach; j++) {
      kernel[j + reach] = Math.exp(-0.5 * j * j / (sigma * sigma));
    }
    double[] centres = new double[bins];
    double[] rates = new double[bins];
    for (int b = 0; b < bins; b++) {
      centres[b] = (b + 0.5) * RATE_BIN;
      double smoothed = 0;
      double weight = 0;
      for (int j = -reach; j <= reach; j++) {
        int source = b + j;
        if (source >= 0 && source < bins) {
          smoothed += kernel[j + reach] * counts[source];
          weight += kernel[j + reach];
        }
      }
      // renormalised at the edges so the rate does not sag at the start and end of the run
      rates[b] = smoothed / weight * perNeuronPerSecond;
    }
    return new double[][] {centres, rates};
  }

  private static double max(double[] values) {
    double max = 0;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  static String ordinal(int k) {
    int mod100 = k % 100;
    String suffix =
        mod100 >= 11 && mod100 <= 13
            ? "th"
            : switch (k % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return k + suffix;
  }
}
