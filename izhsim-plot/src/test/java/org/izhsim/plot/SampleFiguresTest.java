package org.izhsim.plot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes every sample figure for a person to look at:
 * {@code mvn -pl izhsim-plot test -Dtest=SampleFiguresTest -Dizhsim.plot.samples=/tmp/plot-samples}.
 * Skipped otherwise.
 */
class SampleFiguresTest {

  @Test
  void writeSamplesForLooking() throws IOException {
    String dir = System.getProperty("izhsim.plot.samples");
    assumeTrue(dir != null && !dir.isBlank(), "set -Dizhsim.plot.samples=DIR to write samples");
    SampleFigures.writeAll(Path.of(dir));
  }
}
