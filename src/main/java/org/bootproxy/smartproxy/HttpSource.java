package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Boot files over http and https: {@code If-Modified-Since} the local copy, the server's {@code Last-Modified} kept,
 * redirects followed (the client's setting), 408/429/5xx and broken connections retried, each attempt bounded.
 */
final class HttpSource implements BootFileSource {
    private static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);

    private final HttpClient client;
    private final Duration maxTime;

    /** @param maxTime longest one attempt may take (smart-proxy's curl --max-time) */
    HttpSource(HttpClient client, Duration maxTime) {
        this.client = client;
        this.maxTime = maxTime;
    }

    @Override
    public Outcome fetch(URI url, Path target, Path temp) throws IOException, InterruptedException, Retryable {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().header("User-Agent", "bootproxy");
        if (Files.isRegularFile(target)) {
            Instant local = Files.getLastModifiedTime(target).toInstant();
            request.header("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(local.atZone(ZoneOffset.UTC)));
        }
        HttpResponse<Path> response = send(request.build(), temp);
        int status = response.statusCode();
        if (status == 304) {
            return Outcome.UP_TO_DATE;
        }
        if (RETRIED.contains(status)) {
            throw new Retryable("the server answered " + status, null);
        }
        if (status != 200) {
            throw new IOException("the server answered " + status);
        }
        Optional<Instant> modified = response.headers().firstValue("Last-Modified").flatMap(HttpSource::httpDate);
        if (modified.isPresent()) {
            Files.setLastModifiedTime(temp, FileTime.from(modified.get()));
        }
        return Outcome.DONE;
    }

    /** One GET, the body into {@code temp} when it is a 200; bounded by the attempt's time. */
    private HttpResponse<Path> send(HttpRequest request, Path temp) throws IOException, InterruptedException, Retryable {
        HttpResponse.BodyHandler<Path> toFile = info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.ofFile(temp) : HttpResponse.BodySubscribers.replacing(temp);
        CompletableFuture<HttpResponse<Path>> call = client.sendAsync(request, toFile);
        try {
            return call.get(maxTime.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Retryable("not finished after " + maxTime.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new Retryable(describe(io), io);
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
