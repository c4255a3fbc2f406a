/**
 * Files: model files (TOML, YAML, JSON), NWB and HDF5 output, NeuroML, CSV and JSON summaries.
 * {@code org.izhsim.io.hdf5} is the writer behind NWB and stays internal.
 */
module izhsim.io {
    requires transitive izhsim.core;
    requires java.xml; // NeuroML
    // Jackson is used through its streaming parser and tree model only: nothing of ours is
    // bound by reflection, so no package is opened to com.fasterxml.jackson.databind
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.tomlj;

    exports org.izhsim.io;
    exports org.izhsim.io.model;
    exports org.izhsim.io.nwb;
}
