package org.izhsim.plot;

import java.util.Objects;

/**
 * A named curve: {@code y[i]} at {@code x[i]}. The arrays are copied, so the caller may reuse
 * its buffers; treat the arrays returned by the accessors as read-only.
 *
 * @param label shown in legends or beside the panel, e.g. {@code "I = 10"} or {@code "v-nullcline"}
 * @param x abscissae, usually time [ms] or v [mV]
 * @param y ordinates, same length as {@code x}
 */
public record Series(String label, double[] x, double[] y) {

  public Series {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series \"" + label + "\": x has " + x.length + " values but y has " + y.length);
    }
    x = x.clone();
    y = y.clone();
  }

  /** Number of points. */
  public int size() {
    return x.length;
  }
}
