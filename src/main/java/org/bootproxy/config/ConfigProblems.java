package org.bootproxy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bootproxy.support.DidYouMean;

/**
 * Collects every mistake in the config file while Jackson binds it, instead of stopping at the first: an unknown
 * key is skipped, a value of the wrong type or out of range becomes "not given" (so the rest can still be read),
 * and each is noted with the line its key is on. {@link ConfigLoader} throws them all at once.
 */
final class ConfigProblems extends DeserializationProblemHandler {

    /** One mistake: its line (0 when unknown) and what is wrong. */
    record Problem(int line, String message) {
    }

    private final KeyLines lines;
    private final List<Problem> problems = new ArrayList<>();

    ConfigProblems(KeyLines lines) {
        this.lines = lines;
    }

    void add(int line, String message) {
        problems.add(new Problem(line, message));
    }

    /** A message that starts with the key it is about ("tftp.max_blksize: …"): placed on that key's line. */
    void addForKey(String message, int fallbackLine) {
        String key = message.split("[: ]", 2)[0];
        add(lines.line(key).orElse(fallbackLine), message);
    }

    /** Every problem, by line, each once. */
    List<Problem> all() {
        Set<Problem> unique = new LinkedHashSet<>(problems);
        return unique.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        String parent = path(p.getParsingContext().getParent());
        String key = parent.isEmpty() ? propertyName : parent + "." + propertyName;
        Collection<Object> known = deserializer.getKnownPropertyNames();
        List<String> allowed = known == null ? List.of() : known.stream().map(Objects::toString).sorted().toList();
        add(lines.line(key).orElse(line(p)), "unknown key '" + propertyName + "'" + (parent.isEmpty() ? "" : " in " + parent + ":")
                + DidYouMean.closest(propertyName, allowed, Math.max(2, propertyName.length() / 4))
                        .map(k -> " (did you mean '" + k + "'?)").orElse("")
                + "; allowed keys here: " + String.join(", ", allowed));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) throws IOException {
        String key = path(ctxt.getParser().getParsingContext());
        if (failureMsg != null && failureMsg.startsWith(key + ":")) {
            addForKey(failureMsg, line(ctxt.getParser())); // a value parser of ours said what is wrong, naming the key
        } else {
            add(lines.line(key).orElse(line(ctxt.getParser())), key + ": '" + valueToConvert + "' is not a valid "
                    + typeName(targetType));
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        String key = path(ctxt.getParser().getParsingContext());
        add(lines.line(key).orElse(line(ctxt.getParser())), key + ": " + valueToConvert + " is not a valid "
                + typeName(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        String key = path(p.getParsingContext());
        add(lines.line(key).orElse(line(p)), (key.isEmpty() ? "the file" : key) + " has the wrong shape: expected "
                + typeName(targetType.getRawClass())
                + (key.isEmpty() ? " (a YAML mapping of keys such as http_address, hosts, templates)" : ""));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                             Throwable t) {
        // a config record refused a value in its compact constructor; its message starts with the key
        Throwable root = t;
        while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        int fallback = line(ctxt.getParser());
        for (String message : String.valueOf(root.getMessage()).split("\n")) {
            addForKey(message, fallback);
        }
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator inst,
                                            JsonParser p, String msg) throws IOException {
        String key = path(p.getParsingContext());
        add(lines.line(key).orElse(line(p)), (key.isEmpty() ? "the file" : key) + " has the wrong shape: expected "
                + typeName(instClass));
        p.skipChildren();
        return null;
    }

    /** {@code tftp.max_blksize} for the value being read. */
    static String path(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static int line(JsonParser p) {
        return p == null || p.currentTokenLocation() == null ? 0 : Math.max(0, p.currentTokenLocation().getLineNr());
    }

    static String typeName(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
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

    static String join(Collection<String> texts) {
        return texts.stream().collect(Collectors.joining(", "));
    }
}
