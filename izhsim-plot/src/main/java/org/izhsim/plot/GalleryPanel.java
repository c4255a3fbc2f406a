package org.izhsim.plot;

import java.util.Objects;

/**
 * One panel of the feature gallery (Izhikevich 2004, Fig. 1): a neuron's membrane potential and
 * the input that drove it. Arrays are copied.
 *
 * @param id panel letter, e.g. {@code "A"}
 * @param name the feature, e.g. {@code "tonic spiking"}
 * @param t sample times [ms]
 * @param v membrane potential [mV]; spikes appear as samples at the peak (+30)
 * @param current input current I at the same times
 */
public record GalleryPanel(String id, String name, double[] t, double[] v, double[] current) {

  public GalleryPanel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(current, "current");
    if (t.length != v.length || t.length != current.length) {
      throw new IllegalArgumentException(
          "gallery panel " + id + ": t, v and current must have equal lengths, got "
              + t.length + ", " + v.length + ", " + current.length);
    }
    t = t.clone();
    v = v.clone();
    current = current.clone();
  }
}
