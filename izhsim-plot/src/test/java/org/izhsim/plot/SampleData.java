package org.izhsim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic data that looks like izhsim's output, made with a plain forward-Euler Izhikevich
 * loop (u updated from the new v, as in the 2004 figure1.m): spikes are recorded as +30.
 */
final class SampleData {

  private SampleData() {}

  /** One simulated neuron: times [ms], v [mV], u, I. */
  record Trace(double[] t, double[] v, double[] u, double[] current) {}

  /** Right-hand side of dv/dt without the input: the 2004 figure uses a variant for G and L. */
  interface VoltageDrive {
    double dv(double v, double u);
  }

  static final VoltageDrive STANDARD = (v, u) -> 0.04 * v * v + 5 * v + 140 - u;
  static final VoltageDrive CLASS1 = (v, u) -> 0.04 * v * v + 4.1 * v + 108 - u;

  static Trace simulate(
      double a, double b, double c, double d, double v0, double u0, double dt, double duration,
      DoubleUnaryOperator current) {
    return simulate(a, b, c, d, v0, u0, dt, duration, current, STANDARD, false);
  }

  static Trace simulate(
      double a, double b, double c, double d, double v0, double u0, double dt, double duration,
      DoubleUnaryOperator current, VoltageDrive drive, boolean accommodation) {
    int steps = (int) Math.round(duration / dt) + 1;
    double[] t = new double[steps];
    double[] vs = new double[steps];
    double[] us = new double[steps];
    double[] is = new double[steps];
    double v = v0;
    double u = u0;
    for (int k = 0; k < steps; k++) {
      double time = k * dt;
      double input = current.applyAsDouble(time);
      t[k] = time;
      is[k] = input;
      us[k] = u;
      v = v + dt * (drive.dv(v, u) + input);
      u = u + dt * a * (accommodation ? b * (v + 65) : b * v - u);
      if (v > 30) {
        vs[k] = 30;
        v = c;
        u = u + d;
      } else {
        vs[k] = v;
      }
    }
    return new Trace(t, vs, us, is);
  }

  static DoubleUnaryOperator step(double from, double level) {
    return time -> time > from ? level : 0;
  }

  /** Regular spiking (RS) neuron, I = 10 after 10 ms, dt 0.25 ms, 200 ms. */
  static Trace regularSpiking() {
    return simulate(0.02, 0.2, -65, 8, -65, -13, 0.25, 200, step(10, 10));
  }

