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

  /**
   * Drops the segments of {@code pieces} that an earlier segment already drew at the
   * resolution of a {@code columns} × {@code rows} grid over the window, and the steps that
   * stay within one grid cell. A periodic phase-plane trajectory goes round the same loop once
   * per spike: without this an SVG of 10^5 ms held every loop (gigabytes); with it the loop is
   * drawn once and the figure costs what its distinct pixels cost, however long the run.
   *
   * @return the remaining polylines, each of at least two points
   */
  static java.util.List<double[][]> distinctSegments(
      java.util.List<double[][]> pieces, Range x, Range y, int columns, int rows) {
    java.util.Set<Long> drawn = new java.util.HashSet<>();
    java.util.List<double[][]> out = new java.util.ArrayList<>();
    for (double[][] piece : pieces) {
      double[] px = piece[0];
      double[] py = piece[1];
      Polyline line = new Polyline(out);
      int last = -1;
      for (int i = 0; i < px.length; i++) {
        if (!(Double.isFinite(px[i]) && Double.isFinite(py[i]))) {
          line.end();
          last = -1;
          continue;
        }
        int cell = cell(px[i], x, columns) * rows + cell(py[i], y, rows);
        if (last < 0) {
          line.start(px[i], py[i]);
        } else if (cell != last) {
          long key = ((long) Math.min(cell, last) << 32) | Math.max(cell, last);
          if (drawn.add(key)) {
            line.add(px[i], py[i]);
          } else {
            line.end();
            line.start(px[i], py[i]);
          }
        } else if (i == px.length - 1) {
          // a piece's own end (a reset's landing point) is kept even within the last cell
          line.add(px[i], py[i]);
        }
        if (last < 0 || cell != last) {
          last = cell;
        }
      }
      line.end();
    }
    return out;
  }

  private static int cell(double value, Range range, int cells) {
    int c = (int) ((value - range.min()) / range.span() * cells);
    return Math.min(Math.max(c, 0), cells - 1);
  }

  /** Collects one polyline at a time into a list of {@code {x, y}} arrays. */
  private static final class Polyline {
    private final java.util.List<double[][]> into;
    private double[] xs = new double[16];
    private double[] ys = new double[16];
    private int count;

    Polyline(java.util.List<double[][]> into) {
      this.into = into;
    }

    void start(double x, double y) {
      count = 0;
      add(x, y);
    }

    void add(double x, double y) {
      if (count == xs.length) {
        xs = java.util.Arrays.copyOf(xs, 2 * count);
        ys = java.util.Arrays.copyOf(ys, 2 * count);
      }
      xs[count] = x;
      ys[count] = y;
      count++;
    }

    void end() {
      if (count >= 2) {
        into.add(new double[][] {java.util.Arrays.copyOf(xs, count), java.util.Arrays.copyOf(ys, count)});
      }
      count = 0;
    }
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
