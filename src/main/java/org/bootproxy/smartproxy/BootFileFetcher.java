package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bootproxy.support.SingleFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tftp/fetch_boot_file}: downloads a kernel or initrd from the installation medium into the TFTP
 * root in the background, named as smart-proxy names it ({@code prefix + "-" + basename}, or
 * {@code prefix + basename} when the prefix ends in {@code /}). Like smart-proxy's curl call: a connect
 * timeout, retries after timeouts and 408/429/5xx answers, an overall time limit, redirects followed, only
 * downloaded when the server's copy is newer than the local one, and the server's modification time kept.
 * One download per target file at a time; asking again while it runs joins the running one.
 */
final class BootFileFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(BootFileFetcher.class);
    private static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);

    private final TftpRootFiles root;
    private final HttpClient client;
    private final SmartProxySettings.Timeouts timeouts;
    private final Executor executor;
    private final SingleFlight<Path, Path> downloads = new SingleFlight<>();

    BootFileFetcher(TftpRootFiles root, HttpClient client, SmartProxySettings.Timeouts timeouts, Executor executor) {
        this.root = root;
        this.client = client;
        this.timeouts = timeouts;
        this.executor = executor;
    }

    /**
     * Starts the download (or joins the one running for the same file).
     *
     * @return the download; it completes with the file, or exceptionally when every attempt failed.
     *         Empty for an {@code nfs://} path, which smart-proxy skips too
     * @throws IllegalArgumentException for a missing prefix or path, a scheme other than http(s), or a target
     *                                  outside the TFTP root (answered 400)
     */
    Optional<CompletableFuture<Path>> fetch(String prefix, String path) throws IOException {
        if (prefix == null || prefix.isBlank() || path == null || path.isBlank()) {
            throw new IllegalArgumentException("prefix and path are both required");
        }
        URI url = url(path.trim());
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("nfs")) {
            LOG.info("fetch_boot_file: skipping {}: NFS media are not downloaded", path);
            return Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("cannot download " + scheme + ":// URLs, only http:// and https://");
        }
        Path target = root.resolve(targetName(prefix.trim(), url));
        SingleFlight.Outcome<CompletableFuture<Path>> download;
        try {
            download = downloads.launch(target, () -> {
                CompletableFuture<Path> done = new CompletableFuture<>();
                executor.execute(() -> download(url, target, done));
                return done;
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("cannot start the download: " + e.getMessage(), e);
        }
        if (download.shared()) {
            LOG.info("fetch_boot_file: {} is already being downloaded; not starting a second download", target);
        }
        return Optional.of(download.value());
    }

    /** smart-proxy's naming: {@code prefix-basename}, or {@code prefix basename} when the prefix is a folder. */
    static String targetName(String prefix, URI url) {
        String p = url.getPath() == null ? "" : url.getPath();
        String base = p.substring(p.lastIndexOf('/') + 1);
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            throw new IllegalArgumentException("the URL " + url + " does not end in a file name");
        }
        return prefix.endsWith("/") ? prefix + base : prefix + "-" + base;
    }

    private static URI url(String path) {
        try {
            URI u = new URI(path);
            if (u.getScheme() == null || u.getHost() == null && !"nfs".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("'" + path + "' is not an absolute URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + path + "' is not a URL: " + e.getReason(), e);
        }
    }

    private void download(URI url, Path target, CompletableFuture<Path> done) {
        long started = System.nanoTime();
        Exception last = null;
        for (int attempt = 1; attempt <= timeouts.retries() + 1; attempt++) {
            try {
                Outcome outcome = attempt(url, target);
                if (outcome == Outcome.DONE) {
                    LOG.info("fetch_boot_file: {} downloaded to {} ({} bytes, {} ms)", url, target, Files.size(target),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    done.complete(target);
                    return;
                }
                if (outcome == Outcome.UP_TO_DATE) {
                    LOG.info("fetch_boot_file: {} is up to date with {}", target, url);
                    done.complete(target);
                    return;
                }
            } catch (RetryableFailure e) {
                last = e;
                LOG.warn("fetch_boot_file: {} attempt {} failed: {}", url, attempt, e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("fetch_boot_file: {} cannot be downloaded to {}: {}", url, target, e.getMessage());
                done.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                LOG.error("fetch_boot_file: {} to {} failed on a bug", url, target, e);
                done.completeExceptionally(e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
                return;
            }
            if (attempt <= timeouts.retries() && !pause()) {
                done.completeExceptionally(new InterruptedException("stopped while waiting to retry"));
                return;
            }
        }
        LOG.error("fetch_boot_file: {} not downloaded after {} attempts: {}", url, timeouts.retries() + 1,
                last == null ? "?" : last.getMessage());
        done.completeExceptionally(last);
    }

    private boolean pause() {
        try {
            Thread.sleep(timeouts.retryDelay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private enum Outcome { DONE, UP_TO_DATE }

    /** A failure worth another attempt: a timeout, a dropped connection, a 408/429/5xx answer. */
    private static final class RetryableFailure extends Exception {
        RetryableFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Outcome attempt(URI url, Path target) throws IOException, InterruptedException, RetryableFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().header("User-Agent", "bootproxy");
        if (Files.isRegularFile(target)) {
            Instant local = Files.getLastModifiedTime(target).toInstant();
            request.header("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(local.atZone(ZoneOffset.UTC)));
        }
        Path temp = root.temporaryFor(target);
        try {
            HttpResponse<Path> response = send(request.build(), temp);
            int status = response.statusCode();
            if (status == 304) {
                return Outcome.UP_TO_DATE;
            }
            if (RETRIED.contains(status)) {
                throw new RetryableFailure("the server answered " + status, null);
            }
            if (status != 200) {
                throw new IOException("the server answered " + status);
            }
            Optional<Instant> modified = response.headers().firstValue("Last-Modified").flatMap(BootFileFetcher::httpDate);
            if (modified.isPresent()) {
                Files.setLastModifiedTime(temp, FileTime.from(modified.get()));
            }
            root.commit(temp, target);
            return Outcome.DONE;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One GET, the body into {@code temp} when it is a 200; bounded by the overall download time. */
    private HttpResponse<Path> send(HttpRequest request, Path temp) throws IOException, InterruptedException, RetryableFailure {
        HttpResponse.BodyHandler<Path> toFile = info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.ofFile(temp) : HttpResponse.BodySubscribers.replacing(temp);
        CompletableFuture<HttpResponse<Path>> call = client.sendAsync(request, toFile);
        Duration max = timeouts.downloadMax();
        try {
            return call.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RetryableFailure("not finished after " + max.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new RetryableFailure(describe(io), io);
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    private static String describe(IOException e) {
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
