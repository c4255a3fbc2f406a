package org.izhsim.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.izhsim.plot.Figure;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.spnet.DaStdp;
import org.izhsim.spnet.SpnetNetwork;

/**
 * What the DA-STDP reward experiment (Izhikevich 2007, Fig. 1; {@link SpnetNetwork#daStdp})
 * is judged by, second by second: the chosen synapse's weight and trace against the other
 * excitatory weights (mean, percentiles, maximum), how many others are at the maximum and how
 * many are at least as strong as the chosen one. {@code izhsim dastdp} and the example
 * {@code dastdp-network} both record with it, so their files and figures agree.
 */
public final class DaStdpTally {
    /** The percentiles reported of the other excitatory weights. */
    public static final int[] PERCENTILES = {1, 5, 25, 50, 75, 95, 99};
    /**
     * A weight counts as at the maximum from this fraction of sm on (3.99 of 4): the clip puts
     * a weight exactly at sm, but the next update's negative trace moves it just below.
     */
    public static final double AT_MAX = 0.9975;

    private final SpnetNetwork net;
    private final DaStdp da;
    private final float sm;
    private final float[] w, others;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<double[]> lines = new ArrayList<>(); // t, chosen, mean, max, percentiles...
    private long firstChosenAtMax = -1, firstOtherAtMax = -1;

    public DaStdpTally(SpnetNetwork net) {
        this.net = net;
        this.da = net.dopamine();
        if (da == null) throw new IllegalArgumentException("not a DA-STDP network");
        this.sm = net.config().sm();
        int nexc = (int) net.config().plastic();
        w = new float[nexc];
        others = new float[nexc - 1];
    }

    /** Records the second {@code s} just run and returns its row (what dastdp.json holds per second). */
    public Map<String, Object> add(SpnetNetwork.Second s) {
        int q = da.chosen(), nexc = w.length;
        net.excitatoryWeights(w);
        System.arraycopy(w, 0, others, 0, q);
        System.arraycopy(w, q + 1, others, q, nexc - 1 - q);
        Arrays.sort(others);
        double sum = 0;
        for (float o : others) sum += o;
        float chosen = w[q];
        int atMax = others.length - lowerBound(others, (float) (AT_MAX * sm));
        int stronger = others.length - lowerBound(others, chosen);
        if (chosen >= AT_MAX * sm && firstChosenAtMax < 0) firstChosenAtMax = s.tS();
        if (atMax > 0 && firstOtherAtMax < 0) firstOtherAtMax = s.tS();
        double[] line = new double[4 + PERCENTILES.length];
        line[0] = s.tS();
        line[1] = chosen;
        line[2] = sum / others.length;
        line[3] = others[others.length - 1];
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t_s", s.tS());
        r.put("chosen_w", (double) chosen);
        r.put("chosen_c", (double) net.trace(q));
        r.put("others_mean_w", line[2]);
        for (int p = 0; p < PERCENTILES.length; p++) {
            line[4 + p] = others[(int) Math.min(others.length - 1, Math.round(PERCENTILES[p] / 100.0 * (others.length - 1)))];
            r.put("others_p" + PERCENTILES[p], line[4 + p]);
        }
        r.put("others_max_w", line[3]);
        r.put("others_at_max", atMax);
        r.put("others_at_least_chosen", stronger);
        r.put("rate_hz", s.rateHz());
        r.put("rewards", da.rewards());
        rows.add(r);
        lines.add(line);
        return r;
    }

    /** The first index of {@code sorted} whose value is at least {@code x}. */
    private static int lowerBound(float[] sorted, float x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * The run's outcome: the chosen synapse and the others at the last second, and the first
     * second (1 = the first; −1: never) at which the chosen one and at which any other reached
     * the maximum.
     */
    public Map<String, Object> outcome() {
        Map<String, Object> r = rows.get(rows.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("final_chosen_w", r.get("chosen_w"));
        out.put("final_others_mean_w", r.get("others_mean_w"));
        out.put("final_others_p99_w", r.get("others_p99"));
        out.put("final_others_max_w", r.get("others_max_w"));
        out.put("final_others_at_max", r.get("others_at_max"));
        out.put("final_others_at_least_chosen", r.get("others_at_least_chosen"));
        out.put("first_chosen_at_max_s", firstChosenAtMax);
        out.put("first_other_at_max_s", firstOtherAtMax);
        return out;
    }

    /** The chosen weight against the others' mean, percentiles and maximum, per second. */
    public Figure figure() {
        int n = lines.size();
        double[][] col = new double[4 + PERCENTILES.length][n];
        for (int k = 0; k < n; k++) for (int c = 0; c < col.length; c++) col[c][k] = lines.get(k)[c];
        List<Series> s = new ArrayList<>();
        s.add(new Series("chosen synapse", col[0], col[1]));
        s.add(new Series("others: mean", col[0], col[2]));
        for (int p = 0; p < PERCENTILES.length; p++) s.add(new Series("others: " + PERCENTILES[p] + "th percentile", col[0], col[4 + p]));
        s.add(new Series("others: maximum", col[0], col[3]));
        return Figures.lines(String.format(Locale.ROOT, "DA-STDP, seed %d: the rewarded synapse (blue) and the others", net.config().seed()),
                "model time (s)", "weight (others: mean, percentiles 1-99, maximum)", s);
    }
}
