package org.izhsim.plot;

/** A closed interval of data values for an axis, {@code min < max}. */
record Range(double min, double max) {

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
      if (Double.isFinite(value)) {
        lo = Math.min(lo, value);
        hi = Math.max(hi, value);
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
