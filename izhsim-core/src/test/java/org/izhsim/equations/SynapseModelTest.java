package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Synapse models: parsing, names, units, flags, and every bad input with its place and what is allowed. */
class SynapseModelTest {
    static final NeuronVariables NEURON = NeuronVariables.of(variables("v", Dimension.VOLTAGE, "I", Dimension.NONE,
            "ge", Dimension.NONE));
    static final String STDP_MODEL = """
            w : 1
            dapre/dt = -apre/taupre : 1 (event-driven)
            dapost/dt = -apost/taupost : 1 (event-driven)
            """;
    static final Map<String, String> NAMESPACE = ordered("taupre", "20*ms", "taupost", "taupre", "gmax", "0.01",
            "dApre", "0.01*gmax", "dApost", "-dApre*taupre/taupost*1.05");

    static Map<String, Dimension> variables(Object... kv) {
        Map<String, Dimension> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Dimension) kv[i + 1]);
        return m;
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static Path example(String name) {
        Path p = Path.of("..", "examples", "synapses", name);
        return Files.exists(p) ? p : Path.of("examples", "synapses", name);
    }

    private static SynapseModel stdp(String onPre, String onPost) {
        return SynapseModel.parse(STDP_MODEL, onPre, onPost, NAMESPACE, NEURON, NEURON);
    }

    @Test
    void pairStdpResolvesNamesUnitsAndFlags() {
        SynapseModel m = stdp("ge_post += w; apre += dApre\nw = clip(w + apost, 0, gmax)", "apost += dApost\nw = clip(w + apre, 0, gmax)");
        assertEquals(List.of("w", "apre", "apost"), m.variables().stream().map(SynapseModel.Variable::name).toList());
        assertEquals(SynapseModel.Kind.EVENT_DRIVEN, m.variables().get(1).kind());
        assertEquals(20.0, m.variables().get(1).tauMs());
        assertEquals(0, m.weightIndex());
        assertTrue(m.hasEventDriven());
        assertEquals(3, m.onPre().size());
        SynapseModel.Statement ge = m.onPre().getFirst();
        assertEquals(SynapseModel.Scope.POST, ge.scope());
        assertEquals(NEURON.indexOf("ge"), ge.index());
        assertEquals("(ge_post + w)", ge.value().toString());
        // constants are numbers in model units: dApre = 0.01*0.01
        assertEquals("(apre + " + 0.01 * 0.01 + ")", m.onPre().get(1).value().toString());
        assertEquals("clip((w + apost), 0, 0.01)", m.onPre().get(2).value().toString());
    }

    @Test
    void plainNamesArePostVariablesAsInBrian2() {
        SynapseModel m = SynapseModel.parse("w : volt", "v += w", "", Map.of(), NeuronVariables.none(), NEURON);
        assertEquals(SynapseModel.Scope.POST, m.onPre().getFirst().scope());
        assertEquals("(v_post + w)", m.onPre().getFirst().value().toString());
    }

    @Test
    void clockDrivenSummedAndSubexpressions() {
        SynapseModel m = SynapseModel.parse("""
                ds/dt = -s/taus : 1 (clock-driven)
                dc/dt = (0.1 - c)/(5*ms) + drive : 1 (clock-driven)
                drive = s/(10*ms) : 1/second
                I_post = w*s : 1 (summed)
                w : 1 (constant)
                """, "s += 1", "", Map.of("taus", "5*ms"), NeuronVariables.none(), NEURON);
        assertEquals(5.0, m.variables().get(0).tauMs());
        assertTrue(Double.isNaN(m.variables().get(1).tauMs()), "not a pure decay: integrated by Euler");
        assertEquals("(((0.1 - c) / 5) + (s / 10))", m.variables().get(1).derivative().toString());
        assertEquals(1, m.summed().size());
        assertEquals(NEURON.indexOf("I"), m.summed().getFirst().postIndex());
        assertEquals(SynapseModel.Kind.CONSTANT, m.variables().get(2).kind());
    }

    @Test
    void periodicBlocksAndTheirSteps() {
        SynapseModel m = SynapseModel.parse("w : 1\nsd : 1", "", "", Map.of(),
                ordered("1*second", "w = clip(w + 0.01 + sd, 0, 10); sd *= 0.9", "0.5*ms", "sd *= 1"), NeuronVariables.none(), NEURON);
        assertEquals(1000.0, m.periodic().get(0).periodMs());
        assertEquals(2, m.periodic().get(0).statements().size());
        assertEquals(2000, m.periodSteps(0, 0.5));
        assertEquals(1, m.periodSteps(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> m.periodSteps(1, 0.3));
    }

    @Test
    void exampleFilesParse() throws IOException {
        SynapseModel stdp = SynapseModel.parseFile(Files.readString(example("stdp-song2000.syn")), "stdp-song2000.syn", Map.of(),
                NeuronVariables.none(), NEURON);
        SynapseModel api = stdp("ge_post += w\napre += dApre\nw = clip(w + apost, 0, gmax)",
                "apost += dApost\nw = clip(w + apre, 0, gmax)");
        assertEquals(api.onPost().get(1), stdp.onPost().get(1));
        SynapseModel spnet = SynapseModel.parseFile(Files.readString(example("spnet.syn")), "spnet.syn", Map.of(),
                NeuronVariables.none(), NEURON);
        assertEquals(List.of(1.0, 1000.0), spnet.periodic().stream().map(SynapseModel.Periodic::periodMs).toList());
        assertEquals("clip(((w + 0.01) + sd), 0, 10)", spnet.periodic().get(1).statements().getFirst().value().toString());
        // the caller's namespace overrides the file's constants
        SynapseModel sm20 = SynapseModel.parseFile(Files.readString(example("spnet.syn")), "spnet.syn", Map.of("sm", "20"),
                NeuronVariables.none(), NEURON);
        assertEquals("clip(((w + 0.01) + sd), 0, 20)", sm20.periodic().get(1).statements().getFirst().value().toString());
        assertNotEquals(spnet.hash(), sm20.hash());
    }

    @Test
    void hashIgnoresSpacingCommentsAndUnitSpelling() {
        SynapseModel a = stdp("apre += dApre", "");
        SynapseModel b = SynapseModel.parse(STDP_MODEL.replaceFirst("\\(event-driven\\)", "(event-driven)   # comment"), "apre  +=  dApre", "",
                ordered("taupre", "20*msecond", "taupost", "20*ms", "gmax", "0.01", "dApre", "0.0001", "dApost", "0"), NEURON, NEURON);
        assertEquals(a.hash(), b.hash());
    }

    // ---- bad input: one line with part, line, column; a caret diagram; what is allowed ----

    private static EquationException bad(String model, String onPre, String onPost) {
        return assertThrows(EquationException.class, () -> SynapseModel.parse(model, onPre, onPost, NAMESPACE, NEURON, NEURON));
    }

    @Test
    void unknownName() {
        EquationException e = bad(STDP_MODEL, "apre += dApree", "");
        assertEquals("on_pre", e.source());
        assertEquals(1, e.line());
        assertEquals(9, e.column());
        assertTrue(e.getMessage().startsWith("on_pre:1:9: unknown name 'dApree'"), e.getMessage());
        assertTrue(e.problem().contains("known: taupre, taupost, gmax, dApre, dApost, w, apre, apost"), e.problem());
        assertEquals("apre += dApree\n        ^ " + e.problem(), e.caretDiagram());
    }

    @Test
    void unitMismatch() {
        EquationException e = bad(STDP_MODEL, "w += 1*mV", "");
        assertTrue(e.problem().contains("w is 1 (dimensionless) but the value is volt"), e.problem());
        EquationException d = bad("w : 1\ndx/dt = -x/taupre : volt (event-driven)\ny : volt", "y += x + w", "");
        assertTrue(d.problem().startsWith("units do not match"), d.problem());
        EquationException f = bad("dx/dt = -x : 1 (clock-driven)", "", "");
        assertEquals("model", f.source());
        assertTrue(f.problem().contains("must be 1/second"), f.problem());
    }

    @Test
    void assignmentToConstants() {
        EquationException ns = bad(STDP_MODEL, "taupre = 1*ms", "");
        assertTrue(ns.problem().startsWith("'taupre' is a constant; on_pre may assign the synapse variables w, apre, apost"
                + " and the post-synaptic variables v_post, I_post, ge_post"), ns.problem());
        EquationException flagged = bad("w : 1 (constant)\nx : 1", "", "w += 1");
        assertEquals("on_post", flagged.source());
        assertTrue(flagged.problem().startsWith("'w' is marked (constant) and cannot be assigned; on_post may assign the"
                + " synapse variables x"), flagged.problem());
        NeuronVariables fixed = new NeuronVariables(Map.of("v", Dimension.VOLTAGE, "a", Dimension.NONE), Set.of("a"));
        EquationException readOnly = assertThrows(EquationException.class,
                () -> SynapseModel.parse("w : 1", "a_post = 1", "", Map.of(), fixed, fixed));
        assertTrue(readOnly.problem().startsWith("'a_post' is a read-only post-synaptic variable"), readOnly.problem());
        assertTrue(bad(STDP_MODEL, "t = 1*ms", "").problem().startsWith("'t' is read-only"));
    }

    @Test
    void preVariablesAndOtherSynapsesAreOutOfReach() {
        EquationException pre = bad(STDP_MODEL, "apre += dApre; v_pre += 1*mV", "");
        assertEquals(16, pre.column());
        assertTrue(pre.problem().startsWith("'v_pre' is a pre-synaptic variable (a pre neuron is shared by all its synapses"),
                pre.problem());
        assertTrue(pre.problem().endsWith("; pre-synaptic variables (_pre) are read-only"), pre.problem());
        assertTrue(pre.problem().contains("on_pre may assign the synapse variables w, apre, apost and the post-synaptic"
                + " variables v_post, I_post, ge_post"), pre.problem());
        EquationException onPost = bad(STDP_MODEL, "", "ge_pre = 0");
        assertTrue(onPost.problem().contains("read-only"), onPost.problem());
        EquationException indexed = bad(STDP_MODEL, "w[0] = 1", "");
        assertTrue(indexed.problem().contains("a statement changes a variable of its own synapse or of that synapse's post"
                + " neuron"), indexed.problem());
        EquationException periodic = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "", "", Map.of(),
                Map.of("1*second", "ge_post = 0"), NEURON, NEURON));
        assertEquals("every 1*second", periodic.source());
        assertTrue(periodic.problem().contains("periodic statements run over synapses in storage order and may change"
                + " synapse variables only"), periodic.problem());
        EquationException reads = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "", "", Map.of(),
                Map.of("1*second", "w = v_post/mV"), NEURON, NEURON));
        assertTrue(reads.problem().contains("may use synapse variables, constants, t and dt, not the neuron variable 'v_post'"),
                reads.problem());
    }

    @Test
    void summedNeedsAPostVariable() {
        EquationException e = bad("w : 1\nx = w : 1 (summed)", "", "");
        assertEquals("model", e.source());
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("(summed) sets a post-synaptic variable to the sum over its synapses: write it with"
                + " _post, one of v_post, I_post, ge_post"), e.problem());
        assertTrue(bad("w : 1\nv_post = w : 1 (summed)", "", "").problem().contains("'v_post' is volt but is declared"));
        EquationException written = bad("w : 1\nI_post = w : 1 (summed)", "I_post += 1", "");
        assertTrue(written.problem().startsWith("'I_post' is (summed)"), written.problem());
    }

    @Test
    void eventDrivenMustBeLinearDecay() {
        EquationException e = bad("w : 1\ndx/dt = (1 - x)/taupre : 1 (event-driven)", "", "");
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("the event-driven equation of 'x' must be the linear decay dx/dt = -x/tau with a"
                + " constant tau > 0"), e.problem());
        assertTrue(e.problem().contains("(clock-driven)"));
        assertTrue(bad("w : 1\ndx/dt = -x/taupre : 1", "", "").problem().contains("needs (clock-driven)"));
        assertTrue(bad("dx/dt = -x/taupre : 1 (event-driven, clock-driven)", "", "").problem().contains("exclude each other"));
        EquationException clockReads = bad("dx/dt = -x/taupre : 1 (event-driven)\ndy/dt = x/taupre : 1 (clock-driven)", "", "");
        assertTrue(clockReads.problem().startsWith("'x' is event-driven"), clockReads.problem());
        EquationException periodic = assertThrows(EquationException.class, () -> SynapseModel.parse(STDP_MODEL, "", "", NAMESPACE,
                Map.of("1*second", "w = apre"), NEURON, NEURON));
        assertTrue(periodic.problem().startsWith("'apre' is event-driven"), periodic.problem());
    }

    @Test
    void divisionByZeroConstants() {
        EquationException e = assertThrows(EquationException.class, () -> SynapseModel.parse(
                "dx/dt = -x/tau : 1 (event-driven)", "", "", Map.of("tau", "0*ms"), NEURON, NEURON));
        assertTrue(e.problem().startsWith("division by zero in ((-x) / tau): the divisor tau is the constant 0"), e.problem());
        assertTrue(bad("w : 1", "w = 1/(1 - 1)", "").problem().startsWith("division by zero"));
        assertTrue(bad("w : 1", "w = 5 % (gmax - gmax)", "").problem().startsWith("division by zero"));
    }

    @Test
    void namesThatCannotBeDeclared() {
        assertTrue(bad("ms : 1", "", "").problem().startsWith("'ms' is a unit"));
        assertTrue(bad("exp : 1", "", "").problem().startsWith("'exp' is a function"));
        assertTrue(bad("x_post : 1", "", "").problem().contains("suffix _pre or _post"));
        assertTrue(bad("v : 1", "", "").problem().startsWith("'v' is also a variable of the pre-synaptic neurons"));
        assertTrue(bad("taupre : 1", "", "").problem().startsWith("'taupre' is both a synapse variable and a constant"));
        assertTrue(bad("w : 1\nw : 1", "", "").problem().startsWith("'w' is declared twice (first on line 1)"));
        EquationException cycle = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "w = a", "",
                ordered("a", "b", "b", "a"), NEURON, NEURON));
        assertTrue(cycle.problem().contains("defined in terms of itself"), cycle.problem());
        EquationException notConstant = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "w = a", "",
                Map.of("a", "w"), NEURON, NEURON));
        assertEquals("namespace 'a'", notConstant.source());
        assertTrue(notConstant.problem().contains("a constant may use numbers, units and other constants"), notConstant.problem());
        EquationException period = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "", "", Map.of(),
                Map.of("5", "w = 0"), NEURON, NEURON));
        assertTrue(period.problem().startsWith("the period of 'every' must be a constant time > 0"), period.problem());
    }

    @Test
    void everyRefusalDrawsTheCaretUnderItsColumn() {
        String[][] inputs = {
                {STDP_MODEL, "apre += dApree", ""}, {STDP_MODEL, "w += 1*mV", ""}, {STDP_MODEL, "taupre = 1*ms", ""},
                {STDP_MODEL, "", "  v_pre = 0*mV"}, {"w : 1\nx = w : 1 (summed)", "", ""},
                {"w : 1\ndx/dt = (1 - x)/taupre : 1 (event-driven)", "", ""}, {"w : 1", "w = 1/(1 - 1)", ""},
                {"w : 1 (constant)", "w = 2", ""}, {"w : 1", "w[0] = 1", ""}};
        for (String[] in : inputs) {
            EquationException e = bad(in[0], in[1], in[2]);
            String[] diagram = e.caretDiagram().split("\n");
            assertEquals(2, diagram.length, e.getMessage());
            assertEquals(e.column() - 1, diagram[1].indexOf('^'), e.getMessage());
            assertTrue(diagram[1].endsWith(e.problem()), e.getMessage());
        }
    }

    @Test
    void fileErrorsNameTheFileLine() {
        String text = "# a model\nmodel:\n    w : 1\non_pre:\n    w += 1\n    v_pre = 0\n";
        EquationException e = assertThrows(EquationException.class,
                () -> SynapseModel.parseFile(text, "my.syn", Map.of(), NEURON, NEURON));
        assertEquals("my.syn", e.source());
        assertEquals(6, e.line());
        assertEquals(5, e.column());
        assertEquals("    v_pre = 0\n    ^ " + e.problem(), e.caretDiagram());
        EquationException header = assertThrows(EquationException.class,
                () -> SynapseModel.parseFile("w : 1\n", "my.syn", Map.of(), NEURON, NEURON));
        assertTrue(header.problem().startsWith("expected a section header"), header.problem());
        EquationException twice = assertThrows(EquationException.class,
                () -> SynapseModel.parseFile("model:\n w : 1\nmodel:\n x : 1\n", "my.syn", Map.of(), NEURON, NEURON));
        assertEquals(3, twice.line());
        SynapseModel inline = SynapseModel.parseFile("model: w : 1\non_pre: w += 1; I_post += w\nevery 2*ms: w *= 0.5\n",
                "my.syn", Map.of(), NEURON, NEURON);
        assertEquals(2, inline.onPre().size());
        assertEquals(2.0, inline.periodic().getFirst().periodMs());
        EquationException inlineError = assertThrows(EquationException.class,
                () -> SynapseModel.parseFile("model: w : 1\nevery 2*ms: w *= 1*mV\n", "my.syn", Map.of(), NEURON, NEURON));
        assertEquals(2, inlineError.line());
        assertEquals(18, inlineError.column());
    }

    @Test
    void neuronVariableNamesMustBeIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> NeuronVariables.of(Map.of("v; System.exit(1)", Dimension.NONE)));
        EquationException ns = assertThrows(EquationException.class, () -> SynapseModel.parse("w : 1", "", "",
                Map.of("x) ; y", "1"), NEURON, NEURON));
        assertTrue(ns.problem().contains("is not a name"), ns.problem());
    }
}
