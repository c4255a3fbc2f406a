package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Input;
import org.junit.jupiter.api.Test;

/**
 * Every refusal names file, line, column and key path and lists what is allowed; typos are
 * never ignored. The messages are compared whole: they are the user interface.
 */
class ModelFileErrorsTest {
    /** A valid file whose lines the tests replace one at a time; line numbers below count from here. */
    static final List<String> BASE = List.of(
            "izhsim: 1",                                            // 1
            "simulation:",                                          // 2
            "  duration_ms: 100",                                   // 3
            "  dt_ms: 0.5",                                         // 4
            "groups:",                                              // 5
            "  exc:",                                               // 6
            "    size: 80",                                         // 7
            "    model: izh2003",                                   // 8
            "    params: {a: 0.02, c: \"-65+15*r**2\"}",            // 9
            "  inh:",                                               // 10
            "    size: 20",                                         // 11
            "synapses:",                                            // 12
            "  - {from: exc, to: inh, weight: \"0.5*r\"}",          // 13
            "  - {from: inh, to: exc, tag: GABA, weight: -1, connectivity: {rule: fixed_indegree, k: 5}}", // 14
            "inputs:",                                              // 15
            "  - {type: noise, group: exc, sigma: 5}");             // 16

    static String with(int line, String text) {
        List<String> l = new java.util.ArrayList<>(BASE);
        l.set(line - 1, text);
        return String.join("\n", l) + "\n";
    }

    static String error(String text) {
        return assertThrows(ModelFileException.class, () -> ModelFile.parse("net.yaml", text, ModelFile.Overrides.NONE)).getMessage();
    }

    @Test
    void theBaseFileIsValid() {
        ModelFile mf = ModelFile.parse("net.yaml", String.join("\n", BASE), ModelFile.Overrides.NONE);
        assertEquals(100, mf.network().neuronCount());
        assertEquals(Connectivity.fixedInDegree(5), mf.network().synapses().get(1).connectivity());
        assertEquals("exc->inh", mf.network().synapses().get(0).name());
        assertEquals("noise:exc", mf.network().inputs().get(0).name());
        assertTrue(mf.network().inputs().get(0) instanceof Input.Noise);
    }

    @Test
    void unknownKeysAreRefusedWithTheAllowedOnes() {
        assertEquals("net.yaml:8:5: groups.exc.modle: unknown key; allowed: size, model, preset, params, initial, spikes, rate_hz",
                error(with(8, "    modle: izh2003")));
        assertEquals("net.yaml:3:3: simulation.duration: unknown key; allowed: duration_ms, dt_ms, scheme, seed, threads, pulse_ms",
                error(with(3, "  duration: 100")));
        assertEquals("net.yaml:13:26: synapses[0].weigth: unknown key; allowed: name, from, to, tag, connectivity, weight, "
                + "delay_ms, storage, target, plasticity, model, on_pre, on_post, namespace, every, equations, initial, order", error(with(13, "  - {from: exc, to: inh, weigth: 1}")));
        assertEquals("net.yaml:16:41: inputs[0].amplitude: unknown key; allowed: type, name, group, sigma, period_ms",
                error(with(16, "  - {type: noise, group: exc, sigma: 5, amplitude: 3}")));
        assertEquals("net.yaml:9:14: groups.exc.params.e: unknown key; allowed: a, b, c, d",
                error(with(9, "    params: {e: 1}")));
    }

    @Test
    void unknownValuesListTheKnownOnes() {
        assertEquals("net.yaml:8:12: groups.exc.model: unknown model 'adex'; built-in: izh2003, izh2003-4.1v+108, "
                + "izh2003-accommodation, izh2007; spike sources: spike_generator, poisson; or {equations: FILE}", error(with(8, "    model: adex")));
        assertEquals("net.yaml:4:11: simulation.scheme: unknown scheme 'heun'; known: figure1, netm, euler, rk4",
                error(with(4, "  scheme: heun")));
        assertEquals("net.yaml:16:12: inputs[0].type: unknown value 'gauss'; allowed: noise, constant, current, poisson",
                error(with(16, "  - {type: gauss, group: exc, sigma: 5}")));
        assertEquals("net.yaml:14:70: synapses[1].connectivity.rule: unknown value 'random'; allowed: all_to_all, one_to_one, "
                + "probability, fixed_indegree, list",
                error(with(14, "  - {from: inh, to: exc, tag: GABA, weight: -1, connectivity: {rule: random, k: 5}}")));
        assertEquals("net.yaml:14:86: synapses[1].connectivity.p: unknown key; allowed: rule, k, population, draw",
                error(with(14, "  - {from: inh, to: exc, tag: GABA, weight: -1, connectivity: {rule: fixed_indegree, p: 5}}")));
    }

