/** The local web page: an HTTP server (jdk.httpserver) that runs, plots and replays simulations. */
module izhsim.ui {
    requires transitive izhsim.core;
    requires izhsim.io;
    requires izhsim.plot;
    requires jdk.httpserver;
    // tree model only (readTree, ObjectNode): no reflection on our classes, nothing opened
    requires com.fasterxml.jackson.databind;

    exports org.izhsim.ui;
}
