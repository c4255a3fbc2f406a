package org.izhsim.plot;

import java.util.List;
import java.util.Objects;

/**
 * Every figure izhsim draws, one factory each. The factories take plain arrays and the small
 * records of this package, never simulation objects, so any caller (the CLI, a notebook, a test)
 * can plot data however it got it. Write the result with {@link FigureWriter}.
 *
 * <p>Units follow the model: time [ms], membrane potential v [mV], rate [Hz]; u and I are in
 * the model's own units.
 */
public final class Figures {

  static {
    Headless.ensure();
  }

  private Figures() {}

  /**
   * Membrane potential v(t) in a large panel with the input current I(t) in a small panel under
   * it on the same time axis, as Izhikevich (2004) draws the input under each trace. 1000×800.
   *
   * @param title e.g. {@code "RS, scheme figure1, dt 0.25 ms"}
   * @param t sample times [ms], increasing
   * @param v membrane potential [mV]; spikes are samples at the peak (+30) and are drawn as is
   * @param current input current I at the same times
   */
  public static Figure voltageTrace(String title, double[] t, double[] v, double[] current) {
    return voltageTrace(title, t, v, current, "");
  }

  /** As {@link #voltageTrace(String, double[], double[], double[])} with I in {@code unit} ("pA"; "" for none). */
  public static Figure voltageTrace(String title, double[] t, double[] v, double[] current, String unit) {
    return TraceFigures.voltageAndCurrent(
        title, Objects.requireNonNull(t, "t"), Objects.requireNonNull(v, "v"),
        Objects.requireNonNull(current, "current"), unit);
  }

  /** The recovery variable u(t) on its own. 1000×450. */
  public static Figure recoveryTrace(String title, double[] t, double[] u) {
    return recoveryTrace(title, t, u, "");
  }

  /** As {@link #recoveryTrace(String, double[], double[])} with u in {@code unit} ("pA"; "" for none). */
  public static Figure recoveryTrace(String title, double[] t, double[] u, String unit) {
    return TraceFigures.recovery(
        title, Objects.requireNonNull(t, "t"), Objects.requireNonNull(u, "u"), unit);
  }

  /**
   * The v–u phase plane: the trajectory and both nullclines, named in a legend by their series
   * labels. The caller computes the nullclines over any v range (a vertical one may be two
   * points); the view is v from min(trajectory v, -90) to 40 mV and u over the trajectory's
   * range padded by 10%, so the parabola does not stretch the u axis. 1000×800.
   *
   * @param trajectory x = v [mV], y = u, in time order
   * @param vNullcline the curve where dv/dt = 0, x = v [mV], y = u
   * @param uNullcline the curve where du/dt = 0, x = v [mV], y = u
   */
  /**
   * The v–u plane of a single-neuron run as core's {@link org.izhsim.neuron.PhasePlane} gives
   * it: the trajectory and both nullclines, labelled, with u in {@code unit} ("" for none).
   */
  public static Figure phasePlane(String title, org.izhsim.neuron.PhasePlane pp, String unit) {
    return phasePlane(
        title,
        new Series("trajectory", pp.trajectoryV(), pp.trajectoryU()),
        new Series("v-nullcline (dv/dt = 0)", pp.vNullV(), pp.vNullU()),
        new Series("u-nullcline (du/dt = 0): " + pp.uNullLabel(), pp.uNullV(), pp.uNullU()),
        unit);
  }

  /**
   * The plane of a two-variable equation model as core's {@link
   * org.izhsim.equations.EquationPhasePlane} gives it: the trajectory and the numerically found
   * nullclines, each possibly in several pieces; the axes are named by the model's variables
   * with their units ({@code yUnit}, "" for none).
   */
  public static Figure phasePlane(
      String title, org.izhsim.equations.EquationPhasePlane pp, String xUnit, String yUnit) {
    String x = pp.xName(), y = pp.yName();
    return PlaneFigures.phasePlane(title, TraceFigures.withUnit(x, xUnit), TraceFigures.withUnit(y, yUnit),
        new Series("trajectory", pp.trajectoryX(), pp.trajectoryY()),
        pieces(x + "-nullcline (d" + x + "/dt = 0)", pp.xNullcline()),
        pieces(y + "-nullcline (d" + y + "/dt = 0)", pp.yNullcline()));
  }

  private static List<Series> pieces(String label, List<double[][]> curves) {
    List<Series> out = new java.util.ArrayList<>();
    for (double[][] c : curves) out.add(new Series(label, c[0], c[1]));
    return out;
  }

  public static Figure phasePlane(
      String title, Series trajectory, Series vNullcline, Series uNullcline) {
    return phasePlane(title, trajectory, vNullcline, uNullcline, "");
  }

  /** As {@link #phasePlane(String, Series, Series, Series)} with u in {@code unit} ("pA"; "" for none). */
  public static Figure phasePlane(
      String title, Series trajectory, Series vNullcline, Series uNullcline, String unit) {
    return PlaneFigures.phasePlane(
        title, Objects.requireNonNull(trajectory, "trajectory"),
        Objects.requireNonNull(vNullcline, "vNullcline"),
        Objects.requireNonNull(uNullcline, "uNullcline"), unit);
  }

