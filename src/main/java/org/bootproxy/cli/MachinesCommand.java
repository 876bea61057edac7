package org.bootproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy machines}: the machines a running bootproxy has seen network-booting. */
@Command(name = "machines", mixinStandardHelpOptions = true,
        description = {
            "List the machines the running bootproxy recorded as they network-booted (GET /api/machines): every MAC,",
            "serial, manufacturer, product, architecture, address, last seen, boots, and the host one of its MACs belongs",
            "to (- while none does: copy a MAC into a host file to install it).",
            "--remove forgets one (DELETE /api/machines/ID): it needs the management trust, i.e. this machine's address in",
            "trusted_hosts (e.g. trusted_hosts: [127.0.0.1]).",
            "Exit code: 0 done, 1 no such machine or refused, 2 bad arguments or config, 3 no bootproxy answers."})
final class MachinesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ServerClient server;

    @Option(names = "--json", description = "Print the records as JSON, as GET /api/machines answers")
    boolean json;

    @Option(names = "--remove", paramLabel = "ID", description = "Forget this machine (its id or any of its MACs)")
    String remove;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try {
            if (remove != null) {
                HttpResponse<String> r = server.send("DELETE", "/api/machines/" + URLEncoder.encode(remove.trim(),
                        StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    System.err.println("error: " + server.base() + " answered " + r.statusCode() + ": " + r.body().strip());
                    return 1;
                }
                out.println("removed " + JSON.readTree(r.body()).path("removed").path("id").asText());
                return 0;
            }
            HttpResponse<String> r = server.send("GET", "/api/machines");
            if (r.statusCode() != 200) {
                System.err.println("error: " + server.base() + " answered " + r.statusCode() + ": " + r.body().strip());
                return 1;
            }
            if (json) {
                out.print(r.body().endsWith("\n") ? r.body() : r.body() + "\n");
                return 0;
            }
            out.print(table(JSON.readTree(r.body()).path("machines")));
            return 0;
        } catch (ServerClient.NotServing e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
    }

    /** One line per machine, columns padded to their widest value. */
    static String table(JsonNode machines) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "MACS", "SERIAL", "MANUFACTURER", "PRODUCT", "ARCH", "ADDRESS", "LAST SEEN", "BOOTS", "HOST"});
        for (JsonNode m : machines) {
            List<String> macs = new ArrayList<>();
            m.path("macs").forEach(x -> macs.add(x.asText()));
            String arch = m.path("arch").asText("") + (m.path("platform").asText("").isEmpty() ? "" : "/" + m.path("platform").asText());
            rows.add(new String[] {m.path("id").asText(), String.join(",", macs), dash(m.path("serial").asText("")),
                dash(m.path("manufacturer").asText("")), dash(m.path("product").asText("")), dash(arch),
                dash(m.path("client_ip").asText("")), m.path("last_seen").asText(), m.path("boots").asText(),
                dash(m.path("host").asText(""))});
        }
        int[] width = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                b.append(i == row.length - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
            }
            b.append('\n');
        }
        b.append(rows.size() - 1).append(" machine(s)\n");
        return b.toString();
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