  /** The 20 panels of Izhikevich 2004 Fig. 1, parameters after his figure1.m (roughly). */
  static List<GalleryPanel> gallery() {
    List<GalleryPanel> panels = new ArrayList<>();
    add(panels, "A", "tonic spiking",
        simulate(0.02, 0.2, -65, 6, -70, -14, 0.25, 100, step(10, 14)));
    add(panels, "B", "phasic spiking",
        simulate(0.02, 0.25, -65, 6, -64, -16, 0.25, 200, step(20, 0.5)));
    add(panels, "C", "tonic bursting",
        simulate(0.02, 0.2, -50, 2, -70, -14, 0.25, 220, step(22, 15)));
    add(panels, "D", "phasic bursting",
        simulate(0.02, 0.25, -55, 0.05, -64, -16, 0.2, 200, step(20, 0.6)));
    add(panels, "E", "mixed mode",
        simulate(0.02, 0.2, -55, 4, -70, -14, 0.25, 160, step(16, 10)));
    add(panels, "F", "spike frequency adaptation",
        simulate(0.01, 0.2, -65, 8, -70, -14, 0.25, 85, step(8.5, 30)));
    add(panels, "G", "Class 1 excitable",
        simulate(0.02, -0.1, -55, 6, -60, 6, 0.25, 300,
            time -> time > 30 ? 0.075 * (time - 30) : 0, CLASS1, false));
    add(panels, "H", "Class 2 excitable",
        simulate(0.2, 0.26, -65, 0, -64, -16.64, 0.25, 300,
            time -> time > 30 ? -0.5 + 0.015 * (time - 30) : -0.5));
    add(panels, "I", "spike latency",
        simulate(0.02, 0.2, -65, 6, -70, -14, 0.2, 100,
            time -> time > 10 && time < 13 ? 7.04 : 0));
    add(panels, "J", "subthreshold oscillations",
        simulate(0.05, 0.26, -60, 0, -62, -16.12, 0.25, 200,
            time -> time > 20 && time < 25 ? 2 : 0));
    add(panels, "K", "resonator",
        simulate(0.1, 0.26, -60, -1, -62, -16.12, 0.25, 400,
            time -> pulse(time, 40, 4) || pulse(time, 60, 4) || pulse(time, 280, 4)
                || pulse(time, 320, 4) ? 0.65 : 0));
    add(panels, "L", "integrator",
        simulate(0.02, -0.1, -55, 6, -60, 6, 0.25, 100,
            time -> pulse(time, 9.09, 2) || pulse(time, 14.09, 2) || pulse(time, 70, 2)
                || pulse(time, 80, 2) ? 9 : 0, CLASS1, false));
    add(panels, "M", "rebound spike",
        simulate(0.03, 0.25, -60, 4, -64, -16, 0.2, 200,
            time -> time > 20 && time < 25 ? -15 : 0));
    add(panels, "N", "rebound burst",
        simulate(0.03, 0.25, -52, 0, -64, -16, 0.2, 200,
            time -> time > 20 && time < 25 ? -15 : 0));
    add(panels, "O", "threshold variability",
        simulate(0.03, 0.25, -60, 4, -64, -16, 0.25, 100,
            time -> pulse(time, 10, 5) || pulse(time, 80, 5) ? 1 : pulse(time, 70, 5) ? -6 : 0));
    add(panels, "P", "bistability",
        simulate(0.1, 0.26, -60, 0, -61, -15.86, 0.25, 300,
            time -> pulse(time, 37.5, 5) || pulse(time, 216, 5) ? 1.24 : 0.24));
    add(panels, "Q", "depolarizing after-potential",
        simulate(1, 0.2, -60, -21, -70, -14, 0.1, 50,
            time -> Math.abs(time - 10) < 1 ? 20 : 0));
    add(panels, "R", "accommodation",
        simulate(0.02, 1, -55, 4, -65, -16, 0.5, 400,
            time -> time < 200 ? time / 25 : time < 300 ? 0 : time < 312.5 ? (time - 300) / 12.5 * 4 : 0,
            STANDARD, true));
    add(panels, "S", "inhibition-induced spiking",
        simulate(-0.02, -1, -60, 8, -63.8, 63.8, 0.5, 350,
            time -> time < 50 || time > 250 ? 80 : 75));
    add(panels, "T", "inhibition-induced bursting",
        simulate(-0.026, -1, -45, -2, -63.8, 63.8, 0.5, 350,
            time -> time < 50 || time > 250 ? 80 : 75));
    return panels;
  }

  private static boolean pulse(double time, double start, double length) {
    return time > start && time < start + length;
  }

  private static void add(List<GalleryPanel> panels, String id, String name, Trace trace) {
    panels.add(new GalleryPanel(id, name, trace.t(), trace.v(), trace.current()));
  }

