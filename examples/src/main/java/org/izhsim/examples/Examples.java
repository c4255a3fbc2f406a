package org.izhsim.examples;

import java.util.List;
import java.util.stream.Collectors;

/** The registry: one line per example. */
public final class Examples {
    private Examples() {}

    /** Every bundled example, in the order {@code izhsim example --list} shows them. */
    public static final List<Example> ALL = List.of(
            new SornsimIzhikevich(),
            new HomeostasisExample(),
            new StdpSong2000Example(),
            new DaStdpPairExample(),
            new DaStdpNetworkExample());

    /** The example of this name; the error lists the known ones. */
    public static Example byName(String name) {
        for (Example e : ALL) {
            if (e.name().equals(name)) return e;
        }
        throw new IllegalArgumentException("unknown example '" + name + "'; known: " + names());
    }

    /** "sornsim-izhikevich, homeostasis, …". */
    public static String names() {
        return ALL.stream().map(Example::name).collect(Collectors.joining(", "));
    }
}
