package org.izhsim.codegen;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.izhsim.equations.SynapseModel;
import org.izhsim.equations.SynapseModel.Kind;
import org.izhsim.equations.SynapseModel.Scope;
import org.izhsim.equations.SynapseModel.Statement;
import org.izhsim.expr.Node;

/**
 * Writes the Java source of a {@link org.izhsim.equations.SynapseKernel} subclass from a checked
 * {@link SynapseModel}'s trees, as {@link KernelSource} does for neurons: identifiers are made
 * from indices ({@code x0}, {@code this.post[2][post]}), numbers are printed from their double values,
 * operators and functions come from the trees' enums; no text of the user's reaches the
 * source.
 *
 * <p>A synapse variable is a double local loaded from its float storage (its word in the
 * synapse's packed state, {@link org.izhsim.equations.SynapseWords}), and every assignment
 * rounds it to float ({@code x0 = (float) (...)}), so that a statement reads what is stored;
 * the locals are written back at the end of the call. Neuron variables are read and written in
 * their double arrays directly.
 */
final class SynapseKernelSource {
    private final SynapseModel model;
    private final int n, preOffset, postOffset, time, weight, stride;
    /** The distinct time constants of the event-driven variables, in variable order: one {@code Decay} each. */
    private final List<Double> eventTaus = new ArrayList<>();

    SynapseKernelSource(SynapseModel model) {
        this.model = model;
        this.n = model.variables().size();
        this.preOffset = model.preOffset();
        this.postOffset = model.postOffset();
        this.time = model.timeIndex();
        this.weight = model.weightIndex();
        this.stride = org.izhsim.equations.SynapseWords.stride(model);
        for (SynapseModel.Variable v : model.variables()) {
            if (v.kind() == Kind.EVENT_DRIVEN && !eventTaus.contains(v.tauMs())) eventTaus.add(v.tauMs());
        }
    }

