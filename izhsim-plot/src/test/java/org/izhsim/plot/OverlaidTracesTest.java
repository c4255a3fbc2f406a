package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several traces in one panel, as matplotlib's plt.plot of a 2-D array. */
class OverlaidTracesTest {

  @Test
  void drawsEveryTraceInItsOwnColourOnOneAxis() {
    double[] t = {0, 1, 2, 3};
    List<Series> traces = List.of(
        new Series("a", t, new double[] {0, 1, 0, 1}), new Series("a", t, new double[] {5, 4, 5, 4}));
    Figure f = Figures.overlaidTraces("two", "v (mV)", traces);
    assertEquals(1000, f.width());
    assertEquals(500, f.height());
    BufferedImage img = FigureWriter.toImage(f);
    boolean blue = false, orange = false;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        blue |= rgb == 0x1f77b4;
        orange |= rgb == 0xff7f0e;
      }
    }
    assertTrue(blue && orange, "both traces drawn, in the first two colours of the cycle");
    assertTrue(((TraceFigures.StackFigure) f).stack().plotAreas().size() == 1);
  }

  @Test
  void refusesNoTraces() {
    assertThrows(IllegalArgumentException.class, () -> Figures.overlaidTraces("none", "u", List.of()));
  }
}
