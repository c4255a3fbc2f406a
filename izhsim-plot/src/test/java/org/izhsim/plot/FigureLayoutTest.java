package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the figures promise about their looks, checked on the laid-out panels. */
class FigureLayoutTest {

  @Test
  void panelsOnOneTimeAxisLineUpToThePixel() {
    SampleData.Trace rs = SampleData.regularSpiking();
    // a current whose tick labels are much wider than v's, to tempt the axes apart
    double[] current = rs.current().clone();
    for (int i = 0; i < current.length; i++) {
      current[i] = current[i] * 1234.5;
    }
    var figure = (TraceFigures.StackFigure) Figures.voltageTrace("t", rs.t(), rs.v(), current);
    FigureWriter.toImage(figure);
    List<PanelStack.PlotArea> areas = figure.stack().plotAreas();
    assertEquals(2, areas.size());
    assertEquals(areas.get(0).left(), areas.get(1).left(), 0.5);
    assertEquals(areas.get(0).right(), areas.get(1).right(), 0.5);
    assertTrue(areas.get(0).height() > 2 * areas.get(1).height(), "v panel is the large one");
  }

  /** XChart crams y labels 25 px apart on plots under 160 px; our panels stay above that. */
  @Test
  void everyPanelIsTallEnoughForReadableYLabels() {
    List<TraceFigures.StackFigure> stacks = new ArrayList<>();
    for (Figure figure : SampleFigures.all().values()) {
      if (figure instanceof TraceFigures.StackFigure stack) {
        stacks.add(stack);
      }
    }
    SampleData.NetworkRun run = SampleData.network(80, 20, 200, 1.0, 3);
    var raster = (RasterFigure) Figures.networkRaster("r", run.raster(), run.voltage());
    for (TraceFigures.StackFigure stack : stacks) {
      FigureWriter.toImage(stack);
      for (PanelStack.PlotArea area : stack.stack().plotAreas()) {
        assertTrue(area.height() >= PanelStack.XCHART_SMALL_AXIS, "plot " + area.height() + " px");
      }
    }
    PanelStack rasterStack = raster.stack(ImageFormat.PNG);
    rasterStack.paint(
        new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics(), 0, 0, 976,
        raster.height() - Style.TITLE_BAND - 12);
    for (PanelStack.PlotArea area : rasterStack.plotAreas()) {
      assertTrue(area.height() >= PanelStack.XCHART_SMALL_AXIS, "plot " + area.height() + " px");
    }
  }

  @Test
  void textIsAtLeast12PxOnA1000PxFigure() {
    for (Font font :
        new Font[] {
          Style.TITLE, Style.AXIS_TITLE, Style.TICK_LABEL, Style.LABEL, Style.LABEL_BOLD, Style.SMALL
        }) {
      assertTrue(font.getSize2D() >= 12, font.toString());
    }
    assertEquals(1000, Figures.recoveryTrace("u", new double[] {0, 1}, new double[] {0, 1}).width());
  }

  @Test
  void phasePlaneViewFollowsTheTrajectoryNotTheParabola() {
    double[] v = {-70, -60, -50, 30, -65, -55};
    double[] u = {-14, -13, -12, -11, -3, -4};
    var figure =
        (TraceFigures.StackFigure)
            Figures.phasePlane(
                "p", new Series("trajectory", v, u), SampleData.vNullcline(10),
                new Series("u-nullcline", new double[] {-60, -60}, new double[] {-1e9, 1e9}));
    FigureWriter.toImage(figure);
    PanelStack.PlotArea area = figure.stack().plotAreas().getFirst();
    assertEquals(new Range(-90, 40), area.x());
    assertEquals(new Range(-14 - 1.1, -3 + 1.1), rounded(area.y()));

    double[] farLeft = {-120, -100, 0};
    var wide =
        (TraceFigures.StackFigure)
            Figures.phasePlane(
                "p", new Series("trajectory", farLeft, new double[] {1, 2, 3}),
                SampleData.vNullcline(0), SampleData.uNullcline(0.2));
    FigureWriter.toImage(wide);
    assertEquals(-120, wide.stack().plotAreas().getFirst().x().min());
  }

