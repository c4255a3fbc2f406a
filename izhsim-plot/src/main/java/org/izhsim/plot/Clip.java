package org.izhsim.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a polyline to a window. Nullclines reach far outside the view (the v-nullcline is a
 * parabola; a vertical u-nullcline may be given as two points at ±10^9); cutting them keeps
 * every line straight inside the window and keeps Java2D away from huge coordinates.
 */
final class Clip {

  private Clip() {}

  /**
   * The parts of the polyline {@code (x[i], y[i])} inside the window, each as {@code {x, y}}.
   * Non-finite points break the line.
   */
  static List<double[][]> polyline(double[] x, double[] y, Range xWindow, Range yWindow) {
    List<double[][]> pieces = new ArrayList<>();
    Piece current = new Piece();
    for (int i = 0; i + 1 < x.length; i++) {
      double[] segment = clipSegment(x[i], y[i], x[i + 1], y[i + 1], xWindow, yWindow);
      if (segment == null) {
        current.flushInto(pieces);
        current = new Piece();
        continue;
      }
      if (!current.endsAt(segment[0], segment[1])) {
        current.flushInto(pieces);
        current = new Piece();
        current.add(segment[0], segment[1]);
      }
      current.add(segment[2], segment[3]);
    }
    current.flushInto(pieces);
    return pieces;
  }

  /** Liang–Barsky: the part of a segment inside the window, or null. */
  private static double[] clipSegment(
      double x0, double y0, double x1, double y1, Range xWindow, Range yWindow) {
    if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
      return null;
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - xWindow.min(), xWindow.max() - x0, y0 - yWindow.min(), yWindow.max() - y0};
    double enter = 0;
    double leave = 1;
    int enterEdge = -1;
    int leaveEdge = -1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double r = q[k] / p[k];
        if (p[k] < 0 && r > enter) {
          enter = r;
          enterEdge = k;
        } else if (p[k] > 0 && r < leave) {
          leave = r;
          leaveEdge = k;
        }
      }
    }
    if (enter > leave) {
      return null;
    }
    double[] clipped = {x0 + enter * dx, y0 + enter * dy, x0 + leave * dx, y0 + leave * dy};
    // put cut ends exactly on the edge: with ends at ±1e9 the arithmetic is off by 1e-7
    snap(clipped, 0, enterEdge, xWindow, yWindow);
    snap(clipped, 2, leaveEdge, xWindow, yWindow);
    return clipped;
  }

  private static void snap(double[] point, int at, int edge, Range xWindow, Range yWindow) {
    switch (edge) {
      case 0 -> point[at] = xWindow.min();
      case 1 -> point[at] = xWindow.max();
      case 2 -> point[at + 1] = yWindow.min();
      case 3 -> point[at + 1] = yWindow.max();
      default -> {
        // not cut: the segment's own end
      }
    }
  }

  private static final class Piece {
    private final List<double[]> points = new ArrayList<>();

    void add(double x, double y) {
      points.add(new double[] {x, y});
    }

    boolean endsAt(double x, double y) {
      if (points.isEmpty()) {
        return false;
      }
      double[] last = points.getLast();
      return last[0] == x && last[1] == y;
    }

    void flushInto(List<double[][]> pieces) {
      if (points.size() < 2) {
        return;
      }
      double[] xs = new double[points.size()];
      double[] ys = new double[points.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = points.get(i)[0];
        ys[i] = points.get(i)[1];
      }
      pieces.add(new double[][] {xs, ys});
    }
  }
}
