package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.OneLine;
import org.bootproxy.support.SingleFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tftp/fetch_boot_file}: downloads a kernel or initrd from the installation medium into the TFTP
 * root in the background, named as smart-proxy names it ({@code prefix + "-" + basename}, or
 * {@code prefix + basename} when the prefix ends in {@code /}), from the schemes smart-proxy downloads (http, https,
 * ftp; {@code nfs://} is skipped). Like smart-proxy's curl call: a connect timeout, retries after timeouts and
 * failures worth retrying, an overall time limit, redirects followed, only downloaded when the server's copy is
 * newer than the local one, and the server's modification time kept. One download per target file at a time;
 * asking again while it runs joins the running one.
 */
final class BootFileFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(BootFileFetcher.class);
    /** smart-proxy's message for a target outside the TFTP root ({@code modules/tftp/server.rb}). */
    static final String OUTSIDE = "TFTP destination outside of tftproot";

    private final TftpRootFiles root;
    private final Map<String, BootFileSource> sources;
    private final SmartProxySettings.Timeouts timeouts;
    private final Executor executor;
    private final SingleFlight<Path, Path> downloads = new SingleFlight<>();

    /** http(s) with {@code client}, ftp with smart-proxy's default connect timeout. */
    BootFileFetcher(TftpRootFiles root, HttpClient client, SmartProxySettings.Timeouts timeouts, Executor executor) {
        this(root, client, SmartProxySettings.Downloads.DEFAULTS, timeouts, executor);
    }

    /** @param client for http and https (its connect timeout and TLS already set from {@code downloads}) */
    BootFileFetcher(TftpRootFiles root, HttpClient client, SmartProxySettings.Downloads downloads,
                    SmartProxySettings.Timeouts timeouts, Executor executor) {
        this.root = root;
        BootFileSource http = new HttpSource(client, timeouts.downloadMax());
        this.sources = Map.of("http", http, "https", http,
                "ftp", new FtpSource(downloads.connectTimeout(), timeouts.downloadMax()));
        this.timeouts = timeouts;
        this.executor = executor;
    }

    /**
     * Starts the download (or joins the one running for the same file).
     *
     * @return the download; it completes with the file, or exceptionally when every attempt failed.
     *         Empty for an {@code nfs://} path, which smart-proxy skips too
     * @throws IllegalArgumentException for a missing prefix or path, or a scheme smart-proxy does not download
     * @throws ConfinedRoot.OutsideRoot for a target outside the TFTP root (answered with smart-proxy's {@link #OUTSIDE})
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
        BootFileSource source = sources.get(scheme);
        if (source == null) {
            throw new IllegalArgumentException("Cannot fetch boot file, unknown protocol for medium source path: " + path.trim());
        }
        Path target;
        try {
            target = root.resolve(targetName(prefix.trim(), url));
        } catch (ConfinedRoot.OutsideRoot e) {
            LOG.warn("fetch_boot_file: prefix {} and {} name a file outside the TFTP root: {}", OneLine.of(prefix, 200),
                    OneLine.of(path, 200), e.getMessage());
            throw e;
        }
        SingleFlight.Outcome<CompletableFuture<Path>> download;
        try {
            download = downloads.launch(target, () -> {
                CompletableFuture<Path> done = new CompletableFuture<>();
                executor.execute(() -> download(source, url, target, done));
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

    private void download(BootFileSource source, URI url, Path target, CompletableFuture<Path> done) {
        long started = System.nanoTime();
        Exception last = null;
        for (int attempt = 1; attempt <= timeouts.retries() + 1; attempt++) {
            try {
                if (attempt(source, url, target) == BootFileSource.Outcome.DONE) {
                    LOG.info("fetch_boot_file: {} downloaded to {} ({} bytes, {} ms)", url, target, Files.size(target),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } else {
                    LOG.info("fetch_boot_file: {} is up to date with {}", target, url);
                }
                done.complete(target);
                return;
            } catch (BootFileSource.Retryable e) {
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

    /** One attempt into a temporary file beside the target, put in place only when it is whole. */
    private BootFileSource.Outcome attempt(BootFileSource source, URI url, Path target)
            throws IOException, InterruptedException, BootFileSource.Retryable {
        Path temp = root.temporaryFor(target);
        try {
            BootFileSource.Outcome outcome = source.fetch(url, target, temp);
            if (outcome == BootFileSource.Outcome.DONE) {
                root.commit(temp, target);
            }
            return outcome;
        } finally {
            Files.deleteIfExists(temp);
        }
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
}
