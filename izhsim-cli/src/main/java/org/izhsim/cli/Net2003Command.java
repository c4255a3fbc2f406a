package org.izhsim.cli;

import picocli.CommandLine.Command;

/** {@code izhsim net2003}: Izhikevich's 2003 network (net.m). */
@Command(name = "net2003", mixinStandardHelpOptions = true,
        header = "Izhikevich's 2003 network (net.m): raster, spikes, rhythms.",
        description = {"The 1000-neuron network of Izhikevich (2003), net.m: 800 excitatory and 200 inhibitory neurons,",
                "random parameters, thalamic noise, all-to-all weights; or a sparse network of any size with K inputs per neuron.",
                "Writes a raster with one neuron's trace, spikes.npz, spikes.csv and run.json."},
        footer = {"", "Examples:", "  izhsim net2003", "  izhsim net2003 --scheme euler --dt 0.5 --seed 3 --json",
                "  izhsim net2003 --ne 80000 --ni 20000 --connectivity sparse --k 1000 --threads 2"})
final class Net2003Command extends NetworkCommand {
    @Override
    String commandName() {
        return "net2003";
    }
}
