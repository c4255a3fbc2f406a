package org.izhsim.cli;

import org.izhsim.Version;
import picocli.CommandLine.Command;

/** The top-level {@code izhsim} command: only subcommands and --help/--version. */
@Command(name = "izhsim", mixinStandardHelpOptions = true, versionProvider = IzhsimCommand.VersionInfo.class,
        description = "Simulator for Izhikevich spiking neurons and networks.",
        subcommands = {
                RunCommand.class,
                Net2003Command.class,
                NeuronCommand.class,
                FeaturesCommand.class,
                FiCommand.class,
                AccuracyCommand.class,
                CostCommand.class,
                ExampleCommand.class,
                UiCommand.class,
                ReplayCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 2 bad usage or input, 3 numerical blow-up, 1 other failure."})
public final class IzhsimCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionInfo implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.describe()};
        }
    }
}
