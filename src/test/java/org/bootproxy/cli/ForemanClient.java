package org.bootproxy.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.bootproxy.inventory.upstream.Tls;

/**
 * Calls a smart proxy the way Foreman's {@code ProxyAPI::Resource} does (RestClient): {@code Accept: application/json},
 * {@code X-Request-Id} and {@code X-Session-Id}, hash payloads form-encoded, and over HTTPS Foreman's client
 * certificate with the proxy verified against the CA.
 */
final class ForemanClient {
    private final HttpClient client;

    private ForemanClient(Optional<SSLContext> tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        tls.ifPresent(b::sslContext);
        this.client = b.build();
    }

    /** Presents {@code cert}/{@code key} (PEM; "" for none) and trusts {@code ca}. */
    static ForemanClient withCertificate(String ca, String cert, String key) {
        return new ForemanClient(Optional.of(Tls.context("ca", ca, "cert", cert, "key", key)));
    }

    static ForemanClient plain() {
        return new ForemanClient(Optional.empty());
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return client.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> payload) throws Exception {
        StringJoiner form = new StringJoiner("&");
        payload.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(URI uri) throws Exception {
        return client.send(request(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("User-Agent", "rest-client/2.1.0 (linux x86_64) ruby/3.0.7p220")
                .header("X-Request-Id", UUID.randomUUID().toString())
                .header("X-Session-Id", UUID.randomUUID().toString());
    }
}