    @Test
    void referencesToUnknownGroupsNameTheGroups() {
        assertEquals("net.yaml:13:21: synapses[0].to: unknown group 'inhh'; groups: exc, inh",
                error(with(13, "  - {from: exc, to: inhh, weight: \"0.5*r\"}")));
        assertEquals("net.yaml:16:26: inputs[0].group: unknown group 'ex'; groups: exc, inh",
                error(with(16, "  - {type: noise, group: ex, sigma: 5}")));
    }

    @Test
    void typesAndRequiredKeys() {
        assertEquals("net.yaml:7:11: groups.exc.size: expected a whole number, got the text 'eighty'",
                error(with(7, "    size: eighty")));
        assertEquals("net.yaml:7:11: groups.exc.size: must be in 1..2147483583, got -5", error(with(7, "    size: -5")));
        assertEquals("net.yaml:11:5: groups.inh: missing required key 'size'", error(with(11, "    model: izh2003")));
        assertEquals("net.yaml:3:16: simulation.duration_ms: expected a number, got a list", error(with(3, "  duration_ms: [1, 2]")));
        assertEquals("net.yaml:1:9: izhsim: unsupported schema version 2; this izhsim reads 1", error(with(1, "izhsim: 2")));
        assertEquals("net.yaml:16:5: inputs[0]: missing required key 'sigma'", error(with(16, "  - {type: noise, group: exc}")));
    }

    @Test
    void impossibleValues() {
        assertEquals("net.yaml:3:16: simulation.duration_ms: 100.25 ms is not a whole number of steps of dt_ms 0.5",
                error(with(3, "  duration_ms: 100.25")));
        assertEquals("net.yaml:4:10: simulation.dt_ms: must be positive, got -1", error(with(4, "  dt_ms: -1")));
        assertEquals("net.yaml:14:5: synapses[1]: synapse group 'inh->exc': in-degree 50 exceeds the 20 neurons of 'inh' "
                        + "(partners are distinct)",
                error(with(14, "  - {from: inh, to: exc, tag: GABA, weight: -1, connectivity: {rule: fixed_indegree, k: 50}}")));
        assertEquals("net.yaml:9:17: groups.exc.params.a: 3 values given for 80 neurons", error(with(9, "    params: {a: [1, 2, 3]}")));
        assertEquals("net.yaml:13:47: synapses[0].delay_ms: 0.7 ms is not a whole number of steps of dt_ms 0.5",
                error(with(13, "  - {from: exc, to: inh, weight: 1, delay_ms: 0.7}")));
    }

    @Test
    void badExpressionsCarryTheCaretDiagram() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.parse("net.yaml",
                with(9, "    params: {c: \"-65+15*q**2\"}"), ModelFile.Overrides.NONE));
        assertEquals("net.yaml:9:17: groups.exc.params.c: unknown name 'q' at column 7; known: variable r; constants e, Hz, "
                + "inf, kHz, ms, msecond, pi, second, us", e.getMessage());
        assertEquals("-65+15*q**2\n       ^ ", e.detail().substring(0, "-65+15*q**2\n       ^ ".length()));
    }

    @Test
    void malformedYamlAndDuplicateKeys() {
        assertEquals("net.yaml:8:5: groups.exc.size: key given twice (first at line 7)", error(with(8, "    size: 90")));
        String m = error(with(9, "    params: {a: 0.02"));
        assertTrue(m.startsWith("net.yaml:") && m.contains(": (file): not valid YAML: "), m);
    }

    @Test
    void numbersAsYamlWritesThemAndNothingElse() {
        for (String d : List.of("1e3", "1_000", "+1000", "1000.", "0x3E8", "10.0e2")) {
            assertEquals(1000.0, ModelFile.parse("n.yaml", with(3, "  duration_ms: " + d), ModelFile.Overrides.NONE).durationMs(), d);
        }
        assertEquals("net.yaml:3:16: simulation.duration_ms: expected a number, got the text '1000'",
                error(with(3, "  duration_ms: '1000'")));
        assertEquals("net.yaml:3:16: simulation.duration_ms: expected a finite number, got .inf", error(with(3, "  duration_ms: .inf")));
        assertEquals("net.yaml:7:11: groups.exc.size: expected a whole number that fits 64 bits, got 99999999999999999999",
                error(with(7, "    size: 99999999999999999999")));
    }

    @Test
    void emptyFilesListsAtTheTopAndAliases() {
        assertEquals("net.yaml:1:1: (file): the file is empty", error(""));
        assertEquals("net.yaml:1:1: (top level): expected a mapping (key: value lines), got a list", error("- 1\n- 2\n"));
        assertEquals("net.yaml:14:5: synapses[1]: YAML aliases (*name) are not supported; write the value out",
                error(with(14, "  - *s").replace("  - {from: exc, to: inh", "  - &s {from: exc, to: inh")));
    }
}
