package org.izhsim.plot;

/** A closed interval of data values for an axis, {@code min < max}. */
record Range(double min, double max) {

  /**
   * The largest magnitude a figure draws; larger values (1e200 after a blow-up of the input,
   * infinities) are drawn at this bound. XChart computes axis ticks in BigDecimal, which takes
   * minutes and gigabytes near 1e200 and fails on infinities; 1e12 is far above any membrane
   * potential, recovery variable or current in pA, and its ticks are cheap.
   */
  static final double DRAWABLE = 1e12;

  Range {
    if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("axis range needs finite min < max, got [" + min + ", " + max + "]");
    }
  }

  /** The finite values' span, or {@code fallback} if there are none; a flat span is widened. */
  static Range of(double[] values, Range fallback) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        lo = Math.min(lo, clamp(value));
        hi = Math.max(hi, clamp(value));
      }
    }
    if (lo > hi) {
      return fallback;
    }
    if (lo == hi) {
      // a constant trace still gets a visible axis around it
      double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      return new Range(lo - half, hi + half);
    }
    return new Range(lo, hi);
  }

  /** {@code value} pulled into [-DRAWABLE, DRAWABLE]; NaN stays NaN (a gap in a line). */
  static double clamp(double value) {
    return Math.max(-DRAWABLE, Math.min(DRAWABLE, value));
  }

  /** A copy of {@code values} with each one {@link #clamp clamped}, or the array itself if none needs it. */
  static double[] clamp(double[] values) {
    double[] out = null;
    for (int i = 0; i < values.length; i++) {
      double c = clamp(values[i]);
      if (c != values[i]) {
        if (out == null) out = values.clone();
        out[i] = c;
      }
    }
    return out == null ? values : out;
  }

  /** This range widened by {@code fraction} of its span on both sides. */
  Range padded(double fraction) {
    double pad = (max - min) * fraction;
    return new Range(min - pad, max + pad);
  }

  /** Width of the room beside a chart's plot (y labels and title) [px], near enough for choosing ticks. */
  static final int Y_AXIS_ROOM = 90;

  /**
   * Tick spacing bounds [px]: XChart's own default is 100, and a wider spacing hint takes the
   * height of a short panel (under about 250 px) for the axis band, leaving no plot.
   */
  static final double MIN_TICK_PX = 45, MAX_TICK_PX = 110;

  /**
   * The tick step of a time axis over this range in a chart {@code width} px wide: 1, 2 or 5 ×
   * 10^k, ticks 45 to 110 px apart, one that divides the span exactly if there is one (150 ms:
   * 10), else the one whose last tick lies least beyond the end (520 ms: 50, to 550).
   */
  double tickStep(int width) {
    double span = span();
    if (!(span > 0) || !Double.isFinite(span)) return 1;
    double plot = Math.max(100, width - Y_AXIS_ROOM);
    double best = Double.NaN, bestScore = Double.POSITIVE_INFINITY;
    int top = (int) Math.floor(Math.log10(span));
    for (int e = top - 3; e <= top; e++) {
      for (double m : new double[] {1, 2, 5}) {
        double step = m * Math.pow(10, e), n = span / step, px = plot / n;
        double whole = wholeIntervals(n);
        // outside the spacing bounds only as a last resort, the further the worse
        double misfit = px < MIN_TICK_PX ? MIN_TICK_PX / px : px > MAX_TICK_PX ? px / MAX_TICK_PX : 0;
        double score = misfit * 10 + (whole * step - span) / span + Math.abs(px - 80) * 1e-5;
        if (score < bestScore) {
          bestScore = score;
          best = step;
        }
      }
    }
    return best;
  }

  private static double wholeIntervals(double n) {
    return Math.abs(n - Math.rint(n)) < 1e-9 * Math.max(1, n) ? Math.rint(n) : Math.ceil(n);
  }

  /** This range with its end moved up to its last tick ({@link #tickStep}): a time axis ends on a labelled tick. */
  Range endingOnTick(int width) {
    double step = tickStep(width);
    if (!(span() > 0) || !Double.isFinite(span())) return this;
    return new Range(min, min + wholeIntervals(span() / step) * step);
  }

  /** The smallest range holding this one and {@code other}. */
  Range union(Range other) {
    return new Range(Math.min(min, other.min), Math.max(max, other.max));
  }

  double span() {
    return max - min;
  }
}
