package org.bootproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bootproxy.boot.MacAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bootproxy trace MAC}: one machine's boot, step by step, from a running bootproxy. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {
            "Print one machine's boot timeline from the running bootproxy (GET /events/MAC): every TFTP transfer (also those",
            "that only knew the client's address, joined to the MAC once a request carried both), HTTP answer with its",
            "template and outcome, unknown-machine report, build report and announcement, oldest first.",
            "--follow keeps printing new events as they happen (server-sent events) until Ctrl-C.",
            "Exit code: 0 done, 2 bad arguments or config, 3 no bootproxy answers."})
final class TraceCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ServerClient server;

    @Parameters(index = "0", paramLabel = "MAC", description = "Any MAC of the machine, in any usual spelling")
    String mac;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events as they happen")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        MacAddress m = MacAddress.tryParse(mac).orElse(null);
        if (m == null) {
            System.err.println("error: '" + mac + "' is not a MAC address (expected e.g. 52:54:00:12:34:56)");
            return 2;
        }
        PrintStream out = System.out;
        try {
            if (follow) {
                return follow(m, out);
            }
            HttpResponse<String> r = server.send("GET", "/events/" + m.colons());
            if (r.statusCode() != 200) {
                System.err.println("error: " + server.base() + " answered " + r.statusCode() + ": " + r.body().strip());
                return 1;
            }
            JsonNode events = JSON.readTree(r.body()).path("events");
            if (events.isEmpty()) {
                out.println("no events for " + m + " since bootproxy started (timelines are kept in memory): has it"
                        + " network-booted? is its MAC right?");
                return 0;
            }
            events.forEach(e -> out.println(line(e)));
            return 0;
        } catch (ServerClient.NotServing e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
    }

    private int follow(MacAddress m, PrintStream out) throws Exception {
        HttpResponse<InputStream> r = server.stream("/events/" + m.colons() + "?follow");
        if (r.statusCode() != 200) {
            System.err.println("error: " + server.base() + " answered " + r.statusCode());
            return 1;
        }
        out.println("# following " + m + " at " + server.base() + " (Ctrl-C to stop)");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.startsWith("data:")) {
                    out.println(line(JSON.readTree(l.substring(5).trim())));
                    out.flush();
                }
            }
        }
        return 0;
    }

    /** {@code 2026-11-21T02:00:01.2Z  tftp        ok      pxelinux.0  client=… bytes=…} */
    static String line(JsonNode e) {
        List<String> fields = new ArrayList<>();
        e.path("fields").fields().forEachRemaining(f -> {
            String v = f.getValue().asText();
            fields.add(f.getKey() + "=" + (v.isEmpty() || v.contains(" ") ? "\"" + v + "\"" : v));
        });
        return String.format("%-27s %-16s %-9s %-28s %s%s", e.path("at").asText(), e.path("stage").asText(),
                e.path("outcome").asText(), e.path("detail").asText().isEmpty() ? "-" : e.path("detail").asText(),
                e.path("client").asText().isEmpty() ? "" : "client=" + e.path("client").asText() + " ",
                String.join(" ", fields)).stripTrailing();
    }
}
