package org.bootproxy.inventory.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.support.OneLine;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their lines: the plainly shaped file with
 * {@link PlainYamlReader}, any other with Jackson over snakeyaml.
 */
final class YamlReader {
    /** A parser's message is cut here: it names the problem, not the whole document. */
    private static final int MAX_MESSAGE = 500;

    /** A file that is not valid YAML (or uses YAML we do not accept); line 0 when unknown. */
    static final class SyntaxError extends Exception {
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Thread-safe once built, and costly to build: one for every file read, on every core. */
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /**
     * @param file   the file the bytes are from: every node remembers it
     * @param empty  what an empty file is missing, for the message ("a host file needs at least name, …")
     * @param oneOf  what one file holds, for the message about a second document ("one host per file")
     */
    YamlNode read(Path file, byte[] bytes, String empty, String oneOf) throws SyntaxError {
        Optional<YamlNode> plain = PlainYamlReader.read(file, bytes);
        return plain.isPresent() ? plain.get() : readFully(file, bytes, empty, oneOf);
    }

    /**
     * As {@link #read}, always with the full parser: what {@code read} does with every file the plain reader declines
     * (so every unusual file and every error reads as it did before the plain reader).
     */
    YamlNode readFully(Path file, byte[] bytes, String empty, String oneOf) throws SyntaxError {
        try (YAMLParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                throw new SyntaxError(0, "the file is empty (" + empty + ")");
            }
            YamlNode root = node(p, line(p), file);
            if (p.nextToken() != null) {
                throw new SyntaxError(line(p), "a second YAML document ('---') in the file: " + oneOf);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new SyntaxError(0, "cannot read YAML: " + e.getMessage());
        }
    }

    /**
     * @param line where the value counts as being: its own line, except that a map or list under a key is
     *             "on" the key's line (so "os.family is missing" points at {@code os:}, not at os's first key)
     */
    private YamlNode node(YAMLParser p, int line, Path file) throws IOException, SyntaxError {
        JsonToken t = p.currentToken();
        if (p.isCurrentAlias()) {
            throw new SyntaxError(line, "YAML aliases (*" + p.getText() + ") are not supported in host files: write the value out");
        }
        switch (t) {
            case START_OBJECT:
                return mapping(p, line, file);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, line(p), file));
                }
                return new YamlNode.Sequence(items, line, file);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.Scalar.Type.NULL, line, file);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(t == JsonToken.VALUE_TRUE ? "true" : "false", YamlNode.Scalar.Type.BOOLEAN, line, file);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.NUMBER, line, file);
            default:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.TEXT, line, file);
        }
    }

    private YamlNode mapping(YAMLParser p, int line, Path file) throws IOException, SyntaxError {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            JsonToken t = p.nextToken();
            YamlNode value = node(p, t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? keyLine : line(p), file);
            YamlNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                throw new SyntaxError(keyLine, "key '" + key + "' appears twice (lines " + earlier.line() + " and "
                        + keyLine + "): keep one");
            }
            entries.put(key, new YamlNode.Entry(key, keyLine, value, file));
        }
        return new YamlNode.Mapping(entries, line, file);
    }

    private static int line(YAMLParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    /** snakeyaml's own exception marks the problem's place better than Jackson's location. */
    private static SyntaxError syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m) {
            int line = m.getProblemMark() != null ? m.getProblemMark().getLine() + 1 : 0;
            String context = m.getContext() == null ? "" : m.getContext() + ": ";
            return new SyntaxError(line, "not valid YAML: " + OneLine.of(context + m.getProblem(), MAX_MESSAGE));
        }
        int line = e.getLocation() != null ? Math.max(0, e.getLocation().getLineNr()) : 0;
        return new SyntaxError(line, "not valid YAML: " + OneLine.of(e.getOriginalMessage(), MAX_MESSAGE));
    }
}