  @Test
  void resetsAreCutOutOfTheTrajectory() {
    double[] v = {-70, -40, 30, -65, -60, 30, -65};
    double[] u = {-14, -13, -12, -4, -4.5, -5, 3};
    PlaneFigures.Trajectory split = PlaneFigures.Trajectory.split(v, u);
    assertEquals(3, split.flows().size());
    assertEquals(2, split.resets().size());
    assertEquals(30, split.resets().getFirst()[0][0]);
    assertEquals(-65, split.resets().getFirst()[0][1]);
    assertEquals(-4, split.resets().getFirst()[1][1]);
  }

  @Test
  void nullclinesAreClippedStraight() {
    Range window = new Range(-90, 40);
    Range uWindow = new Range(-20, 10);
    List<double[][]> vertical =
        Clip.polyline(new double[] {-60, -60}, new double[] {-1e9, 1e9}, window, uWindow);
    assertEquals(1, vertical.size());
    assertEquals(-60, vertical.getFirst()[0][0]);
    assertEquals(-60, vertical.getFirst()[0][1]);
    assertEquals(-20, vertical.getFirst()[1][0]);
    assertEquals(10, vertical.getFirst()[1][1]);

    // the parabola enters through the top edge and leaves through it again
    Series parabola = SampleData.vNullcline(10);
    List<double[][]> pieces = Clip.polyline(parabola.x(), parabola.y(), window, uWindow);
    assertEquals(1, pieces.size(), "dips in once, between its two branches");
    double[] ys = pieces.getFirst()[1];
    assertEquals(10, ys[0], 1e-6);
    assertEquals(10, ys[ys.length - 1], 1e-6);

    assertTrue(
        Clip.polyline(new double[] {0, 1}, new double[] {100, 200}, window, uWindow).isEmpty());
  }

  @Test
  void thinningKeepsEverySpikePeak() {
    int n = 1_000_000;
    double[] t = new double[n];
    double[] v = new double[n];
    int spikes = 0;
    for (int i = 0; i < n; i++) {
      t[i] = i * 0.01;
      v[i] = -70 + 10 * Math.sin(i * 1e-3);
      if (i % 5003 == 0) {
        v[i] = 30;
        spikes++;
      }
    }
    double[][] thin = Thin.minMax(t, v, 1000);
    assertTrue(thin[0].length <= 4 * 1000, "kept " + thin[0].length);
    int peaks = 0;
    for (double value : thin[1]) {
      if (value == 30) {
        peaks++;
      }
    }
    assertEquals(spikes, peaks);
    for (int i = 1; i < thin[0].length; i++) {
      assertTrue(thin[0][i] > thin[0][i - 1], "time order kept");
    }
    double[] shortT = {0, 1, 2};
    assertEquals(shortT, Thin.minMax(shortT, new double[] {1, 2, 3}, 1000)[0]);
  }

