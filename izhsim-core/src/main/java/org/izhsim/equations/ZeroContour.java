package org.izhsim.equations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curves where a function sampled on a grid is zero, by marching squares: each grid cell
 * whose corners change sign gets a segment between the linearly interpolated crossings of its
 * edges, and segments that share an edge are joined into polylines. A saddle cell (signs
 * alternating around it) is resolved by the mean of its corners, as is usual; a cell with a
 * non-finite corner is left out, so a curve breaks where the function is undefined.
 */
final class ZeroContour {
    private ZeroContour() {}

    /**
     * @param xs ascending x of the grid columns
     * @param ys ascending y of the grid rows
     * @param f  f[i][j] at (xs[i], ys[j])
     * @return polylines, each {x[], y[]}
     */
    static List<double[][]> of(double[] xs, double[] ys, double[][] f) {
        int nx = xs.length, ny = ys.length;
        Map<Long, double[]> points = new HashMap<>();
        Map<Long, List<long[]>> byEdge = new HashMap<>();
        List<long[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < nx; i++) {
            for (int j = 0; j + 1 < ny; j++) {
                double a = f[i][j], b = f[i + 1][j], c = f[i + 1][j + 1], d = f[i][j + 1];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) continue;
                long bottom = horizontal(i, j, ny), top = horizontal(i, j + 1, ny);
                long left = vertical(i, j, ny), right = vertical(i + 1, j, ny);
                List<Long> crossed = new ArrayList<>(4);
                if ((a >= 0) != (b >= 0)) crossed.add(edge(points, bottom, cross(xs[i], xs[i + 1], a, b, ys[j], true)));
                if ((b >= 0) != (c >= 0)) crossed.add(edge(points, right, cross(ys[j], ys[j + 1], b, c, xs[i + 1], false)));
                if ((c >= 0) != (d >= 0)) crossed.add(edge(points, top, cross(xs[i], xs[i + 1], d, c, ys[j + 1], true)));
                if ((d >= 0) != (a >= 0)) crossed.add(edge(points, left, cross(ys[j], ys[j + 1], a, d, xs[i], false)));
                if (crossed.isEmpty()) continue;
                if (crossed.size() == 2) {
                    segments.add(new long[] {crossed.get(0), crossed.get(1)});
                } else {
                    // a saddle: the centre's sign says which pair of opposite corners is joined
                    boolean centreLikeA = ((a + b + c + d) / 4 >= 0) == (a >= 0);
                    segments.add(centreLikeA ? new long[] {bottom, right} : new long[] {left, bottom});
                    segments.add(centreLikeA ? new long[] {left, top} : new long[] {right, top});
                }
            }
        }
        for (long[] s : segments) {
            byEdge.computeIfAbsent(s[0], e -> new ArrayList<>()).add(s);
            byEdge.computeIfAbsent(s[1], e -> new ArrayList<>()).add(s);
        }
        List<double[][]> lines = new ArrayList<>();
        java.util.Set<long[]> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // open curves first, from an end (an edge with one segment), then the closed ones
        for (int pass = 0; pass < 2; pass++) {
            for (long[] s : segments) {
                if (used.contains(s)) continue;
                long start = byEdge.get(s[0]).size() == 1 ? s[0] : s[1];
                if (pass == 0 && byEdge.get(start).size() != 1) continue;
                lines.add(walk(s, start, byEdge, points, used));
            }
        }
        return lines;
    }

    private static double[][] walk(long[] first, long start, Map<Long, List<long[]>> byEdge, Map<Long, double[]> points,
                                   java.util.Set<long[]> used) {
        List<double[]> line = new ArrayList<>();
        line.add(points.get(start));
        long at = start;
        long[] s = first;
        while (s != null && used.add(s)) {
            at = s[0] == at ? s[1] : s[0];
            line.add(points.get(at));
            long[] next = null;
            for (long[] t : byEdge.get(at)) if (!used.contains(t)) next = t;
            s = next;
        }
        double[][] out = new double[2][line.size()];
        for (int k = 0; k < line.size(); k++) {
            out[0][k] = line.get(k)[0];
            out[1][k] = line.get(k)[1];
        }
        return out;
    }

    /** Records the crossing on an edge (the same for both cells that share it) and returns the edge. */
    private static long edge(Map<Long, double[]> points, long id, double[] point) {
        points.putIfAbsent(id, point);
        return id;
    }

    private static long horizontal(int i, int j, int ny) {
        return 2L * ((long) i * ny + j);
    }

    private static long vertical(int i, int j, int ny) {
        return 2L * ((long) i * ny + j) + 1;
    }

    /** Where f crosses zero between p0 (value f0) and p1 (value f1) along x (or y), the other coordinate fixed. */
    private static double[] cross(double p0, double p1, double f0, double f1, double other, boolean alongX) {
        double s = f0 / (f0 - f1);
        double p = p0 + s * (p1 - p0);
        return alongX ? new double[] {p, other} : new double[] {other, p};
    }
}
