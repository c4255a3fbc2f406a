/**
 * Run-time code generation: {@link org.izhsim.codegen.KernelCompiler} turns a checked
 * {@link org.izhsim.equations.EquationModel} into Java source from its trees only (never the
 * user's text) and compiles it with Janino into an {@link org.izhsim.equations.EquationKernel},
 * cached by the model's hash; {@link org.izhsim.codegen.SynapseKernelCompiler} does the same
 * for a checked {@link org.izhsim.equations.SynapseModel}, into a
 * {@link org.izhsim.equations.SynapseKernel}. Third-party code (Janino) lives here so that the core stays
 * JDK-only.
 */
package org.izhsim.codegen;
