package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the file and line it starts on, so a problem can say where it is. A host's tree merged
 * with its groups holds values from several files; each keeps its own. Jackson's tree model drops locations,
 * hence this small model of our own.
 */
sealed interface YamlNode extends Located permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** How to name this kind of value in an error: "text", "a list", "a map". */
    String kindName();

    /**
     * A plain value, as written in the file (so {@code 04} stays "04" and a MAC stays a MAC).
     *
     * @param text the source text; "" for null
     * @param type what YAML made of it
     */
    record Scalar(String text, Type type, int line, Path file) implements YamlNode {
        enum Type { TEXT, NUMBER, BOOLEAN, NULL }

        boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kindName() {
            return type == Type.BOOLEAN ? "true/false" : type == Type.NUMBER ? "a number" : "text";
        }
    }

    /** A key of a map, with the line the key is on. */
    record Entry(String key, int line, YamlNode value, Path file) implements Located {
    }

    /** A map, keys in file order. */
    record Mapping(Map<String, Entry> entries, int line, Path file) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kindName() {
            return "a map";
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line, Path file) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }
}
