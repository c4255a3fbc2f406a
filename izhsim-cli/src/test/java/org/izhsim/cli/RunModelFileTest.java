package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code izhsim run FILE}: the model file's network, the files net2003 writes, overrides, and refusals. */
class RunModelFileTest {
    static final Path EXAMPLES = Path.of("..", "examples", "models");

    @TempDir
    Path dir;

    static JsonNode json(CliRunner r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return CommandLineTest.JSON.readTree(r.out());
    }

    static List<String> dataRows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void net2003FileWritesTheSameSpikesAsNet2003() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Path file = EXAMPLES.resolve("net2003.yaml");
        JsonNode fromFile = json(CliRunner.run("run", file.toString(), "--duration", "300", "--seed", "5", "--threads", "2",
                "--json", "--quiet", "--out", a.toString()));
        JsonNode builtIn = json(CliRunner.run("net2003", "--duration", "300", "--seed", "5", "--threads", "2", "--json", "--quiet",
                "--figures", "none", "--out", b.toString()));
        assertEquals(builtIn.get("spikes").asLong(), fromFile.get("spikes").asLong());
        assertEquals(builtIn.get("exc_rate_hz").asDouble(), fromFile.get("exc_rate_hz").asDouble());
        assertEquals(dataRows(b.resolve("spikes.csv")), dataRows(a.resolve("spikes.csv")));
        for (String f : List.of("raster.png", "raster.svg", "spikes.npz", "spikes.csv", "run.json")) {
            assertTrue(Files.exists(a.resolve(f)), f);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        JsonNode run = CommandLineTest.JSON.readTree(Files.readString(a.resolve("run.json")));
        assertEquals(sha, run.get("model_sha256").asText());
        assertEquals(sha, fromFile.get("model_sha256").asText());
        assertEquals(5, run.get("seed").asInt());
        assertEquals(300.0, run.get("parameters").get("simulation").get("duration_ms").asDouble());
        assertEquals("-65+15*r**2", run.get("parameters").get("groups").get("exc").get("params").get("c").asText());
        assertEquals("all_to_all", run.get("parameters").get("synapses").get(2).get("connectivity").get("rule").asText());
        assertTrue(Files.readString(a.resolve("spikes.csv")).contains(sha), "the CSV header carries the model hash");
    }

