package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Axis titles carry the model's current unit: pA for the 2007 model, none for the 2003 model. */
class UnitLabelsTest {
  @Test
  void unitsInAxisTitles() {
    assertEquals("input current I (pA)", TraceFigures.withUnit(TraceFigures.CURRENT, "pA"));
    assertEquals("recovery u (pA)", TraceFigures.withUnit(PlaneFigures.RECOVERY, "pA"));
    assertEquals("input current I", TraceFigures.withUnit(TraceFigures.CURRENT, ""));
  }
}