    String generate(String packageName, String className) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(packageName).append(";\n\n");
        s.append("public final class ").append(className).append(" extends org.izhsim.equations.SynapseKernel {\n");
        List<Integer> clockDecays = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            SynapseModel.Variable v = model.variables().get(j);
            if (v.kind() == Kind.CLOCK_DRIVEN && v.decays()) clockDecays.add(j);
        }
        for (int j : clockDecays) s.append("    private final double f").append(j).append(";\n");
        for (int k = 0; k < eventTaus.size(); k++) s.append("    private final org.izhsim.equations.SynapseKernel.Decay e").append(k).append(";\n");
        s.append("    public ").append(className).append("(org.izhsim.equations.SynapseKernel.State state) {\n");
        s.append("        super(state);\n");
        for (int j : clockDecays) {
            s.append("        this.f").append(j).append(" = StrictMath.exp(-dt / ").append(KernelSource.literal(model.variables().get(j).tauMs()))
                    .append(");\n");
        }
        for (int k = 0; k < eventTaus.size(); k++) {
            s.append("        this.e").append(k).append(" = decay(").append(KernelSource.literal(eventTaus.get(k))).append(");\n");
        }
        s.append("    }\n\n");
        event(s, "onPre", model.onPre());
        event(s, "onPost", model.onPost());
        clockStep(s);
        periodic(s);
        summand(s);
        s.append("}\n");
        return s.toString();
    }

    // ---- methods ----

    private void event(StringBuilder s, String method, List<Statement> statements) {
        s.append("    public void ").append(method).append("(int syn, int pre, int post, long step) {\n");
        s.append("        final double t = step * dt;\n");
        BitSet touched = new BitSet();
        List<Node> trees = new ArrayList<>();
        for (Statement st : statements) {
            trees.add(st.value());
            if (st.scope() == Scope.SYNAPSE) touched.set(st.index());
        }
        BitSet decayed = new BitSet();
        for (int j = 0; j < n; j++) if (model.variables().get(j).kind() == Kind.EVENT_DRIVEN) decayed.set(j);
        touched.or(decayed);
        BitSet loaded = (BitSet) touched.clone();
        loaded.or(used(trees));
        base(s, "        ");
        load(s, "        ", loaded);
        if (!decayed.isEmpty()) {
            s.append("        final long gap = step - words[b];\n");
            // one factor per time constant: the variables of one τ decay by the same value
            for (int k = 0; k < eventTaus.size(); k++) s.append("        final double g").append(k).append(" = e").append(k).append(".after(gap);\n");
            for (int j = decayed.nextSetBit(0); j >= 0; j = decayed.nextSetBit(j + 1)) {
                s.append("        x").append(j).append(" = (float) (x").append(j).append(" * g")
                        .append(eventTaus.indexOf(model.variables().get(j).tauMs())).append(");\n");
            }
        }
        assignments(s, "        ", statements);
        if (!decayed.isEmpty()) s.append("        words[b] = updateStep(step);\n");
        store(s, "        ", touched);
        s.append("    }\n\n");
    }

    private void clockStep(StringBuilder s) {
        s.append("    public void clockStep(int syn, int pre, int post, long step) {\n");
        BitSet clock = new BitSet();
        List<Node> trees = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            SynapseModel.Variable v = model.variables().get(j);
            if (v.kind() != Kind.CLOCK_DRIVEN) continue;
            clock.set(j);
            if (!v.decays()) trees.add(v.derivative());
        }
        if (!clock.isEmpty()) {
            s.append("        final double t = step * dt;\n");
            BitSet loaded = (BitSet) clock.clone();
            loaded.or(used(trees));
            base(s, "        ");
            load(s, "        ", loaded);
            String[] at = names();
            // all derivatives from the old values first (Euler), then the updates
            for (int j = clock.nextSetBit(0); j >= 0; j = clock.nextSetBit(j + 1)) {
                if (!model.variables().get(j).decays()) {
                    s.append("        final double k").append(j).append(" = ")
                            .append(KernelSource.expr(model.variables().get(j).derivative(), at)).append(";\n");
                }
            }
            for (int j = clock.nextSetBit(0); j >= 0; j = clock.nextSetBit(j + 1)) {
                s.append("        x").append(j).append(" = (float) (x").append(j)
                        .append(model.variables().get(j).decays() ? " * f" + j : " + dt * k" + j).append(");\n");
            }
            store(s, "        ", clock);
        }
        s.append("    }\n\n");
    }

    private void periodic(StringBuilder s) {
        s.append("    public void periodic(int block, int from, int to, long step) {\n");
        s.append("        final double t = step * dt;\n");
        s.append("        switch (block) {\n");
        for (int b = 0; b < model.periodic().size(); b++) {
            List<Statement> statements = model.periodic().get(b).statements();
            BitSet touched = new BitSet();
            List<Node> trees = new ArrayList<>();
            for (Statement st : statements) {
                trees.add(st.value());
                touched.set(st.index());
            }
            BitSet loaded = (BitSet) touched.clone();
            loaded.or(used(trees));
            s.append("        case ").append(b).append(":\n");
            s.append("            for (int syn = from; syn < to; syn++) {\n");
            base(s, "                ");
            load(s, "                ", loaded);
            assignments(s, "                ", statements);
            store(s, "                ", touched);
            s.append("            }\n            return;\n");
        }
        s.append("        default:\n            throw new IllegalArgumentException(\"no periodic block \" + block);\n");
        s.append("        }\n    }\n\n");
    }

    private void summand(StringBuilder s) {
        s.append("    public double summand(int which, int syn, int pre, int post, long step) {\n");
        s.append("        final double t = step * dt;\n");
        s.append("        switch (which) {\n");
        for (int k = 0; k < model.summed().size(); k++) {
            Node value = model.summed().get(k).value();
            s.append("        case ").append(k).append(": {\n");
            base(s, "            ");
            load(s, "            ", used(List.of(value)));
            s.append("            return ").append(KernelSource.expr(value, names())).append(";\n        }\n");
        }
        s.append("        default:\n            throw new IllegalArgumentException(\"no summed variable \" + which);\n");
        s.append("        }\n    }\n");
    }

    // ---- pieces ----

    private void assignments(StringBuilder s, String in, List<Statement> statements) {
        String[] at = names();
        for (Statement st : statements) {
            String value = KernelSource.expr(st.value(), at);
            if (st.scope() == Scope.SYNAPSE) {
                s.append(in).append("x").append(st.index()).append(" = (float) ").append(value).append(";\n");
            } else {
                s.append(in).append(at[postOffset + st.index()]).append(" = ").append(value).append(";\n");
            }
        }
    }

    /** The synapse's first word ({@link org.izhsim.equations.SynapseWords}: the stride is the model's, a constant). */
    private void base(StringBuilder s, String in) {
        if (stride > 0) s.append(in).append("final int b = syn * ").append(stride).append(";\n");
    }

    /** The word of variable j: b + its constant offset. */
    private String word(int j) {
        return "words[b + " + org.izhsim.equations.SynapseWords.offset(model, j) + "]";
    }

    private void load(StringBuilder s, String in, BitSet vars) {
        for (int j = vars.nextSetBit(0); j >= 0; j = vars.nextSetBit(j + 1)) {
            s.append(in).append("double x").append(j).append(" = ")
                    .append(j == weight ? "weights.weight(syn)" : "Float.intBitsToFloat(" + word(j) + ")").append(";\n");
        }
    }

    private void store(StringBuilder s, String in, BitSet vars) {
        for (int j = vars.nextSetBit(0); j >= 0; j = vars.nextSetBit(j + 1)) {
            if (j == weight) s.append(in).append("weights.setWeight(syn, (float) x").append(j).append(");\n");
            else s.append(in).append(word(j)).append(" = Float.floatToRawIntBits((float) x").append(j).append(");\n");
        }
    }

    /** Java expressions for each symbol index: synapse locals, neuron array cells, t, dt, last spikes. */
    private String[] names() {
        String[] at = new String[time + 4];
        for (int j = 0; j < n; j++) at[j] = "x" + j;
        for (int k = 0; k < postOffset - preOffset; k++) at[preOffset + k] = "this.pre[" + k + "][pre]";
        for (int k = 0; k < time - postOffset; k++) at[postOffset + k] = "this.post[" + k + "][post]";
        at[time] = "t";
        at[time + 1] = "dt";
        at[time + 2] = "spikeTime(lastSpikePre[pre])";
        at[time + 3] = "spikeTime(lastSpikePost[post])";
        return at;
    }

    /** The synapse variables these trees read. */
    private BitSet used(List<Node> roots) {
        return KernelSource.used(roots, 0, n);
    }
}
