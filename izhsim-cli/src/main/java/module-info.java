/**
 * The {@code izhsim} command. It runs from the shaded jar on the class path, where this
 * descriptor is not read; it is here so that javac checks the CLI uses exported API only.
 */
module izhsim.cli {
    requires izhsim.core;
    requires izhsim.io;
    requires izhsim.plot;
    requires izhsim.examples;
    requires izhsim.ui;
    requires izhsim.codegen;
    requires izhsim.mpi;
    requires info.picocli;

    // picocli reads the @Command/@Option fields and calls the commands reflectively
    opens org.izhsim.cli to info.picocli;
}
