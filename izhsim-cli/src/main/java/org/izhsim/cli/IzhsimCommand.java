package org.izhsim.cli;

import org.izhsim.Version;
import picocli.CommandLine.Command;

/**
 * The top-level {@code izhsim} command: only subcommands and --help/--version. The subcommands
 * are registered by {@link Main#commandLine(String...)}, not in the annotation, so that a run
 * builds only its own command's model (picocli reflects over every registered command at
 * start-up, a few hundred milliseconds for all of them).
 */
@Command(name = "izhsim", mixinStandardHelpOptions = true, versionProvider = IzhsimCommand.VersionInfo.class,
        description = "Simulator for Izhikevich spiking neurons and networks.",
        footer = {"", "Exit codes: 0 ok, 2 bad usage or input, 3 numerical blow-up, 1 other failure."})
public final class IzhsimCommand implements Runnable {
    /** The subcommands in the order --help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
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
            PolychronousCommand.class,
            SpnetCommand.class,
            DaStdpCommand.class);

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
