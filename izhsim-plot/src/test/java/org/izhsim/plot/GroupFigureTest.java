package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GroupFigureTest {

  /** Spikes are drawn at their time and neuron: the anchor at (0 ms, neuron 10) is excitatory blue. */
  @Test
  void drawsEachSpikeWhereItBelongs() {
    Figure f = Figures.polychronousGroup("group", SampleFigures.sampleGroup(), 1000, 800);
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    f.paint(g, ImageFormat.PNG);
    g.dispose();
    TraceFigures.StackFigure sf = (TraceFigures.StackFigure) f;
    PanelStack.PlotArea area = sf.stack().plotAreas().getFirst();
    int x = (int) Math.round(TraceFigures.SIDE + area.px(0)), y = (int) Math.round(Style.TITLE_BAND + area.py(10));
    assertEquals(Style.EXCITATORY.getRGB(), img.getRGB(x, y));
    int xi = (int) Math.round(TraceFigures.SIDE + area.px(24)), yi = (int) Math.round(Style.TITLE_BAND + area.py(900));
    assertEquals(Style.INHIBITORY.getRGB(), img.getRGB(xi, yi));
  }

  @Test
  void refusesSpikesOutsideTheNetwork() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Figures.polychronousGroup("group", SampleFigures.sampleGroup(), 500, 400));
    assertEquals("group figure: neuron 700 outside [0, 500)", e.getMessage());
  }
}
