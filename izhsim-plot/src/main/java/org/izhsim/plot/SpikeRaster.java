package org.izhsim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The spikes of a network run: spike {@code k} was fired by neuron {@code neurons[k]} at
 * {@code times[k]}. Neurons {@code 0 .. excitatoryCount-1} are excitatory, the rest inhibitory
 * (the layout of Izhikevich 2003, net.m). Arrays are copied; order does not matter.
 *
 * <p>The raster draws the neurons in {@code bands}, one per group laid end to end, each in the
 * colour of its kind with a line between bands; {@link #ofGroups} makes any number of them.
 *
 * @param times spike times [ms]
 * @param neurons index of the neuron that fired each spike, in {@code [0, neuronCount)}
 * @param neuronCount number of neurons in the network
 * @param excitatoryCount number of excitatory neurons (Ne), in {@code [0, neuronCount]}
 * @param duration length of the run [ms]; the time axis spans {@code [0, duration]}
 * @param bands the groups, in index order; their sizes add up to {@code neuronCount}
 */
public record SpikeRaster(
    double[] times, int[] neurons, int neuronCount, int excitatoryCount, double duration,
    List<Band> bands) {

  /**
   * A group of neurons drawn together.
   *
   * @param label the name shown beside it
   * @param size its number of neurons
   * @param excitatory whether to draw it in the excitatory colour (else the inhibitory one)
   */
  public record Band(String label, int size, boolean excitatory) {
    public Band {
      Objects.requireNonNull(label, "label");
      if (size < 0) {
        throw new IllegalArgumentException("spike raster: band '" + label + "' has " + size + " neurons");
      }
    }
  }

  /** Two bands: neurons {@code [0, excitatoryCount)} excitatory, the rest inhibitory (net.m). */
  public SpikeRaster(
      double[] times, int[] neurons, int neuronCount, int excitatoryCount, double duration) {
    this(times, neurons, neuronCount, excitatoryCount, duration,
        twoBands(neuronCount, excitatoryCount));
  }

  /** Any number of groups laid end to end; excitatoryCount counts the excitatory neurons. */
  public static SpikeRaster ofGroups(
      double[] times, int[] neurons, List<Band> bands, double duration) {
    int n = 0;
    int exc = 0;
    for (Band b : bands) {
      n += b.size();
      exc += b.excitatory() ? b.size() : 0;
    }
    return new SpikeRaster(times, neurons, n, exc, duration, bands);
  }

  private static List<Band> twoBands(int neuronCount, int excitatoryCount) {
    List<Band> b = new ArrayList<>();
    if (excitatoryCount > 0) {
      b.add(new Band("excitatory", excitatoryCount, true));
    }
    if (neuronCount > excitatoryCount) {
      b.add(new Band("inhibitory", neuronCount - excitatoryCount, false));
    }
    return b;
  }

  public SpikeRaster {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(neurons, "neurons");
    if (times.length != neurons.length) {
      throw new IllegalArgumentException(
          "spike raster: " + times.length + " times but " + neurons.length + " neuron indices");
    }
    if (neuronCount <= 0) {
      throw new IllegalArgumentException("spike raster: neuronCount must be > 0, got " + neuronCount);
    }
    if (excitatoryCount < 0 || excitatoryCount > neuronCount) {
      throw new IllegalArgumentException(
          "spike raster: excitatoryCount must be in [0, " + neuronCount + "], got " + excitatoryCount);
    }
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("spike raster: duration must be > 0 ms, got " + duration);
    }
    for (int k = 0; k < neurons.length; k++) {
      if (neurons[k] < 0 || neurons[k] >= neuronCount) {
        throw new IllegalArgumentException(
            "spike raster: spike " + k + " names neuron " + neurons[k]
                + ", outside [0, " + neuronCount + ")");
      }
    }
    bands = List.copyOf(bands);
    long sum = 0;
    for (Band b : bands) {
      sum += b.size();
    }
    if (sum != neuronCount) {
      throw new IllegalArgumentException(
          "spike raster: bands hold " + sum + " neurons but neuronCount is " + neuronCount);
    }
    times = times.clone();
    neurons = neurons.clone();
  }

  /** Whether neuron {@code i} is drawn in the excitatory colour. */
  public boolean excitatory(int i) {
    int start = 0;
    for (Band b : bands) {
      start += b.size();
      if (i < start) {
        return b.excitatory();
      }
    }
    throw new IndexOutOfBoundsException("neuron " + i + " of " + neuronCount);
  }

  /** Number of spikes. */
  public int size() {
    return times.length;
  }
}
