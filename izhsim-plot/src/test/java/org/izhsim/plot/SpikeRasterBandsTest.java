package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A raster of any number of groups (model files): bands, their kinds, and refusals. */
class SpikeRasterBandsTest {
  @TempDir Path dir;

  @Test
  void twoBandsByDefaultAsInNetM() {
    SpikeRaster r = new SpikeRaster(new double[] {1, 2}, new int[] {0, 9}, 10, 8, 10);
    assertEquals(
        List.of(new SpikeRaster.Band("excitatory", 8, true),
            new SpikeRaster.Band("inhibitory", 2, false)),
        r.bands());
    assertTrue(r.excitatory(7));
    assertFalse(r.excitatory(8));
    assertEquals(List.of(new SpikeRaster.Band("inhibitory", 4, false)),
        new SpikeRaster(new double[0], new int[0], 4, 0, 10).bands());
  }

  @Test
  void groupsLaidEndToEnd() throws Exception {
    List<SpikeRaster.Band> bands = List.of(new SpikeRaster.Band("exc", 5, true),
        new SpikeRaster.Band("inh", 3, false), new SpikeRaster.Band("exc2", 2, true));
    SpikeRaster r = SpikeRaster.ofGroups(
        new double[] {1, 2, 3, 4}, new int[] {0, 5, 8, 9}, bands, 10);
    assertEquals(10, r.neuronCount());
    assertEquals(7, r.excitatoryCount());
    boolean[] expected = {true, true, true, true, true, false, false, false, true, true};
    for (int i = 0; i < 10; i++) {
      assertEquals(expected[i], r.excitatory(i), "neuron " + i);
    }
    FigureWriter.write(Figures.networkRaster("three groups", r, null), dir, "three",
        EnumSet.allOf(ImageFormat.class));
    assertEquals(2, FigureWriterTest.fileNames(dir).size());
  }

  @Test
  void bandsMustCoverTheNeurons() {
    var e = assertThrows(IllegalArgumentException.class, () -> new SpikeRaster(
        new double[0], new int[0], 10, 5, 10, List.of(new SpikeRaster.Band("a", 4, true))));
    assertEquals("spike raster: bands hold 4 neurons but neuronCount is 10", e.getMessage());
  }
}
