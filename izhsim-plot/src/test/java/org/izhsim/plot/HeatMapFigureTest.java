package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The heat map of spnet's weight histogram over time: the largest cell darkest, empty cells white. */
class HeatMapFigureTest {

  @Test
  void theLargestCellIsDarkestAndEmptyCellsWhite() {
    // two columns of three rows: column 0 has all its mass in row 0, column 1 in row 2
    double[][] cells = {{1, 0, 0}, {0, 0.5, 0.5}};
    Figure f = Figures.heatMap("h", cells, new double[] {1, 2}, new double[] {0, 1, 2, 3}, "second", "w");
    assertEquals(1000, f.width());
    BufferedImage img = FigureWriter.toImage(f);
    // centres of the cells: plot area from x 90 to 960, y from title band + 10 to height - 70
    int top = Style.TITLE_BAND + 10, h = f.height() - top - 70, w = 1000 - 90 - 40;
    int c0 = 90 + w / 4, c1 = 90 + 3 * w / 4;
    int row0 = top + h - h / 6, row1 = top + h / 2, row2 = top + h / 6;
    int darkest = img.getRGB(c0, row0) & 0xFFFFFF;
    assertEquals(0x08306b, darkest);
    assertEquals(0xFFFFFF, img.getRGB(c0, row2) & 0xFFFFFF);
    int half = img.getRGB(c1, row1) & 0xFFFFFF;
    assertTrue(half != 0xFFFFFF && half != darkest && img.getRGB(c1, row2) == img.getRGB(c1, row1), Integer.toHexString(half));
  }

  @Test
  void refusesCellsThatDoNotMatchTheirLabels() {
    assertThrows(IllegalArgumentException.class,
        () -> Figures.heatMap("h", new double[][] {{1, 2}}, new double[] {1, 2}, new double[] {0, 1, 2}, "x", "y"));
    assertThrows(IllegalArgumentException.class,
        () -> Figures.heatMap("h", new double[][] {{1, 2}}, new double[] {1}, new double[] {0, 1}, "x", "y"));
  }

  @Test
  void linesHaveTheOverlaidSizeAndRefuseNoSeries() {
    Figure f = Figures.lines("r", "model time (s)", "rate (Hz)",
        java.util.List.of(new Series("all", new double[] {1, 2, 3}, new double[] {4, 2, 3})));
    assertEquals(500, f.height());
    assertThrows(IllegalArgumentException.class, () -> Figures.lines("r", "s", "Hz", java.util.List.of()));
  }
}