  @Test
  void bigRasterSvgIsThinnedAndSaysSoWhilePngShowsAll() {
    SpikeRaster raster = SampleData.randomRaster(800, 200, 1000, 450_000, 5);
    var figure = (RasterFigure) Figures.networkRaster("net", raster, null);
    assertEquals(1, figure.stride(ImageFormat.PNG));
    assertEquals(3, figure.stride(ImageFormat.SVG));
    assertEquals("net", figure.titleFor(ImageFormat.PNG));
    assertEquals("net (every 3rd spike shown)", figure.titleFor(ImageFormat.SVG));
    assertEquals(
        List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"),
        List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101).stream().map(RasterFigure::ordinal).toList());
  }

  /** Regression: the dots as one big filled path took 30 s for 10^6 spikes. */
  @Test
  void aMillionSpikesRenderInSeconds(@TempDir Path dir) {
    Figure big = SampleFigures.bigRaster(1_000_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> FigureWriter.write(big, dir, "big", EnumSet.allOf(ImageFormat.class)));
    assertTrue(Files.exists(dir.resolve("big.svg")));
  }

  @Test
  void populationRateIsInHertz() {
    // 100 neurons, each firing every 10 ms: 100 Hz
    int n = 100;
    List<Double> times = new ArrayList<>();
    List<Integer> who = new ArrayList<>();
    for (int neuron = 0; neuron < n; neuron++) {
      for (double t = neuron * 0.1; t < 500; t += 10) {
        times.add(t);
        who.add(neuron);
      }
    }
    SpikeRaster raster =
        new SpikeRaster(
            times.stream().mapToDouble(Double::doubleValue).toArray(),
            who.stream().mapToInt(Integer::intValue).toArray(), n, 80, 500);
    double[][] rate = RasterFigure.populationRate(raster);
    assertEquals(500, rate[0].length);
    assertEquals(0.5, rate[0][0]);
    for (int b = 20; b < 480; b++) {
      assertEquals(100, rate[1][b], 1.0, "bin " + b);
    }
    assertEquals(100, rate[1][0], 5.0, "no sag at the start");
  }

  @Test
  void galleryIsFourColumnsWithRoundScaleBars() {
    Figure gallery = Figures.featureGallery("g", SampleData.gallery());
    assertEquals(1000, gallery.width());
    assertEquals(Style.TITLE_BAND + 5 * 205 + 16, gallery.height());
    assertEquals(20, GalleryFigure.niceLength(20));
    assertEquals(50, GalleryFigure.niceLength(40));
    assertEquals(10, GalleryFigure.niceLength(10));
    assertEquals(100, GalleryFigure.niceLength(80));
    assertEquals(5, GalleryFigure.niceLength(5.5));
  }

  @Test
  void oddDataStillDraws(@TempDir Path dir) throws IOException {
    double[] empty = {};
    double[] flat = {-65, -65, -65};
    double[] gaps = {-70, Double.NaN, -60};
    double[] t3 = {0, 1, 2};
    List<Figure> figures =
        List.of(
            Figures.voltageTrace("empty", empty, empty, empty),
            Figures.voltageTrace("flat", t3, flat, new double[3]),
            Figures.voltageTrace("gaps", t3, gaps, gaps),
            Figures.recoveryTrace("one", new double[] {5}, new double[] {-13}),
            Figures.phasePlane(
                "empty", new Series("trajectory", empty, empty), new Series("v", empty, empty),
                new Series("u", empty, empty)),
            Figures.fiCurve("zeros", new double[] {0, 1}, new double[] {0, 0}),
            Figures.stackedTraces("one", List.of(new Series("I = 0", t3, flat))),
            Figures.featureGallery(
                "one", List.of(new GalleryPanel("A", "flat", t3, flat, new double[3]))),
            Figures.networkRaster(
                "silent", new SpikeRaster(empty, new int[0], 10, 10, 100), null));
    int k = 0;
    for (Figure figure : figures) {
      FigureWriter.write(figure, dir, "odd" + k++, EnumSet.allOf(ImageFormat.class));
    }
    assertEquals(2 * figures.size(), FigureWriterTest.fileNames(dir).size());
  }

  @Test
  void badDataIsRefusedWithTheCulpritNamed() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> new Series("I = 10", new double[2], new double[3]));
    assertTrue(e.getMessage().contains("I = 10"), e.getMessage());
    var raster =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> new SpikeRaster(new double[] {1}, new int[] {7}, 5, 4, 10));
    assertTrue(raster.getMessage().contains("neuron 7"), raster.getMessage());
    var trace =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Figures.voltageTrace("x", new double[3], new double[3], new double[2]));
    assertTrue(trace.getMessage().contains("current"), trace.getMessage());
    assertFalse(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new GalleryPanel("B", "phasic", new double[2], new double[2], new double[1]))
            .getMessage()
            .isEmpty());
  }

  private static Range rounded(Range range) {
    return new Range(Math.round(range.min() * 1e9) / 1e9, Math.round(range.max() * 1e9) / 1e9);
  }
}
