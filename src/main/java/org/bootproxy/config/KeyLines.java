package org.bootproxy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each key of the config file is written ({@code tftp.max_blksize} → line 12), and every key written
 * twice in the same map. Read in one pass over the YAML before binding it: Jackson's binding keeps the last of
 * two equal keys without a word, and its locations for record properties point past the key. (Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} stops at the first duplicate; this pass lists them all.)
 */
final class KeyLines {

    /** A key written a second time in one map. */
    record Duplicate(String path, int firstLine, int line) {
        String message() {
            return "key '" + path + "' appears twice (lines " + firstLine + " and " + line + "): the first value would"
                    + " be ignored; keep one";
        }
    }

    private final Map<String, Integer> lines;
    private final List<Duplicate> duplicates;

    private KeyLines(Map<String, Integer> lines, List<Duplicate> duplicates) {
        this.lines = Map.copyOf(lines);
        this.duplicates = List.copyOf(duplicates);
    }

    /**
     * @throws JsonProcessingException when the text is not YAML (the caller reports it with its line)
     */
    static KeyLines of(YAMLFactory yaml, String text) throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<Duplicate> duplicates = new java.util.ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Set<String>> seen = new ArrayDeque<>();
        Deque<Integer> index = new ArrayDeque<>();
        Map<String, Integer> firstLines = new HashMap<>();
        try (JsonParser p = yaml.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        String here = elementPath(path, index);
                        path.push(here);
                        seen.push(new HashSet<>());
                        index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        seen.pop();
                        index.pop();
                        bump(index);
                    }
                    case FIELD_NAME -> {
                        String key = join(path.peek(), p.currentName());
                        int line = p.currentTokenLocation().getLineNr();
                        if (!seen.peek().add(p.currentName())) {
                            duplicates.add(new Duplicate(key, firstLines.get(key), line));
                        } else {
                            firstLines.put(key, line);
                        }
                        lines.putIfAbsent(key, line);
                        p.nextToken();
                        if (p.currentToken().isStructStart()) {
                            path.push(key);
                            seen.push(new HashSet<>());
                            index.push(p.currentToken() == JsonToken.START_ARRAY ? 0 : -1);
                        }
                    }
                    default -> bump(index);
                }
            }
        }
        return new KeyLines(lines, duplicates);
    }

    /** The line of {@code key} ({@code tftp.max_blksize}, {@code trusted_proxies[1]}), when it is written. */
    Optional<Integer> line(String key) {
        return Optional.ofNullable(lines.get(key));
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** The path of the next element of the innermost list, or of the map being read. */
    private static String elementPath(Deque<String> path, Deque<Integer> index) {
        if (path.isEmpty()) {
            return "";
        }
        Integer i = index.peek();
        return i != null && i >= 0 ? path.peek() + "[" + i + "]" : path.peek();
    }

    private static void bump(Deque<Integer> index) {
        if (!index.isEmpty() && index.peek() >= 0) {
            index.push(index.pop() + 1);
        }
    }

    private static String join(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "." + name;
    }
}
