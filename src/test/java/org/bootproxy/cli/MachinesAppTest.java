package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server as {@code serve} wires it: discovered machines, their timelines, the operator's calls behind the
 * management trust, reinstalling a host, and what /metrics and /readyz say about a broken template.
 */
class MachinesAppTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WEB01_MAC = "52:54:00:00:01:01";

    @TempDir
    Path state;
    @TempDir
    Path tftpRoot;
    @TempDir
    Path templates;

    final HttpClient client = HttpClient.newHttpClient();
    RunningBootproxy app;

    void start(String... more) {
        app = RunningBootproxy.onLoopback(templates, state, tftpRoot, more);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    void copyShippedTemplates() throws Exception {
        Path from = Path.of("templates");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = templates.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    /** The issue's own example: after the unknown-machine report, the machine is listed and on every MAC's timeline. */
    @Test
    void anUnknownMachineIsListedWithWhatItReportedAndOnTheTimelineOfEachMac() throws Exception {
        copyShippedTemplates();
        start();
        var r = get("/unattended/iPXE?unknown=1&macs=52:54:00:aa:bb:01,52:54:00:aa:bb:02&serial=SN123"
                + "&manufacturer=QEMU&product=Standard%20PC%20(i440FX%20+%20PIIX,%201996)&uuid=86A9F546-D31B-4BA2-9BBB-303B61BCF8D1"
                + "&arch=i386&platform=pcbios&bootif=52:54:00:aa:bb:02");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("this machine is not in the inventory");

        JsonNode machines = JSON.readTree(get("/api/machines").body()).path("machines");
        assertThat(machines).hasSize(1);
        JsonNode m = machines.get(0);
        assertThat(m.path("id").asText()).isEqualTo("525400aabb01");
        assertThat(m.path("macs").toString()).isEqualTo("[\"52:54:00:aa:bb:01\",\"52:54:00:aa:bb:02\"]");
        assertThat(m.path("serial").asText()).isEqualTo("SN123");
        assertThat(m.path("manufacturer").asText()).isEqualTo("QEMU");
        assertThat(m.path("product").asText()).isEqualTo("Standard PC (i440FX + PIIX, 1996)");
        assertThat(m.path("uuid").asText()).isEqualTo("86a9f546-d31b-4ba2-9bbb-303b61bcf8d1");
        assertThat(m.path("arch").asText()).isEqualTo("i386");
        assertThat(m.path("platform").asText()).isEqualTo("pcbios");
        assertThat(m.path("bootif").asText()).isEqualTo("52:54:00:aa:bb:02");
        assertThat(m.path("client_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(m.path("boots").asInt()).isEqualTo(1);
        assertThat(m.path("first_seen").asText()).isNotEmpty();

        String timeline = get("/events/52:54:00:aa:bb:02").body();
        assertThat(timeline).contains("\"stage\" : \"unknown-machine\"").contains("SN123");
        assertThat(get("/metrics").body()).contains("bootproxy_discovered_machines 1.0")
                .contains("bootproxy_unknown_machines_total 1.0");
    }

    @Test
    void removingAMachineTakesTheManagementTrust() throws Exception {
        copyShippedTemplates();
        start();
        get("/unattended/iPXE?unknown=1&macs=52:54:00:aa:bb:01");
        var refused = send("DELETE", "/api/machines/525400aabb01");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("trusted_hosts");
        assertThat(JSON.readTree(get("/api/machines").body()).path("machines")).hasSize(1);
        app.close();

        start("trusted_hosts: [127.0.0.1]");
        assertThat(JSON.readTree(get("/api/machines").body()).path("machines")).as("kept across the restart").hasSize(1);
        var removed = send("DELETE", "/api/machines/52:54:00:aa:bb:01");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("525400aabb01");
        assertThat(JSON.readTree(get("/api/machines").body()).path("machines")).isEmpty();
        assertThat(send("DELETE", "/api/machines/525400aabb01").statusCode()).isEqualTo(404);
    }

    @Test
    void aBuiltHostIsRefusedItsKickstartNamingTheResultAndRebuildClearsIt() throws Exception {
        copyShippedTemplates();
        start("trusted_hosts: [127.0.0.1]");
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC).statusCode()).isEqualTo(200);
        assertThat(get("/unattended/built?mac=" + WEB01_MAC).statusCode()).isEqualTo(201);

        var refused = get("/unattended/provision?mac=" + WEB01_MAC);
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.body()).contains("recorded as built at").contains("bootproxy rebuild web01.example.com")
                .doesNotContain("set build: true");
        assertThat(get("/unattended/built?mac=" + WEB01_MAC).body()).contains("recorded as built at");

        var rebuilt = send("POST", "/api/hosts/" + WEB01_MAC + "/rebuild");
        assertThat(rebuilt.statusCode()).isEqualTo(200);
        assertThat(rebuilt.body()).contains("\"host\" : \"web01.example.com\"").contains("\"status\" : \"built\"")
                .contains("installs on its next network boot");
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/hosts/no-such-host/rebuild").statusCode()).isEqualTo(404);
        assertThat(get("/events/" + WEB01_MAC).body()).contains("\"stage\" : \"rebuild\"");
    }

    /** A template left broken: iPXE gets a 200 retry script, which /metrics counts as an error and /readyz names. */
    @Test
    void aBrokenTemplateIsCountedAsAnErrorAndNamedByReadyz() throws Exception {
        copyShippedTemplates();
        Path kickstart = templates.resolve("ipxe/kickstart.ftl");
        Files.writeString(kickstart, Files.readString(kickstart) + "\n[=host.no_such_value]\n");
        start();
        assertThat(get("/readyz").statusCode()).as("lint finds it before any machine does").isEqualTo(503);

        var r = get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe").contains("ipxe/kickstart");
        assertThat(get("/metrics").body()).contains("bootproxy_answers_total{outcome=\"error\",stage=\"ipxe\"} 1.0")
                .doesNotContain("bootproxy_answers_total{outcome=\"ok\",stage=\"ipxe\"}");
        var ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).startsWith("not ready\n").contains("templates: FAILING")
                .contains("ipxe/kickstart failed at").contains("for " + WEB01_MAC)
                .contains("no_such_value").contains("inventory: ok").contains("tftp: ok");
        assertThat(get("/healthz").statusCode()).as("liveness is not readiness").isEqualTo(200);
    }

    @Test
    void readyzIsReadyWhenAllIsWell() throws Exception {
        copyShippedTemplates();
        start();
        var ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("ready\n").contains("templates: ok").contains("lint ok for 11 host(s)")
                .contains("tftp: ok - running on 127.0.0.1:0");
    }

    @Test
    void followingATimelineStreamsEachNewEventAsItHappens() throws Exception {
        copyShippedTemplates();
        start();
        get("/unattended/iPXE?mac=" + WEB01_MAC);
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        var stream = client.send(HttpRequest.newBuilder(app.http("/events/" + WEB01_MAC + "?follow")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> readLines(stream.body(), lines));
        reader.setDaemon(true);
        reader.start();
        assertThat(awaitLine(lines, "ipxe/kickstart")).as("the timeline so far").startsWith("data:");
        get("/unattended/provision?mac=" + WEB01_MAC);
        assertThat(awaitLine(lines, "provision/kickstart")).as("a new event").startsWith("data:");
        stream.body().close();
    }

    private static void readLines(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.offer(l);
            }
        } catch (Exception e) {
            // the test closed the stream
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.contains(containing)) {
                return l;
            }
        }
        throw new AssertionError("no line containing " + containing);
    }
}
