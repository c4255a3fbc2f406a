/** Worked examples (the papers' figures, SORN, behaviours); the CLI lists and runs them. */
module izhsim.examples {
    requires transitive izhsim.core;
    requires izhsim.io;
    requires izhsim.codegen; // run-time compiled synapse equations (STDP, DA-STDP examples)
    requires transitive izhsim.plot; // Example's API names plot's ImageFormat

    exports org.izhsim.examples;
}
