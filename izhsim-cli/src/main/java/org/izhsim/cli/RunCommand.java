package org.izhsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code izhsim run}: the main job. Without a model file it runs the 2003 network with its defaults. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a simulation and write its figures and data into ./out (or --out).",
                "Without a model file: Izhikevich's 2003 network (as 'izhsim net2003'), all options as there."},
        footer = {"", "Examples:", "  izhsim run", "  izhsim run --duration 2000 --seed 7",
                "  izhsim run --data nwb,npz,csv --record v,u --record-neurons 0,1,800"})
final class RunCommand extends NetworkCommand {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "A model file (YAML); not supported yet.")
    Path model;

    @Override
    String commandName() {
        return "run";
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (model != null) {
            throw new IllegalArgumentException("model files are not supported yet (" + model
                    + "); run without one for the 2003 network, or use 'izhsim net2003' options");
        }
        return super.call();
    }
}
