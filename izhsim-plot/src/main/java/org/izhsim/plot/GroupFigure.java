package org.izhsim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.izhsim.analysis.polychronous.PolychronousGroup;
import org.knowm.xchart.XYChart;

/**
 * One polychronous group as Izhikevich (2006) draws them and polychron.m plots them: time
 * against neuron index over the whole network, a dot per spike (excitatory and inhibitory in the
 * raster's colours, anchors ringed in black), and per link a line from the presynaptic spike to
 * the moment its PSP arrives at the postsynaptic neuron (the conduction delay), then a dashed
 * line along that neuron's row to its spike. Groups of at most {@link #LABELLED_SPIKES} spikes
 * have each spike's neuron number written beside it.
 */
final class GroupFigure {

  static final int LABELLED_SPIKES = 60;
  private static final double DOT = 7;
  private static final BasicStroke WAIT =
      new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f);
  private static final Color LINK = new Color(0x555555);

  private GroupFigure() {}

  static Figure of(String title, PolychronousGroup g, int neurons, int excitatory) {
    if (neurons < 1 || excitatory < 0 || excitatory > neurons) {
      throw new IllegalArgumentException("group figure: need 0 <= excitatory <= neurons, neurons >= 1");
    }
    for (int k : g.spikeNeuron()) {
      if (k < 0 || k >= neurons) throw new IllegalArgumentException("group figure: neuron " + k + " outside [0, " + neurons + ")");
    }
    int width = 1000;
    int height = 800;
    double end = Math.max(10, g.timeSpanMs());
    Range time = new Range(-0.02 * end - 1, end * 1.03 + 1);
    Range index = new Range(-0.5, neurons - 0.5);
    XYChart chart = Style.chart(width, height, TraceFigures.TIME, "neuron index", time, index);
    chart.getStyler().setYAxisDecimalPattern("0");
    PanelStack stack = new PanelStack().add(
        new PanelStack.Panel(chart, time, index, 1).overlay((gr, area) -> paint(gr, area, g, excitatory)));
    List<Legend.Entry> legend = List.of(
        new Legend.Entry("conduction: spike to PSP arrival", LINK, Style.THIN),
        new Legend.Entry("arrival to the spike it caused", LINK, WAIT),
        new Legend.Entry("excitatory spike", Style.EXCITATORY, Style.LINE),
        new Legend.Entry("inhibitory spike", Style.INHIBITORY, Style.LINE));
    return new TraceFigures.StackFigure(title, width, height, stack, legend);
  }

  private static void paint(Graphics2D gr, PanelStack.PlotArea area, PolychronousGroup g, int excitatory) {
    int[] t = g.spikeTimeMs(), k = g.spikeNeuron();
    for (int i = 0; i < g.linkCount(); i++) {
      int pre = g.linkPre()[i], post = g.linkPost()[i];
      double arrival = t[pre] + g.linkDelayMs()[i];
      Path2D.Double conduction = new Path2D.Double();
      conduction.moveTo(area.px(t[pre]), area.py(k[pre]));
      conduction.lineTo(area.px(arrival), area.py(k[post]));
      gr.setColor(LINK);
      gr.setStroke(Style.THIN);
      gr.draw(conduction);
      gr.setStroke(WAIT);
      gr.draw(new java.awt.geom.Line2D.Double(area.px(arrival), area.py(k[post]), area.px(t[post]), area.py(k[post])));
    }
    boolean[] anchor = new boolean[t.length];
    for (int a : g.anchorSpikes()) if (a >= 0) anchor[a] = true;
    for (int i = 0; i < t.length; i++) {
      Ellipse2D.Double dot = new Ellipse2D.Double(area.px(t[i]) - DOT / 2, area.py(k[i]) - DOT / 2, DOT, DOT);
      gr.setColor(k[i] < excitatory ? Style.EXCITATORY : Style.INHIBITORY);
      gr.fill(dot);
      if (anchor[i]) {
        gr.setColor(Style.INK);
        gr.setStroke(new BasicStroke(1.6f));
        gr.draw(new Ellipse2D.Double(area.px(t[i]) - DOT, area.py(k[i]) - DOT, 2 * DOT, 2 * DOT));
      }
      if (t.length <= LABELLED_SPIKES) {
        Text.draw(gr, Integer.toString(k[i]), Style.SMALL, Style.MUTED, area.px(t[i]) + DOT, area.py(k[i]) - DOT / 2 - 1,
            Text.Align.LEFT);
      }
    }
  }
}
