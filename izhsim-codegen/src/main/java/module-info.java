/**
 * Compiles equation models to Java kernels with Janino. The generated classes live in Janino's
 * class loader (an unnamed module, package {@code org.izhsim.codegen.generated}) and implement
 * {@code EquationKernel} and {@code SynapseKernel}, which core exports to everyone.
 */
module izhsim.codegen {
    requires transitive izhsim.core;
    requires org.codehaus.janino;
    requires org.codehaus.commons.compiler;

    exports org.izhsim.codegen;
}
