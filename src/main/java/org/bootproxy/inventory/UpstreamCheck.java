package org.bootproxy.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.upstream.HttpTrace;
import org.bootproxy.inventory.upstream.UpstreamHttp;
import org.bootproxy.inventory.upstream.UpstreamInventory;

/**
 * {@code bootproxy check-upstream --mac MAC}: asks the configured upstream for one MAC, bypassing the cache,
 * and prints every request with what came back (bodies trimmed), then the host it maps to with all its
 * fields, or the precise reason it could not (DNS, TLS, 401, 404, timeout, a mapping error naming the field).
 */
public final class UpstreamCheck {

    /** Exit codes: the MAC maps to a host; upstream does not know it; upstream could not be asked or read. */
    public static final int FOUND = 0;
    public static final int NOT_FOUND = 1;
    public static final int FAILED = 3;

    private static final int BODY_LIMIT = 2000;

    private final UpstreamInventory inventory;
    private final ObjectMapper json = new ObjectMapper();

    public UpstreamCheck(UpstreamInventory inventory) {
        this.inventory = Objects.requireNonNull(inventory);
    }

    public int run(MacAddress mac, PrintStream out) {
        out.println("Asking " + inventory.describe() + " about MAC " + mac);
        try {
            Optional<Host> host = inventory.findByMac(mac, e -> print(out, e));
            if (host.isEmpty()) {
                out.println("NOT FOUND: upstream answered, and no host has MAC " + mac);
                return NOT_FOUND;
            }
            print(out, host.get());
            out.println("OK: MAC " + mac + " is " + host.get().name());
            return FOUND;
        } catch (UpstreamUnavailable e) {
            out.println("FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    private void print(PrintStream out, HttpTrace.Exchange e) {
        out.println();
        if (!e.failure().isEmpty()) {
            out.println(e.method() + " " + e.url() + " -> no answer after " + e.took().toMillis() + " ms: " + e.failure());
            return;
        }
        out.println(e.method() + " " + e.url() + " -> " + UpstreamHttp.status(e.status()) + " in " + e.took().toMillis() + " ms");
        String body = pretty(e.body());
        if (body.length() > BODY_LIMIT) {
            body = body.substring(0, BODY_LIMIT) + "\n… (" + (e.body().length() - BODY_LIMIT) + " more characters)";
        }
        if (!body.isBlank()) {
            body.lines().forEach(l -> out.println("  " + l));
        }
    }

    private String pretty(String body) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static void print(PrintStream out, Host h) {
        out.println();
        out.println("Host " + h.name());
        row(out, "build", String.valueOf(h.build()));
        row(out, "token", h.token().isEmpty() ? "(none)" : h.token());
        boolean first = true;
        for (Nic n : h.interfaces()) {
            row(out, first ? "interfaces" : "", n.mac() + "  " + (n.ip().isEmpty() ? "(no ip)" : n.ip()) + "  "
                    + (n.identifier().isEmpty() ? "(no name)" : n.identifier())
                    + (n.equals(h.provisionInterface()) ? "  provision" : ""));
            first = false;
        }
        String os = (h.os().name() + " " + h.os().version()).trim();
        row(out, "os", (os.isEmpty() ? "" : os + " ") + "(family " + h.os().family() + ", arch " + h.os().arch()
                + (h.os().releaseName().isEmpty() ? "" : ", release " + h.os().releaseName()) + ")");
        row(out, "medium", h.medium().isEmpty() ? "(none)" : h.medium());
        row(out, "subnet", "boot " + h.subnet().bootMode() + ", mask " + orNone(h.subnet().mask()) + ", gateway "
                + orNone(h.subnet().gateway()) + ", dns " + (h.subnet().dns().isEmpty() ? "(none)" : String.join(" ", h.subnet().dns())));
        row(out, "params", h.params().isEmpty() ? "(none)" : join(new TreeMap<>(h.params())));
        row(out, "templates", h.templates().isEmpty() ? "(family defaults)" : h.templates().entrySet().stream()
                .map(e -> e.getKey().foremanName() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")));
        row(out, "revision", h.revision());
        row(out, "source", h.source());
    }

    private static String join(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "(none)" : s;
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-11s %s%n", name, value);
    }
}
