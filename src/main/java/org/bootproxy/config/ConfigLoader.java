package org.bootproxy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bootproxy.support.DidYouMean;

/** Reads the YAML config file and turns every Jackson failure into a message an operator can act on. */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .findAndRegisterModules();

    private ConfigLoader() {
    }

    public static ConfigFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist (given with --config)");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public static ConfigFile parse(String name, String text) {
        if (text.isBlank()) {
            return ConfigFile.EMPTY;
        }
        try {
            ConfigFile f = YAML.readValue(text, ConfigFile.class);
            return f == null ? ConfigFile.EMPTY : f;
        } catch (UnrecognizedPropertyException e) {
            String path = keyPath(e);
            String where = path.contains(".") ? " in " + path.substring(0, path.lastIndexOf('.')) + ":" : "";
            throw new ConfigException(name + lineOfKey(text, e.getPropertyName(), tokenLocation(e)) + ": unknown key '" + e.getPropertyName() + "'" + where
                    + suggestion(e.getPropertyName(), e.getKnownPropertyIds())
                    + "; allowed keys here: " + sorted(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw new ConfigException(name + line(tokenLocation(e)) + ": " + keyPath(e) + ": '" + e.getValue()
                    + "' is not a valid " + typeName(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String key = keyPath(e);
            throw new ConfigException(name + line(tokenLocation(e)) + ": " + (key.isEmpty() ? "the file" : key)
                    + " has the wrong shape: expected " + (e.getTargetType() == null ? "another value" : typeName(e.getTargetType()))
                    + (key.isEmpty() ? " (a YAML mapping of keys such as http_address, hosts, templates)" : ""));
        } catch (JsonMappingException e) {
            Throwable root = e.getCause() != null ? e.getCause() : e;
            if (root instanceof IllegalArgumentException) {
                // the config records validate themselves and name their key already
                throw new ConfigException(name + line(tokenLocation(e)) + ": " + root.getMessage());
            }
            throw new ConfigException(name + line(e.getLocation()) + ": " + keyPath(e) + ": " + root.getMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + line(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** Where the offending token starts (the exception's own location is already past it in YAML). */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.currentTokenLocation() != null) {
            return p.currentTokenLocation();
        }
        return e.getLocation();
    }

    /**
     * The line where {@code key:} is written. Jackson buffers record properties before it binds them, so
     * its own location can be past the key; the text itself is the better witness.
     */
    private static String lineOfKey(String text, String key, JsonLocation fallback) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^[\\s-]*[\"']?" + java.util.regex.Pattern.quote(key)
                + "[\"']?\\s*:");
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return " line " + (i + 1);
            }
        }
        return line(fallback);
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String line(JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? "" : " line " + loc.getLineNr();
    }

    private static String typeName(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class) {
            return "whole number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "boolean (true or false)";
        }
        if (t == String.class) {
            return "text value";
        }
        if (Collection.class.isAssignableFrom(t)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "mapping (key: value lines)";
        }
        return t.getSimpleName();
    }

    private static String sorted(Collection<Object> ids) {
        return ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }

    /** "did you mean tftproot?" for a key within two edits of a known one. */
    private static String suggestion(String given, Collection<Object> known) {
        return DidYouMean.closest(given, known.stream().map(Objects::toString).toList(), Math.max(2, given.length() / 4))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }
}
