package org.bootproxy.http;

import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.RecordingEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.boot.UnknownMachineAnswer;

/**
 * A real bootproxy HTTP server on a free loopback port around a real {@link BootService} with fakes
 * behind it, plus a client. Close it to stop the server.
 */
final class HttpFixture implements AutoCloseable {
    static final int RETRY_SECONDS = 7;

    /** Template names the {@link EchoRenderer} echoes back, per family and kind, so a test sees which one was chosen. */
    static final BootSettings BOOT_SETTINGS = new BootSettings(URI.create("http://192.0.2.1:8000"), 4,
            UnknownMachineAnswer.MESSAGE,
            Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "kickstart/default",
                            TemplateKind.FINISH, "kickstart/finish", TemplateKind.USER_DATA, "cloudinit/user-data",
                            TemplateKind.PXELINUX, "pxelinux/kickstart", TemplateKind.PXEGRUB2, "grub2/kickstart"),
                    "Debian", Map.of(TemplateKind.IPXE, "ipxe/preseed", TemplateKind.PROVISION, "preseed/default")),
            RETRY_SECONDS);

    final RecordingEvents events = new RecordingEvents();
    final HttpServer server;
    private final String host;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpFixture(HostInventory inventory) {
        this(inventory, new EchoRenderer(), new MemoryBuildStates(), HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE);
    }

    HttpFixture(HostInventory inventory, TemplateRenderer renderer) {
        this(inventory, renderer, new MemoryBuildStates(), HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE);
    }

    /** With the profiles and groups of {@code site} for machines in no inventory. */
    HttpFixture(HostInventory inventory, SiteDefinitions site) {
        this(inventory, new EchoRenderer(), new MemoryBuildStates(), HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE,
                site);
    }

    HttpFixture(HostInventory inventory, TemplateRenderer renderer, BuildStateStore states, HttpSettings settings,
                HttpExtensions extensions) {
        this(inventory, renderer, states, settings, extensions, SiteDefinitions.NONE);
    }

    HttpFixture(HostInventory inventory, TemplateRenderer renderer, BuildStateStore states, HttpSettings settings,
                HttpExtensions extensions, SiteDefinitions site) {
        BootService boot = new BootService(inventory, renderer, states, events, BOOT_SETTINGS, Clock.systemUTC(), site);
        server = new HttpServer(boot, settings, events, Clock.systemUTC(), extensions);
        host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + host + ":" + server.port() + pathAndQuery);
    }

    /** GET with optional header name/value pairs. */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
        return post(pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends {@code request} byte for byte (for requests HttpClient refuses to make) and returns the whole answer. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code GET path} sent raw, connection closed after the answer. */
    String rawGet(String path) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: test\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
    }

    @Override
    public void close() {
        server.stop();
    }
}