    /** numpy reads the extra monitors of sornsim.yaml; the file's own outputs choice is honoured. */
    @Test
    void sornsimRecordsItsMonitorsReadableByNumpy() throws Exception {
        Path out = dir.resolve("s");
        JsonNode j = json(CliRunner.run("run", EXAMPLES.resolve("sornsim.yaml").toString(), "--duration", "50", "--figures", "none",
                "--json", "--quiet", "--out", out.toString()));
        assertEquals("figure1", j.get("scheme").asText());
        assertEquals(0.5, j.get("dt_ms").asDouble());
        assertTrue(j.get("exc_rate_hz").asDouble() > 0 && j.get("inh_rate_hz").asDouble() > 0, j.toString());
        for (String f : List.of("spikes.npz", "spikes.csv", "run.json", "exc0.npz", "inh0.npz", "rate.npz")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("raster.png")));
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import numpy").start().waitFor() == 0,
                "Debian python3-numpy is not installed");
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import numpy as np,sys; d=np.load(sys.argv[1]+'/exc0.npz'); r=np.load(sys.argv[1]+'/rate.npz');"
                        + "s=np.load(sys.argv[1]+'/spikes.npz');"
                        + "print(len(d['t_ms']), d['v'].shape, d['u'].shape, 'I' in d.files, d['neurons'].dtype.kind, list(d['neurons']),"
                        + " d['network_neurons'].dtype.kind, int(d['network_neurons']), str(d['scheme']),"
                        + " int(r['count'].sum()) == len(s['t_ms']), len(r['t_ms']), str(s['model_sha256']) == str(d['model_sha256']))",
                out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), text);
        // 50 ms at 0.5 ms: 100 samples of v and u of neuron 0, as [neurons x samples] (I not asked
        // for); the recorded indices and the network's size are integers; 10 rate bins of 5 ms hold every spike
        assertEquals("100 (1, 100) (1, 100) False i [0] i 1000 figure1 True 10 True", text);
    }

    /** The 2003 network with the model as equations: net2003.yaml's spikes; the equation file recorded and hashed. */
    @Test
    void net2003EquationsFileWritesTheSpikesOfNet2003File() throws Exception {
        Path file = EXAMPLES.resolve("net2003-equations.yaml");
        JsonNode eq = json(CliRunner.run("run", file.toString(), "--duration", "200", "--seed", "3", "--figures", "none",
                "--json", "--quiet", "--out", dir.resolve("e").toString()));
        JsonNode builtIn = json(CliRunner.run("run", EXAMPLES.resolve("net2003.yaml").toString(), "--duration", "200", "--seed",
                "3", "--figures", "none", "--json", "--quiet", "--out", dir.resolve("b").toString()));
        assertTrue(builtIn.get("spikes").asLong() > 1000, builtIn.toString());
        assertEquals(builtIn.get("spikes").asLong(), eq.get("spikes").asLong());
        assertEquals(dataRows(dir.resolve("b/spikes.csv")), dataRows(dir.resolve("e/spikes.csv")));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String eqSha = HexFormat.of().formatHex(sha.digest(Files.readAllBytes(EXAMPLES.resolve("../equations/izhikevich2003.eqs"))));
        String fileSha = HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
        String modelSha = HexFormat.of().formatHex(sha.digest((fileSha + "\n" + eqSha + "\n").getBytes(StandardCharsets.UTF_8)));
        JsonNode run = CommandLineTest.JSON.readTree(Files.readString(dir.resolve("e/run.json")));
        assertEquals(modelSha, run.get("model_sha256").asText());
        JsonNode model = run.get("parameters").get("groups").get("exc").get("model");
        assertEquals("../equations/izhikevich2003.eqs", model.get("equations").asText());
        assertEquals(eqSha, model.get("sha256").asText());
        assertTrue(model.get("normalized").asText().startsWith("dv/dt = "), model.toString());
    }

    @Test
    void anErrorInsideAnEquationFileNamesThatFileAndExitsTwo() throws Exception {
        Path out = dir.resolve("out");
        Files.writeString(dir.resolve("bad.eqs"), "dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1\ndu/dt = a*(b*v - u)/ms\n"
                + "a : 1\nb : 1\nc : 1\nd : 1\nI : 1\nthreshold: v >= 30\nreset: v = c; u += d\n");
        Path model = dir.resolve("net.yaml");
        Files.writeString(model, "izhsim: 1\nsimulation: {duration_ms: 10}\ngroups:\n  g: {size: 2, model: {equations: bad.eqs}}\n");
        CliRunner r = CliRunner.run("run", model.toString(), "--quiet", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("izhsim run: " + dir.resolve("bad.eqs") + ":2:23: missing ': unit' at the end of the line (write ': 1' for a "
                + "dimensionless quantity, ': volt' or ': mV' for a voltage) (used at " + model + ":4:35: groups.g.model.equations)\n",
                r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void tomlFileRunsLikeItsYamlTwin() throws Exception {
        JsonNode toml = json(CliRunner.run("run", EXAMPLES.resolve("net2003.toml").toString(), "--duration", "100", "--figures",
                "none", "--json", "--quiet", "--out", dir.resolve("t").toString()));
        JsonNode yaml = json(CliRunner.run("run", EXAMPLES.resolve("net2003.yaml").toString(), "--duration", "100", "--figures",
                "none", "--json", "--quiet", "--out", dir.resolve("y").toString()));
        assertEquals(yaml.get("spikes").asLong(), toml.get("spikes").asLong());
        assertEquals(dataRows(dir.resolve("y/spikes.csv")), dataRows(dir.resolve("t/spikes.csv")));
        assertFalse(yaml.get("model_sha256").asText().equals(toml.get("model_sha256").asText()));
    }

    @Test
    void outputsSectionChoosesDirectoryAndFiles() throws Exception {
        Path target = dir.resolve("from-file");
        Path model = dir.resolve("tiny.yaml");
        Files.writeString(model, String.join("\n",
                "izhsim: 1",
                "simulation: {duration_ms: 20, threads: 1}",
                "groups: {g: {size: 3, preset: RS}}",
                "inputs: [{type: constant, group: g, amplitude: 10}]",
                "outputs: {dir: '" + target + "', figures: none, data: [json]}", ""));
        JsonNode j = json(CliRunner.run("run", model.toString(), "--json", "--quiet"));
        assertEquals(1, j.get("threads").asInt());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("run.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        // a lone RS neuron at I = 10 fires its first spike within 20 ms, all three alike
        assertEquals(0, j.get("spikes").asLong() % 3);
        assertTrue(j.get("spikes").asLong() >= 3, j.toString());
    }

    @Test
    void badModelFilesExitTwoWithOneLineAndWriteNothing() throws Exception {
        Path model = dir.resolve("bad.yaml");
        Path out = dir.resolve("out");
        Object[][] cases = {
                {"izhsim: 1\nsimulation: {duration_ms: 10}\ngroups:\n  exc: {size: 10, modle: izh2003}\n",
                        "izhsim run: " + model + ":4:19: groups.exc.modle: unknown key; allowed: size, model, preset, params, initial, spikes, rate_hz"},
                {"izhsim: 1\nsimulation: {duration_ms: 10}\ngroups:\n  exc: {size: 10}\nsynapses: [{from: exc, to: inh}]\n",
                        "izhsim run: " + model + ":5:28: synapses[0].to: unknown group 'inh'; groups: exc"},
        };
        for (Object[] c : cases) {
            Files.writeString(model, (String) c[0]);
            CliRunner r = CliRunner.run("run", model.toString(), "--quiet", "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(c[1] + "\n", r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        Files.writeString(model, "izhsim: 1\nsimulation: {duration_ms: 10}\ngroups:\n  exc: {size: 10, params: {c: \"-65+15*r**\"}}\n");
        CliRunner r = CliRunner.run("run", model.toString(), "--quiet", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("izhsim run: " + model + ":4:31: groups.exc.params.c: expected a number, a name or '(' but the "
                        + "expression ended at column 10",
                "    -65+15*r**",
                "              ^ expected a number, a name or '(' but the expression ended"), r.err().lines().toList());
        assertFalse(Files.exists(out));

        CliRunner ne = CliRunner.run("run", EXAMPLES.resolve("net2003.yaml").toString(), "--ne", "10", "--out", out.toString());
        assertEquals(2, ne.code());
        assertTrue(ne.err().startsWith("izhsim run: --ne does not apply to a model file"), ne.err());
        CliRunner missing = CliRunner.run("run", dir.resolve("nope.yaml").toString(), "--out", out.toString());
        assertEquals(2, missing.code());
        assertEquals("izhsim run: model file " + dir.resolve("nope.yaml") + " does not exist\n", missing.err());
        CliRunner directory = CliRunner.run("run", dir.toString(), "--out", out.toString());
        assertEquals(2, directory.code());
        assertEquals("izhsim run: model file " + dir + " is a directory\n", directory.err());
        assertFalse(Files.exists(out));
    }

    /** A later run into the same --out removes the monitor files of the earlier one, which its run.json listed, and nothing else. */
    @Test
    void aLaterRunRemovesTheEarlierRunsStaleMonitorFiles() throws Exception {
        Path out = dir.resolve("same");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.npz"), "the user's own file");
        json(CliRunner.run("run", EXAMPLES.resolve("sornsim.yaml").toString(), "--duration", "20", "--figures", "none",
                "--json", "--quiet", "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("exc0.npz")) && Files.readString(out.resolve("run.json")).contains("\"exc0.npz\""));
        json(CliRunner.run("run", EXAMPLES.resolve("net2003.yaml").toString(), "--duration", "20", "--figures", "none",
                "--json", "--quiet", "--out", out.toString()));
        for (String stale : List.of("exc0.npz", "inh0.npz", "rate.npz")) assertFalse(Files.exists(out.resolve(stale)), stale);
        assertTrue(Files.exists(out.resolve("spikes.npz")) && Files.exists(out.resolve("notes.npz")));
        assertTrue(Files.readString(out.resolve("run.json")).contains("net2003.yaml"));
    }
}