package org.izhsim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The house style: fonts, colours, strokes and the XChart settings that make a chart look like
 * a figure in a paper (white, no grid, left and bottom axes only, thin black traces) rather than
 * a dashboard. Every figure takes its looks from here so they match each other.
 */
final class Style {

  static {
    Headless.ensure();
  }

  private Style() {}

  // sizes chosen so text stays readable when a 1000 px wide PNG is shown at half size
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font LABEL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static final Color INK = new Color(0x111111);
  static final Color AXIS = new Color(0x444444);
  static final Color MUTED = new Color(0x777777);
  static final Color CURRENT = new Color(0x6a6a6a);
  static final Color RECOVERY = new Color(0x1f5fa6);
  static final Color V_NULLCLINE = new Color(0x1f77b4);
  static final Color U_NULLCLINE = new Color(0xd62728);
  static final Color EXCITATORY = new Color(0x1f4e9c);
  static final Color INHIBITORY = new Color(0xc8322a);
  static final Color TRANSPARENT = new Color(0, 0, 0, 0);

  static final BasicStroke LINE =
      new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke THIN =
      new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
  static final BasicStroke DASHED =
      new BasicStroke(
          1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

  /** Height of the band above the panels that holds the figure title [px]. */
  static final int TITLE_BAND = 44;

  /** Fraction of an axis range added at both ends so ticks on the ends are drawn. */
  static final double EDGE_ROOM = 0.005;

  /** A chart in the house style with explicit axis ranges (XChart's own padding is off). */
  static XYChart chart(
      int width, int height, String xTitle, String yTitle, Range x, Range y) {
    XYChart chart = new XYChart(width, height);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    XYStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartFontColor(INK);
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setPlotBorderVisible(false);
    s.setPlotGridLinesVisible(false);
    s.setAxisTicksLineVisible(true);
    s.setAxisTickMarksColor(AXIS);
    s.setAxisTickLabelsColor(INK);
    s.setAxisTickMarksStroke(THIN);
    s.setAxisTickMarkLength(4);
    s.setAxisTickPadding(4);
    s.setAxisTitlePadding(8);
    s.setAxisTitleFont(AXIS_TITLE);
    s.setAxisTickLabelsFont(TICK_LABEL);
    s.setLegendFont(LABEL);
    s.setChartPadding(6);
    s.setPlotMargin(0);
    s.setPlotContentSize(1.0);
    s.setAntiAlias(true);
    s.setMarkerSize(5);
    s.setXAxisTickMarkSpacingHint(100);
    s.setYAxisTickMarkSpacingHint(60);
    // no thousands separators ("1,000 ms"), at most four decimals
    s.setXAxisDecimalPattern("#0.####");
    s.setYAxisDecimalPattern("#0.####");
    s.setLocale(java.util.Locale.ROOT);
    // XChart leaves out a tick that falls exactly on an axis end (0 ms, 200 ms); a hair more
    // room brings it back
    Range xAxis = x.padded(EDGE_ROOM);
    Range yAxis = y.padded(EDGE_ROOM);
    s.setXAxisMin(xAxis.min());
    s.setXAxisMax(xAxis.max());
    s.setYAxisMin(yAxis.min());
    s.setYAxisMax(yAxis.max());
    if (xTitle.equals(TraceFigures.TIME)) {
      s.setXAxisTickMarkSpacingHint(timeTickSpacing(width, x));
    }
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setLegendBorderColor(TRANSPARENT);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
    placeholder(chart, x, y);
    return chart;
  }

  /**
   * The spacing hint [px] that makes XChart choose {@link Range#tickStep} for a time axis: its
   * step is the 1-2-5 number nearest span / plot width × hint, so the hint is the step's width
   * in pixels; the plot width, known only after layout, is estimated, which XChart's rounding
   * (a 2 stays a 2 from 1.5 to 3.5) absorbs.
   */
  static int timeTickSpacing(int width, Range x) {
    double plot = Math.max(100, width - Range.Y_AXIS_ROOM);
    return (int) Math.max(20, Math.round(x.tickStep(width) / x.padded(EDGE_ROOM).span() * plot));
  }

  /**
   * Adds a thin line without markers; returns null for a curve without points. Values beyond
   * {@link Range#DRAWABLE} are drawn at it.
   */
  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
    if (x.length == 0) {
      // XChart rejects empty series; an empty recording still gets its axes
      return null;
    }
    XYSeries series = chart.addSeries(name, Range.clamp(x), Range.clamp(y));
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(LINE);
    return series;
  }

  /**
   * Adds an invisible first series at the ends of the x range. XChart refuses to paint a chart
   * without data (the raster draws its dots itself), and when all x values it sees are equally
   * spaced (every time trace) it puts ticks at odd data values such as 6, 12, 18 ms; these two
   * points come first in its list of x values and break that spacing, so ticks fall on round
   * numbers.
   */
  private static void placeholder(XYChart chart, Range x, Range y) {
    XYSeries series =
        chart.addSeries(" ", new double[] {x.min(), x.max()}, new double[] {y.min(), y.max()});
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(TRANSPARENT);
    series.setShowInLegend(false);
  }
}
