package org.izhsim.plot;

/**
 * Reduces long curves to what a figure can show, keeping their look: a trace with a million
 * samples would make a slow PNG and a huge SVG but cannot show more than a few points per
 * pixel column anyway.
 */
final class Thin {

  private Thin() {}

  /**
   * Min/max decimation for a curve whose {@code x} increases (a time trace): per pixel column it
   * keeps the first, lowest, highest and last point in their original order, so every spike peak
   * and every trough survives. Curves short enough are returned unchanged.
   *
   * @param columns the number of pixel columns the curve spans
   * @return {@code {x, y}}
   */
  static double[][] minMax(double[] x, double[] y, int columns) {
    int n = x.length;
    if (n <= 4L * Math.max(columns, 1) || n < 2) {
      return new double[][] {x, y};
    }
    double x0 = x[0];
    double span = x[n - 1] - x0;
    if (!(span > 0)) {
      return new double[][] {x, y};
    }
    double[] outX = new double[4 * columns + 4];
    double[] outY = new double[outX.length];
    int count = 0;
    int start = 0;
    while (start < n) {
      int column = column(x[start], x0, span, columns);
      int end = start + 1;
      while (end < n && column(x[end], x0, span, columns) == column) {
        end++;
      }
      int lo = start;
      int hi = start;
      for (int i = start + 1; i < end; i++) {
        if (y[i] < y[lo]) {
          lo = i;
        }
        if (y[i] > y[hi]) {
          hi = i;
        }
      }
      int[] keep = sortedUnique(start, Math.min(lo, hi), Math.max(lo, hi), end - 1);
      if (count + keep.length > outX.length) {
        outX = java.util.Arrays.copyOf(outX, outX.length * 2);
        outY = java.util.Arrays.copyOf(outY, outY.length * 2);
      }
      for (int i : keep) {
        outX[count] = x[i];
        outY[count] = y[i];
        count++;
      }
      start = end;
    }
    return new double[][] {
      java.util.Arrays.copyOf(outX, count), java.util.Arrays.copyOf(outY, count)
    };
  }

  /**
   * Drops points that lie within {@code xTolerance} and {@code yTolerance} of the last kept
   * point, for curves that wander in both directions (a phase-plane trajectory). The first and
   * last points are always kept.
   */
  static double[][] byDistance(double[] x, double[] y, double xTolerance, double yTolerance) {
    int n = x.length;
    if (n < 3) {
      return new double[][] {x, y};
    }
    double[] outX = new double[n];
    double[] outY = new double[n];
    outX[0] = x[0];
    outY[0] = y[0];
    int count = 1;
    for (int i = 1; i < n - 1; i++) {
      if (Math.abs(x[i] - outX[count - 1]) > xTolerance
          || Math.abs(y[i] - outY[count - 1]) > yTolerance) {
        outX[count] = x[i];
        outY[count] = y[i];
        count++;
      }
    }
    outX[count] = x[n - 1];
    outY[count] = y[n - 1];
    count++;
    return new double[][] {
      java.util.Arrays.copyOf(outX, count), java.util.Arrays.copyOf(outY, count)
    };
  }

  private static int column(double x, double x0, double span, int columns) {
    int column = (int) ((x - x0) / span * columns);
    return Math.min(Math.max(column, 0), columns - 1);
  }

  private static int[] sortedUnique(int a, int b, int c, int d) {
    // a <= b <= c <= d by construction
    int[] buffer = new int[4];
    int count = 0;
    for (int i : new int[] {a, b, c, d}) {
      if (count == 0 || buffer[count - 1] != i) {
        buffer[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(buffer, count);
  }
}
