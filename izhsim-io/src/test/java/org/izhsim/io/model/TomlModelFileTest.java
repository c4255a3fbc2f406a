package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.Test;

/** TOML model files: the same tree and mapping as YAML, so the same network and the same errors. */
class TomlModelFileTest {
    @Test
    void net2003TomlIsTheSameNetworkAsTheYaml() throws Exception {
        ModelFile.Overrides o = new ModelFile.Overrides(3L, 200.0, null);
        ModelFile toml = ExampleModelsTest.load("net2003.toml", o), yaml = ExampleModelsTest.load("net2003.yaml", o);
        assertEquals(List.of("exc", "inh"), toml.network().groups().stream().map(NeuronGroup::name).toList());
        assertEquals(yaml.resolved().toString(), toml.resolved().toString());
        SpikeRecording a = ExampleModelsTest.run(toml.network(), toml.spikes(), 200, 2);
        SpikeRecording b = ExampleModelsTest.run(yaml.network(), yaml.spikes(), 200, 2);
        assertTrue(a.count() > 500, "fires: " + a.count());
        assertEquals(b, a);
    }

    @Test
    void errorsNameLineColumnAndKeyPath() {
        String text = """
                izhsim = 1
                [simulation]
                duration_ms = 10
                [groups.exc]
                size = 10
                modle = "izh2003"
                """;
        assertEquals("net.toml:6:1: groups.exc.modle: unknown key; allowed: size, model, preset, params, initial, spikes, rate_hz",
                assertThrows(ModelFileException.class, () -> ModelFile.parse("net.toml", text, ModelFile.Overrides.NONE))
                        .getMessage());
        String bad = assertThrows(ModelFileException.class,
                () -> ModelFile.parse("net.toml", "izhsim = 1\n[simulation\n", ModelFile.Overrides.NONE)).getMessage();
        assertTrue(bad.startsWith("net.toml:2:") && bad.contains("(file): not valid TOML: "), bad);
    }
}
