package org.izhsim.io.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.izhsim.io.model.ModelFile;
import org.izhsim.io.model.ModelFileException;

/**
 * Model files, YAML and TOML: any text builds a network or is refused with a
 * {@link ModelFileException} naming file, line and column. Mutations of the bundled examples
 * (their networks shrunk so that a valid one builds in milliseconds) and the classic attacks:
 * billion laughs, deep nesting, huge numbers, unknown keys, wrong types, language tags. 300
 * tries per language, a few seconds.
 */
class ModelFileFuzzTest {
    static final String YAML = shrink(read("sornsim.yaml"));
    static final String TOML = shrink(read("net2003.toml"));

    static final List<String> FRAGMENTS = List.of("size: ", "size = ", "1e400", "-1", "0", "0.5", "[1, 2]", "{a: 1}",
            "\"text\"", "true", "null", "~", "unknown_key: 1", "x = 1", "[simulation]", "[[groups]]", "model: ", "preset: ",
            "&anchor ", "*anchor", "!!binary ", "!!java.util.HashMap ", "!<tag:yaml.org,2002:python/object> ", "  ", "- ",
            "2147483648", "9223372036854775808", "duration_ms: ", "dt_ms: ", "scheme: ", "connectivity: ", "k: ");

    static String read(String name) {
        try {
            return Files.readString(Path.of("..", "examples", "models", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The examples with fewer neurons and a short run, so that building a valid network is quick. */
    static String shrink(String text) {
        return text.replaceAll("(size\\s*[:=]\\s*)\\d+", "$110").replaceAll("(duration_ms\\s*[:=]\\s*)\\d+", "$120");
    }

    static void check(String file, String text) {
        Outcome.parsesOrRefuses(() -> ModelFile.parse(file, text, ModelFile.Overrides.NONE),
                List.of(ModelFileException.class), true, text);
    }

    @Provide
    Arbitrary<String> yaml() {
        return Mutations.of(YAML, FRAGMENTS);
    }

    @Provide
    Arbitrary<String> toml() {
        return Mutations.of(TOML, FRAGMENTS);
    }

    @Property(tries = 300)
    void mutatedYamlBuildsOrNamesItsPlace(@ForAll("yaml") String text) {
        check("fuzz.yaml", text);
    }

    @Property(tries = 300)
    void mutatedTomlBuildsOrNamesItsPlace(@ForAll("toml") String text) {
        check("fuzz.toml", text);
    }

    @Property(tries = 100)
    void arbitraryTextBuildsOrNamesItsPlace(@ForAll("noise") String text) {
        check("fuzz.yaml", text);
        check("fuzz.toml", text);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("\n", l)));
    }

    /** The mutations start from valid files: the shrunk examples build. */
    @Example
    void theShrunkExamplesBuild() {
        ModelFile.parse("sornsim.yaml", YAML, ModelFile.Overrides.NONE);
        ModelFile.parse("net2003.toml", TOML, ModelFile.Overrides.NONE);
    }

    @Example
    void billionLaughsIsRefused() {
        StringBuilder sb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) sb.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            sb.append("]\n");
        }
        sb.append("izhsim: 1\nname: *a9\n");
        refused("laughs.yaml", sb.toString());
    }

    @Example
    void deepNestingIsRefused() {
        refused("deep.yaml", "izhsim: 1\nname: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        refused("deep.yaml", "izhsim: 1\nname: " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n");
        refused("deep.toml", "izhsim = 1\nname = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        refused("deep.toml", "izhsim = 1\nname = " + "{a = ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n");
    }

    @Example
    void hugeNumbersWrongTypesUnknownKeysAndTagsAreRefused() {
        for (String[] r : new String[][] {{"size: 10", "size: 1e400"}, {"size: 10", "size: 99999999999999999999"},
                {"size: 10", "size: -5"}, {"size: 10", "size: \"ten\""}, {"size: 10", "size: [10]"},
                {"size: 10", "size: 10\n    colour: blue"}, {"size: 10", "size: !!java.lang.Integer 10"},
                {"size: 10", "size: !!python/object:os.system 10"}, {"dt_ms: 1", "dt_ms: 1e-400"},
                {"dt_ms: 1", "dt_ms: .nan"}, {"dt_ms: 1", "dt_ms: .inf"}}) {
            String text = YAML.replaceFirst(java.util.regex.Pattern.quote(r[0]), r[1]);
            if (!text.equals(YAML)) refused("bad.yaml", text);
        }
    }

    static void refused(String file, String text) {
        if (Outcome.parsesOrRefuses(() -> ModelFile.parse(file, text, ModelFile.Overrides.NONE),
                List.of(ModelFileException.class), true, text)) {
            throw new AssertionError("accepted: " + Outcome.shown(text));
        }
    }
}
