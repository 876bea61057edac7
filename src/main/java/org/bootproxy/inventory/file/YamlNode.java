package org.bootproxy.inventory.file;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so a host file error can say where it is.
 * Jackson's tree model drops locations, hence this small model of our own.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line of the value in the file. */
    int line();

    /** How to name this kind of value in an error: "text", "a list", "a map". */
    String kindName();

    /**
     * A plain value, as written in the file (so {@code 04} stays "04" and a MAC stays a MAC).
     *
     * @param text the source text; "" for null
     * @param type what YAML made of it
     */
    record Scalar(String text, Type type, int line) implements YamlNode {
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
    record Entry(String key, int line, YamlNode value) {
    }

    /** A map, keys in file order. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kindName() {
            return "a map";
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }
}
