package org.bootproxy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the YAML config file and reports every mistake in it at once, each with the line of its key: unknown
 * keys (with the likely one meant), keys written twice, values of the wrong type or out of range. A file that is
 * not YAML at all stops at its syntax error.
 */
public final class ConfigLoader {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(FACTORY)
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

    /**
     * @throws ConfigException naming every mistake, one line each: {@code <name> line <n>: <what is wrong>}
     */
    public static ConfigFile parse(String name, String text) {
        if (text.isBlank()) {
            return ConfigFile.EMPTY;
        }
        KeyLines lines;
        try {
            lines = KeyLines.of(FACTORY, text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + line(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + name + ": " + e.getMessage());
        }
        ConfigProblems problems = new ConfigProblems(lines);
        lines.duplicates().forEach(d -> problems.add(d.line(), d.message()));
        ConfigFile file = null;
        try {
            file = YAML.readerFor(ConfigFile.class).withHandler(problems).readValue(text);
        } catch (JsonMappingException e) {
            // what the handler could not take over: a mistake Jackson cannot step past
            Throwable root = e.getCause() != null ? e.getCause() : e;
            problems.addForKey(root instanceof IllegalArgumentException ? root.getMessage()
                    : ConfigProblems.path(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p
                    ? p.getParsingContext() : null) + ": " + e.getOriginalMessage(), lineNumber(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + line(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        }
        List<ConfigProblems.Problem> all = problems.all();
        if (!all.isEmpty()) {
            throw new ConfigException(all.stream().map(p -> name + (p.line() > 0 ? " line " + p.line() : "") + ": " + p.message())
                    .collect(Collectors.joining("\n")));
        }
        return file == null ? ConfigFile.EMPTY : file;
    }

    private static String line(JsonLocation loc) {
        int n = lineNumber(loc);
        return n <= 0 ? "" : " line " + n;
    }

    private static int lineNumber(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }
}
