package org.izhsim.io.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps each node's line and column. Uses
 * Jackson's streaming parser (one YAML document; no anchors needed) and its token locations.
 * Duplicate keys are refused here: YAML leaves them undefined and a silent "last one wins"
 * would hide typos.
 */
final class YamlReader {
    private final String file;
    private final JsonParser parser;

    private YamlReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Parses {@code text}; {@code file} is the name errors show.
     *
     * @throws ModelFileException if the text is not well-formed YAML, holds more than one
     *                            document, repeats a key or is empty
     */
    static YamlNode read(String file, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            YamlReader r = new YamlReader(file, p);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw ModelFileException.at(new YamlNode.Position(file, 1, 1), "(file)", "the file is empty");
            }
            YamlNode root = r.value(first, "");
            if (p.nextToken() != null) {
                throw ModelFileException.at(r.here(), "(file)", "more than one YAML document; a model file holds one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw ModelFileException.at(loc == null ? new YamlNode.Position(file, 1, 1)
                    : new YamlNode.Position(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())),
                    "(file)", "not valid YAML: " + msg);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private YamlNode.Position here() {
        JsonLocation loc = parser.currentTokenLocation();
        return new YamlNode.Position(file, loc.getLineNr(), loc.getColumnNr());
    }

    private YamlNode value(JsonToken t, String path) throws IOException {
        YamlNode.Position at = here();
        String shown = path.isEmpty() ? "(top level)" : path;
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
            throw ModelFileException.at(at, shown, "YAML aliases (*name) are not supported; write the value out");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, YamlNode.Position> keys = new LinkedHashMap<>();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_OBJECT; k = parser.nextToken()) {
                    String key = parser.currentName();
                    YamlNode.Position keyAt = here();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (keys.containsKey(key)) {
                        throw ModelFileException.at(keyAt, childPath, "key given twice (first at line "
                                + keys.get(key).line() + ")");
                    }
                    keys.put(key, keyAt);
                    entries.put(key, value(parser.nextToken(), childPath));
                }
                yield new YamlNode.Mapping(at, shown, entries, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_ARRAY; k = parser.nextToken()) {
                    items.add(value(k, path + "[" + items.size() + "]"));
                }
                yield new YamlNode.Sequence(at, shown, items);
            }
            case VALUE_STRING -> new YamlNode.Scalar(at, shown, YamlNode.Scalar.Type.STRING, parser.getText());
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, shown, YamlNode.Scalar.Type.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, shown, YamlNode.Scalar.Type.FLOAT, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, shown, YamlNode.Scalar.Type.BOOLEAN, parser.getText());
            case VALUE_NULL -> new YamlNode.Scalar(at, shown, YamlNode.Scalar.Type.NULL, "null");
            default -> throw ModelFileException.at(at, shown, "unsupported YAML element " + t);
        };
    }
}
