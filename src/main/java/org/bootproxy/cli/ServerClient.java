package org.bootproxy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the commands that ask a running {@code serve} share ({@code machines}, {@code trace}): where it is
 * ({@code --url}, else the config's {@code http_address}, a wildcard address read as this machine) and one HTTP
 * client, with a message naming both when nothing answers there.
 */
final class ServerClient {

    @Mixin
    CommonOptions common;

    @Option(names = "--url", paramLabel = "URL",
            description = "Where the running bootproxy answers HTTP, e.g. http://192.0.2.1:8000. Default: http_address from"
                    + " the config (0.0.0.0 is read as 127.0.0.1)")
    String url;

    /**
     * Made on the first request, not with the command: picocli makes every command's object on every start, and
     * an HTTP client sets up TLS (the JDK's trust store) for a fifth of a second of {@code serve}'s start.
     */
    private HttpClient client;

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    URI base() {
        if (url != null && !url.isBlank()) {
            return URI.create(url.trim().replaceAll("/+$", ""));
        }
        BootproxyConfig s = common.resolve(Overrides.NONE);
        String host = s.httpAddress().isWildcard() ? "127.0.0.1" : s.httpAddress().urlHost();
        return URI.create("http://" + host + ":" + s.httpAddress().port());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(base().resolve(path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> call(HttpRequest r, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        try {
            return client().send(r, handler);
        } catch (ConnectException e) {
            throw new NotServing("no bootproxy answers at " + base() + " (is 'bootproxy serve' running? give its address"
                    + " with --url, e.g. --url http://192.0.2.1:8000)");
        }
    }

    /** Nothing answers at the address. */
    static final class NotServing extends IOException {
        NotServing(String message) {
            super(message);
        }
    }
}
