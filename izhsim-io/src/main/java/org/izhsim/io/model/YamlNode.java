package org.izhsim.io.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed model file (YAML, or TOML through the same tree) that remembers where it
 * was written, so that every error can name file, line, column and key path
 * ({@code net.yaml:12:5: groups.exc.size: ...}). Jackson's own tree ({@code JsonNode}) forgets
 * positions, hence this small tree of our own.
 */
sealed interface YamlNode {
    /** Where the node starts: the file as the user named it, 1-based line and column. */
    record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    Position position();

    /** The key path from the root, such as {@code groups.exc.params.c} or {@code synapses[2].weight}. */
    String path();

    /** What the node is, for "expected a number, got a list" messages. */
    String kind();

    /** A mapping; keys in file order, each key's own position kept for "unknown key" errors. */
    record Mapping(Position position, String path, Map<String, YamlNode> entries, Map<String, Position> keyPositions)
            implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(Position position, String path, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: its text as written and what YAML made of it. */
    record Scalar(Position position, String path, Type type, String text) implements YamlNode {
        /** YAML's reading of a plain or quoted scalar. */
        enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "the text '" + text + "'";
                case INTEGER, FLOAT -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "nothing (null)";
            };
        }
    }
}
