package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Values a figure cannot draw (issue #19, defects 1, 2, 3, 13). XChart computes axis ticks with
 * BigDecimal: an axis reaching 1e200 took minutes and gigabytes, 1e308 or an infinity failed
 * with "Infinite or NaN". A long periodic trajectory drew every loop into the SVG. The timeout
 * only stops a hang from stalling the build; no speed is measured.
 */
class UndrawableValuesTest {

  private static final Duration HANG = Duration.ofSeconds(60);

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {1e200, -1e200, 1e308, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.NaN, 1e-300})
  void tracesWithExtremeValuesDrawAsPngAndSvg(double extreme) {
    int n = 200;
    double[] t = new double[n];
    double[] v = new double[n];
    double[] current = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      v[i] = i % 2 == 0 ? -65 : extreme;
      current[i] = extreme;
    }
    assertTimeoutPreemptively(HANG, () -> {
      for (ImageFormat format : ImageFormat.values()) {
        render(Figures.voltageTrace("extreme", t, v, current), format);
        render(Figures.recoveryTrace("extreme", t, v), format);
        render(Figures.phasePlane("extreme", new Series("trajectory", v, current),
            new Series("v-nullcline", new double[] {-80, 30}, new double[] {extreme, extreme}),
            new Series("u-nullcline", new double[] {-80, 30}, new double[] {-16, 6})), format);
        render(Figures.fiCurve("extreme", new double[] {0, 1, 2}, new double[] {0, extreme, 3}), format);
      }
    });
  }

  @Test
  void anAxisAtTheDrawableLimitStillGetsTicks() {
    // the limit sits far above any physical value here but within what XChart's ticks manage
    double[] t = {0, 1, 2};
    double[] v = {Range.DRAWABLE, Range.DRAWABLE * 0.999999, -Range.DRAWABLE};
    assertDoesNotThrow(() -> render(Figures.voltageTrace("limit", t, v, v), ImageFormat.SVG));
  }

  @Test
  void aLongPeriodicPhasePlaneCostsNoMoreThanOneLoop() throws IOException {
    // an SVG holds every point it is given: 2000 loops of one cycle must draw as one loop
    int few = svgBytes(loops(5));
    int many = svgBytes(loops(2000));
    assertTrue(many < few * 1.3, "2000 loops: " + many + " bytes, 5 loops: " + few);
  }

  @Test
  void aLongTraceCostsNoMoreThanItsPixelColumns() throws IOException {
    // the same signal sampled 10 times more finely: min/max per pixel column keeps the figure's size
    int few = traceSvgBytes(200_000);
    int many = traceSvgBytes(2_000_000);
    assertTrue(many < few * 1.2, "2e6 samples: " + many + " bytes, 2e5: " + few);
  }

  private static int traceSvgBytes(int n) throws IOException {
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 100_000.0 / n;
      v[i] = t[i] % 50 < 0.5 ? 30 : -65 + 10 * Math.sin(t[i] / 10);
    }
    return render(Figures.voltageTrace("long", t, v, v), ImageFormat.SVG);
  }

  /** A spiking-like cycle: v rises from -65 to 30 along a curve in u, then resets. */
  private static double[][] loops(int count) {
    int perLoop = 5000;
    double[] v = new double[count * perLoop];
    double[] u = new double[v.length];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < perLoop; i++) {
        double s = i / (double) perLoop;
        v[k * perLoop + i] = -65 + 95 * s * s;
        u[k * perLoop + i] = -14 + 8 * Math.sin(Math.PI * s);
      }
    }
    return new double[][] {v, u};
  }

  private static int svgBytes(double[][] trajectory) throws IOException {
    double[] nullV = {-80, 30};
    return render(Figures.phasePlane("loops", new Series("trajectory", trajectory[0], trajectory[1]),
        new Series("v-nullcline", nullV, new double[] {-20, 10}),
        new Series("u-nullcline", nullV, new double[] {-16, 6})), ImageFormat.SVG);
  }

  private static int render(Figure figure, ImageFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FigureWriter.render(figure, format, out);
    assertTrue(out.size() > 0);
    return out.size();
  }
}
