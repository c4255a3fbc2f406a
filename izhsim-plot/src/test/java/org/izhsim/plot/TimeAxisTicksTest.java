package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** #20 item 6: a time axis ends with its last tick, labelled, as XChart draws it. */
class TimeAxisTicksTest {
  @Test
  void theAxisEndIsALabelledTick() throws Exception {
    for (int width : new int[] {1000, 600}) {
      for (double duration : new double[] {150, 200, 520, 1000, 100, 37.5, 2000, 10000}) {
        Range time = new Range(0, duration).endingOnTick(width);
        assertTrue(time.max() >= duration && time.max() < duration * 1.25, duration + " -> " + time);
        // 120 px: a short panel (the current under v) keeps its plot
        int height = duration == 150 ? 120 : 300;
        XYChart chart = Style.chart(width, height, TraceFigures.TIME, "v (mV)", time, new Range(-80, 30));
        Style.line(chart, "v", new double[] {0, duration / 2, duration}, new double[] {-70, 30, -65}, Style.INK);
        chart.paint(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB).createGraphics(), width, height);
        assertTrue(chart.getScreenYFromChart(-80) - chart.getScreenYFromChart(30) > 40, "plot height at " + height + " px");
        List<String> labels = xTickLabels(chart);
        String where = width + " px, " + duration + " ms: " + labels;
        assertEquals(0, Double.parseDouble(labels.getFirst()), where);
        assertEquals(time.max(), Double.parseDouble(labels.getLast()), 1e-9, where);
        assertEquals(time.tickStep(width), Double.parseDouble(labels.get(1)), 1e-9, where);
      }
    }
  }

  @Test
  void stepsAreWholeOneTwoFiveNumbersThatPreferAnExactEnd() {
    assertEquals(10, new Range(0, 150).tickStep(1000));
    assertEquals(150, new Range(0, 150).endingOnTick(1000).max());
    assertEquals(20, new Range(0, 200).tickStep(1000));
    assertEquals(550, new Range(0, 520).endingOnTick(1000).max());
    assertEquals(100, new Range(0, 1000).tickStep(1000));
    assertEquals(160, new Range(0, 150).endingOnTick(600).max());
  }

  /** XChart keeps its ticks inside: the chart's axis pair, its x axis, that axis's tick calculator. */
  private static List<String> xTickLabels(XYChart chart) throws ReflectiveOperationException {
    Field pair = org.knowm.xchart.internal.chartpart.AxesChart.class.getDeclaredField("axisPair");
    pair.setAccessible(true);
    Object axisPair = pair.get(chart);
    Object xAxis = call(axisPair, "getXAxis");
    Object calc = call(xAxis, "getAxisTickCalculator");
    @SuppressWarnings("unchecked")
    List<String> labels = (List<String>) call(calc, "getTickLabels");
    return labels;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    java.lang.reflect.Method m = target.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(target);
  }
}
