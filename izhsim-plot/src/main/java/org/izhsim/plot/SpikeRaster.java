package org.izhsim.plot;

import java.util.Objects;

/**
 * The spikes of a network run: spike {@code k} was fired by neuron {@code neurons[k]} at
 * {@code times[k]}. Neurons {@code 0 .. excitatoryCount-1} are excitatory, the rest inhibitory
 * (the layout of Izhikevich 2003, net.m). Arrays are copied; order does not matter.
 *
 * @param times spike times [ms]
 * @param neurons index of the neuron that fired each spike, in {@code [0, neuronCount)}
 * @param neuronCount number of neurons in the network
 * @param excitatoryCount number of excitatory neurons (Ne), in {@code [0, neuronCount]}
 * @param duration length of the run [ms]; the time axis spans {@code [0, duration]}
 */
public record SpikeRaster(
    double[] times, int[] neurons, int neuronCount, int excitatoryCount, double duration) {

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
    times = times.clone();
    neurons = neurons.clone();
  }

  /** Number of spikes. */
  public int size() {
    return times.length;
  }
}
