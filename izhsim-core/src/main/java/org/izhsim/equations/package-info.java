/**
 * Neuron models written as equation strings, in Brian2's syntax:
 *
 * <pre>
 * # the Izhikevich (2003) model
 * dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
 * du/dt = a*(b*v - u)/ms : 1
 * a : 1                        # parameters: a value per neuron (--set a=0.02)
 * b : 1
 * c : 1
 * d : 1
 * I : 1                        # the input, driven by --current, noise and synapses
 * threshold: v >= 30
 * reset: v = c; u += d
 * refractory: 2*ms             # optional; equations flagged (unless refractory) then stop
 * </pre>
 *
 * <h2>Lines</h2>
 * <ul>
 * <li>{@code dX/dt = expression : unit [(unless refractory)]} — a state variable X;</li>
 * <li>{@code name = expression : unit} — a sub-expression, substituted where it is used;</li>
 * <li>{@code name : unit [(constant)]} — a per-neuron parameter; {@code I : unit} is the input;</li>
 * <li>{@code threshold: condition}, {@code reset: statement; statement …} (=, +=, -=, *=, /=;
 *     several reset lines run in order; Brian2's multi-line form: {@code reset: '''} on one line,
 *     statements on the next ones, a closing {@code '''} line), {@code refractory: time}.</li>
 * </ul>
 * {@code #} starts a comment; names may be used before the line that declares them.
 * Expressions are the {@linkplain org.izhsim.expr current-expression language}, plus
 * {@code t} [ms] and unit names.
 *
 * <h2>Units</h2>
 * Every quantity has a unit after ':' ({@code 1} for none), and every expression is checked:
 * sums and comparisons need equal units, a derivative has its variable's unit per time,
 * functions such as exp need dimensionless arguments. {@link org.izhsim.equations.Units} lists
 * the names. Numbers are held in model units (ms, mV, pA, nS, pF), which are consistent, so
 * {@code : volt} and {@code : mV} declare the same thing and {@code /ms} in a derivative means
 * "per millisecond", i.e. divides by 1. The 2003 model is dimensionless, as Izhikevich wrote it.
 *
 * <h2>Refractoriness (Brian2's semantics)</h2>
 * A spike at step k_s makes the neuron refractory for the steps k with
 * k − k_s &lt; round(refractory/dt): the threshold is not tested, and variables flagged
 * {@code (unless refractory)} keep their value. The reset still happens at the spike.
 *
 * <h2>Schemes</h2>
 * The same equations run under every scheme: {@code euler} and {@code rk4} over all state
 * variables at once; {@code figure1} and {@code netm} update the variables one after another
 * in the order their equations are written — the first ("v") from the old state, each later
 * one ("u") from the values already updated — and netm gives the first two half steps of
 * dt/2, as Izhikevich's programs do. The threshold is tested as written (write
 * {@code v > 30} for figure1's strict cut-off).
 *
 * <h2>Errors</h2>
 * {@link org.izhsim.equations.EquationException}: {@code file:line:column: problem} in one line,
 * and {@code caretDiagram()}: the line with a caret under the column.
 *
 * <p>Compiled kernels implement {@link org.izhsim.equations.EquationKernel}; the compiler lives
 * in the {@code izhsim-codegen} module so that the core stays JDK-only.
 *
 * <h2>Synapse models</h2>
 * {@link org.izhsim.equations.SynapseModel} reads Brian2 {@code Synapses} strings — {@code model}
 * (per-synapse variables, {@code (event-driven)} decays solved exactly at events,
 * {@code (clock-driven)} equations, {@code (summed)} post variables, {@code (constant)}
 * parameters), {@code on_pre}, {@code on_post}, periodic {@code every} blocks — over the
 * variables of the two neuron groups ({@link org.izhsim.equations.NeuronVariables}, named with
 * {@code _pre}/{@code _post}), with constants from a namespace. It is parsed by the same
 * {@code EquationReader} as neuron models (one expression language, one unit check) and checked
 * for where each part may write. {@link org.izhsim.equations.SynapseKernel} is the compiled
 * form and the engine's seam; its javadoc gives the order of one event and of one step.
 * docs/plasticity.md describes the syntax.
 *
 * <h2>Single neurons: input, spikes, phase plane</h2>
 * {@link org.izhsim.equations.EquationNeuron} runs one neuron as the built-in single-neuron
 * runner does, drawing a spike's sample at the threshold's fixed cut-off
 * ({@link org.izhsim.equations.EquationModel#cutoff}). {@link org.izhsim.equations.CurrentExpression}
 * reads an input current with Brian2's units, checked against the dimension of the model's I
 * (plain numbers keep the expression language's meaning). {@link
 * org.izhsim.equations.EquationPhasePlane} finds the nullclines of a two-variable model
 * numerically: both derivatives on a grid, contoured at 0 by {@code ZeroContour}.
 *
 * <h2>Cost</h2>
 * {@link org.izhsim.equations.FlopCount} counts floating-point operations per neuron per step
 * from a model's trees; {@link org.izhsim.equations.BuiltinEquations} writes the built-in 2003
 * models and the 2007 book cells as equation files and counts them ({@code count}), the one
 * count that {@code izhsim cost} and {@code izhsim accuracy} report.
 */
package org.izhsim.equations;