  /**
   * Accuracy against cost: one line with markers per scheme, both axes log10 (the caller takes
   * the logarithms and names them in the axis titles, e.g. {@code "log10 FLOPs per ms"}). 1000×700.
   *
   * @param series x = log10 cost, y = log10 error, one per scheme, labelled by it
   */
  public static Figure errorVsCost(String title, String xTitle, String yTitle, List<Series> series) {
    return PlaneFigures.logLog(title, xTitle, yTitle, List.copyOf(Objects.requireNonNull(series, "series")));
  }

  /**
   * Izhikevich's (2004) Fig. 1 layout: panels four to a row, each captioned "(A) tonic
   * spiking", with v in black over I in grey and a time scale bar, no axes. Twenty panels make
   * a 4×5 grid 1000×1085; fewer or more panels add or drop rows.
   */
  public static Figure featureGallery(String title, List<GalleryPanel> panels) {
    return GalleryFigure.of(title, List.copyOf(Objects.requireNonNull(panels, "panels")));
  }

  /**
   * Firing rate against input current: one line with small markers. 1000×700.
   *
   * @param currents input current I of each run
   * @param ratesHz the firing rate [Hz] at each current
   */
  public static Figure fiCurve(String title, double[] currents, double[] ratesHz) {
    return fiCurve(title, currents, ratesHz, "");
  }

  /** As {@link #fiCurve(String, double[], double[])} with I in {@code unit} ("pA"; "" for none). */
  public static Figure fiCurve(String title, double[] currents, double[] ratesHz, String unit) {
    return PlaneFigures.fiCurve(
        title, Objects.requireNonNull(currents, "currents"),
        Objects.requireNonNull(ratesHz, "ratesHz"), unit);
  }

  /**
   * Membrane potential traces stacked on one time axis with a common v scale, each labelled at
   * the right by its series label (e.g. {@code "I = 10"}). 1000 wide, 180 high per trace.
   *
   * @param traces x = time [ms], y = v [mV]
   */
  public static Figure stackedTraces(String title, List<Series> traces) {
    return TraceFigures.stacked(title, List.copyOf(Objects.requireNonNull(traces, "traces")));
  }

  /**
   * Several traces overlaid in one panel on common axes, as matplotlib's {@code plt.plot} of a
   * 2-D array draws one line per column (SORNSim's plots of v and u of a group). 1000×500.
   *
   * @param yLabel the quantity and its unit, e.g. {@code "v (mV)"}
   * @param traces x = time [ms], y = the quantity; labels need not be unique
   */
  public static Figure overlaidTraces(String title, String yLabel, List<Series> traces) {
    return TraceFigures.overlaid(
        title, Objects.requireNonNull(yLabel, "yLabel"),
        List.copyOf(Objects.requireNonNull(traces, "traces")));
  }

  /**
   * Lines over any x quantity (e.g. a rate per model second, a power spectrum), one panel,
   * matplotlib's colour cycle. 1000×500.
   *
   * @param xLabel the x quantity and its unit, e.g. {@code "model time (s)"}
   */
  public static Figure lines(String title, String xLabel, String yLabel, List<Series> series) {
    return TraceFigures.overlaid(
        title, Objects.requireNonNull(xLabel, "xLabel"), Objects.requireNonNull(yLabel, "yLabel"),
        List.copyOf(Objects.requireNonNull(series, "series")));
  }

  /**
   * A heat map: {@code cells[c][r]} is column c (drawn left to right, labelled by
   * {@code columnValues[c]}) and row r (bottom to top, between {@code rowEdges[r]} and
   * {@code rowEdges[r + 1]}), white for 0 to dark blue for the largest value. 1000×600. Used for
   * spnet's excitatory weight histogram over model time.
   */
  public static Figure heatMap(
      String title, double[][] cells, double[] columnValues, double[] rowEdges, String xLabel, String yLabel) {
    return new HeatMapFigure(title, cells, columnValues, rowEdges, xLabel, yLabel);
  }

  /**
   * A network's spike raster (excitatory and inhibitory neurons in two colours, separated by a
   * line at Ne), the population rate (1 ms bins, Gaussian smoothing σ = 2 ms) and, if given,
   * one neuron's v trace, all on one time axis. A PNG shows every spike; an SVG of more than
   * 200,000 spikes shows every k-th and says so in its title. 1000×1100 (900 without a trace).
   *
   * @param voltage x = time [ms], y = v [mV], labelled e.g. {@code "neuron 0"}; may be null
   */
  public static Figure networkRaster(String title, SpikeRaster raster, Series voltage) {
    return RasterFigure.of(title, Objects.requireNonNull(raster, "raster"), voltage);
  }

  /**
   * One polychronous group as in Izhikevich (2006): time [ms from the first anchor spike]
   * against neuron index 0..neurons−1, a dot per spike (excitatory below {@code excitatory},
   * inhibitory above, in the raster's colours; anchors ringed), and per link a line from the
   * presynaptic spike to the PSP's arrival, then a dashed line to the spike it caused. Spikes
   * are labelled with their neuron when there are at most 60. 1000×800.
   */
  public static Figure polychronousGroup(
      String title, org.izhsim.analysis.polychronous.PolychronousGroup group, int neurons, int excitatory) {
    return GroupFigure.of(title, Objects.requireNonNull(group, "group"), neurons, excitatory);
  }
}
