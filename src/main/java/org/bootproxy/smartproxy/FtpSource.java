package org.bootproxy.smartproxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.bootproxy.support.OneLine;

/**
 * Boot files from {@code ftp://} media, which smart-proxy downloads with curl too: anonymous login unless the URL
 * names a user, passive binary transfer of the URL's path (relative to the login folder, as curl reads it), the
 * server's {@code MDTM} time compared with the local copy's and kept. Refused connections, timeouts and the
 * server's 4xx answers ("try again later") are retried; a 5xx (no such file, login refused) is not.
 */
final class FtpSource implements BootFileSource {
    private static final int FTP_PORT = 21;

    private final Duration connectTimeout;
    private final Duration maxTime;

    /**
     * @param connectTimeout tftp_connect_timeout: to the server's control port
     * @param maxTime        longest one attempt may take (smart-proxy's curl --max-time); the transfer is cut then
     */
    FtpSource(Duration connectTimeout, Duration maxTime) {
        this.connectTimeout = connectTimeout;
        this.maxTime = maxTime;
    }

    @Override
    public Outcome fetch(URI url, Path target, Path temp) throws IOException, InterruptedException, Retryable {
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        ftp.setDefaultTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(connectTimeout.toMillis(), 30_000)));
        ftp.setDataTimeout(Duration.ofSeconds(60).compareTo(maxTime) < 0 ? Duration.ofSeconds(60) : maxTime);
        AtomicBoolean cut = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            cut.set(true);
            disconnect(ftp);
        }, CompletableFuture.delayedExecutor(maxTime.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return transfer(ftp, url, target, temp);
        } catch (IOException e) {
            if (cut.get()) {
                throw new Retryable("not finished after " + maxTime.toSeconds() + " s", e);
            }
            // the connection failed or dropped (refused, timed out, reset): worth another attempt
            if (e instanceof SocketException || e instanceof java.net.SocketTimeoutException
                    || e instanceof org.apache.commons.net.ftp.FTPConnectionClosedException) {
                throw new Retryable(HttpSource.describe(e), e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            disconnect(ftp);
        }
    }

    private Outcome transfer(FTPClient ftp, URI url, Path target, Path temp) throws IOException, Retryable {
        ftp.connect(url.getHost(), url.getPort() < 0 ? FTP_PORT : url.getPort());
        check(ftp, "connecting");
        String[] user = credentials(url);
        if (!ftp.login(user[0], user[1])) {
            throw failure(ftp, "logging in as " + user[0]);
        }
        ftp.enterLocalPassiveMode();
        if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
            throw failure(ftp, "switching to binary");
        }
        String path = path(url);
        Instant remote = ftp.mdtmInstant(path); // null when the server has no MDTM
        if (remote != null && Files.isRegularFile(target)
                && !remote.isAfter(Files.getLastModifiedTime(target).toInstant())) {
            ftp.logout();
            return Outcome.UP_TO_DATE;
        }
        boolean done;
        try (OutputStream out = Files.newOutputStream(temp)) {
            done = ftp.retrieveFile(path, out);
        }
        if (!done) {
            throw failure(ftp, "fetching " + path);
        }
        if (remote != null) {
            Files.setLastModifiedTime(temp, FileTime.from(remote));
        }
        ftp.logout();
        return Outcome.DONE;
    }

    /** The user and password the URL names, else anonymous (curl's {@code ftp@example.com}-style password). */
    private static String[] credentials(URI url) {
        String info = url.getUserInfo();
        if (info == null || info.isEmpty()) {
            return new String[] {"anonymous", "bootproxy@"};
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {info, ""} : new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }

    /** The URL's path relative to the login folder (curl's reading); {@code ftp://host//abs/file} stays absolute. */
    private static String path(URI url) {
        String p = url.getPath() == null ? "" : url.getPath();
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private static void check(FTPClient ftp, String doing) throws IOException, Retryable {
        if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
            throw failure(ftp, doing);
        }
    }

    /** The server's last answer: 4xx is "try again later" (retried), anything else is final. */
    private static IOException failure(FTPClient ftp, String doing) throws Retryable {
        int code = ftp.getReplyCode();
        String reply = ftp.getReplyString() == null ? "" : OneLine.of(ftp.getReplyString().strip(), 200);
        String message = "the FTP server answered " + (reply.isEmpty() ? String.valueOf(code) : "'" + reply + "'") + " " + doing;
        if (FTPReply.isNegativeTransient(code)) {
            throw new Retryable(message, null);
        }
        return new IOException(message);
    }

    private static void disconnect(FTPClient ftp) {
        if (ftp.isConnected()) {
            try {
                ftp.disconnect();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
