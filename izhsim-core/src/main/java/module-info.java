/**
 * The simulator: network descriptions and the {@code Simulation} facade, models, integrators,
 * equations, analysis. JDK only. The engine ({@code org.izhsim.network.engine}) and the built
 * synapse storage ({@code org.izhsim.synapse}) are not exported: other modules reach them
 * through {@code Simulation}, {@code SynapseView} and {@code Communicator}, so they can change
 * shape (plasticity, MPI) without breaking anyone. {@code org.izhsim.spnet} is Izhikevich's 2006
 * network on its own exact float loop (the same spikes as spnet.cpp), exported for its command.
 */
module izhsim.core {
    // Memory (peak heap) and JitWarmUp (is a JIT compiler there?) read the platform MXBeans
    requires java.management;
    // optional: the Vector API kernels are loaded only when the JVM was started with
    // --add-modules jdk.incubator.vector (CounterRandom and Engine check the boot layer first)
    requires static jdk.incubator.vector;

    exports org.izhsim;
    exports org.izhsim.analysis;
    exports org.izhsim.analysis.polychronous;
    exports org.izhsim.behaviour;
    exports org.izhsim.equations;
    exports org.izhsim.expr;
    exports org.izhsim.integrate;
    exports org.izhsim.model;
    exports org.izhsim.network;
    exports org.izhsim.neuron;
    exports org.izhsim.random;
    exports org.izhsim.run;
    exports org.izhsim.spnet;
}
