package org.izhsim.io.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads TOML text (tomlj) into the same {@link YamlNode} tree as {@link YamlReader}, so a
 * model file may be written in either language and is mapped by the same code. Keys are put in
 * file order by their positions: the order of groups is the global neuron numbering, and
 * tomlj's tables do not promise an order.
 */
final class TomlReader {
    private final String file;

    private TomlReader(String file) {
        this.file = file;
    }

    /**
     * Parses {@code text}; {@code file} is the name errors show.
     *
     * @throws ModelFileException if the text is not valid TOML (the first error, with its place)
     */
    static YamlNode read(String file, String text) {
        TomlParseResult r = Toml.parse(text);
        if (r.hasErrors()) {
            TomlParseError e = r.errors().getFirst();
            TomlPosition p = e.position();
            throw ModelFileException.at(new YamlNode.Position(file, p == null ? 1 : p.line(), p == null ? 1 : p.column()),
                    "(file)", "not valid TOML: " + e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
        }
        TomlReader reader = new TomlReader(file);
        return reader.table(r, new YamlNode.Position(file, 1, 1), "");
    }

    private YamlNode.Position at(TomlPosition p, YamlNode.Position fallback) {
        return p == null ? fallback : new YamlNode.Position(file, p.line(), p.column());
    }

    private YamlNode table(TomlTable t, YamlNode.Position where, String path) {
        List<String> keys = new ArrayList<>(t.keySet());
        keys.sort(Comparator.comparing((String k) -> at(t.inputPositionOf(List.of(k)), where),
                Comparator.comparingInt(YamlNode.Position::line).thenComparingInt(YamlNode.Position::column)));
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, YamlNode.Position> positions = new LinkedHashMap<>();
        for (String k : keys) {
            YamlNode.Position kp = at(t.inputPositionOf(List.of(k)), where);
            String childPath = path.isEmpty() ? k : path + "." + k;
            positions.put(k, kp);
            entries.put(k, value(t.get(List.of(k)), kp, childPath));
        }
        return new YamlNode.Mapping(where, path.isEmpty() ? "(top level)" : path, entries, positions);
    }

    private YamlNode value(Object v, YamlNode.Position where, String path) {
        return switch (v) {
            case TomlTable t -> table(t, where, path);
            case TomlArray a -> {
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    items.add(value(a.get(i), at(a.inputPositionOf(i), where), path + "[" + i + "]"));
                }
                yield new YamlNode.Sequence(where, path, items);
            }
            case String s -> new YamlNode.Scalar(where, path, YamlNode.Scalar.Type.STRING, s);
            case Long l -> new YamlNode.Scalar(where, path, YamlNode.Scalar.Type.INTEGER, l.toString());
            case Double d -> new YamlNode.Scalar(where, path, YamlNode.Scalar.Type.FLOAT, d.toString());
            case Boolean b -> new YamlNode.Scalar(where, path, YamlNode.Scalar.Type.BOOLEAN, b.toString());
            // dates and times: no key takes one, so keep the text for the type error
            default -> new YamlNode.Scalar(where, path, YamlNode.Scalar.Type.STRING, String.valueOf(v));
        };
    }
}