  /** The v-nullcline u = 0.04v² + 5v + 140 + I over v in [-100, 50] mV. */
  static Series vNullcline(double current) {
    int n = 301;
    double[] v = new double[n];
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = -100 + 0.5 * i;
      u[i] = 0.04 * v[i] * v[i] + 5 * v[i] + 140 + current;
    }
    return new Series("v-nullcline", v, u);
  }

  /** The u-nullcline u = b v, a straight line given by its two ends. */
  static Series uNullcline(double b) {
    return new Series("u-nullcline", new double[] {-100, 50}, new double[] {-100 * b, 50 * b});
  }

  /** Mean firing rate [Hz] of an RS neuron over 1 s at each current. */
  static double[] rates(double[] currents) {
    double[] rates = new double[currents.length];
    for (int i = 0; i < currents.length; i++) {
      Trace trace = simulate(0.02, 0.2, -65, 8, -65, -13, 0.25, 1000, step(0, currents[i]));
      int spikes = 0;
      for (double v : trace.v()) {
        if (v == 30) {
          spikes++;
        }
      }
      rates[i] = spikes;
    }
    return rates;
  }

  /**
   * A random network like net.m (Izhikevich 2003): Ne excitatory RS-like and Ni inhibitory FS-like
   * neurons with thalamic noise; returns the spikes and the v trace of neuron 0. With
   * {@code neurons = 1000} and 1000 ms it makes about 10^4 spikes; {@code rateBoost} scales the
   * noise to push spike counts towards 10^5–10^6 for load tests.
   */
  static NetworkRun network(int ne, int ni, double duration, double noiseScale, long seed) {
    Random random = new Random(seed);
    int n = ne + ni;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    double[] d = new double[n];
    float[][] weights = new float[n][n];
    for (int i = 0; i < n; i++) {
      double r = random.nextDouble();
      if (i < ne) {
        a[i] = 0.02;
        b[i] = 0.2;
        c[i] = -65 + 15 * r * r;
        d[i] = 8 - 6 * r * r;
      } else {
        a[i] = 0.02 + 0.08 * r;
        b[i] = 0.25 - 0.05 * r;
        c[i] = -65;
        d[i] = 2;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        weights[i][j] = (float) (j < ne ? 0.5 * random.nextDouble() : -random.nextDouble());
      }
    }
    double[] v = new double[n];
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = -65;
      u[i] = b[i] * v[i];
    }
    int steps = (int) duration;
    double[] traceT = new double[steps];
    double[] traceV = new double[steps];
    double[] times = new double[1 << 16];
    int[] who = new int[1 << 16];
    int count = 0;
    boolean[] fired = new boolean[n];
    double[] input = new double[n];
    for (int step = 0; step < steps; step++) {
      for (int i = 0; i < n; i++) {
        input[i] = noiseScale * (i < ne ? 5 : 2) * random.nextGaussian();
        fired[i] = v[i] >= 30;
      }
      for (int j = 0; j < n; j++) {
        if (fired[j]) {
          if (count == times.length) {
            times = java.util.Arrays.copyOf(times, count * 2);
            who = java.util.Arrays.copyOf(who, count * 2);
          }
          times[count] = step;
          who[count] = j;
          count++;
          v[j] = c[j];
          u[j] += d[j];
        }
      }
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          if (fired[j]) {
            sum += weights[i][j];
          }
        }
        input[i] += sum;
      }
      traceT[step] = step;
      traceV[step] = fired[0] ? 30 : v[0];
      for (int i = 0; i < n; i++) {
        // net.m: two half steps for v for numerical stability
        v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
        v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
        u[i] += a[i] * (b[i] * v[i] - u[i]);
        if (v[i] > 30) {
          v[i] = 30;
        }
      }
    }
    SpikeRaster raster = new SpikeRaster(
        java.util.Arrays.copyOf(times, count), java.util.Arrays.copyOf(who, count), n, ne, duration);
    return new NetworkRun(raster, new Series("neuron 0", traceT, traceV));
  }

  record NetworkRun(SpikeRaster raster, Series voltage) {}

  /**
   * A raster with about {@code spikes} spikes for load tests: Poisson-like random spikes, faster
   * for inhibitory neurons, with slow population waves so the rate panel has something to show.
   */
  static SpikeRaster randomRaster(int ne, int ni, double duration, int spikes, long seed) {
    Random random = new Random(seed);
    int n = ne + ni;
    double[] times = new double[spikes];
    int[] who = new int[spikes];
    for (int k = 0; k < spikes; k++) {
      double time;
      do {
        time = random.nextDouble() * duration;
      } while (random.nextDouble() > 0.5 + 0.5 * Math.sin(2 * Math.PI * time / 100));
      times[k] = time;
      who[k] = random.nextDouble() < 0.6 ? random.nextInt(ne) : ne + random.nextInt(ni);
    }
    return new SpikeRaster(times, who, n, ne, duration);
  }
}
