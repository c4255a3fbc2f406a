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

  /** The smallest range holding this one and {@code other}. */
  Range union(Range other) {
    return new Range(Math.min(min, other.min), Math.max(max, other.max));
  }

  double span() {
    return max - min;
  }
}
