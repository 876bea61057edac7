package org.bootproxy.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;

/**
 * The journal's line format, one JSON object per line:
 * <pre>
 * {"op":"put","boot_open":true,"machine":{…the record as GET /api/machines shows it…}}
 * {"op":"del","id":"525400aabb01"}
 * </pre>
 * A record is written whole each time it changes: replaying is "last line per id wins".
 */
final class JournalLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line read back: a record put, or an id deleted. */
    sealed interface Op permits Put, Del {
    }

    record Put(MachineBook.Entry entry) implements Op {
    }

    record Del(String id) implements Op {
    }

    private JournalLines() {
    }

    static String put(MachineBook.Entry e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", "put");
        line.put("boot_open", e.bootOpen());
        line.set("machine", JSON.valueToTree(e.machine().asMap()));
        return write(line);
    }

    static String del(String id) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", "del");
        line.put("id", id);
        return write(line);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static Op read(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        String op = n.path("op").asText("");
        return switch (op) {
            case "put" -> new Put(new MachineBook.Entry(machine(n.path("machine")), n.path("boot_open").asBoolean(false)));
            case "del" -> new Del(required(n, "id"));
            default -> throw new IllegalArgumentException("unknown op '" + op + "'");
        };
    }

    private static DiscoveredMachine machine(JsonNode m) {
        if (!m.isObject()) {
            throw new IllegalArgumentException("'machine' is missing");
        }
        List<MacAddress> macs = new ArrayList<>();
        for (JsonNode mac : m.path("macs")) {
            macs.add(MacAddress.tryParse(mac.asText()).orElseThrow(
                    () -> new IllegalArgumentException("not a MAC in 'macs': " + mac.asText())));
        }
        if (macs.isEmpty()) {
            throw new IllegalArgumentException("'macs' is empty");
        }
        Map<String, Instant> announced = new TreeMap<>();
        m.path("announced").fields().forEachRemaining(e -> announced.put(e.getKey(), instant(e.getValue().asText())));
        return new DiscoveredMachine(required(m, "id"), macs, m.path("bootif").asText(""), m.path("serial").asText(""),
                m.path("manufacturer").asText(""), m.path("product").asText(""), m.path("uuid").asText(""),
                m.path("arch").asText(""), m.path("platform").asText(""), m.path("client_ip").asText(""),
                instant(required(m, "first_seen")), instant(required(m, "last_seen")), m.path("boots").asInt(1),
                m.path("host").asText(""), m.path("unknown_answer").asBoolean(false), announced);
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return v;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: " + text);
        }
    }

    private static String write(ObjectNode line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal line", e);
        }
    }
}
